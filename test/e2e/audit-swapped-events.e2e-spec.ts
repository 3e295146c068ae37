/**
 * `pedigree audit` on a chain where two sealed events swapped documents: every byte is still
 * there, only the order changed; the sealed leaf hashes pin it to the first of the two leaves.
 */
import { audit, auditedChain, type AuditedChain } from '../harness/audited-chain';

describe('pedigree audit: two events swapped', () => {
  let chain: AuditedChain;

  beforeAll(async () => {
    chain = await auditedChain('swapped_events');
  });

  afterAll(() => chain?.close());

  it('names the first swapped leaf', async () => {
    expect((await audit(['--database', chain.databaseUrl])).code).toBe(0);

    await chain.platform.stop();
    const [a, b] = [chain.leaves[9]!, chain.leaves[30]!];
    await chain.table.client.query(
      `UPDATE events SET document = CASE id WHEN $1 THEN $4::bytea ELSE $3::bytea END
        WHERE id IN ($1, $2)`,
      [a.id, b.id, a.document, b.document],
    );

    const tampered = await audit(['--database', chain.databaseUrl]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(
      `Chain NOT verified: leaf 9 (event ${a.id}): its event's bytes do not hash to the leaf hash sealed for it`,
    );
  });
});
