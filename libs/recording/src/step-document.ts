/** The EPCIS 2.0 event a supply-chain step is recorded as. */
import {
  aggregationEvent,
  containerUri,
  epcisVocabulary,
  objectEvent,
  packUri,
  type PackAction,
} from '@pedigree/domain';
import type { JsonValue } from '@pedigree/ledger';
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
export function stepDocument(step: StepFacts, eventTime: Date): Record<string, JsonValue> {
  const context = { eventTime, siteGln: step.siteGln, ...epcisVocabulary(step.action) };
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
