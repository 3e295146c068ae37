/**
 * A small sealed chain for the `pedigree audit` suites: a platform on a fresh database of its own
 * sealing ~40 events into blocks of at most 7, so that each tamper test has several blocks to
 * aim at and one byte to change.
 */
import { EventTable, testDocument, type EventRow, type StoredBlock } from './events';
import { platformEnv } from './services';
import { runPedigree, spawnPlatform, type SpawnedPlatform } from './spawn-platform';
import { workerDatabaseUrl } from './test-database';

export interface AuditedChain {
  databaseUrl: string;
  platform: SpawnedPlatform;
  table: EventTable;
  /** The sealed events, in leaf order. */
  leaves: EventRow[];
  blocks: StoredBlock[];
  /** Stops the platform (idempotent) and closes the table. */
  close(): Promise<void>;
}

/** Starts a platform on `audit_<scenario>`, records `count` events and waits until all are sealed. */
export async function auditedChain(scenario: string, count = 40): Promise<AuditedChain> {
  const databaseUrl = await workerDatabaseUrl(`audit_${scenario}`);
  const platform = await spawnPlatform(
    {
      ...platformEnv(databaseUrl),
      PEDIGREE_BLOCK_INTERVAL_MS: '50',
      PEDIGREE_BLOCK_MAX_EVENTS: '7',
    },
    ['all'],
  );
  const table = await EventTable.connect(databaseUrl);
  const ids: string[] = [];
  for (let n = 0; n < count; n += 10) {
    ids.push(...(await table.insert(Array.from({ length: 10 }, (_, i) => testDocument(n + i)))));
  }
  const leaves = (await table.waitUntilSealed(ids)).sort((a, b) => a.leafIndex! - b.leafIndex!);
  return {
    databaseUrl,
    platform,
    table,
    leaves,
    blocks: await table.blocks(),
    close: async () => {
      await platform.stop();
      await table.close();
    },
  };
}

/** Runs `pedigree audit <args>`. */
export function audit(args: string[]): ReturnType<typeof runPedigree> {
  return runPedigree(['audit', ...args]);
}

/** The height of the block that first covers leaf `index`. */
export function blockCovering(blocks: readonly StoredBlock[], index: number): number {
  return blocks.find((block) => block.treeSize > index)!.height;
}

/** A copy of `bytes` with the byte at `at` changed (its lowest bit flipped). */
export function flipByte(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] ^= 1;
  return copy;
}
