/**
 * SQL for the EPCIS REST binding's named queries and webhook subscriptions, as their owner sees
 * and changes them (docs/epcis.md, "Subscriptions"). Every read and write is scoped to the owning
 * organisation, so another organisation's query or subscription is simply not found. What the
 * notifier does with them is in subscription-delivery.repository.ts.
 */
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A named query: its SimpleEventQuery parameters as GET /epcis/events takes them. */
export interface NamedQuery {
  name: string;
  query: Record<string, string>;
  createdAt: Date;
}

/** A webhook subscription, without its secret. */
export interface Subscription {
  id: string;
  queryName: string;
  dest: string;
  initialRecordTime: Date | null;
  createdAt: Date;
  /** When the destination last answered a notification with 2xx. */
  lastNotifiedAt: Date | null;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** One notification: the events it carries (ids of GET /ledger/events/{id}) and how it went. */
export interface Delivery {
  id: string;
  state: DeliveryState;
  firstEventId: string;
  lastEventId: string;
  eventCount: number;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  /** While pending: when the next attempt is due. */
  nextAttemptAt: Date | null;
  finishedAt: Date | null;
}

const QUERY = `name, query, created_at AS "createdAt"`;
const SUBSCRIPTION = `s.id, s.query_name AS "queryName", s.dest,
  s.initial_record_time AS "initialRecordTime", s.created_at AS "createdAt",
  s.last_notified_at AS "lastNotifiedAt"`;
const DELIVERY = `d.id::text AS id, d.state, d.first_event_id::text AS "firstEventId",
  d.last_event_id::text AS "lastEventId", d.event_count AS "eventCount", d.attempts,
  d.last_status AS "lastStatus", d.last_error AS "lastError", d.created_at AS "createdAt",
  d.last_attempt_at AS "lastAttemptAt",
  CASE WHEN d.state = 'pending' THEN s.next_attempt_at END AS "nextAttemptAt",
  d.finished_at AS "finishedAt"`;

@Injectable()
export class SubscriptionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** @returns the new query; undefined when the organisation already has one of that name */
  async createQuery(
    organisationId: string,
    name: string,
    query: Record<string, string>,
  ): Promise<NamedQuery | undefined> {
    const [row]: NamedQuery[] = await this.db.query(
      `INSERT INTO epcis_queries (organisation_id, name, query) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT DO NOTHING RETURNING ${QUERY}`,
      [organisationId, name, JSON.stringify(query)],
    );
    return row;
  }

  async queries(organisationId: string): Promise<NamedQuery[]> {
    return this.db.query(
      `SELECT ${QUERY} FROM epcis_queries WHERE organisation_id = $1 ORDER BY name`,
      [organisationId],
    );
  }

  async query(organisationId: string, name: string): Promise<NamedQuery | undefined> {
    const [row]: NamedQuery[] = await this.db.query(
      `SELECT ${QUERY} FROM epcis_queries WHERE organisation_id = $1 AND name = $2`,
      [organisationId, name],
    );
    return row;
  }

  /** Deletes the query and, by cascade, its subscriptions and their deliveries. */
  async deleteQuery(organisationId: string, name: string): Promise<boolean> {
    const [, count]: [unknown, number] = await this.db.query(
      `DELETE FROM epcis_queries WHERE organisation_id = $1 AND name = $2`,
      [organisationId, name],
    );
    return count > 0;
  }

  /**
   * A subscription whose cursor starts at the last event recorded before `initialRecordTime`,
   * or at the last event recorded so far: it is notified of the events that follow.
   */
  async subscribe(subscription: {
    organisationId: string;
    queryName: string;
    dest: string;
    secret: string;
    initialRecordTime?: Date;
  }): Promise<Subscription> {
    const [row]: Subscription[] = await this.db.query(
      `INSERT INTO epcis_subscriptions AS s
              (organisation_id, query_name, dest, secret, initial_record_time, event_cursor)
       VALUES ($1, $2, $3, $4, $5::timestamptz, COALESCE((SELECT max(id) FROM events
                 WHERE $5::timestamptz IS NULL OR record_time < $5::timestamptz), 0))
       RETURNING ${SUBSCRIPTION}`,
      [
        subscription.organisationId,
        subscription.queryName,
        subscription.dest,
        subscription.secret,
        subscription.initialRecordTime ?? null,
      ],
    );
    return row!;
  }

  async subscriptions(organisationId: string, queryName: string): Promise<Subscription[]> {
    return this.db.query(
      `SELECT ${SUBSCRIPTION} FROM epcis_subscriptions s
        WHERE s.organisation_id = $1 AND s.query_name = $2 ORDER BY s.created_at, s.id`,
      [organisationId, queryName],
    );
  }

  async subscription(
    organisationId: string,
    queryName: string,
    id: string,
  ): Promise<Subscription | undefined> {
    const [row]: Subscription[] = await this.db.query(
      `SELECT ${SUBSCRIPTION} FROM epcis_subscriptions s
        WHERE s.organisation_id = $1 AND s.query_name = $2 AND s.id = $3`,
      [organisationId, queryName, id],
    );
    return row;
  }

  async unsubscribe(organisationId: string, queryName: string, id: string): Promise<boolean> {
    const [, count]: [unknown, number] = await this.db.query(
      `DELETE FROM epcis_subscriptions
        WHERE organisation_id = $1 AND query_name = $2 AND id = $3`,
      [organisationId, queryName, id],
    );
    return count > 0;
  }

  /** A subscription's deliveries, newest first, before the delivery id `before`. */
  async deliveries(
    subscriptionId: string,
    page: { before?: string; limit: number },
  ): Promise<Delivery[]> {
    return this.db.query(
      `SELECT ${DELIVERY} FROM epcis_deliveries d
         JOIN epcis_subscriptions s ON s.id = d.subscription_id
        WHERE d.subscription_id = $1 AND ($2::bigint IS NULL OR d.id < $2::bigint)
        ORDER BY d.id DESC LIMIT $3`,
      [subscriptionId, page.before ?? null, page.limit],
    );
  }
}
