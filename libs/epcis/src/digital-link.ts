// Rule 18 of the event hash algorithm: every GS1 Digital Link URI in an event takes one
// constrained canonical form, so that the same object named through another resolver, with a
// query string or with a lot next to its serial hashes the same:
//
//   - the host becomes https://id.gs1.org (any host, any path before the primary key);
//   - the query string and the fragment are dropped;
//   - short names become AIs (`/gtin/` → `/01/`), and a GTIN-8/12/13 is padded to 14 digits;
//   - only the finest identification is kept: one of `00`, `01`, `01/21`, `01/10`, `01/235`,
//     `253`, `255`, `401`, `402`, `414`, `414/254`, `417`, `8003`, `8004`, `8006`, `8006/21`,
//     `8006/10`, `8010`, `8010/8011`, `8017`, `8018` (a serial wins over a lot; `22` CPV goes).
//
// Values keep the text they were written with, percent-escapes included, except that `! ( ) * +
// , :` are percent-encoded: that is what the reference implementation does when it converts EPC
// URNs (vector `epclist_normalisation`), and doing the same here gives a URN and the equivalent
// Digital Link one form. Check digits are not verified, as in the reference: the hash names what
// the event says, valid or not.

/** The canonical resolver of GS1 Digital Link. */
export const GS1_RESOLVER = 'https://id.gs1.org';

// prettier-ignore
const SHORT_NAMES: Readonly<Record<string, string>> = {
  sscc: '00', gtin: '01', lot: '10', ser: '21', cpv: '22', tpx: '235', gdti: '253', glnx: '254',
  gcn: '255', ginc: '401', gsin: '402', gln: '414', party: '417', grai: '8003', giai: '8004',
  itip: '8006', cpid: '8010', cpsn: '8011', gsrnp: '8017', gsrn: '8018',
};

/** What the value of each primary key may be; every key value starts with a company prefix. */
const KEY_VALUES: Readonly<Record<string, (value: string) => boolean>> = {
  '00': (v) => /^\d{18}$/.test(v),
  '01': (v) => /^(?:\d{8}|\d{12,14})$/.test(v),
  '253': (v) => /^\d{13}/.test(v) && charCount(v) <= 30,
  '255': (v) => /^\d{13,25}$/.test(v),
  '401': (v) => /^\d{4}/.test(v) && charCount(v) <= 30,
  '402': (v) => /^\d{17}$/.test(v),
  '414': (v) => /^\d{13}$/.test(v),
  '417': (v) => /^\d{13}$/.test(v),
  '8003': (v) => /^\d{14}/.test(v) && charCount(v) <= 30,
  '8004': (v) => /^\d{4}/.test(v) && charCount(v) <= 30,
  '8006': (v) => /^\d{18}$/.test(v),
  '8010': (v) => /^\d{4}/.test(v) && charCount(v) <= 30,
  '8017': (v) => /^\d{18}$/.test(v),
  '8018': (v) => /^\d{18}$/.test(v),
};

/** The qualifiers a primary key keeps, finest first; only the first one present is kept. */
const KEPT_QUALIFIERS: Readonly<Record<string, readonly string[]>> = {
  '01': ['21', '235', '10'],
  '8006': ['21', '10'],
  '414': ['254'],
  '8010': ['8011'],
};

const QUALIFIER_VALUES: Readonly<Record<string, (value: string) => boolean>> = {
  '10': (v) => charCount(v) <= 20,
  '21': (v) => charCount(v) <= 20,
  '235': (v) => charCount(v) <= 28,
  '254': (v) => charCount(v) <= 20,
  '8011': (v) => /^\d{1,12}$/.test(v),
};

/** Characters, counting a percent-escape as the one character it stands for. */
export function charCount(text: string): number {
  return text.replace(/%[0-9A-Fa-f]{2}/g, '%').length;
}

/**
 * Percent-encodes the characters that EPC URIs allow raw but a Digital Link path must not
 * carry raw (`! ( ) * + , :`); every other character, and every existing escape, stays.
 * @example escapeDigitalLinkValue('6789%2F!()') // '6789%2F%21%28%29'
 */
export function escapeDigitalLinkValue(value: string): string {
  return value.replace(/[!()*+,:]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

function aiOf(segment: string): string | undefined {
  return SHORT_NAMES[segment] ?? (/^\d{2,4}$/.test(segment) ? segment : undefined);
}

/**
 * The constrained canonical form of a GS1 Digital Link URI (rule 18 of the event hash), or null
 * when the URI is not a Digital Link with a primary key the algorithm knows.
 * @throws never
 * @example canonicalDigitalLink('https://example.com/gtin/9780345418913/21/7?abc=1')
 * // 'https://id.gs1.org/01/09780345418913/21/7'
 */
export function canonicalDigitalLink(uri: string): string | null {
  const match = /^(?:https?|HTTPS?):\/\/[^/?#]+(\/[^?#]*)/.exec(uri);
  if (!match) return null;
  const segments = (match[1] as string).split('/').slice(1);
  if (segments.at(-1) === '') segments.pop();
  for (let i = 0; i < segments.length; i += 1) {
    const key = aiOf(segments[i] as string);
    if (key === undefined || !(key in KEY_VALUES) || (segments.length - i) % 2 !== 0) continue;
    const canonical = fromPairs(key, segments.slice(i + 1));
    if (canonical !== null) return canonical;
  }
  return null;
}

/** `[keyValue, ai, value, ai, value, ...]` after the primary key AI, to the canonical URI. */
function fromPairs(key: string, rest: string[]): string | null {
  const keyValue = rest[0] as string;
  if (!(KEY_VALUES[key] as (v: string) => boolean)(keyValue)) return null;
  const qualifiers = new Map<string, string>();
  for (let j = 1; j < rest.length; j += 2) {
    const ai = aiOf(rest[j] as string);
    if (ai === undefined) return null;
    qualifiers.set(ai, rest[j + 1] as string);
  }
  const value = key === '01' ? keyValue.padStart(14, '0') : keyValue;
  let uri = `${GS1_RESOLVER}/${key}/${escapeDigitalLinkValue(value)}`;
  const kept = (KEPT_QUALIFIERS[key] ?? []).find((q) => qualifiers.has(q));
  if (kept !== undefined) {
    const qualifierValue = qualifiers.get(kept) as string;
    if (
      qualifierValue === '' ||
      !(QUALIFIER_VALUES[kept] as (v: string) => boolean)(qualifierValue)
    ) {
      return null;
    }
    uri += `/${kept}/${escapeDigitalLinkValue(qualifierValue)}`;
  }
  return uri;
}
