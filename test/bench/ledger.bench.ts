/**
 * The ledger's rates against the machine's own SHA-256 rate, measured in the same run.
 *
 * An append hashes the leaf (one SHA-256 of 0x00 || event) and merges the frontier: over n
 * appends that is n leaf hashes plus n-1 node hashes (65-byte inputs), so about two SHA-256 calls
 * per append is the ceiling to compare against.
 */
import {
  CompactRange,
  InMemoryMerkleStore,
  consistencyProof,
  inclusionProof,
  leafHash,
  type CryptoBackend,
} from '@pedigree/ledger';
import { createHash, randomBytes } from 'node:crypto';
import { medianRate, ratePerSecond } from './measure';

export interface LedgerFigures {
  sha256RawPerSecond: number;
  appendPerSecond: number;
  appendStoringNodesPerSecond: number;
  inclusionProofsPerSecond: number;
  consistencyProofsPerSecond: number;
  treeSize: number;
}

const EVENT_BYTES = 200;
const TREE_SIZE = 1 << 20;

export function benchLedger(backend: CryptoBackend, runs = 3): LedgerFigures {
  const event = randomBytes(EVENT_BYTES);
  const node = randomBytes(65);
  // The machine's raw rate: node:crypto one-shot SHA-256 of a 65-byte node input, nothing else.
  const sha256RawPerSecond = medianRate(runs, () =>
    ratePerSecond(() => createHash('sha256').update(node).digest()),
  );

  const appendPerSecond = medianRate(runs, () => {
    const range = CompactRange.empty(backend);
    return ratePerSecond(() => range.append(leafHash(backend, event)));
  });
  const appendStoringNodesPerSecond = medianRate(runs, () => {
    const range = CompactRange.empty(backend);
    const store = new InMemoryMerkleStore();
    return ratePerSecond(() => range.append(leafHash(backend, event), store.visitor));
  });

  // A stored tree of 2^20 leaves; proofs at random indices and sizes (most sizes are not powers of
  // two, so proofs recompute the right edge's ephemeral nodes).
  const store = new InMemoryMerkleStore();
  const range = CompactRange.empty(backend);
  for (let i = 0; i < TREE_SIZE; i++) range.append(leafHash(backend, event), store.visitor);
  const random = (below: number) => Math.floor(Math.random() * below);
  const inclusionProofsPerSecond = medianRate(runs, () =>
    ratePerSecond(
      () => {
        const size = 1 + random(TREE_SIZE);
        inclusionProof(backend, random(size), size, store);
      },
      1_000,
      100,
    ),
  );
  const consistencyProofsPerSecond = medianRate(runs, () =>
    ratePerSecond(
      () => {
        const size2 = 2 + random(TREE_SIZE - 1);
        consistencyProof(backend, 1 + random(size2 - 1), size2, store);
      },
      1_000,
      100,
    ),
  );
  return {
    sha256RawPerSecond,
    appendPerSecond,
    appendStoringNodesPerSecond,
    inclusionProofsPerSecond,
    consistencyProofsPerSecond,
    treeSize: TREE_SIZE,
  };
}
