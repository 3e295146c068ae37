/**
 * The EPCIS 2.0 REST binding's query side (docs/epcis.md, "Query"): events by the standard
 * filters, one event by its eventID, an EPC's events, and the vocabularies in use. Any
 * organisation with a key; each sees the events it may (the rule is in docs/epcis.md).
 */
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { EpcisEvent } from '@pedigree/domain';
import type { Organisation } from '@pedigree/persistence';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentOrganisation } from '../auth/auth.decorators';
import { ApiException } from '../errors/api.exception';
import { ApiDoc } from '../openapi/api-doc.decorator';
import { epcPathSchema, eventIdPathSchema, eventsQuerySchema, type EventsQuery } from './query.dto';
import { EpcisQueryService, type Collection, type QueryPage } from './query.service';

/** What every answer says it speaks (the binding's version headers). */
export const VERSIONS = { 'GS1-EPCIS-Version': '2.0.0', 'GS1-CBV-Version': '2.0.0' };

const QUERY_DOC =
  'Filters: `eventType`, `GE_eventTime`, `LT_eventTime`, `GE_recordTime`, `LT_recordTime`, `EQ_bizStep`, `EQ_disposition`, `EQ_readPoint`, `EQ_bizLocation`, `EQ_eventID`, `MATCH_epc`, `MATCH_parentID`, `MATCH_inputEPC`, `MATCH_outputEPC`, `MATCH_anyEPC`, `MATCH_epcClass` (and its input, output and any forms); lists are separated by `|`. Pages of `perPage` events (default 30, at most 1,000), oldest recorded first; the `Link` header (`rel="next"`) carries the next page\'s `nextPageToken`.';

@Controller('epcis')
export class EpcisQueryController {
  constructor(private readonly epcis: EpcisQueryService) {}

  @ApiDoc({
    summary: 'EPCIS events by the standard query filters, as an EPCISQueryDocument',
    description: QUERY_DOC,
    returns: 'An EPCISQueryDocument with one page of events',
  })
  @Get('events')
  async events(
    @CurrentOrganisation() organisation: Organisation,
    @Query({ schema: eventsQuerySchema }) query: EventsQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EpcisEvent> {
    return paged(await this.epcis.query(organisation, query), request, reply, this.epcis);
  }

  @ApiDoc({
    summary: 'One EPCIS event by its eventID',
    description:
      'The eventID percent-encoded in the path (`ni:///sha-256;…` becomes `ni%3A%2F%2F%2Fsha-256%3B…`). With `GS1-EPC-Format: Never_Translates` the event is its ledger leaf byte for byte once canonical: check it with GET /ledger/events/{id}/proof.',
    returns: 'An EPCISQueryDocument holding the event',
  })
  @Get('events/:eventID')
  async event(
    @CurrentOrganisation() organisation: Organisation,
    @Param('eventID', { schema: eventIdPathSchema }) eventId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EpcisEvent> {
    void reply.headers(VERSIONS);
    return inRequestedForm(
      await this.epcis.event(organisation, eventId),
      request,
      reply,
      this.epcis,
    );
  }

  @ApiDoc({
    summary: "An EPC's events: those naming it in any role, with the same filters",
    description: `The EPC percent-encoded in the path, as a GS1 Digital Link or an EPC URN. ${QUERY_DOC}`,
    returns: 'An EPCISQueryDocument with one page of events',
  })
  @Get('epcs/:epc/events')
  async epcEvents(
    @CurrentOrganisation() organisation: Organisation,
    @Param('epc', { schema: epcPathSchema }) epc: string,
    @Query({ schema: eventsQuerySchema }) query: EventsQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EpcisEvent> {
    return paged(await this.epcis.query(organisation, query, { epc }), request, reply, this.epcis);
  }

  @ApiDoc({ summary: 'The EPCIS event types', returns: 'A collection of the five event types' })
  @Get('eventTypes')
  eventTypes(): Collection {
    return this.epcis.eventTypes();
  }

  @ApiDoc({
    summary: 'The business steps: the CBV words, and any other your events use',
    returns: 'A collection of business steps',
  })
  @Get('bizSteps')
  bizSteps(@CurrentOrganisation() organisation: Organisation): Promise<Collection> {
    return this.epcis.vocabulary(organisation, 'bizSteps');
  }

  @ApiDoc({
    summary: 'The dispositions: the CBV words, and any other your events use',
    returns: 'A collection of dispositions',
  })
  @Get('dispositions')
  dispositions(@CurrentOrganisation() organisation: Organisation): Promise<Collection> {
    return this.epcis.vocabulary(organisation, 'dispositions');
  }
}

/**
 * The page's document, with the versions and, when there is more, the next page's link; its
 * identifiers in the form the request asks for (`GS1-EPC-Format`).
 */
export async function paged(
  page: QueryPage,
  request: FastifyRequest,
  reply: FastifyReply,
  epcis: EpcisQueryService,
): Promise<EpcisEvent> {
  void reply.headers(VERSIONS);
  if (page.nextPageToken) {
    const url = new URL(request.url, 'http://x');
    url.searchParams.set('nextPageToken', page.nextPageToken);
    void reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
  }
  return inRequestedForm(page.document, request, reply, epcis);
}

/** The identifier forms a client may ask for (`GS1-EPC-Format`), as the binding lists them. */
const EPC_FORMATS = [
  'Always_GS1_Digital_Link',
  'Always_EPC_URN',
  'Never_Translates',
  'No_Preference',
] as const;

/**
 * The document in the identifier form the request asks for (`GS1-EPC-Format`): Digital Links when
 * it says nothing (the binding's default), URNs on request, and each event as it was recorded for
 * `Never_Translates` or `No_Preference`.
 * @throws ApiException VALIDATION for a form the binding does not name
 */
async function inRequestedForm(
  document: EpcisEvent,
  request: FastifyRequest,
  reply: FastifyReply,
  epcis: EpcisQueryService,
): Promise<EpcisEvent> {
  const asked = request.headers['gs1-epc-format'] ?? 'Always_GS1_Digital_Link';
  const format = EPC_FORMATS.find((f) => f === asked);
  if (!format) {
    throw new ApiException(
      'VALIDATION',
      `GS1-EPC-Format "${String(asked)}" is not one the EPCIS binding names: send ${EPC_FORMATS.join(', ')}, or leave it out for Digital Links.`,
    );
  }
  const served = format === 'No_Preference' ? 'Never_Translates' : format;
  void reply.header('gs1-epc-format', served);
  return epcis.inFormat(document, served);
}
