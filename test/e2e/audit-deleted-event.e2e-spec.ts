/** `pedigree audit` on a chain one of whose sealed event rows was deleted: that leaf is missing. */
import { audit, auditedChain, type AuditedChain } from '../harness/audited-chain';

describe('pedigree audit: an event row deleted', () => {
  let chain: AuditedChain;

  beforeAll(async () => {
    chain = await auditedChain('deleted_event');
  });

  afterAll(() => chain?.close());

  it('names the missing leaf and the event found in its place', async () => {
    expect((await audit(['--database', chain.databaseUrl])).code).toBe(0);

    await chain.platform.stop();
    await chain.table.client.query('DELETE FROM events WHERE id = $1', [chain.leaves[23]!.id]);

    const tampered = await audit(['--database', chain.databaseUrl]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(
      `Chain NOT verified: leaf 23: missing: the next event on record is leaf 24 (event ${chain.leaves[24]!.id}); an event row was deleted`,
    );
  });
});
