/**
 * EPCIS 2.0 queries over REST (docs/epcis.md, "Query"): the SimpleEventQuery's standard filters
 * on the events the caller may see, answered as an EPCISQueryDocument a page at a time, with a
 * `Link: <...>; rel="next"` to the next page. Identifiers and CBV values are compared in their
 * canonical forms, so a filter written with EPC URNs finds events written with Digital Links.
 */
import { Injectable } from '@nestjs/common';
import { EPCIS_CONTEXT, epcisEventOf, type EpcisEvent, type EpcRole } from '@pedigree/domain';
import {
  BIZ_STEP,
  DISPOSITION,
  canonicalEpc,
  cbvWord,
  withDigitalLinks,
  withEpcUrns,
  type Vocabulary,
} from '@pedigree/epcis';
import {
  CompanyPrefixRepository,
  EpcisQueryRepository,
  type EpcisEventFilter,
  type EpcisViewer,
  type Organisation,
} from '@pedigree/persistence';
import { Clock } from '@pedigree/recording';
import { oversees } from '../auth/oversees';
import { ApiException } from '../errors/api.exception';
import type { EventsQuery } from './query.dto';

/** The five event types of EPCIS 2.0. */
export const EVENT_TYPES = [
  'ObjectEvent',
  'AggregationEvent',
  'TransactionEvent',
  'TransformationEvent',
  'AssociationEvent',
] as const;

/** Each MATCH_ parameter and the roles of identifiers it looks at. */
const MATCHES: ReadonlyArray<[keyof EventsQuery, EpcRole[]]> = [
  ['MATCH_epc', ['epc']],
  ['MATCH_parentID', ['parent']],
  ['MATCH_inputEPC', ['input']],
  ['MATCH_outputEPC', ['output']],
  ['MATCH_anyEPC', ['epc', 'parent', 'input', 'output']],
  ['MATCH_epcClass', ['class']],
  ['MATCH_inputEPCClass', ['inputClass']],
  ['MATCH_outputEPCClass', ['outputClass']],
  ['MATCH_anyEPCClass', ['class', 'inputClass', 'outputClass']],
];

/** One page of a query: the document, and the token of the next page when there is one. */
export interface QueryPage {
  document: EpcisEvent;
  nextPageToken?: string;
}

/** A JSON-LD collection, as the binding's /eventTypes, /bizSteps and /dispositions answer. */
export interface Collection {
  '@context': string;
  type: 'Collection';
  member: string[];
}

@Injectable()
export class EpcisQueryService {
  constructor(
    private readonly events: EpcisQueryRepository,
    private readonly prefixes: CompanyPrefixRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * One page of the query's events.
   * @param scope.epc the EPC of `/epcis/epcs/{epc}/events`, matched in any role
   * @param scope.queryName the named query this runs (`/epcis/queries/{queryName}/events`)
   */
  async query(
    organisation: Organisation,
    query: EventsQuery,
    scope: { epc?: string; queryName?: string } = {},
  ): Promise<QueryPage> {
    // One more than the page: whether it exists says if there is a next page.
    const rows = await this.find(
      organisation,
      query,
      { after: query.nextPageToken, limit: query.perPage + 1 },
      scope.epc,
    );
    const page = rows.slice(0, query.perPage);
    return {
      document: this.document(
        page.map((row) => row.event),
        { queryName: scope.queryName ?? 'SimpleEventQuery' },
      ),
      ...(rows.length > query.perPage && { nextPageToken: page.at(-1)!.id }),
    };
  }

  /**
   * Up to `page.limit` of the query's events after the event id `page.after`, among those the
   * organisation may see, oldest recorded first, each with its id.
   * @param epc an EPC the events must name in any role
   */
  async find(
    organisation: Organisation,
    query: EventsQuery,
    page: { after?: string; limit: number },
    epc?: string,
  ): Promise<Array<{ id: string; event: EpcisEvent }>> {
    const filter = filterOf(query);
    if (epc !== undefined) {
      filter.matches = [
        ...(filter.matches ?? []),
        { epcs: [canonicalEpc(epc)], roles: ['epc', 'parent', 'input', 'output'] },
      ];
    }
    const rows = await this.events.find(filter, viewerOf(organisation), page);
    return rows.map((row) => ({ id: row.id, event: epcisEventOf(row.document) }));
  }

  /**
   * The EPCISQueryDocument of a query's results: the SimpleEventQuery's, or a named query's,
   * with the subscription it notifies when it is a notification.
   */
  document(
    eventList: EpcisEvent[],
    results: { queryName: string; subscriptionID?: string } = { queryName: 'SimpleEventQuery' },
  ): EpcisEvent {
    return {
      '@context': EPCIS_CONTEXT,
      type: 'EPCISQueryDocument',
      schemaVersion: '2.0',
      creationDate: this.clock.now().toISOString(),
      epcisBody: { queryResults: { ...results, resultsBody: { eventList } } },
    };
  }

  /**
   * The event with this eventID, in an EPCISQueryDocument as the binding answers it.
   * @throws ApiException NOT_FOUND when no event the caller may see has this eventID
   */
  async event(organisation: Organisation, eventId: string): Promise<EpcisEvent> {
    const [row] = await this.events.find({ eventIds: [eventId] }, viewerOf(organisation), {
      limit: 1,
    });
    if (!row) {
      throw new ApiException(
        'NOT_FOUND',
        `No event with eventID ${eventId} that your organisation may see. Percent-encode the id in the path; GET /epcis/events?EQ_eventID=... finds it too.`,
      );
    }
    return this.document([epcisEventOf(row.document)]);
  }

  /**
   * A query document with its events' identifiers as Digital Links, as EPC URNs where the company
   * prefix is known (the others stay Digital Links), or as recorded (docs/epcis.md).
   */
  async inFormat(
    document: EpcisEvent,
    format: 'Always_GS1_Digital_Link' | 'Always_EPC_URN' | 'Never_Translates',
  ): Promise<EpcisEvent> {
    if (format === 'Never_Translates') return document;
    let rewrite = withDigitalLinks;
    if (format === 'Always_EPC_URN') {
      const known = (await this.prefixes.all()).sort((a, b) => b.length - a.length);
      const prefixOf = (digits: string) => known.find((prefix) => digits.startsWith(prefix));
      rewrite = (event) => withEpcUrns(event, prefixOf);
    }
    const results = (document.epcisBody as { queryResults: EpcisEvent }).queryResults;
    const body = results.resultsBody as { eventList: EpcisEvent[] };
    return {
      ...document,
      epcisBody: {
        queryResults: {
          ...results,
          resultsBody: { eventList: body.eventList.map((event) => rewrite(event)) },
        },
      },
    };
  }

  eventTypes(): Collection {
    return collection([...EVENT_TYPES]);
  }

  /** The standard CBV words, and any other value the caller's events use. */
  async vocabulary(organisation: Organisation, field: 'bizSteps' | 'dispositions') {
    const [vocabulary, column] =
      field === 'bizSteps'
        ? ([BIZ_STEP, 'biz_step'] as const)
        : ([DISPOSITION, 'disposition'] as const);
    const used = await this.events.distinct(column, viewerOf(organisation));
    return collection([...new Set([...vocabulary.words, ...used])].sort());
  }
}

function viewerOf(organisation: Organisation): EpcisViewer {
  return oversees(organisation) ? null : { organisationId: organisation.id };
}

function collection(member: string[]): Collection {
  return { '@context': EPCIS_CONTEXT, type: 'Collection', member };
}

const words = (vocabulary: Vocabulary, values: string[] | undefined) =>
  values?.map((value) => cbvWord(vocabulary, value));

function filterOf(query: EventsQuery): EpcisEventFilter {
  const matches = MATCHES.flatMap(([name, roles]) => {
    const epcs = query[name] as string[] | undefined;
    return epcs ? [{ epcs: epcs.map(canonicalEpc), roles }] : [];
  });
  return {
    eventTypes: query.eventType,
    geEventTime: query.GE_eventTime,
    ltEventTime: query.LT_eventTime,
    geRecordTime: query.GE_recordTime,
    ltRecordTime: query.LT_recordTime,
    bizSteps: words(BIZ_STEP, query.EQ_bizStep),
    dispositions: words(DISPOSITION, query.EQ_disposition),
    readPoints: query.EQ_readPoint?.map(canonicalEpc),
    bizLocations: query.EQ_bizLocation?.map(canonicalEpc),
    eventIds: query.EQ_eventID,
    matches,
  };
}
