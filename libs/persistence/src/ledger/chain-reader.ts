/**
 * Reads the chain for `pedigree audit`, straight from PostgreSQL on one plain connection (the
 * audit runs outside the apps): blocks in height order, and sealed events in leaf order with the
 * leaf hash the sealer recorded for each, in ranges of leaf indexes so that a missing row shows
 * as a gap. The rows have the shape of the audit's source interface (apps/cli/src/audit), so this
 * reader is one of its implementations; the HTTP API is the other.
 */
import type { Client } from 'pg';

export interface ChainBlockRow {
  height: number;
  previousHash: Buffer;
  /** sealed_at in whole milliseconds since 1970: the header's timeMs. */
  timeMs: number;
  treeSize: number;
  root: Buffer;
  signature: Buffer;
  checkpoint: string;
  signer: string;
}

export interface ChainLeafRow {
  leafIndex: number;
  eventId: string;
  document: Buffer;
  /** What merkle_nodes holds at level 0 for this leaf; null when missing. */
  sealedHash: Buffer | null;
}

/** Document bytes per leaf range read: far below every size limit on the way. */
export const LEAF_RANGE_BYTES = 16 * 1024 * 1024;

export class ChainReader {
  /** Where the audit says it took the sealer keys from when none are pinned. */
  readonly signersFrom = 'recorded in the database';

  constructor(private readonly client: Client) {}

  /** Blocks with height >= `fromHeight`, at most `limit`, in height order. */
  async blocks(fromHeight: number, limit: number): Promise<ChainBlockRow[]> {
    const { rows } = await this.client.query(
      `SELECT height::float8 AS height, previous_hash AS "previousHash",
              floor(extract(epoch FROM sealed_at) * 1000)::float8 AS "timeMs",
              tree_size::float8 AS "treeSize", root, signature, checkpoint, signer
         FROM blocks WHERE height >= $1 ORDER BY height LIMIT $2`,
      [fromHeight, limit],
    );
    return rows;
  }

  /**
   * Sealed events with leaf index in [from, to), in leaf order, cut short once their documents
   * pass LEAF_RANGE_BYTES (at least one is returned): commissioning events are ~56 KiB each, and
   * one value must stay far below PostgreSQL's 1 GB and V8's string limits. The caller goes on
   * from the last leaf returned. The hot path of the audit (a million leaves): the server packs
   * the range into one bytea, because node-postgres spends ~5 µs per row parsing, and we cut it
   * into views of one buffer. Per leaf, big-endian: leaf_index (8) || id (8) ||
   * length(document) (4) || length(sealed hash), 0 or 32 (4) || sealed hash || document.
   */
  async leaves(from: number, to: number): Promise<ChainLeafRow[]> {
    const { rows } = await this.client.query<[Buffer | null]>({
      text: `WITH range AS (
               SELECT e.leaf_index, e.id, e.document,
                      sum(length(e.document)) OVER (ORDER BY e.leaf_index) AS running
                 FROM events e WHERE e.leaf_index >= $1 AND e.leaf_index < $2)
             SELECT string_agg(int8send(r.leaf_index) || int8send(r.id) || int4send(length(r.document))
                || int4send(coalesce(length(n.hash), 0)) || coalesce(n.hash, '') || r.document,
                '' ORDER BY r.leaf_index)
               FROM range r
               LEFT JOIN merkle_nodes n ON n.level = 0 AND n.idx = r.leaf_index
                    AND n.idx >= $1 AND n.idx < $2
              WHERE r.running <= $3 OR r.leaf_index = (SELECT min(leaf_index) FROM range)`,
      values: [from, to, LEAF_RANGE_BYTES],
      rowMode: 'array',
    });
    return unpackLeaves(rows[0]?.[0] ?? null);
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

/** Cuts the packed range of `leaves` into rows; buffers are views, not copies. */
function unpackLeaves(packed: Buffer | null): ChainLeafRow[] {
  const leaves: ChainLeafRow[] = [];
  if (!packed) return leaves;
  for (let at = 0; at < packed.length;) {
    // Two u32 halves: exact for indexes and ids below 2^53, unlike a float8 round trip.
    const leafIndex = packed.readUInt32BE(at) * 2 ** 32 + packed.readUInt32BE(at + 4);
    const eventId = packed.readUInt32BE(at + 8) * 2 ** 32 + packed.readUInt32BE(at + 12);
    const documentLength = packed.readUInt32BE(at + 16);
    const hashLength = packed.readUInt32BE(at + 20);
    at += 24;
    const sealedHash = hashLength === 0 ? null : packed.subarray(at, at + hashLength);
    at += hashLength;
    leaves.push({
      leafIndex,
      eventId: String(eventId),
      document: packed.subarray(at, at + documentLength),
      sealedHash,
    });
    at += documentLength;
  }
  return leaves;
}
