// Emitting recorded events as EPCIS 2.0: the event as the ledger holds it, and the EPCISDocument
// that carries a list of them. A stored event is emitted unchanged, so the canonical JSON of what
// a client receives is the leaf it checks against an inclusion proof.
import type { JsonValue } from '@pedigree/ledger';
import { EPCIS_CONTEXT, type EpcisEvent } from './epcis-event';

/**
 * The EPCIS event a stored document is: the document's JSON, as recorded. Events recorded before
 * the platform wrote complete EPCIS events (no `@context`, `eventID` or `recordTime`) are
 * emitted as they were sealed too: adding anything would break the match with their leaf.
 * @throws Error when the bytes are not a JSON object (never for a document the platform stored)
 * @example epcisEventOf(row.document).eventID // 'ni:///sha-256;…?ver=CBV2.0'
 */
export function epcisEventOf(document: Uint8Array): EpcisEvent {
  const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(document)) as JsonValue;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('A stored event document is not a JSON object.');
  }
  return value;
}

/**
 * An EPCIS 2.0 EPCISDocument carrying `events` in order. Each event keeps its own `@context`
 * (the same one), so every event in the list is still byte for byte its ledger leaf.
 * @throws never
 * @example epcisDocument([epcisEventOf(row.document)], clock.now())
 */
export function epcisDocument(events: readonly EpcisEvent[], creationDate: Date): EpcisEvent {
  return {
    '@context': EPCIS_CONTEXT,
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: creationDate.toISOString(),
    epcisBody: { eventList: [...events] },
  };
}
