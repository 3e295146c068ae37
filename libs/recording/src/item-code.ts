/**
 * What a step is about, as the caller scanned or typed it: a pack (GTIN + serial, optionally lot
 * and expiry to cross-check) or a logistic unit (SSCC). Any GS1 form is accepted: scan data with
 * its symbology identifier, an element string, the bracketed form or a Digital Link.
 */
import { Gs1Error, parseScanData } from '@pedigree/gs1';
import { RecordingError, type RefusedItem } from './recording-error';

export type ItemRef =
  | { kind: 'pack'; code: string; gtin: string; serial: string; lot?: string; expiry?: string }
  | { kind: 'container'; code: string; sscc: string };

/** Parses each code; the ones that are not a pack or an SSCC come back as refusals. */
export function parseItems(codes: readonly string[]): { items: ItemRef[]; refused: RefusedItem[] } {
  const items: ItemRef[] = [];
  const refused: RefusedItem[] = [];
  for (const code of codes) {
    try {
      const ais = new Map(parseScanData(code).ais.map(({ ai, value }) => [ai, value]));
      const [gtin, serial, sscc] = [ais.get('01'), ais.get('21'), ais.get('00')];
      if (sscc) items.push({ kind: 'container', code, sscc });
      else if (gtin && serial) {
        items.push({ kind: 'pack', code, gtin, serial, lot: ais.get('10'), expiry: ais.get('17') });
      } else {
        refused.push({
          item: code,
          code: 'MALFORMED_CODE',
          reason: 'this code names neither a pack (AIs 01 and 21) nor a case or pallet (AI 00)',
        });
      }
    } catch (error) {
      if (!(error instanceof Gs1Error)) throw error;
      refused.push({ item: code, code: 'MALFORMED_CODE', reason: error.message });
    }
  }
  return { items, refused };
}

/** The SSCCs among the items. */
export function containerCodes(items: readonly ItemRef[]): string[] {
  return items.flatMap((i) => (i.kind === 'container' ? [i.sscc] : []));
}

/**
 * Refuses the whole step when any item was refused: the code of the first, every one in details.
 * @throws RecordingError
 */
export function refuseIfAny(refused: readonly RefusedItem[]): void {
  if (refused.length === 0) return;
  const [first] = refused;
  const more = refused.length > 1 ? ` (and ${refused.length - 1} more, listed in details)` : '';
  throw new RecordingError(
    first.code,
    `Nothing was recorded: ${first.item}: ${first.reason.replace(/\.$/, '')}${more}.`,
    refused,
  );
}
