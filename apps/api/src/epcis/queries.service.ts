/**
 * Named queries of the EPCIS REST binding (docs/epcis.md, "Subscriptions"): an organisation
 * keeps SimpleEventQuery parameters under a name, runs them at /epcis/queries/{name}/events and
 * subscribes to them. A query is its owner's alone: another organisation's is not found.
 */
import { Injectable } from '@nestjs/common';
import { SubscriptionRepository, type NamedQuery, type Organisation } from '@pedigree/persistence';
import { ApiException } from '../errors/api.exception';
import type { CreateQueryDto, QueryEventsPage } from './queries.dto';
import { eventsQuerySchema, type EventsQuery } from './query.dto';
import { EpcisQueryService, type QueryPage } from './query.service';

/** A named query as the binding shows it. */
export interface NamedQueryView {
  name: string;
  query: Record<string, string>;
}

@Injectable()
export class EpcisQueriesService {
  constructor(
    private readonly store: SubscriptionRepository,
    private readonly epcis: EpcisQueryService,
  ) {}

  /** @throws ApiException CONFLICT when the organisation already has a query of this name */
  async create(organisation: Organisation, body: CreateQueryDto): Promise<NamedQueryView> {
    const created = await this.store.createQuery(organisation.id, body.name, body.query);
    if (!created) {
      throw new ApiException(
        'CONFLICT',
        `Your organisation already has a query named ${body.name}: choose another name, or DELETE /epcis/queries/${body.name} first.`,
      );
    }
    return view(created);
  }

  async list(organisation: Organisation): Promise<NamedQueryView[]> {
    return (await this.store.queries(organisation.id)).map(view);
  }

  /** @throws ApiException NOT_FOUND when the organisation has no query of this name */
  async get(organisation: Organisation, name: string): Promise<NamedQueryView> {
    const found = await this.store.query(organisation.id, name);
    if (!found) throw notFound(name);
    return view(found);
  }

  /**
   * Deletes the query and ends its subscriptions.
   * @throws ApiException NOT_FOUND when the organisation has no query of this name
   */
  async delete(organisation: Organisation, name: string): Promise<void> {
    if (!(await this.store.deleteQuery(organisation.id, name))) throw notFound(name);
  }

  /**
   * One page of the named query's events, in an EPCISQueryDocument that names the query.
   * @throws ApiException NOT_FOUND when the organisation has no query of this name
   */
  async events(
    organisation: Organisation,
    name: string,
    page: QueryEventsPage,
  ): Promise<QueryPage> {
    const named = await this.get(organisation, name);
    // A page parameter left out keeps the query's own (perPage).
    const given = Object.entries(page).filter(([, value]) => value !== undefined);
    return this.epcis.query(
      organisation,
      eventsQueryOf({ ...named.query, ...Object.fromEntries(given) }),
      { queryName: name },
    );
  }
}

/**
 * A named query's parameters, with a page's, as the events query takes them.
 * @throws ApiException VALIDATION naming each parameter that does not pass the events query's
 *   schema (a page parameter, or a stored query that a later version no longer accepts)
 * @example eventsQueryOf({ EQ_bizStep: 'shipping|receiving' }).EQ_bizStep // ['shipping', 'receiving']
 */
export function eventsQueryOf(parameters: Record<string, string | undefined>): EventsQuery {
  const parsed = eventsQuerySchema.safeParse(parameters);
  if (!parsed.success) {
    throw new ApiException(
      'VALIDATION',
      parsed.error.issues.map((issue) => issue.message).join('; '),
    );
  }
  return parsed.data;
}

function view(query: NamedQuery): NamedQueryView {
  return { name: query.name, query: query.query };
}

function notFound(name: string): ApiException {
  return new ApiException(
    'NOT_FOUND',
    `Your organisation has no query named ${name}: GET /epcis/queries lists yours, POST /epcis/queries makes one.`,
  );
}
