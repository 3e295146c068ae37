/**
 * The notifier of webhook subscriptions (docs/epcis.md, "Subscriptions"). Every POLL_MS it leases
 * the subscriptions that are due, and for each either retries its pending delivery or runs its
 * named query after its cursor and opens a delivery of the new events (up to the query's
 * `perPage`); then POSTs the delivery's body, signed, to the subscription's `dest`.
 *
 * - **One notifier per subscription at a time.** A lease (a time in the row, taken with
 *   `FOR UPDATE SKIP LOCKED`) lets several API processes share the work; one that dies leaves its
 *   subscriptions to the others when the lease runs out.
 * - **Nothing lost.** The cursor moves only when a delivery ends, in the transaction that records
 *   it; a restart resumes from the cursor and retries the pending delivery. Events are read only
 *   up to a watermark every transaction below has left (Watermark), so an event whose id was
 *   taken before a newer one's but committed after it is not skipped.
 * - **At least once.** A crash after the destination answered and before the answer is recorded
 *   sends that delivery again: receivers dedupe by `eventID`.
 * - **Retries.** Anything but 2xx (or no answer in SEND_TIMEOUT_MS) is tried again after
 *   FIRST_RETRY_MS, doubling, MAX_ATTEMPTS times in all; then the delivery is failed and the
 *   cursor moves past it, so a dead destination does not hold its subscription forever.
 */
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { withDigitalLinks } from '@pedigree/epcis';
import {
  OrganisationRepository,
  SubscriptionDeliveryRepository,
  type LeasedSubscription,
  type PendingDelivery,
  type Watermark,
} from '@pedigree/persistence';
import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { eventsQueryOf } from './queries.service';
import { VERSIONS } from './query.controller';
import { EpcisQueryService } from './query.service';
import { WebhookDestinations } from './webhook-destination';

const POLL_MS = 500;
/** The most subscriptions one round leases. */
const LEASE_BATCH = 50;
/** Longer than one attempt can take, so a lease never ends under a notifier still working. */
const LEASE_MS = 60_000;
const SEND_TIMEOUT_MS = 10_000;
const FIRST_RETRY_MS = 1_000;
const MAX_ATTEMPTS = 5;

/**
 * The `GS1-Signature` of a notification: the lowercase hex HMAC-SHA256 of the body's exact bytes
 * (UTF-8), keyed with the UTF-8 bytes of the subscription's secret (its `signatureToken`).
 * @example signature('key', 'The quick brown fox jumps over the lazy dog')
 *   // 'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8'
 */
export function signature(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

/** How long to wait before the next attempt, after `attempts` failed ones. */
export function retryDelayMs(attempts: number): number {
  return FIRST_RETRY_MS * 2 ** (attempts - 1);
}

@Injectable()
export class SubscriptionNotifier implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('subscriptions');
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private readonly working = new Set<Promise<void>>();
  /** The newest event id known final: every id up to it is committed or never will be. */
  private final?: bigint;
  /** A watermark waiting for the transactions it saw running to end. */
  private candidate?: Watermark;

  constructor(
    private readonly deliveries: SubscriptionDeliveryRepository,
    private readonly organisations: OrganisationRepository,
    private readonly epcis: EpcisQueryService,
    private readonly destinations: WebhookDestinations,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  /** Stops leasing and lets the attempts under way finish, so each is recorded. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.allSettled(this.working);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.round().finally(() => this.schedule()), POLL_MS);
  }

  /** Moves the watermark, then leases the due subscriptions and works on each in the background. */
  private async round(): Promise<void> {
    try {
      await this.advance();
      if (this.final === undefined) return;
      for (const subscription of await this.deliveries.lease(LEASE_BATCH, LEASE_MS)) {
        const work: Promise<void> = this.work(subscription)
          .catch((error: unknown) => this.failed(subscription, error))
          .finally(() => this.working.delete(work));
        this.working.add(work);
      }
    } catch (error) {
      this.logger.warn(`Could not lease subscriptions: ${describe(error)}`);
    }
  }

  /**
   * An event id is final once every transaction that was running when it was the newest has
   * ended: a watermark's `maxEventId` becomes final when a later `xmin` reaches its `xmax`.
   */
  private async advance(): Promise<void> {
    const now = await this.deliveries.watermark();
    if (this.candidate && now.xmin >= this.candidate.xmax) {
      this.final = BigInt(this.candidate.maxEventId);
      this.candidate = undefined;
    }
    if (now.xmin >= now.xmax) this.final = BigInt(now.maxEventId);
    else this.candidate ??= now;
  }

  private async work(subscription: LeasedSubscription): Promise<void> {
    const delivery =
      (await this.deliveries.pending(subscription.id)) ?? (await this.open(subscription));
    if (delivery) await this.attempt(subscription, delivery);
    else await this.deliveries.release(subscription.id);
  }

  /** A delivery of the final events after the cursor, if there are any. */
  private async open(subscription: LeasedSubscription): Promise<PendingDelivery | undefined> {
    const organisation = await this.organisations.findById(subscription.organisationId);
    if (!organisation) return undefined;
    const query = eventsQueryOf(subscription.query);
    const found = await this.epcis.find(organisation, query, {
      after: subscription.cursor,
      limit: query.perPage,
    });
    const events = found.filter((row) => BigInt(row.id) <= this.final!);
    if (events.length === 0) return undefined;
    // Identifiers as Digital Links, the binding's default form (docs/epcis.md, "Identifiers").
    const document = this.epcis.document(
      events.map((row) => withDigitalLinks(row.event)),
      { queryName: subscription.queryName, subscriptionID: subscription.id },
    );
    return this.deliveries.open({
      subscriptionId: subscription.id,
      firstEventId: events[0]!.id,
      lastEventId: events.at(-1)!.id,
      eventCount: events.length,
      body: JSON.stringify(document),
    });
  }

  private async attempt(
    subscription: LeasedSubscription,
    delivery: PendingDelivery,
  ): Promise<void> {
    const answer = await this.send(subscription, delivery.body);
    const attempts = delivery.attempts + 1;
    const ok = answer.status !== undefined && answer.status >= 200 && answer.status < 300;
    const state = ok ? 'delivered' : attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
    await this.deliveries.attempted(subscription.id, delivery, {
      state,
      ...answer,
      retryInMs: state === 'pending' ? retryDelayMs(attempts) : 0,
    });
    if (state === 'failed') {
      this.logger.warn(
        `Gave up delivery ${delivery.id} of subscription ${subscription.id} to ${subscription.dest} after ${attempts} attempts: ${answer.error}`,
      );
    }
  }

  /** POSTs the body once: the answer's status, or why there was none. */
  private async send(
    subscription: LeasedSubscription,
    body: string,
  ): Promise<{ status?: number; error?: string }> {
    try {
      const refusal = await this.destinations.refusal(subscription.dest);
      if (refusal) return { error: refusal };
      const status = await post(
        new URL(subscription.dest),
        {
          ...VERSIONS,
          'content-type': 'application/json',
          'GS1-Signature': signature(subscription.secret, body),
        },
        body,
        this.destinations.lookup,
      );
      const ok = status >= 200 && status < 300;
      return { status, ...(!ok && { error: `HTTP ${status}` }) };
    } catch (error) {
      return { error: describe(error) };
    }
  }

  /** A fault of the platform, not of the destination: the lease runs out and it is tried again. */
  private failed(subscription: LeasedSubscription, error: unknown): void {
    this.logger.error(
      `Subscription ${subscription.id}: ${describe(error)}; tried again when its lease ends`,
    );
  }
}

/**
 * POSTs `body` to `url`, its host looked up by `lookup`, and resolves to the answer's status. A
 * redirect is an answer to record, not a second destination to sign for, so none is followed.
 */
function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  lookup: LookupFunction,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        lookup,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
