// Every event the platform records, shaped as an EPCIS 2.0 JSON-LD event (what, when, where, why):
// the JSON object whose canonical bytes the ledger leaf commits to. Built here, from plain inputs,
// so the HTTP API, the MQTT ingest and EPCIS capture produce the same documents. The object is a
// complete event on its own: it carries the GS1 `@context` (the schema requires one on a stand-
// alone event), its `recordTime` and its `eventID`, so what the API emits is exactly the leaf.
import { eventHash } from '@pedigree/epcis';
import type { JsonValue } from '@pedigree/ledger';
import { siteUri } from './gs1-identifiers';

/** The GS1 EPCIS 2.0 JSON-LD context: it defines the event fields, CBV words and `cbvmda:`. */
export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/epcis-context.jsonld';

/** An EPCIS event as stored and emitted: a JSON object. */
export type EpcisEvent = { [key: string]: JsonValue };

/** Where and why an event happened, and when. */
export interface EventContext {
  /** When it happened: the scan's time for a scanner, the request's for the API. */
  eventTime: Date;
  /** When the platform recorded it: the clock of the recording transaction. */
  recordTime: Date;
  /** A CBV 2.0 business step as a bare word (`shipping`), as EPCIS 2.0 JSON-LD writes it. */
  bizStep: string;
  /** A CBV 2.0 disposition as a bare word (`in_transit`). */
  disposition: string;
  /** GLN of the site where it happened: both readPoint and bizLocation. */
  siteGln: string | null;
}

/**
 * The parts every event shares. The time zone offset is the one `eventTime` is written in: the
 * platform keeps UTC because a site has no recorded time zone.
 */
function common(context: EventContext): EpcisEvent {
  return {
    eventTime: context.eventTime.toISOString(),
    eventTimeZoneOffset: '+00:00',
    bizStep: context.bizStep,
    disposition: context.disposition,
    ...(context.siteGln && {
      readPoint: { id: siteUri(context.siteGln) },
      bizLocation: { id: siteUri(context.siteGln) },
    }),
  };
}

/**
 * Completes an event with its context, record time and id. The id is the GS1 event hash
 * (CBV 2.0 §8.9), which leaves out `eventID`, `recordTime` and `@context`: any system holding the
 * same what, when, where and why computes the same id, whenever it recorded the event.
 *
 * `recordTime` is inside the sealed document rather than added when the event is emitted: that
 * way it is covered by the leaf hash and the signed block, so an auditor can check that the
 * platform recorded the event before the block holding it was sealed (recordTime at most the
 * block's time), and the server cannot restate it later. The `recorded_at` column of the events
 * table is only an index for the platform's own queries.
 */
function complete(event: EpcisEvent, recordTime: Date): EpcisEvent {
  return {
    '@context': EPCIS_CONTEXT,
    ...event,
    recordTime: recordTime.toISOString(),
    eventID: eventHash(event),
  };
}

/**
 * An ObjectEvent about packs (`epcList`) or a batch or product as a whole (`quantityList`).
 * `ilmd` (lot and expiry, as CBV master data attributes) goes on commissioning, which is the only
 * ADD the schema lets carry it; `destinationGln` on shipping.
 * @throws never
 * @example
 * objectEvent(
 *   { eventTime, recordTime, bizStep: 'shipping', disposition: 'in_transit', siteGln },
 *   { action: 'OBSERVE', epcList: [packUri(gtin, serial)], destinationGln },
 * ).eventID // 'ni:///sha-256;…?ver=CBV2.0'
 */
export function objectEvent(
  context: EventContext,
  what: {
    action: 'ADD' | 'OBSERVE' | 'DELETE';
    epcList?: string[];
    epcClass?: string;
    ilmd?: { lot: string; expiry: string };
    destinationGln?: string;
  },
): EpcisEvent {
  return complete(
    {
      type: 'ObjectEvent',
      action: what.action,
      ...common(context),
      ...(what.epcList && { epcList: what.epcList }),
      ...(what.epcClass && { quantityList: [{ epcClass: what.epcClass }] }),
      ...(what.ilmd && {
        ilmd: { 'cbvmda:lotNumber': what.ilmd.lot, 'cbvmda:itemExpirationDate': what.ilmd.expiry },
      }),
      ...(what.destinationGln && {
        destinationList: [{ type: 'location', destination: siteUri(what.destinationGln) }],
      }),
    },
    context.recordTime,
  );
}

/**
 * An AggregationEvent: children put into (ADD) or taken out of (DELETE) a logistic unit.
 * @throws never
 */
export function aggregationEvent(
  context: EventContext,
  what: { action: 'ADD' | 'DELETE'; parentId: string; childEPCs: string[] },
): EpcisEvent {
  return complete(
    {
      type: 'AggregationEvent',
      action: what.action,
      ...common(context),
      parentID: what.parentId,
      childEPCs: what.childEPCs,
    },
    context.recordTime,
  );
}
