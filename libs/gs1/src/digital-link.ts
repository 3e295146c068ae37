// GS1 Digital Link URIs (https://id.gs1.org/01/{gtin}/10/{lot}/21/{serial}?17=261231): reading
// any conforming URI, and writing the canonical one: primary key, its key qualifiers in the
// dictionary's order (`dlpkey=`), then data attributes in the query string sorted by AI.

import { aiError, aiLabel, lookupAi, requireAi, shown } from './ai-table';
import { Gs1Error } from './gs1.error';
import type { Gs1Ai, Gs1ParseOptions } from './gs1-data';
import { checkParsed } from './validate';

const SCHEMES = ['https://', 'http://', 'HTTPS://', 'HTTP://'];
const URI_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~]+)(?::\d{0,5})?$/;

/** Path words that `permitConvenienceAlphas` accepts in place of numeric AIs. */
// prettier-ignore
const CONVENIENCE_ALPHAS: Readonly<Record<string, string>> = {
  sscc: '00', gtin: '01', lot: '10', ser: '21', cpv: '22', tpx: '235', gdti: '253', glnx: '254',
  gcn: '255', ginc: '401', gsin: '402', gln: '414', payTo: '415', party: '417', grai: '8003',
  giai: '8004', itip: '8006', cpid: '8010', cpsn: '8011', gmn: '8013', gsrnp: '8017',
  gsrn: '8018', srin: '8019',
};

/** Options of the Digital Link reader. */
export type DigitalLinkOptions = Pick<
  Gs1ParseOptions,
  'validate' | 'permitZeroSuppressedGtin' | 'permitConvenienceAlphas'
>;

/** A parsed Digital Link: where it points, and the AIs it carries (path first, then query). */
export interface DigitalLink {
  /** Scheme, host and any path before the primary key, e.g. `https://id.gs1.org`. */
  base: string;
  ais: Gs1Ai[];
}

/**
 * True when the text starts like a Digital Link URI (http:// or https://, all lower or all
 * upper case, as GS1 requires).
 * @example isDigitalLinkScheme('https://id.gs1.org/01/09506000134352') // true
 */
export function isDigitalLinkScheme(text: string): boolean {
  return SCHEMES.some((s) => text.startsWith(s));
}

const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;

/**
 * GS1 percent-encoding of one Digital Link path or query value: everything but the URI
 * unreserved characters becomes %XX.
 * @throws never
 * @example encodeDigitalLinkValue('A/B-1') // 'A%2FB-1'
 */
export function encodeDigitalLinkValue(value: string): string {
  if (UNRESERVED.test(value)) return value;
  return [...value]
    .map((ch) =>
      /[A-Za-z0-9\-._~]/.test(ch) ? ch : encodeURIComponent(ch).replace(/[!'()*]/g, hex),
    )
    .join('');
}

function hex(ch: string): string {
  return `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Is `quals` an ordered selection from `seq`? */
function inOrder(quals: readonly string[], seq: readonly string[]): boolean {
  let at = 0;
  for (const q of quals) {
    at = seq.indexOf(q, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * Reads a GS1 Digital Link URI into its AIs. Unknown non-numeric query parameters, bare query
 * words and the fragment are ignored, as the standard says.
 * @throws {Gs1Error} BAD_URI for URI or Digital Link syntax, UNKNOWN_AI, DUPLICATE_AI, and any
 * validateAis code
 * @example parseDigitalLink('https://id.gs1.org/01/09506000134352/10/ABC?17=261231')
 * // { base: 'https://id.gs1.org', ais: [{ai:'01',...}, {ai:'10',value:'ABC'}, {ai:'17',value:'261231'}] }
 */
export function parseDigitalLink(uri: string, options: DigitalLinkOptions = {}): DigitalLink {
  const fail = (why: string) =>
    new Gs1Error('BAD_URI', `not a valid GS1 Digital Link URI "${shown(uri, 60)}": ${why}`);
  const scheme = SCHEMES.find((s) => uri.startsWith(s));
  if (!scheme) throw fail('it must start with http:// or https://');
  const badChar = [...uri].find((ch) => !URI_CHAR.test(ch));
  if (badChar !== undefined)
    throw fail(`the character '${shown(badChar)}' is not allowed in a URI`);
  const decode = (raw: string, inQuery: boolean): string => {
    const text = inQuery ? raw.replace(/\+/g, ' ') : raw;
    const bad = /%(?![0-9A-Fa-f]{2})/.exec(text);
    if (bad)
      throw fail(`"${text.slice(bad.index, bad.index + 3)}" is not a valid percent-encoding`);
    return text.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) =>
      String.fromCharCode(parseInt(h, 16)),
    );
  };
  const unsuppress = (ai: string, value: string): string =>
    ai === '01' && options.permitZeroSuppressedGtin && /^(\d{8}|\d{12}|\d{13})$/.test(value)
      ? value.padStart(14, '0')
      : value;

  const noFragment = uri.split('#')[0];
  const [pathPart, query = ''] = noFragment.split(/\?(.*)/s);
  const rest = pathPart.slice(scheme.length);
  const slash = rest.indexOf('/');
  if (slash < 0) throw fail('it has no path');
  const authority = rest.slice(0, slash);
  if (!HOST.test(authority)) throw fail(`"${authority}" is not a valid host`);
  const segments = rest.slice(slash + 1).split('/');
  if (segments.includes('')) throw fail('its path has an empty segment (// or a trailing /)');

  const pathAi = (seg: string): string | undefined =>
    /^\d{2,4}$/.test(seg) && lookupAi(seg)
      ? seg
      : options.permitConvenienceAlphas && Object.hasOwn(CONVENIENCE_ALPHAS, seg)
        ? CONVENIENCE_ALPHAS[seg]
        : undefined;
  const path: Gs1Ai[] = [];
  let keyAt = -1;
  for (let i = segments.length - 2; i >= 0; i -= 2) {
    const ai = pathAi(segments[i]);
    if (!ai) break;
    path.unshift({ ai, value: unsuppress(ai, decode(segments[i + 1], false)) });
    if (requireAi(ai).dlpkey) {
      keyAt = i;
      break;
    }
  }
  if (keyAt < 0) throw fail('its path has no GS1 primary key such as /01/{GTIN} or /00/{SSCC}');
  const key = path[0].ai;
  const sequences = requireAi(key).dlpkey ?? [[]];
  const quals = path.slice(1).map((p) => p.ai);
  if (!sequences.some((seq) => inOrder(quals, seq))) {
    const allowed = sequences
      .filter((seq) => seq.length > 0)
      .map((seq) => seq.map((q) => `(${q})`).join(', '));
    throw fail(
      allowed.length === 0
        ? `${aiLabel(key)} takes no key qualifiers in the path`
        : `after (${key}) the path may hold only ${allowed.join(' or ')}, in that order`,
    );
  }

  const ais = [...path];
  for (const param of query.split('&')) {
    const eq = param.indexOf('=');
    const ai = param.slice(0, eq);
    if (eq < 0 || !/^\d+$/.test(ai)) continue;
    const entry = lookupAi(ai);
    if (!entry) {
      throw new Gs1Error(
        'UNKNOWN_AI',
        `AI (${ai}) in the URI's query string is not a GS1 application identifier`,
        ai,
      );
    }
    if (ais.some((a) => a.ai === ai))
      throw aiError('DUPLICATE_AI', ai, '', 'appears more than once in the URI');
    if (!entry.dlDataAttribute)
      throw fail(`${aiLabel(ai)} cannot be a data attribute in the query string`);
    if (sequences.some((seq) => seq.includes(ai) && inOrder(quals, seq))) {
      throw fail(`${aiLabel(ai)} belongs in the path after (${key}), not in the query string`);
    }
    ais.push({ ai, value: unsuppress(ai, decode(param.slice(eq + 1), true)) });
  }
  checkParsed(ais, options.validate);
  const stem = segments
    .slice(0, keyAt)
    .map((s) => `/${s}`)
    .join('');
  return { base: `${scheme}${authority}${stem}`, ais };
}

/**
 * Writes the canonical Digital Link URI: the first primary key in `ais`, its key qualifiers in
 * the standard's order (/01/{gtin}/22/{cpv}/10/{lot}/21/{serial}), then the other AIs as query
 * parameters sorted by AI (?17=261231), all values GS1 percent-encoded.
 * @throws {Gs1Error} BAD_URI when there is no primary key, an AI cannot be a data attribute, or
 * the base is not http(s); and any validateAis code
 * @example buildDigitalLink([{ ai: '01', value: '09506000134352' }, { ai: '17', value: '261231' }])
 * // 'https://id.gs1.org/01/09506000134352?17=261231'
 */
export function buildDigitalLink(
  ais: readonly Gs1Ai[],
  base = 'https://id.gs1.org',
  options: Pick<Gs1ParseOptions, 'validate'> = {},
): string {
  checkParsed(ais, options.validate);
  if (!isDigitalLinkScheme(base)) {
    throw new Gs1Error(
      'BAD_URI',
      `cannot build a Digital Link on "${shown(base)}": it must start with https://`,
    );
  }
  const unique = ais.filter((a, i) => ais.findIndex((b) => b.ai === a.ai) === i);
  const key = unique.find((a) => requireAi(a.ai).dlpkey);
  if (!key) {
    throw new Gs1Error(
      'BAD_URI',
      'cannot build a Digital Link: the data has no primary key such as (01) GTIN or (00) SSCC',
    );
  }
  const has = (ai: string) => unique.some((a) => a.ai === ai);
  const sequences = requireAi(key.ai).dlpkey ?? [[]];
  // Prefer the qualifier sequence that leaves out only AIs the query string may carry, then
  // the one that puts the most AIs in the path: (01)+(235)+(10) is /01/../235/..?10=..
  const pathOnly = [...new Set(sequences.flat())].filter(
    (q) => has(q) && !requireAi(q).dlDataAttribute,
  );
  const rank = (seq: readonly string[]) =>
    (pathOnly.every((q) => seq.includes(q)) ? 100 : 0) + seq.filter(has).length;
  let seq = sequences[0];
  let best = rank(seq);
  for (const candidate of sequences) {
    const score = rank(candidate);
    if (score > best) [seq, best] = [candidate, score];
  }
  const path = [key, ...seq.filter(has).map((q) => unique.find((a) => a.ai === q) as Gs1Ai)];
  const query = unique.filter((a) => !path.includes(a)).sort((a, b) => (a.ai < b.ai ? -1 : 1));
  for (const { ai } of query) {
    if (!requireAi(ai).dlDataAttribute) {
      throw new Gs1Error('BAD_URI', `${aiLabel(ai)} cannot be carried in a Digital Link URI`, ai);
    }
  }
  const pathText = path.map((a) => `/${a.ai}/${encodeDigitalLinkValue(a.value)}`).join('');
  const queryText = query.map((a) => `${a.ai}=${encodeDigitalLinkValue(a.value)}`).join('&');
  return `${base.replace(/\/+$/, '')}${pathText}${queryText ? `?${queryText}` : ''}`;
}
