/**
 * `pedigree audit` on a chain where one byte of a block was changed: first its root (no longer
 * the root of its events), then, with the root put back, its link to the block before.
 */
import { audit, auditedChain, flipByte, type AuditedChain } from '../harness/audited-chain';

describe('pedigree audit: one byte of a block changed', () => {
  let chain: AuditedChain;

  beforeAll(async () => {
    chain = await auditedChain('tampered_block');
  });

  afterAll(() => chain?.close());

  const setBlock = (column: 'root' | 'previous_hash', height: number, value: Buffer) =>
    chain.table.client.query(`UPDATE blocks SET ${column} = $2 WHERE height = $1`, [height, value]);

  it('names the block whose root or previous-block hash was changed', async () => {
    expect((await audit(['--database', chain.databaseUrl])).code).toBe(0);
    await chain.platform.stop();
    const block = chain.blocks[2]!;

    await setBlock('root', 2, flipByte(block.root, 0));
    const root = await audit(['--database', chain.databaseUrl]);
    expect(root.code).toBe(1);
    expect(root.stdout).toMatch(
      /^Chain NOT verified: block 2: its root \S+ is not the root of the events it covers/,
    );

    await setBlock('root', 2, block.root);
    expect((await audit(['--database', chain.databaseUrl])).code).toBe(0);

    await setBlock('previous_hash', 2, flipByte(block.previousHash, 31));
    const link = await audit(['--database', chain.databaseUrl]);
    expect(link.code).toBe(1);
    expect(link.stdout).toContain(
      'Chain NOT verified: block 2: its previous-block hash does not match block 1: the link is broken',
    );
  });
});
