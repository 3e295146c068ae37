/**
 * Reads the chain for `pedigree audit`, straight from PostgreSQL on one plain connection (the
 * audit runs outside the apps): blocks in height order, sealed events in leaf order, and (only to
 * name a changed leaf) the leaf hashes the sealer recorded. The leaves are the hot path (a
 * million of them): one `COPY ... TO STDOUT (FORMAT binary)` streams them as raw bytes, read as
 * they arrive, with no per-row parsing in node-postgres, no hex and no size limit on a range.
 */
import type { ChainSource, SourceBlock, SourceLeaf } from '@pedigree/ledger';
import type { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/** Leaves handed to the audit at a time. */
const BATCH = 10_000;
/** PGCOPY\n\xff\r\n\0, flags (4), header extension length (4). */
const COPY_HEADER = 19;

export class ChainReader implements ChainSource {
  /** Where the audit says it took the sealer keys from when none are pinned. */
  readonly signersFrom = 'recorded in the database';

  constructor(private readonly client: Client) {}

  /** Blocks with height >= `fromHeight`, at most `limit`, in height order. */
  async blocks(fromHeight: number, limit: number): Promise<SourceBlock[]> {
    const { rows } = await this.client.query(
      `SELECT height::float8 AS height, previous_hash AS "previousHash",
              floor(extract(epoch FROM sealed_at) * 1000)::float8 AS "timeMs",
              tree_size::float8 AS "treeSize", root, signature, checkpoint
         FROM blocks WHERE height >= $1 ORDER BY height LIMIT $2`,
      [fromHeight, limit],
    );
    return rows;
  }

  /** Sealed events with leaf index in [from, to), in leaf order, in batches. */
  async *leaves(from: number, to: number): AsyncGenerator<SourceLeaf[]> {
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) {
      throw new RangeError(`leaf range [${from}, ${to}) must be whole numbers`);
    }
    const stream = this.client.query(
      copyTo(`COPY (
        SELECT e.leaf_index, e.id, e.document FROM events e
         WHERE e.leaf_index >= ${from} AND e.leaf_index < ${to}
         ORDER BY e.leaf_index) TO STDOUT (FORMAT binary)`),
    );
    let pending: Buffer = Buffer.alloc(0);
    let headerRead = false;
    let batch: SourceLeaf[] = [];
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      let at = 0;
      if (!headerRead) {
        if (pending.length < COPY_HEADER) continue;
        at = COPY_HEADER + pending.readUInt32BE(15);
        headerRead = true;
      }
      for (;;) {
        const row = readRow(pending, at);
        if (!row) break;
        at = row.end;
        if (row.leaf) batch.push(row.leaf);
      }
      pending = pending.subarray(at);
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  /** The leaf hashes the sealer recorded (merkle_nodes level 0) for leaves [from, to). */
  async sealedLeafHashes(from: number, to: number): Promise<Map<number, Uint8Array>> {
    const { rows } = await this.client.query(
      `SELECT idx::float8 AS idx, hash FROM merkle_nodes WHERE level = 0 AND idx >= $1 AND idx < $2`,
      [from, to],
    );
    return new Map(rows.map((row: { idx: number; hash: Buffer }) => [row.idx, row.hash]));
  }

  /** The vkeys that signed blocks. */
  async signers(): Promise<string[]> {
    const { rows } = await this.client.query(`SELECT DISTINCT signer FROM blocks ORDER BY signer`);
    return rows.map((row: { signer: string }) => row.signer);
  }

  /** Events not sealed yet (they are not part of the chain the audit checks). */
  async unsealedCount(): Promise<number> {
    const { rows } = await this.client.query(
      `SELECT count(*)::float8 AS count FROM events WHERE leaf_index IS NULL`,
    );
    return rows[0].count;
  }

  /** The size of the log at the newest block, 0 when nothing is sealed. */
  async treeSize(): Promise<number> {
    const { rows } = await this.client.query(
      `SELECT coalesce(max(tree_size), 0)::float8 AS size FROM blocks`,
    );
    return rows[0].size;
  }
}

/**
 * One tuple of binary COPY at `at`: field count (int16, -1 ends the data), then per field its
 * length (int32) and bytes; here always leaf_index and id (int8) and the document (bytea, never
 * NULL). Null when the buffer ends inside the tuple.
 */
function readRow(buffer: Buffer, at: number): { end: number; leaf?: SourceLeaf } | null {
  if (buffer.length < at + 2) return null;
  if (buffer.readInt16BE(at) === -1) return { end: at + 2 };
  // leaf_index and id: int8, length 8 each; read in place, as two u32 halves (exact below 2^53).
  const documentAt = at + 2 + 2 * (4 + 8) + 4;
  if (buffer.length < documentAt) return null;
  const end = documentAt + buffer.readInt32BE(documentAt - 4);
  if (buffer.length < end) return null;
  return {
    end,
    leaf: {
      leafIndex: buffer.readUInt32BE(at + 6) * 2 ** 32 + buffer.readUInt32BE(at + 10),
      eventId: String(buffer.readUInt32BE(at + 18) * 2 ** 32 + buffer.readUInt32BE(at + 22)),
      document: buffer.subarray(documentAt, end),
    },
  };
}
