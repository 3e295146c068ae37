/** `pedigree audit` on a chain where one byte of one block's signature was changed. */
import { audit, auditedChain, flipByte, type AuditedChain } from '../harness/audited-chain';

describe("pedigree audit: one byte of a block's signature changed", () => {
  let chain: AuditedChain;

  beforeAll(async () => {
    chain = await auditedChain('tampered_signature');
  });

  afterAll(() => chain?.close());

  it('passes the intact chain, then names the block whose signature fails', async () => {
    expect((await audit(['--database', chain.databaseUrl])).code).toBe(0);

    await chain.platform.stop();
    const block = chain.blocks[3]!;
    await chain.table.client.query('UPDATE blocks SET signature = $2 WHERE height = $1', [
      block.height,
      flipByte(block.signature, 40),
    ]);

    const tampered = await audit(['--database', chain.databaseUrl]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(
      'Chain NOT verified: block 3: its signature does not verify with any trusted sealer key',
    );
    expect(tampered.stdout).toContain('Verified before it: 3 blocks');
  });
});
