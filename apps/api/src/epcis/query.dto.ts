/**
 * The EPCIS SimpleEventQuery over REST (GET /epcis/events and friends): the standard parameters
 * this repository answers, each list pipe-delimited as the REST binding has them
 * (`EQ_bizStep=shipping|receiving`). Any other parameter is refused by name, so a filter the
 * client thinks applies is never silently ignored.
 */
import { z } from 'zod';

/** The most events in one page; the binding's default page is 30. */
export const MAX_PER_PAGE = 1_000;

const list = (name: string, what: string) =>
  z
    .string({ error: `${name} must be ${what}, several separated by |` })
    .min(1, { error: `${name} must not be empty` })
    .transform((value) => value.split('|'))
    .optional();

const time = (name: string) =>
  z.iso
    .datetime({
      offset: true,
      error: `${name} must be a date and time with its offset, such as 2026-11-24T09:00:00Z`,
    })
    .transform((value) => new Date(value))
    .optional();

export const PAGE_TOKEN = /^[1-9][0-9]{0,17}$/;

const SUPPORTED = {
  eventType: list('eventType', 'an event type such as ObjectEvent'),
  GE_eventTime: time('GE_eventTime'),
  LT_eventTime: time('LT_eventTime'),
  GE_recordTime: time('GE_recordTime'),
  LT_recordTime: time('LT_recordTime'),
  EQ_bizStep: list('EQ_bizStep', 'a business step (a CBV word such as shipping, or a URI)'),
  EQ_disposition: list('EQ_disposition', 'a disposition (a CBV word such as in_transit, or a URI)'),
  EQ_readPoint: list('EQ_readPoint', 'a location identifier (a GS1 Digital Link or an EPC URN)'),
  EQ_bizLocation: list(
    'EQ_bizLocation',
    'a location identifier (a GS1 Digital Link or an EPC URN)',
  ),
  EQ_eventID: list('EQ_eventID', 'an eventID'),
  MATCH_epc: list('MATCH_epc', 'an EPC (a GS1 Digital Link or an EPC URN)'),
  MATCH_parentID: list('MATCH_parentID', 'an EPC'),
  MATCH_inputEPC: list('MATCH_inputEPC', 'an EPC'),
  MATCH_outputEPC: list('MATCH_outputEPC', 'an EPC'),
  MATCH_anyEPC: list('MATCH_anyEPC', 'an EPC'),
  MATCH_epcClass: list('MATCH_epcClass', 'a class identifier (such as a GTIN with its lot)'),
  MATCH_inputEPCClass: list('MATCH_inputEPCClass', 'a class identifier'),
  MATCH_outputEPCClass: list('MATCH_outputEPCClass', 'a class identifier'),
  MATCH_anyEPCClass: list('MATCH_anyEPCClass', 'a class identifier'),
  perPage: z.coerce
    .number({ error: `perPage must be a whole number from 1 to ${MAX_PER_PAGE}` })
    .int({ error: `perPage must be a whole number from 1 to ${MAX_PER_PAGE}` })
    .min(1, { error: `perPage must be a whole number from 1 to ${MAX_PER_PAGE}` })
    .max(MAX_PER_PAGE, { error: `perPage must be a whole number from 1 to ${MAX_PER_PAGE}` })
    .default(30),
  nextPageToken: z
    .string()
    .regex(PAGE_TOKEN, {
      error: 'nextPageToken must be the token of a previous answer: follow its Link header',
    })
    .optional(),
};

export const eventsQuerySchema = z.strictObject(SUPPORTED, {
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `${issue.keys.join(', ')}: not a query parameter this repository answers; it answers ${Object.keys(SUPPORTED).join(', ')}`
      : undefined,
});

export type EventsQuery = z.infer<typeof eventsQuerySchema>;

/** `/epcis/epcs/{epc}/events`: the same query, the EPC in the path. */
export const epcPathSchema = z.string().min(1, {
  error: 'the EPC must be a GS1 Digital Link or an EPC URN, percent-encoded in the path',
});

export const eventIdPathSchema = z
  .string()
  .min(1, { error: 'the eventID must be percent-encoded in the path' });
