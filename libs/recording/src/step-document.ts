/**
 * The EPCIS 2.0 event each recorded action is written as: supply-chain steps, commissioning and
 * recalls. Every one is complete (context, eventID, recordTime): its canonical bytes are the leaf.
 */
import {
  aggregationEvent,
  batchUri,
  containerUri,
  epcisVocabulary,
  objectEvent,
  packUri,
  productUri,
  type EpcisEvent,
  type PackAction,
} from '@pedigree/domain';
import type { ItemRef } from './item-code';

export interface StepFacts {
  action: Exclude<PackAction, 'commission' | 'recall' | 'verify'>;
  siteGln: string;
  items: readonly ItemRef[];
  destinationGln?: string;
  containerSscc?: string;
}

/**
 * Packing and unpacking are AggregationEvents under the container; the other steps ObjectEvents
 * (OBSERVE) naming the items as scanned: a pallet's SSCC stands for what it holds.
 */
export function stepDocument(step: StepFacts, eventTime: Date, recordTime: Date): EpcisEvent {
  const context = { eventTime, recordTime, siteGln: step.siteGln, ...epcisVocabulary(step.action) };
  const epcs = step.items.map((i) =>
    i.kind === 'pack' ? packUri(i.gtin, i.serial) : containerUri(i.sscc),
  );
  if (step.action === 'pack' || step.action === 'unpack') {
    return aggregationEvent(context, {
      action: step.action === 'pack' ? 'ADD' : 'DELETE',
      parentId: containerUri(step.containerSscc!),
      childEPCs: epcs,
    });
  }
  return objectEvent(context, {
    action: 'OBSERVE',
    epcList: epcs,
    ...(step.destinationGln && { destinationGln: step.destinationGln }),
  });
}

/**
 * Commissioning: an ObjectEvent ADD of new serials of one batch at the manufacturer's site, with
 * the lot and the expiry date (`YYYY-MM-DD`) as instance master data.
 */
export function commissionDocument(
  commission: {
    siteGln: string;
    gtin: string;
    serials: readonly string[];
    lot: string;
    expiry: string;
  },
  at: Date,
): EpcisEvent {
  return objectEvent(
    {
      eventTime: at,
      recordTime: at,
      siteGln: commission.siteGln,
      ...epcisVocabulary('commission'),
    },
    {
      action: 'ADD',
      epcList: commission.serials.map((serial) => packUri(commission.gtin, serial)),
      ilmd: { lot: commission.lot, expiry: commission.expiry },
    },
  );
}

/**
 * A batch recall (`lot` given) or a product withdrawal: an ObjectEvent OBSERVE of the class as a
 * whole (`quantityList` with the LGTIN or the GTIN, no quantity), not of each pack. CBV 2.0 has
 * no recalling step: `holding` with the disposition `recalled`. It names no place, since a
 * recall comes from the organisation, not one of its sites.
 */
export function recallDocument(recall: { gtin: string; lot?: string }, at: Date): EpcisEvent {
  return objectEvent(
    { eventTime: at, recordTime: at, siteGln: null, ...epcisVocabulary('recall') },
    {
      action: 'OBSERVE',
      epcClass:
        recall.lot === undefined ? productUri(recall.gtin) : batchUri(recall.gtin, recall.lot),
    },
  );
}
