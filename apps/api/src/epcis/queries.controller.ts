/**
 * Named queries of the EPCIS 2.0 REST binding (docs/epcis.md, "Subscriptions"): `/queries` under
 * /epcis. Any organisation with a key makes, runs and deletes its own.
 */
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { EpcisEvent } from '@pedigree/domain';
import type { Organisation } from '@pedigree/persistence';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentOrganisation } from '../auth/auth.decorators';
import { ApiDoc } from '../openapi/api-doc.decorator';
import {
  createQuerySchema,
  queryEventsPageSchema,
  queryNameSchema,
  type CreateQueryDto,
  type QueryEventsPage,
} from './queries.dto';
import { EpcisQueriesService, type NamedQueryView } from './queries.service';
import { paged, VERSIONS } from './query.controller';
import { EpcisQueryService } from './query.service';

@Controller('epcis/queries')
export class EpcisQueriesController {
  constructor(
    private readonly queries: EpcisQueriesService,
    private readonly epcis: EpcisQueryService,
  ) {}

  @ApiDoc({
    summary: 'Name a query: SimpleEventQuery parameters kept under a name, to run or subscribe to',
    description:
      'Body `{"name": "shipments", "query": {"EQ_bizStep": "shipping"}}`. The query takes the parameters of GET /epcis/events, each list written `"a|b"` or `["a", "b"]`; `perPage` is its page and notification size. `Location` names the new query.',
    returns: 'The named query',
    errors: ['CONFLICT'],
  })
  @Post()
  async create(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: createQuerySchema }) body: CreateQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<NamedQueryView> {
    const created = await this.queries.create(organisation, body);
    void reply.headers({ ...VERSIONS, location: `/epcis/queries/${created.name}` });
    return created;
  }

  @ApiDoc({ summary: "Your organisation's named queries", returns: 'The named queries, by name' })
  @Get()
  list(@CurrentOrganisation() organisation: Organisation): Promise<NamedQueryView[]> {
    return this.queries.list(organisation);
  }

  @ApiDoc({ summary: 'One of your named queries', returns: 'The named query' })
  @Get(':queryName')
  get(
    @CurrentOrganisation() organisation: Organisation,
    @Param('queryName', { schema: queryNameSchema }) name: string,
  ): Promise<NamedQueryView> {
    return this.queries.get(organisation, name);
  }

  @ApiDoc({
    summary: 'Delete one of your named queries, ending its subscriptions',
    returns: 'Nothing (204)',
  })
  @Delete(':queryName')
  @HttpCode(204)
  async delete(
    @CurrentOrganisation() organisation: Organisation,
    @Param('queryName', { schema: queryNameSchema }) name: string,
  ): Promise<void> {
    await this.queries.delete(organisation, name);
  }

  @ApiDoc({
    summary: "A named query's events, as an EPCISQueryDocument",
    description:
      "The events GET /epcis/events answers for the query's parameters, with `queryName` the query's name. Pages of `perPage` events (else the query's, else 30); the `Link` header (`rel=\"next\"`) carries the next page's `nextPageToken`.",
    returns: 'An EPCISQueryDocument with one page of events',
  })
  @Get(':queryName/events')
  async events(
    @CurrentOrganisation() organisation: Organisation,
    @Param('queryName', { schema: queryNameSchema }) name: string,
    @Query({ schema: queryEventsPageSchema }) page: QueryEventsPage,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EpcisEvent> {
    return paged(await this.queries.events(organisation, name, page), request, reply, this.epcis);
  }
}
