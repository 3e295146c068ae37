// Rule 17 of the event hash algorithm: EPC URIs (`urn:epc:id:`), EPC class URIs
// (`urn:epc:class:`) and EPC pattern URIs (`urn:epc:idpat:`) become the canonical GS1 Digital Link
// URI of the same key (GS1 EPC Tag Data Standard §6, GS1 Digital Link URI Syntax 1.2 §4.11).
// The platform also uses it to offer EPC URNs next to its Digital Links.
//
// An EPC URI splits the GS1 key after the company prefix (6 to 12 digits) and leaves out the
// check digit; for a GTIN or an SSCC it also moves the indicator or extension digit behind the
// prefix. The conversion puts the digit back in front and recomputes the check digit. Serial
// parts keep their percent-escapes (see `escapeDigitalLinkValue`). A pattern is converted only
// when its wildcard stands for the serial part, which is all a Digital Link can say.

import { gs1CheckDigit } from '@pedigree/gs1';
import { charCount, escapeDigitalLinkValue, GS1_RESOLVER } from './digital-link';

/** An EPC URI component: TDS "GS3A3" characters and percent-escapes. */
const EPC_CHARS = /^(?:%[0-9A-Fa-f]{2}|[A-Za-z0-9!'()*+,\-.:;=_])+$/;

/** A serial-like component of 1 to `max` characters. */
function serial(text: string, max: number): boolean {
  return EPC_CHARS.test(text) && charCount(text) <= max;
}

/** Company prefix + reference, `length` digits in all, with its check digit; else null. */
function checked(prefix: string, reference: string, length: number): string | null {
  if (!/^\d{6,12}$/.test(prefix) || !/^\d*$/.test(reference)) return null;
  if (prefix.length + reference.length !== length) return null;
  return `${prefix}${reference}${gs1CheckDigit(prefix + reference)}`;
}

/** The GTIN-14 of an SGTIN, LGTIN, ITIP or UPUI: the item reference starts with the indicator. */
function gtin(prefix: string, itemReference: string): string | null {
  if (checked(prefix, itemReference, 13) === null) return null;
  const digits = itemReference.slice(0, 1) + prefix + itemReference.slice(1);
  return `${digits}${gs1CheckDigit(digits)}`;
}

/** `/key/value[/qualifier/value]`, or null when the key value is. */
function path(
  key: string,
  value: string | null,
  qualifier?: string,
  qualifierValue?: string,
): string | null {
  if (value === null) return null;
  const tail =
    qualifier === undefined ? '' : `/${qualifier}/${escapeDigitalLinkValue(qualifierValue ?? '')}`;
  return `/${key}/${value}${tail}`;
}

type Converter = readonly [fields: number, build: (parts: string[]) => string | null];

// prettier-ignore
const ID_SCHEMES: Readonly<Record<string, Converter>> = {
  sgtin: [3, ([cp, item, ser]) => (serial(ser, 20) ? path('01', gtin(cp, item), '21', ser) : null)],
  upui: [3, ([cp, item, ser]) => (serial(ser, 28) ? path('01', gtin(cp, item), '235', ser) : null)],
  sscc: [2, ([cp, ref]) => {
    if (checked(cp, ref, 17) === null) return null;
    const digits = ref.slice(0, 1) + cp + ref.slice(1);
    return path('00', `${digits}${gs1CheckDigit(digits)}`);
  }],
  sgln: [3, ([cp, loc, ext]) => {
    if (!serial(ext, 20)) return null;
    return ext === '0' ? path('414', checked(cp, loc, 12)) : path('414', checked(cp, loc, 12), '254', ext);
  }],
  pgln: [2, ([cp, ref]) => path('417', checked(cp, ref, 12))],
  gsrn: [2, ([cp, ref]) => path('8018', checked(cp, ref, 17))],
  gsrnp: [2, ([cp, ref]) => path('8017', checked(cp, ref, 17))],
  gsin: [2, ([cp, ref]) => path('402', checked(cp, ref, 16))],
  // GRAI, GDTI and SGCN: the serial follows the 13- or 14-digit key with no separator.
  grai: [3, ([cp, type, ser]) => {
    const key = checked(cp, type, 12);
    return key !== null && serial(ser, 16) ? path('8003', `0${key}${escapeDigitalLinkValue(ser)}`) : null;
  }],
  gdti: [3, ([cp, type, ser]) => {
    const key = checked(cp, type, 12);
    return key !== null && serial(ser, 17) ? path('253', `${key}${escapeDigitalLinkValue(ser)}`) : null;
  }],
  sgcn: [3, ([cp, ref, ser]) => {
    const key = checked(cp, ref, 12);
    return key !== null && /^\d{1,12}$/.test(ser) ? path('255', `${key}${ser}`) : null;
  }],
  // GIAI and GINC: company prefix and reference together, up to 30 characters, no check digit.
  giai: [2, ([cp, ref]) => (/^\d{6,12}$/.test(cp) && serial(ref, 30 - cp.length) ? path('8004', `${cp}${escapeDigitalLinkValue(ref)}`) : null)],
  ginc: [2, ([cp, ref]) => (/^\d{6,12}$/.test(cp) && serial(ref, 30 - cp.length) ? path('401', `${cp}${escapeDigitalLinkValue(ref)}`) : null)],
  itip: [5, ([cp, item, piece, total, ser]) => {
    const key = gtin(cp, item);
    if (key === null || !/^\d{2}$/.test(piece) || !/^\d{2}$/.test(total) || !serial(ser, 20)) return null;
    return path('8006', `${key}${piece}${total}`, '21', ser);
  }],
  // CPI: the component/part reference (digits, capitals, '-', '#' and '/' escaped) cannot hold a
  // dot, so the serial is what follows the last one.
  cpi: [2, ([cp, rest]) => {
    const dot = rest.lastIndexOf('.');
    const [ref, ser] = [rest.slice(0, dot), rest.slice(dot + 1)];
    if (!cpiReference(cp, ref) || dot < 0 || !/^\d{1,12}$/.test(ser)) return null;
    return path('8010', escapeDigitalLinkValue(cp + ref), '8011', ser);
  }],
};

function cpiReference(prefix: string, reference: string): boolean {
  return (
    /^\d{6,12}$/.test(prefix) &&
    /^(?:%2[3Ff]|[0-9A-Z-])+$/.test(reference) &&
    prefix.length + charCount(reference) <= 30
  );
}

// prettier-ignore
const CLASS_SCHEMES: Readonly<Record<string, Converter>> = {
  lgtin: [3, ([cp, item, lot]) => (serial(lot, 20) ? path('01', gtin(cp, item), '10', lot) : null)],
};

// prettier-ignore
const PATTERN_SCHEMES: Readonly<Record<string, Converter>> = {
  sgtin: [3, ([cp, item, star]) => (star === '*' ? path('01', gtin(cp, item)) : null)],
  upui: [3, ([cp, item, star]) => (star === '*' ? path('01', gtin(cp, item)) : null)],
  grai: [3, ([cp, type, star]) => {
    const key = checked(cp, type, 12);
    return star === '*' && key !== null ? path('8003', `0${key}`) : null;
  }],
  gdti: [3, ([cp, type, star]) => (star === '*' ? path('253', checked(cp, type, 12)) : null)],
  sgcn: [3, ([cp, ref, star]) => (star === '*' ? path('255', checked(cp, ref, 12)) : null)],
  cpi: [3, ([cp, ref, star]) => (star === '*' && cpiReference(cp, ref) ? path('8010', escapeDigitalLinkValue(cp + ref)) : null)],
  itip: [5, ([cp, item, piece, total, star]) => {
    const key = gtin(cp, item);
    if (star !== '*' || key === null || !/^\d{2}$/.test(piece) || !/^\d{2}$/.test(total)) return null;
    return path('8006', `${key}${piece}${total}`);
  }],
};

const KINDS: Readonly<Record<string, Readonly<Record<string, Converter>>>> = {
  id: ID_SCHEMES,
  class: CLASS_SCHEMES,
  idpat: PATTERN_SCHEMES,
};

/** The first `n - 1` dot-separated fields, then all the rest (serials may contain dots). */
function fields(body: string, n: number): string[] | null {
  const parts: string[] = [];
  let rest = body;
  for (let i = 1; i < n; i += 1) {
    const dot = rest.indexOf('.');
    if (dot < 0) return null;
    parts.push(rest.slice(0, dot));
    rest = rest.slice(dot + 1);
  }
  parts.push(rest);
  return parts;
}

/**
 * The canonical GS1 Digital Link URI of an EPC URI, EPC class URI or EPC pattern URI, or null
 * when the text is not one the algorithm converts (unknown scheme, a wildcard elsewhere than in
 * the serial part, wrong number of digits, a character TDS does not allow).
 * Schemes: sgtin, sscc, sgln, grai, giai, gsrn, gsrnp, gdti, cpi, sgcn, ginc, gsin, itip, upui,
 * pgln; class lgtin; patterns of sgtin, grai, gdti, sgcn, cpi, itip, upui.
 * @throws never
 * @example epcUriToDigitalLink('urn:epc:id:sgtin:0614141.107346.2017')
 * // 'https://id.gs1.org/01/10614141073464/21/2017'
 * @example epcUriToDigitalLink('urn:epc:id:sgln:4012345.00005.0')
 * // 'https://id.gs1.org/414/4012345000054'
 */
export function epcUriToDigitalLink(uri: string): string | null {
  const match = /^urn:epc:(id|class|idpat):([a-z]+):(.+)$/.exec(uri);
  if (!match) return null;
  const [, kind = '', scheme = '', body = ''] = match;
  const converter = Object.hasOwn(KINDS[kind], scheme) ? KINDS[kind][scheme] : undefined;
  if (converter === undefined) return null;
  const parts = fields(body, converter[0]);
  const found = parts === null ? null : converter[1](parts);
  return found === null ? null : `${GS1_RESOLVER}${found}`;
}
