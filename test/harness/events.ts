/**
 * Event rows for the ledger and sealer suites, inserted by raw SQL: the sealer only needs
 * `events.document` and `leaf_index`, so these tests do not depend on the capture API.
 */
import { auditChain, parseVerifierKey } from '@pedigree/ledger';
import { nodeCryptoBackend as backend } from '@pedigree/ledger/node';
import { ChainReader } from '@pedigree/persistence';
import { Client } from 'pg';

export interface EventRow {
  id: string;
  leafIndex: number | null;
  document: Buffer;
}

export interface StoredBlock {
  height: number;
  previousHash: Buffer;
  timeMs: number;
  treeSize: number;
  root: Buffer;
  signature: Buffer;
  checkpoint: string;
  signer: string;
}

/** A small JSON document standing in for an EPCIS event's canonical JSON. */
export function testDocument(n: number, tag = 'test'): Buffer {
  return Buffer.from(JSON.stringify({ eventID: `urn:uuid:${tag}-${n}`, n, type: 'ObjectEvent' }));
}

/** One connection to a test database, to write events and read back what the sealer did. */
export class EventTable {
  private organisationId?: string;

  private constructor(readonly client: Client) {}

  static async connect(databaseUrl: string): Promise<EventTable> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    return new EventTable(client);
  }

  /** Inserts the documents in one statement (ids in order); returns their ids. */
  async insert(documents: readonly Uint8Array[], client: Client = this.client): Promise<string[]> {
    const organisation = await this.organisation();
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO events (organisation_id, action, document)
       SELECT $1, 'ADD', d FROM unnest($2::bytea[]) WITH ORDINALITY AS u(d, n) ORDER BY n
       RETURNING id`,
      [organisation, documents],
    );
    return rows.map((row) => row.id).sort((a, b) => Number(a) - Number(b));
  }

  /** The given events (all when `ids` is omitted), by id. */
  async rows(ids?: readonly string[]): Promise<EventRow[]> {
    const { rows } = await this.client.query<{ id: string; leaf: string | null; document: Buffer }>(
      `SELECT id, leaf_index AS leaf, document FROM events
        WHERE $1::bigint[] IS NULL OR id = ANY($1::bigint[]) ORDER BY id`,
      [ids ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      leafIndex: r.leaf === null ? null : Number(r.leaf),
      document: r.document,
    }));
  }

  /** Waits until every one of `ids` has a leaf index; returns their rows. */
  async waitUntilSealed(ids: readonly string[], timeoutMs = 15_000): Promise<EventRow[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await this.rows(ids);
      if (rows.length === ids.length && rows.every((r) => r.leafIndex !== null)) return rows;
      if (Date.now() > deadline) {
        const left = rows.filter((r) => r.leafIndex === null).length;
        throw new Error(`${left} of ${ids.length} events still unsealed after ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Every block, oldest first, as stored. */
  async blocks(): Promise<StoredBlock[]> {
    const { rows } = await this.client.query(
      `SELECT height, previous_hash, sealed_at, tree_size, root, signature, checkpoint, signer
         FROM blocks ORDER BY height`,
    );
    return rows.map((r) => ({
      height: Number(r.height),
      previousHash: r.previous_hash,
      timeMs: (r.sealed_at as Date).getTime(),
      treeSize: Number(r.tree_size),
      root: r.root,
      signature: r.signature,
      checkpoint: r.checkpoint,
      signer: r.signer,
    }));
  }

  /**
   * Checks the whole chain as `pedigree audit` does (the same driver, over the database), against
   * `vkey` alone, and that every sealed event is in it and every block was signed by that key.
   * @throws Error naming the first thing that is wrong
   */
  async checkChain(vkey: string): Promise<StoredBlock[]> {
    const key = parseVerifierKey(backend, vkey);
    const outcome = await auditChain(
      new ChainReader(this.client),
      backend,
      [key],
      key.name,
      () => undefined,
    );
    if (outcome.finding) throw new Error(`${outcome.finding.where}: ${outcome.finding.what}`);
    const sealed = (await this.rows()).filter((r) => r.leafIndex !== null).length;
    if (sealed !== outcome.leaves)
      throw new Error(`${sealed} events are sealed but the chain holds ${outcome.leaves}`);
    const blocks = await this.blocks();
    const other = blocks.find((block) => block.signer !== vkey);
    if (other) throw new Error(`block ${other.height} was signed by ${other.signer}`);
    return blocks;
  }

  async close(): Promise<void> {
    await this.client.end();
  }

  /** An organisation to own the test events (events.organisation_id is required). */
  private async organisation(): Promise<string> {
    if (!this.organisationId) {
      const { rows } = await this.client.query<{ id: string }>(
        `INSERT INTO organisations (name, roles) VALUES ('Ledger test events', '{manufacturer}')
         RETURNING id`,
      );
      this.organisationId = rows[0]!.id;
    }
    return this.organisationId;
  }
}
