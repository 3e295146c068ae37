import { readCheckpoint } from './chain-state';

const NOTE = 'pedigree.local/chain\n42\nq6sLZ0Yk1n4oZ0b8u2E=\n\n— pedigree.local/chain AbCdEf==\n';

describe('readCheckpoint', () => {
  it('reads the log, size and root of a checkpoint the sealer alone signed', () => {
    expect(readCheckpoint(NOTE)).toEqual({
      origin: 'pedigree.local/chain',
      size: 42,
      root: 'q6sLZ0Yk1n4oZ0b8u2E=',
      cosigners: [],
    });
  });

  it('names the witnesses that cosigned it, once each', () => {
    const cosigned = `${NOTE}— witness.example/w1 Zm9v\n— witness.example/w2 YmFy\n— witness.example/w1 Zm9v\n`;
    expect(readCheckpoint(cosigned)?.cosigners).toEqual([
      'witness.example/w1',
      'witness.example/w2',
    ]);
  });

  it('is undefined for anything that is not a checkpoint', () => {
    for (const text of [
      '',
      'pedigree.local/chain\n42\nroot\n',
      'origin\nforty\nroot\n\n— origin x\n',
      '{"code":"NOT_FOUND"}',
    ]) {
      expect(readCheckpoint(text)).toBeUndefined();
    }
  });
});
