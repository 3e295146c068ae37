/**
 * `pedigree audit` on a chain whose one event had one byte of its document changed after
 * sealing: the database keeps the sealed leaf hash, so the audit names that exact leaf and event.
 */
import { audit, auditedChain, flipByte, type AuditedChain } from '../harness/audited-chain';

describe('pedigree audit: one byte of an event changed', () => {
  let chain: AuditedChain;

  beforeAll(async () => {
    chain = await auditedChain('tampered_event');
  });

  afterAll(() => chain?.close());

  it('passes the intact chain, then names the changed leaf and event', async () => {
    const clean = await audit(['--database', chain.databaseUrl]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(
      new RegExp(`^Chain verified: ${chain.blocks.length} blocks, 40 events, head at height`),
    );
    expect(clean.stderr).toContain('Trusting the sealer key recorded in the database');
    expect(chain.blocks.length).toBeGreaterThan(4);

    await chain.platform.stop();
    const victim = chain.leaves[17]!;
    await chain.table.client.query('UPDATE events SET document = $2 WHERE id = $1', [
      victim.id,
      flipByte(victim.document, 12),
    ]);

    const tampered = await audit(['--database', chain.databaseUrl]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(
      `Chain NOT verified: leaf 17 (event ${victim.id}): its event's bytes do not hash to the leaf hash sealed for it`,
    );
  });
});
