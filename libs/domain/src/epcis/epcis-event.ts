// Every event the platform records, shaped as an EPCIS 2.0 event (what, when, where, why): the
// JSON object whose canonical bytes the ledger leaf commits to. Built here, from plain inputs,
// so the HTTP API, the MQTT ingest and EPCIS capture produce the same documents.
import type { JsonValue } from '@pedigree/ledger';
import { siteUri } from './gs1-identifiers';

/** Where and why an event happened, and when. */
export interface EventContext {
  eventTime: Date;
  bizStep: string;
  disposition: string;
  /** GLN of the site where it happened: both readPoint and bizLocation. */
  siteGln: string | null;
}

const CBV = 'https://ref.gs1.org/cbv';

function common(context: EventContext): Record<string, JsonValue> {
  return {
    eventTime: context.eventTime.toISOString(),
    eventTimeZoneOffset: '+00:00',
    bizStep: `${CBV}/BizStep-${context.bizStep}`,
    disposition: `${CBV}/Disp-${context.disposition}`,
    ...(context.siteGln && {
      readPoint: { id: siteUri(context.siteGln) },
      bizLocation: { id: siteUri(context.siteGln) },
    }),
  };
}

/**
 * An ObjectEvent about packs (`epcList`) or a batch as a whole (`quantityList`).
 * `ilmd` (lot and expiry) goes on commissioning; `destinationGln` on shipping.
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
): Record<string, JsonValue> {
  return {
    type: 'ObjectEvent',
    action: what.action,
    ...common(context),
    ...(what.epcList && { epcList: what.epcList }),
    ...(what.epcClass && { quantityList: [{ epcClass: what.epcClass }] }),
    ...(what.ilmd && {
      ilmd: { 'cbvmda:lotNumber': what.ilmd.lot, 'cbvmda:itemExpirationDate': what.ilmd.expiry },
    }),
    ...(what.destinationGln && {
      destinationList: [{ type: `${CBV}/SDT-location`, destination: siteUri(what.destinationGln) }],
    }),
  };
}

/** An AggregationEvent: children put into (ADD) or taken out of (DELETE) a logistic unit. */
export function aggregationEvent(
  context: EventContext,
  what: { action: 'ADD' | 'DELETE'; parentId: string; childEPCs: string[] },
): Record<string, JsonValue> {
  return {
    type: 'AggregationEvent',
    action: what.action,
    ...common(context),
    parentID: what.parentId,
    childEPCs: what.childEPCs,
  };
}
