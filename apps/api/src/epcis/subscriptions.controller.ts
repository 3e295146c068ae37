/**
 * Webhook subscriptions to named queries, as the EPCIS 2.0 REST binding has them
 * (docs/epcis.md, "Subscriptions"): `/queries/{queryName}/subscriptions` under /epcis, with each
 * subscription's deliveries. Only the organisation that owns the query sees them.
 */
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Delivery, Organisation } from '@pedigree/persistence';
import type { FastifyReply } from 'fastify';
import { CurrentOrganisation } from '../auth/auth.decorators';
import { ApiDoc } from '../openapi/api-doc.decorator';
import { queryNameSchema } from './queries.dto';
import {
  deliveriesPageSchema,
  subscribeSchema,
  subscriptionIdSchema,
  type DeliveriesPage,
  type SubscribeDto,
} from './subscriptions.dto';
import { EpcisSubscriptionsService, type SubscriptionView } from './subscriptions.service';

@Controller('epcis/queries/:queryName/subscriptions')
export class EpcisSubscriptionsController {
  constructor(private readonly subscriptions: EpcisSubscriptionsService) {}

  @ApiDoc({
    summary: 'Subscribe a webhook to a named query: notified as its events arrive',
    description:
      'Body `{"dest": "https://client.example.com/epcis", "stream": true, "signatureToken": "..."}`; `initialRecordTime` starts from the events recorded at or after it instead of those recorded from now on. Each notification is an EPCISQueryDocument POSTed to `dest` with `GS1-Signature`: the hex HMAC-SHA256 of the body\'s bytes keyed with `signatureToken` (made and shown only in this answer when not given). Only streaming subscriptions are offered: a `schedule` is refused. `Location` names the subscription.',
    returns: 'The subscription',
  })
  @Post()
  async subscribe(
    @CurrentOrganisation() organisation: Organisation,
    @Param('queryName', { schema: queryNameSchema }) queryName: string,
    @Body({ schema: subscribeSchema }) body: SubscribeDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubscriptionView & { signatureToken?: string }> {
    const subscription = await this.subscriptions.subscribe(organisation, queryName, body);
    void reply.header(
      'location',
      `/epcis/queries/${queryName}/subscriptions/${subscription.subscriptionID}`,
    );
    return subscription;
  }

  @ApiDoc({ summary: "A named query's subscriptions", returns: 'The subscriptions, oldest first' })
  @Get()
  list(
    @CurrentOrganisation() organisation: Organisation,
    @Param('queryName', { schema: queryNameSchema }) queryName: string,
  ): Promise<SubscriptionView[]> {
    return this.subscriptions.list(organisation, queryName);
  }

  @ApiDoc({
    summary: 'One subscription, with its latest deliveries',
    description:
      'Each delivery is one notification: its events (`firstEventId` to `lastEventId`, `eventCount`), `state` (`pending`, `delivered` or `failed`), `attempts`, the last HTTP status or error, and while pending `nextAttemptAt`.',
    returns: 'The subscription and its 10 latest deliveries, newest first',
  })
  @Get(':subscriptionID')
  get(
    @CurrentOrganisation() organisation: Organisation,
    @Param('queryName', { schema: queryNameSchema }) queryName: string,
    @Param('subscriptionID', { schema: subscriptionIdSchema }) id: string,
  ): Promise<SubscriptionView & { deliveries: Delivery[] }> {
    return this.subscriptions.get(organisation, queryName, id);
  }

  @ApiDoc({
    summary: "A subscription's deliveries, newest first",
    description: 'Pages of `limit` (default 100); `before` is the last id of the previous page.',
    returns: 'The deliveries',
  })
  @Get(':subscriptionID/deliveries')
  deliveries(
    @CurrentOrganisation() organisation: Organisation,
    @Param('queryName', { schema: queryNameSchema }) queryName: string,
    @Param('subscriptionID', { schema: subscriptionIdSchema }) id: string,
    @Query({ schema: deliveriesPageSchema }) page: DeliveriesPage,
  ): Promise<Delivery[]> {
    return this.subscriptions.deliveries(organisation, queryName, id, page);
  }

  @ApiDoc({ summary: 'Unsubscribe', returns: 'Nothing (204)' })
  @Delete(':subscriptionID')
  @HttpCode(204)
  async unsubscribe(
    @CurrentOrganisation() organisation: Organisation,
    @Param('queryName', { schema: queryNameSchema }) queryName: string,
    @Param('subscriptionID', { schema: subscriptionIdSchema }) id: string,
  ): Promise<void> {
    await this.subscriptions.unsubscribe(organisation, queryName, id);
  }
}
