import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Products, batches, packs and their containers (SSCC), and the events that move them. An event's
 * `document` is the canonical JSON of its EPCIS 2.0 event: the bytes its ledger leaf commits to,
 * and the only copy of what happened (the other columns are indexes into it). `leaf_index` is set
 * by the sealer when the event enters the log.
 */
export class CatalogueAndEvents1795514400000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        gtin char(14) NOT NULL UNIQUE CHECK (gtin ~ '^[0-9]{14}$'),
        name text NOT NULL,
        form text NOT NULL,
        strength text NOT NULL,
        pack_size integer NOT NULL CHECK (pack_size > 0),
        national_code text,
        withdrawn_at timestamptz,
        withdrawal_reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX products_organisation_id ON products (organisation_id)`);
    await db.query(`
      CREATE TABLE batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL REFERENCES products (id),
        lot text NOT NULL,
        expiry char(6) NOT NULL CHECK (expiry ~ '^[0-9]{6}$'),
        quantity integer NOT NULL CHECK (quantity > 0),
        recalled_at timestamptz,
        recall_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (product_id, lot),
        UNIQUE (id, product_id)
      )`);
    await db.query(`
      CREATE TABLE containers (
        sscc char(18) PRIMARY KEY CHECK (sscc ~ '^[0-9]{18}$'),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        parent_sscc char(18) REFERENCES containers (sscc),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE packs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        product_id uuid NOT NULL,
        batch_id uuid NOT NULL,
        serial text NOT NULL,
        state text NOT NULL,
        custody_site_id uuid REFERENCES sites (id),
        in_transit_to uuid REFERENCES sites (id),
        container_sscc char(18) REFERENCES containers (sscc),
        last_decommission jsonb,
        UNIQUE (product_id, serial),
        -- One check for both: the batch exists and belongs to the pack's product.
        FOREIGN KEY (batch_id, product_id) REFERENCES batches (id, product_id)
      )`);
    await db.query(`CREATE INDEX packs_batch_id ON packs (batch_id)`);
    await db.query(
      `CREATE INDEX packs_container_sscc ON packs (container_sscc) WHERE container_sscc IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        site_id uuid REFERENCES sites (id),
        action text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        document bytea NOT NULL,
        leaf_index bigint UNIQUE
      )`);
    await db.query(`CREATE INDEX events_unsealed ON events (id) WHERE leaf_index IS NULL`);
    // No foreign keys here: this is the bulk path (a commissioning writes 100,000 rows), and rows
    // are only written by the event recorder, in the transaction that writes their event and packs.
    await db.query(`
      CREATE TABLE event_packs (
        pack_id bigint NOT NULL,
        event_id bigint NOT NULL,
        PRIMARY KEY (pack_id, event_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['event_packs', 'events', 'packs', 'containers', 'batches', 'products']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
