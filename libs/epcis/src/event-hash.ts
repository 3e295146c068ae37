// The EPCIS event hash ID (CBV 2.0 §8.9): SHA-256 of the event's pre-hash string (UTF-8), as an
// RFC 6920 `ni` URI carrying the version of the algorithm:
//
//   ni:///sha-256;<64 lowercase hex digits>?ver=CBV2.0
//
// SHA-256 comes from @noble/hashes, so this file runs in the browser as well as in Node.

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { prefixesOf } from './context';
import { EpcisError } from './epcis.error';
import { isJsonObject, type JsonObject, type JsonValue } from './json';
import { writePrehash } from './prehash';

/** What an event needs from its surroundings to be hashed. */
export interface EventHashOptions {
  /**
   * The `@context` of the enclosing document (a string, an object or an array of them, as
   * written). Its prefix objects name the namespaces of user extensions; the prefixes of the
   * standard EPCIS 2.0 context are always known. An `@context` inside the event is read too.
   */
  readonly context?: JsonValue;
  /** Keys to leave out of the event, as CURIEs or as written (a document's `ignoreFields`). */
  readonly ignoreFields?: readonly string[];
}

/**
 * The canonical pre-hash string of an EPCIS 2.0 JSON-LD event (see `prehash.ts` for the rules).
 * @throws {EpcisError} NOT_AN_EVENT when `event` is not an object with a string `type`
 * @example
 * eventPrehash({
 *   type: 'ObjectEvent', eventTime: '2022-02-16T20:33:31.116-06:00', eventTimeZoneOffset: '-06:00',
 *   epcList: ['urn:epc:id:sgtin:0614141.107346.2018'], action: 'OBSERVE', bizStep: 'shipping',
 * })
 * // 'eventType=ObjectEventeventTime=2022-02-17T02:33:31.116ZeventTimeZoneOffset=-06:00epcList'
 * // + 'epc=https://id.gs1.org/01/10614141073464/21/2018action=OBSERVE'
 * // + 'bizStep=https://ref.gs1.org/cbv/BizStep-shipping'
 */
export function eventPrehash(event: JsonObject, options: EventHashOptions = {}): string {
  if (!isJsonObject(event) || typeof event.type !== 'string' || event.type === '') {
    throw new EpcisError(
      'NOT_AN_EVENT',
      'an EPCIS event must be a JSON object with a "type" such as "ObjectEvent"',
    );
  }
  const prefixes = prefixesOf(options.context, event['@context']);
  return writePrehash(event, event.type, prefixes, options.ignoreFields ?? []);
}

/**
 * The event hash ID of a pre-hash string.
 * @throws never
 * @example eventHashFromPrehash('') // 'ni:///sha-256;e3b0c442...b855?ver=CBV2.0'
 */
export function eventHashFromPrehash(prehash: string): string {
  return `ni:///sha-256;${bytesToHex(sha256(new TextEncoder().encode(prehash)))}?ver=CBV2.0`;
}

/**
 * The event hash ID of an EPCIS 2.0 JSON-LD event: what the platform puts in `eventID` for the
 * events it creates, and what any other system computes for the same event.
 * @throws {EpcisError} NOT_AN_EVENT when `event` is not an object with a string `type`
 * @example eventHash(event, { context: document['@context'] })
 * // 'ni:///sha-256;ffa491b1...1b4b?ver=CBV2.0'
 */
export function eventHash(event: JsonObject, options: EventHashOptions = {}): string {
  return eventHashFromPrehash(eventPrehash(event, options));
}
