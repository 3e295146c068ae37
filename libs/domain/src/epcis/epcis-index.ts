// What the EPCIS query interface filters on, read once from an event when it is recorded and kept
// beside its document: the document stays the one record of what happened (the ledger leaf), and
// these columns only find it.
import { BIZ_STEP, DISPOSITION, canonicalEpc, cbvWord } from '@pedigree/epcis';
import type { EpcisEvent } from './epcis-event';

/**
 * Where an identifier stands in an event, as the query parameters tell them apart: `epc` (epcList
 * or childEPCs: MATCH_epc), `parent` (parentID), `input`/`output` (a transformation's), and the
 * classes of quantity lists (MATCH_epcClass: quantityList and childQuantityList).
 */
export type EpcRole =
  'epc' | 'parent' | 'input' | 'output' | 'class' | 'inputClass' | 'outputClass';

/** Each role and the event fields that hold it. */
const EPC_FIELDS: ReadonlyArray<[EpcRole, string, 'uri' | 'quantity']> = [
  ['epc', 'epcList', 'uri'],
  ['epc', 'childEPCs', 'uri'],
  ['input', 'inputEPCList', 'uri'],
  ['output', 'outputEPCList', 'uri'],
  ['class', 'quantityList', 'quantity'],
  ['class', 'childQuantityList', 'quantity'],
  ['inputClass', 'inputQuantityList', 'quantity'],
  ['outputClass', 'outputQuantityList', 'quantity'],
];

/** The queryable facts of one event; null where the event has none (a recall has no place). */
export interface EventIndex {
  eventType: string;
  eventTime: string;
  recordTime: string | null;
  /** The CBV word (`shipping`) whether the event wrote it bare or as a URI. */
  bizStep: string | null;
  disposition: string | null;
  readPoint: string | null;
  bizLocation: string | null;
  /** The event's own `eventID`: the event hash for the platform's events, whatever a capture sent. */
  eventId: string | null;
  /** The GS1 event hash, which tells a duplicate whatever its eventID. */
  eventHash: string | null;
  /** Every identifier the event names, in its canonical form (URNs as Digital Links). */
  epcs: Array<{ epc: string; role: EpcRole }>;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const id = (value: unknown): string | null =>
  typeof value === 'object' && value !== null && 'id' in value ? text(value.id) : null;

/**
 * The index of an event; `eventHash` as the caller computed it (the platform's events carry it as
 * their eventID).
 * @example epcisIndexOf(event, event.eventID as string).bizStep // 'shipping'
 */
export function epcisIndexOf(event: EpcisEvent, eventHash: string | null): EventIndex {
  const bizStep = text(event.bizStep);
  const disposition = text(event.disposition);
  return {
    eventType: text(event.type) ?? '',
    eventTime: text(event.eventTime) ?? '',
    recordTime: text(event.recordTime),
    bizStep: bizStep && cbvWord(BIZ_STEP, bizStep),
    disposition: disposition && cbvWord(DISPOSITION, disposition),
    readPoint: id(event.readPoint),
    bizLocation: id(event.bizLocation),
    eventId: text(event.eventID),
    eventHash,
    epcs: epcsOf(event),
  };
}

function epcsOf(event: EpcisEvent): EventIndex['epcs'] {
  const epcs: EventIndex['epcs'] = [];
  const parent = text(event.parentID);
  if (parent) epcs.push({ epc: canonicalEpc(parent), role: 'parent' });
  for (const [role, field, form] of EPC_FIELDS) {
    const list = event[field];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const value =
        form === 'uri'
          ? text(entry)
          : typeof entry === 'object' && entry !== null && !Array.isArray(entry)
            ? text(entry.epcClass)
            : null;
      if (value) epcs.push({ epc: canonicalEpc(value), role });
    }
  }
  // The same identifier twice in one role is one match: keep the table's key unique.
  const seen = new Set<string>();
  return epcs.filter(({ epc, role }) => !seen.has(`${role} ${epc}`) && seen.add(`${role} ${epc}`));
}
