import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Named queries and their webhook subscriptions (docs/epcis.md, "Subscriptions"). A named query
 * belongs to the organisation that made it, its name unique within that organisation; deleting it
 * ends its subscriptions. A subscription keeps its secret (the HMAC key of `GS1-Signature`, so it
 * cannot be a hash), its cursor (the last event id handed to a delivery that finished) and the
 * lease a notifier holds while it works on it. A delivery is one notification: the range of events
 * it carries, its state and attempts; its body, the exact bytes signed, is kept only while it is
 * pending, so every retry sends the same bytes. At most one delivery of a subscription is pending,
 * so notifications arrive in the order the events were recorded.
 */
export class Subscriptions1795546800000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE epcis_queries (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        name text NOT NULL,
        query jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, name)
      )`);
    await db.query(`
      CREATE TABLE epcis_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        query_name text NOT NULL,
        dest text NOT NULL,
        secret text NOT NULL,
        initial_record_time timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        event_cursor bigint NOT NULL,
        last_notified_at timestamptz,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz NOT NULL DEFAULT '-infinity',
        FOREIGN KEY (organisation_id, query_name)
          REFERENCES epcis_queries (organisation_id, name) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX epcis_subscriptions_query ON epcis_subscriptions (organisation_id, query_name)`,
    );
    await db.query(`CREATE INDEX epcis_subscriptions_due ON epcis_subscriptions (next_attempt_at)`);
    await db.query(`
      CREATE TABLE epcis_deliveries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES epcis_subscriptions (id) ON DELETE CASCADE,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
        first_event_id bigint NOT NULL,
        last_event_id bigint NOT NULL,
        event_count integer NOT NULL,
        body text,
        attempts integer NOT NULL DEFAULT 0,
        last_status integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz,
        finished_at timestamptz,
        CHECK ((state = 'pending') = (body IS NOT NULL))
      )`);
    await db.query(
      `CREATE INDEX epcis_deliveries_subscription ON epcis_deliveries (subscription_id, id)`,
    );
    await db.query(
      `CREATE UNIQUE INDEX epcis_deliveries_one_pending ON epcis_deliveries (subscription_id)
        WHERE state = 'pending'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE epcis_deliveries`);
    await db.query(`DROP TABLE epcis_subscriptions`);
    await db.query(`DROP TABLE epcis_queries`);
  }
}
