// The other direction of `epcUriToDigitalLink`, for clients that ask for EPC URNs
// (`GS1-EPC-Format: Always_EPC_URN`): a canonical GS1 Digital Link back to its EPC URI (GS1 EPC
// Tag Data Standard §6). A URN splits the key after the GS1 Company Prefix, whose length the key
// itself does not tell, so the caller says which prefix a key starts with; without one the
// identifier cannot be written as a URN and null says so.

import { canonicalEpc } from './canonical-value';
import { GS1_RESOLVER } from './digital-link';
import type { JsonObject, JsonValue } from './json';

/** The company prefix (6 to 12 digits) that `digits` start with, if one is known. */
export type CompanyPrefixOf = (digits: string) => string | undefined;

/** TDS allows these in a URN component as they are; anything else is percent-escaped. */
const URN_SAFE = /[A-Za-z0-9!'()*+,\-.:;=_]/;

function urnComponent(digitalLinkValue: string): string {
  return [...decodeURIComponent(digitalLinkValue)]
    .map((ch) =>
      URN_SAFE.test(ch)
        ? ch
        : [...new TextEncoder().encode(ch)]
            .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
            .join(''),
    )
    .join('');
}

/** `prefix.reference` of a key without its check digit, the reference after `lead` digits. */
function split(body: string, prefixOf: CompanyPrefixOf, lead: number): [string, string] | null {
  const prefix = prefixOf(body.slice(lead));
  if (!prefix || !/^\d{6,12}$/.test(prefix)) return null;
  return [prefix, body.slice(0, lead) + body.slice(lead + prefix.length)];
}

/**
 * The EPC URI of a canonical Digital Link (`https://id.gs1.org/...`), or null when it is not an
 * SGTIN, SSCC, SGLN, LGTIN class or GTIN, or its company prefix is unknown.
 * @throws never
 * @example digitalLinkToEpcUri('https://id.gs1.org/01/10614141073464/21/2017', () => '0614141')
 * // 'urn:epc:id:sgtin:0614141.107346.2017'
 */
export function digitalLinkToEpcUri(uri: string, prefixOf: CompanyPrefixOf): string | null {
  if (!uri.startsWith(`${GS1_RESOLVER}/`)) return null;
  const segments = uri.slice(GS1_RESOLVER.length + 1).split('/');
  const [key, value = '', qualifier, qualifierValue] = segments;
  if (segments.length !== 2 && segments.length !== 4) return null;
  switch (key) {
    case '01': {
      // GTIN-14: the indicator digit moves behind the prefix, into the item reference.
      if (!/^\d{14}$/.test(value)) return null;
      const parts = split(value.slice(0, 13), prefixOf, 1);
      if (!parts) return null;
      const [prefix, reference] = parts;
      if (qualifier === undefined) return `urn:epc:idpat:sgtin:${prefix}.${reference}.*`;
      if (qualifier === '21')
        return `urn:epc:id:sgtin:${prefix}.${reference}.${urnComponent(qualifierValue!)}`;
      if (qualifier === '10')
        return `urn:epc:class:lgtin:${prefix}.${reference}.${urnComponent(qualifierValue!)}`;
      return null;
    }
    case '00': {
      // SSCC: the extension digit moves behind the prefix, into the serial reference.
      if (!/^\d{18}$/.test(value) || qualifier !== undefined) return null;
      const parts = split(value.slice(0, 17), prefixOf, 1);
      return parts && `urn:epc:id:sscc:${parts[0]}.${parts[1]}`;
    }
    case '414': {
      // SGLN: the location reference, then the extension (0 for the GLN itself).
      if (!/^\d{13}$/.test(value) || (qualifier !== undefined && qualifier !== '254')) return null;
      const parts = split(value.slice(0, 12), prefixOf, 0);
      const extension = qualifier === undefined ? '0' : urnComponent(qualifierValue!);
      return parts && `urn:epc:id:sgln:${parts[0]}.${parts[1]}.${extension}`;
    }
    default:
      return null;
  }
}

/** The event fields that hold identifiers, as EPCIS 2.0 JSON-LD writes them. */
const ID_LISTS = ['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList'];
const QUANTITY_LISTS = [
  'quantityList',
  'childQuantityList',
  'inputQuantityList',
  'outputQuantityList',
];

/**
 * The event with every identifier rewritten by `rewrite`: the EPC lists, parentID, the quantity
 * lists' classes, readPoint, bizLocation, and the source and destination lists. Other fields,
 * business transactions and extensions included, stay as they are.
 * @throws never
 */
export function rewriteIdentifiers(
  event: JsonObject,
  rewrite: (identifier: string) => string,
): JsonObject {
  const id = (value: JsonValue | undefined) => (typeof value === 'string' ? rewrite(value) : value);
  const out: JsonObject = { ...event };
  for (const field of ID_LISTS) {
    const list = out[field];
    if (Array.isArray(list)) out[field] = list.map((v) => id(v) ?? v);
  }
  if (typeof out.parentID === 'string') out.parentID = rewrite(out.parentID);
  for (const field of QUANTITY_LISTS) {
    const list = out[field];
    if (Array.isArray(list)) out[field] = list.map((q) => withField(q, 'epcClass', id));
  }
  for (const field of ['readPoint', 'bizLocation']) {
    if (field in out) out[field] = withField(out[field], 'id', id);
  }
  for (const [field, key] of [
    ['sourceList', 'source'],
    ['destinationList', 'destination'],
  ] as const) {
    const list = out[field];
    if (Array.isArray(list)) out[field] = list.map((entry) => withField(entry, key, id));
  }
  return out;
}

/**
 * The event with its identifiers written as EPC URNs where their company prefix is known
 * (`GS1-EPC-Format: Always_EPC_URN`); the others stay as they are. The event hash reads both
 * forms alike, so the event keeps its eventID, but it is no longer its ledger leaf byte for byte.
 * @throws never
 */
export function withEpcUrns(event: JsonObject, prefixOf: CompanyPrefixOf): JsonObject {
  return rewriteIdentifiers(event, (id) => digitalLinkToEpcUri(canonicalEpc(id), prefixOf) ?? id);
}

/**
 * The event with its identifiers written as canonical GS1 Digital Links where they have one
 * (`GS1-EPC-Format: Always_GS1_Digital_Link`, the default); an identifier with no such form (a
 * URN of another scheme, a private URL) stays as it is. The eventID stays, as for
 * {@link withEpcUrns}.
 * @throws never
 */
export function withDigitalLinks(event: JsonObject): JsonObject {
  return rewriteIdentifiers(event, canonicalEpc);
}

/** `value` with `key` rewritten when it is an object holding it; anything else as it is. */
function withField(
  value: JsonValue | undefined,
  key: string,
  rewrite: (v: JsonValue | undefined) => JsonValue | undefined,
): JsonValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !(key in value)) {
    return value as JsonValue;
  }
  return { ...value, [key]: rewrite(value[key])! };
}
