// Identifiers as EPCIS 2.0 carries them by default: GS1 Digital Link URIs on the canonical
// https://id.gs1.org base (the platform's own public URL serves the same paths to consumers).
import { buildDigitalLink, encodeDigitalLinkValue } from '@pedigree/gs1';

/**
 * The instance identifier of a pack (SGTIN): https://id.gs1.org/01/{gtin}/21/{serial}. Written
 * out rather than through buildDigitalLink: a commissioning names 100,000 packs, and the general
 * builder's validation and qualifier search cost ten times more (a property test pins the two
 * to the same output). The values come from stored, validated packs.
 */
export function packUri(gtin: string, serial: string): string {
  return `https://id.gs1.org/01/${gtin}/21/${encodeDigitalLinkValue(serial)}`;
}

/** The class identifier of a batch (LGTIN): https://id.gs1.org/01/{gtin}/10/{lot} */
export function batchUri(gtin: string, lot: string): string {
  return buildDigitalLink([
    { ai: '01', value: gtin },
    { ai: '10', value: lot },
  ]);
}

/** A product class (GTIN): https://id.gs1.org/01/{gtin} */
export function productUri(gtin: string): string {
  return buildDigitalLink([{ ai: '01', value: gtin }]);
}

/** A logistic unit (SSCC): https://id.gs1.org/00/{sscc} */
export function containerUri(sscc: string): string {
  return buildDigitalLink([{ ai: '00', value: sscc }]);
}

/** A place (GLN): https://id.gs1.org/414/{gln} */
export function siteUri(gln: string): string {
  return buildDigitalLink([{ ai: '414', value: gln }]);
}
