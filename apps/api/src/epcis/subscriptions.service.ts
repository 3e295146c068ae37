/**
 * Webhook subscriptions to named queries (docs/epcis.md, "Subscriptions"): made, listed, shown
 * with their deliveries, and ended by the organisation that owns the query. The notifier
 * (notifier.ts) delivers them.
 */
import { Injectable } from '@nestjs/common';
import {
  SubscriptionRepository,
  type Delivery,
  type Organisation,
  type Subscription,
} from '@pedigree/persistence';
import { randomBytes } from 'node:crypto';
import { ApiException } from '../errors/api.exception';
import { EpcisQueriesService } from './queries.service';
import type { DeliveriesPage, SubscribeDto } from './subscriptions.dto';
import { WebhookDestinations } from './webhook-destination';

/** The deliveries GET .../subscriptions/{subscriptionID} shows; the rest are a page away. */
const RECENT_DELIVERIES = 10;

/** A subscription as the binding shows it (AbstractQuerySubscriptionResponse), never its secret. */
export interface SubscriptionView {
  subscriptionID: string;
  queryName: string;
  dest: string;
  stream: true;
  createdAt: Date;
  lastNotifiedAt?: Date;
  initialRecordTime?: Date;
}

@Injectable()
export class EpcisSubscriptionsService {
  constructor(
    private readonly store: SubscriptionRepository,
    private readonly queries: EpcisQueriesService,
    private readonly destinations: WebhookDestinations,
  ) {}

  /**
   * Subscribes `dest` to the named query. The secret is the client's `signatureToken`, or one
   * made here and shown in this answer only.
   * @throws ApiException NOT_FOUND when the organisation has no query of this name; VALIDATION
   *   when `dest` is a private address the deployment does not allow (docs/epcis.md)
   */
  async subscribe(
    organisation: Organisation,
    queryName: string,
    body: SubscribeDto,
  ): Promise<SubscriptionView & { signatureToken?: string }> {
    await this.queries.get(organisation, queryName);
    const refusal = await this.destinations.refusal(body.dest);
    if (refusal) throw new ApiException('VALIDATION', refusal);
    const made = body.signatureToken === undefined;
    const secret = body.signatureToken ?? randomBytes(32).toString('base64url');
    const subscription = await this.store.subscribe({
      organisationId: organisation.id,
      queryName,
      dest: body.dest,
      secret,
      initialRecordTime: body.initialRecordTime,
    });
    return { ...view(subscription), ...(made && { signatureToken: secret }) };
  }

  /** @throws ApiException NOT_FOUND when the organisation has no query of this name */
  async list(organisation: Organisation, queryName: string): Promise<SubscriptionView[]> {
    await this.queries.get(organisation, queryName);
    return (await this.store.subscriptions(organisation.id, queryName)).map(view);
  }

  /**
   * The subscription and its latest deliveries, newest first.
   * @throws ApiException NOT_FOUND when the organisation has no such subscription
   */
  async get(
    organisation: Organisation,
    queryName: string,
    id: string,
  ): Promise<SubscriptionView & { deliveries: Delivery[] }> {
    const subscription = await this.find(organisation, queryName, id);
    const deliveries = await this.store.deliveries(id, { limit: RECENT_DELIVERIES });
    return { ...view(subscription), deliveries };
  }

  /** @throws ApiException NOT_FOUND when the organisation has no such subscription */
  async deliveries(
    organisation: Organisation,
    queryName: string,
    id: string,
    page: DeliveriesPage,
  ): Promise<Delivery[]> {
    await this.find(organisation, queryName, id);
    return this.store.deliveries(id, page);
  }

  /** @throws ApiException NOT_FOUND when the organisation has no such subscription */
  async unsubscribe(organisation: Organisation, queryName: string, id: string): Promise<void> {
    if (!(await this.store.unsubscribe(organisation.id, queryName, id))) {
      throw notFound(queryName, id);
    }
  }

  private async find(organisation: Organisation, queryName: string, id: string) {
    const subscription = await this.store.subscription(organisation.id, queryName, id);
    if (!subscription) throw notFound(queryName, id);
    return subscription;
  }
}

function view(subscription: Subscription): SubscriptionView {
  return {
    subscriptionID: subscription.id,
    queryName: subscription.queryName,
    dest: subscription.dest,
    stream: true,
    createdAt: subscription.createdAt,
    ...(subscription.lastNotifiedAt && { lastNotifiedAt: subscription.lastNotifiedAt }),
    ...(subscription.initialRecordTime && { initialRecordTime: subscription.initialRecordTime }),
  };
}

function notFound(queryName: string, id: string): ApiException {
  return new ApiException(
    'NOT_FOUND',
    `Your organisation has no subscription ${id} to a query named ${queryName}: GET /epcis/queries/${queryName}/subscriptions lists yours.`,
  );
}
