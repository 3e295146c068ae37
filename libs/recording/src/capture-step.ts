/**
 * What a captured EPCIS event asks of the packs (docs/epcis.md, "Capture"): its type, action and
 * CBV business step and disposition name one pack action of ours (`packActionFromEpcis`), or
 * none, and then the event is an observation that moves no pack. Pure: the recorder looks the
 * places, products and packs up and judges them.
 */
import { packActionFromEpcis, type PackAction, type RefusalCode } from '@pedigree/domain';
import { BIZ_STEP, DISPOSITION, canonicalEpc, cbvWord, type JsonObject } from '@pedigree/epcis';
import { parseItems, type ItemRef } from './item-code';

/** The actions a captured event may take on packs besides commissioning. */
export type CapturedAction = Exclude<PackAction, 'commission' | 'recall' | 'verify'>;

/** What one captured event does, and where: the GLNs of its readPoint and bizLocation. */
export type CapturedStep = {
  readPointGln: string | null;
  bizLocationGln: string | null;
} & (
  | { kind: 'commission'; items: ItemRef[]; lot: string; expiry: string | null }
  | {
      kind: 'move';
      action: CapturedAction;
      items: ItemRef[];
      /** pack and unpack: the case or pallet; an observed aggregation: the container named. */
      containerSscc?: string;
      /** ship: the destination location's GLN; none when the event declares no location. */
      destinationGln?: string;
    }
  | { kind: 'observation'; items: ItemRef[] }
);

/** Why a captured event cannot be read as a step; the recorder reports it as the event's error. */
export class CaptureRefusal extends Error {
  constructor(
    readonly code: RefusalCode | 'FORBIDDEN' | 'UNSUPPORTED',
    message: string,
  ) {
    super(message);
    this.name = 'CaptureRefusal';
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The GLN of a location identifier (an SGLN URN or a `/414/` Digital Link), extension dropped. */
export function glnOf(uri: string): string | null {
  return /^https:\/\/id\.gs1\.org\/414\/(\d{13})(\/|$)/.exec(canonicalEpc(uri))?.[1] ?? null;
}

function place(event: JsonObject, field: 'readPoint' | 'bizLocation'): string | null {
  const value = event[field];
  const id =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? text(value.id) : null;
  if (id === null) return null;
  const gln = glnOf(id);
  if (!gln) {
    throw new CaptureRefusal(
      'FORBIDDEN',
      `${field} ${id} is not a GLN: name one of your sites (urn:epc:id:sgln:… or https://id.gs1.org/414/…)`,
    );
  }
  return gln;
}

/**
 * The packs and cases an event names in `fields`. With `strict`, an identifier that is neither a
 * pack (SGTIN) nor a case or pallet (SSCC) refuses the event; without, it is left aside (an
 * observation may name returnable assets or documents, which are no packs of ours).
 */
function itemsOf(event: JsonObject, fields: readonly string[], strict: boolean): ItemRef[] {
  const uris = fields.flatMap((field) => {
    const value = event[field];
    if (typeof value === 'string') return [value];
    return Array.isArray(value) ? value.map(text).filter((v): v is string => v !== null) : [];
  });
  const { items, refused } = parseItems(uris.map(canonicalEpc));
  if (strict && refused.length > 0) {
    throw new CaptureRefusal('MALFORMED_CODE', `${refused[0]!.item}: ${refused[0]!.reason}`);
  }
  return items;
}

/** The value of an ilmd entry by its local name (`cbvmda:lotNumber` or the full IRI). */
function ilmdValue(event: JsonObject, name: string): string | null {
  const ilmd = event.ilmd;
  if (typeof ilmd !== 'object' || ilmd === null || Array.isArray(ilmd)) return null;
  const entry = Object.entries(ilmd).find(([key]) => key.split(/[:/#]/).pop() === name);
  return entry ? text(entry[1]) : null;
}

function destinationOf(event: JsonObject): string | undefined {
  const list = Array.isArray(event.destinationList) ? event.destinationList : [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue;
    const type = text(entry.type) ?? '';
    const destination = text(entry.destination);
    if (!/(^|[-:])location$/.test(type) || !destination) continue;
    const gln = glnOf(destination);
    if (!gln) {
      throw new CaptureRefusal(
        'WRONG_CUSTODY',
        `destination ${destination} is not a GLN: name the receiving site (urn:epc:id:sgln:… or https://id.gs1.org/414/…)`,
      );
    }
    return gln;
  }
  // None declared: the first site to receive the packs takes them (docs/epcis.md).
  return undefined;
}

function containerOf(event: JsonObject): string {
  const parent = text(event.parentID);
  const [item] = parent ? parseItems([canonicalEpc(parent)]).items : [];
  if (item?.kind !== 'container') {
    throw new CaptureRefusal(
      'MALFORMED_CODE',
      `parentID ${parent ?? '(none)'} is not a case or pallet: packing needs its SSCC`,
    );
  }
  return item.sscc;
}

/**
 * What the event does to packs.
 * @throws CaptureRefusal when its place is not a GLN, an identifier of a pack step is not a pack
 *   or SSCC, a commissioning names no lot, or it is a recall (recalls have their own route)
 * @example capturedStep(shippingEvent).kind // 'move'
 */
export function capturedStep(event: JsonObject): CapturedStep {
  const where = {
    readPointGln: place(event, 'readPoint'),
    bizLocationGln: place(event, 'bizLocation'),
  };
  const bizStep = text(event.bizStep);
  const disposition = text(event.disposition);
  const action =
    bizStep && disposition
      ? packActionFromEpcis(cbvWord(BIZ_STEP, bizStep), cbvWord(DISPOSITION, disposition))
      : null;
  const observation = (): CapturedStep => ({
    ...where,
    kind: 'observation',
    items: itemsOf(
      event,
      ['epcList', 'parentID', 'childEPCs', 'inputEPCList', 'outputEPCList'],
      false,
    ),
  });
  if (action === 'recall') {
    throw new CaptureRefusal(
      'UNSUPPORTED',
      'a recall (holding, recalled) is recorded with POST /products/{gtin}/batches/{lot}/recall or POST /products/{gtin}/withdraw, which apply it to every pack of the batch or product',
    );
  }
  if (event.type === 'ObjectEvent') {
    if (action === 'commission' && event.action === 'ADD') {
      const lot = ilmdValue(event, 'lotNumber');
      if (!lot) {
        throw new CaptureRefusal(
          'MALFORMED_CODE',
          'a commissioning names its batch: give ilmd cbvmda:lotNumber (and cbvmda:itemExpirationDate) of a batch you registered',
        );
      }
      return {
        ...where,
        kind: 'commission',
        items: itemsOf(event, ['epcList'], true),
        lot,
        expiry: ilmdValue(event, 'itemExpirationDate'),
      };
    }
    if (action && action !== 'commission' && action !== 'verify') {
      return {
        ...where,
        kind: 'move',
        action,
        items: itemsOf(event, ['epcList'], true),
        ...(action === 'ship' && { destinationGln: destinationOf(event) }),
      };
    }
    return observation();
  }
  if (event.type === 'AggregationEvent') {
    if (
      (action === 'pack' && event.action === 'ADD') ||
      (action === 'unpack' && event.action === 'DELETE')
    ) {
      return {
        ...where,
        kind: 'move',
        action,
        items: itemsOf(event, ['childEPCs'], true),
        containerSscc: containerOf(event),
      };
    }
    // An observed aggregation moves the container with everything in it; the children it names
    // must be in it.
    if (
      event.action === 'OBSERVE' &&
      action &&
      !['commission', 'pack', 'unpack', 'verify'].includes(action)
    ) {
      const containerSscc = containerOf(event);
      return {
        ...where,
        kind: 'move',
        action: action as CapturedAction,
        items: [...itemsOf(event, ['childEPCs'], true), ...itemsOf(event, ['parentID'], true)],
        containerSscc,
        ...(action === 'ship' && { destinationGln: destinationOf(event) }),
      };
    }
  }
  return observation();
}
