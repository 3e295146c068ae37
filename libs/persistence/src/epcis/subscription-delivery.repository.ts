/**
 * SQL for the notifier that delivers subscriptions (docs/epcis.md, "Subscriptions"): the
 * watermark below which recorded events are final, the lease a notifier takes on a subscription
 * before working on it, and each delivery's attempts. A lease is a time, not a lock held in a
 * session, so a notifier that dies leaves its subscriptions to others once the lease runs out.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DeliveryState } from './subscription.repository';

/** A subscription a notifier has leased, with what it needs to notify. */
export interface LeasedSubscription {
  id: string;
  organisationId: string;
  queryName: string;
  query: Record<string, string>;
  dest: string;
  secret: string;
  /** The last event id of the last finished delivery: the next one starts after it. */
  cursor: string;
}

/** A delivery still to be made, with the exact body to send. */
export interface PendingDelivery {
  id: string;
  lastEventId: string;
  attempts: number;
  body: string;
}

/**
 * What the database says at one instant: the newest event id and the snapshot's transaction
 * bounds (`xmin`, the oldest transaction still running; `xmax`, the next to start).
 */
export interface Watermark {
  maxEventId: string;
  xmin: bigint;
  xmax: bigint;
}

@Injectable()
export class SubscriptionDeliveryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The newest event id and the current snapshot's bounds, in one statement. Every event id up
   * to `maxEventId` is final (committed or rolled back) once every transaction below `xmax` has
   * ended, that is once a later watermark's `xmin` reaches this one's `xmax`: an id is taken by
   * a transaction that is then running, and a sequence does not wait for commits.
   */
  async watermark(): Promise<Watermark> {
    const [row]: Array<{ maxEventId: string; xmin: string; xmax: string }> = await this.db.query(
      `SELECT COALESCE((SELECT max(id) FROM events), 0)::text AS "maxEventId",
              pg_snapshot_xmin(pg_current_snapshot())::text AS xmin,
              pg_snapshot_xmax(pg_current_snapshot())::text AS xmax`,
    );
    return { maxEventId: row!.maxEventId, xmin: BigInt(row!.xmin), xmax: BigInt(row!.xmax) };
  }

  /**
   * Leases up to `limit` subscriptions that are due and not leased, the longest waiting first,
   * for `leaseMs`; other notifiers skip them until the lease is released or runs out.
   */
  async lease(limit: number, leaseMs: number): Promise<LeasedSubscription[]> {
    const [rows]: [LeasedSubscription[], number] = await this.db.query(
      `UPDATE epcis_subscriptions s
          SET lease_until = now() + $2 * interval '1 millisecond'
         FROM epcis_queries q
        WHERE s.id IN (SELECT id FROM epcis_subscriptions
                        WHERE lease_until < now() AND next_attempt_at <= now()
                        ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
          AND q.organisation_id = s.organisation_id AND q.name = s.query_name
      RETURNING s.id, s.organisation_id AS "organisationId", s.query_name AS "queryName",
                q.query, s.dest, s.secret, s.event_cursor::text AS cursor`,
      [limit, leaseMs],
    );
    return rows;
  }

  /** Ends a lease with nothing sent; the subscription goes to the back of the queue. */
  async release(subscriptionId: string): Promise<void> {
    await this.db.query(
      `UPDATE epcis_subscriptions SET lease_until = '-infinity', next_attempt_at = now()
        WHERE id = $1`,
      [subscriptionId],
    );
  }

  async pending(subscriptionId: string): Promise<PendingDelivery | undefined> {
    const [row]: PendingDelivery[] = await this.db.query(
      `SELECT id::text AS id, last_event_id::text AS "lastEventId", attempts, body
         FROM epcis_deliveries WHERE subscription_id = $1 AND state = 'pending'`,
      [subscriptionId],
    );
    return row;
  }

  /** A new pending delivery of the events `firstEventId` to `lastEventId` in `body`. */
  async open(delivery: {
    subscriptionId: string;
    firstEventId: string;
    lastEventId: string;
    eventCount: number;
    body: string;
  }): Promise<PendingDelivery> {
    const [row]: PendingDelivery[] = await this.db.query(
      `INSERT INTO epcis_deliveries
              (subscription_id, first_event_id, last_event_id, event_count, body)
       VALUES ($1, $2, $3, $4, $5)
       RETURNING id::text AS id, last_event_id::text AS "lastEventId", attempts, body`,
      [
        delivery.subscriptionId,
        delivery.firstEventId,
        delivery.lastEventId,
        delivery.eventCount,
        delivery.body,
      ],
    );
    return row!;
  }

  /**
   * Records one attempt and releases the lease, in one transaction. A delivery that ends
   * (delivered or failed) moves the subscription's cursor past its events and drops its body;
   * one still pending is tried again `retryInMs` from now.
   */
  async attempted(
    subscriptionId: string,
    delivery: PendingDelivery,
    outcome: { state: DeliveryState; status?: number; error?: string; retryInMs: number },
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE epcis_deliveries
            SET attempts = attempts + 1, last_attempt_at = now(), state = $2,
                last_status = $3, last_error = $4,
                body = CASE WHEN $2 = 'pending' THEN body END,
                finished_at = CASE WHEN $2 = 'pending' THEN NULL ELSE now() END
          WHERE id = $1 AND state = 'pending'`,
        [delivery.id, outcome.state, outcome.status ?? null, outcome.error ?? null],
      );
      await tx.query(
        `UPDATE epcis_subscriptions
            SET event_cursor = CASE WHEN $2::text = 'pending' THEN event_cursor
                                    ELSE GREATEST(event_cursor, $3::bigint) END,
                last_notified_at = CASE WHEN $2::text = 'delivered' THEN now() ELSE last_notified_at END,
                next_attempt_at = now() + $4 * interval '1 millisecond',
                lease_until = '-infinity'
          WHERE id = $1`,
        [subscriptionId, outcome.state, delivery.lastEventId, outcome.retryInMs],
      );
    });
  }
}
