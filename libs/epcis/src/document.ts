// The events of an EPCIS 2.0 JSON-LD document, with what hashing them needs from the document:
// its `@context` and the fields it asks to leave out. `ignoreFields` is the reference
// implementation's convention for a repository's own additions (its stored hash, a capture id):
// a document-level (or query-results-level) member whose local name is `ignoreFields`, listing
// the event keys, e.g. `"repository-x:ignoreFields": ["repository-x:hash"]`.

import { localName } from './context';
import { EpcisError } from './epcis.error';
import type { EventHashOptions } from './event-hash';
import { isJsonObject, type JsonObject, type JsonValue } from './json';

/** The events of a document, in document order, and the options to hash each of them with. */
export interface EpcisDocumentEvents {
  readonly events: JsonObject[];
  readonly options: EventHashOptions;
}

function ignoreFieldsOf(object: JsonObject): string[] {
  return Object.entries(object)
    .filter(([key]) => localName(key) === 'ignoreFields')
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
    .filter((value): value is string => typeof value === 'string');
}

/**
 * The events of an EPCISDocument (`epcisBody.eventList`, or a single `epcisBody.event`) or of an
 * EPCISQueryDocument (`epcisBody.queryResults.resultsBody.eventList`).
 * @throws {EpcisError} NOT_A_DOCUMENT when there is no such event list, or an entry of it is not
 * an object
 * @example
 * const { events, options } = epcisDocumentEvents(JSON.parse(text));
 * const ids = events.map((event) => eventHash(event, options));
 */
export function epcisDocumentEvents(document: JsonObject): EpcisDocumentEvents {
  const body: JsonValue | undefined = isJsonObject(document) ? document.epcisBody : undefined;
  const queryResults = isJsonObject(body) ? body.queryResults : undefined;
  const resultsBody = isJsonObject(queryResults) ? queryResults.resultsBody : undefined;
  let list: JsonValue | undefined;
  if (isJsonObject(resultsBody)) list = resultsBody.eventList;
  else if (isJsonObject(body)) list = body.eventList ?? (body.event ? [body.event] : undefined);
  if (!Array.isArray(list) || !list.every(isJsonObject)) {
    throw new EpcisError(
      'NOT_A_DOCUMENT',
      'an EPCIS document needs epcisBody.eventList (or epcisBody.event, or ' +
        'epcisBody.queryResults.resultsBody.eventList) holding event objects',
    );
  }
  const ignoreFields = [
    ...ignoreFieldsOf(document),
    ...(isJsonObject(queryResults) ? ignoreFieldsOf(queryResults) : []),
  ];
  return {
    events: list as JsonObject[],
    options: { context: document['@context'], ignoreFields },
  };
}
