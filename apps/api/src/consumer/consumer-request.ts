/**
 * What a visitor of the consumer page asked for, beyond the pack: which language (`?lang=`, else
 * the browser's Accept-Language, else English) and which form (the page, the JSON verdict, or the
 * GS1 resolver's linkset). Pure: the controller hands in the raw header and query values.
 */

/** The languages the page is written in, English first (the fallback). */
export const LANGUAGES = ['en', 'fr'] as const;

export type Language = (typeof LANGUAGES)[number];

/** The answer's form: the HTML page, the JSON verdict, or the GS1 linkset (`linkType=all`). */
export type Form = 'html' | 'json' | 'linkset';

/**
 * GS1 link types this resolver answers with the JSON verdict. Any other link type, `gs1:pip` and
 * `gs1:defaultLink` included, gets the default link: the page itself (GS1-Conformant Resolver
 * standard: an unavailable link type falls back to the default link).
 */
export const JSON_LINK_TYPES: readonly string[] = [
  'gs1:verificationService',
  'gs1:traceability',
  'gs1:recallStatus',
];

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The ranges of an Accept or Accept-Language header with their weights, highest first (a stable
 * sort keeps the header's order among equal weights).
 */
function weighted(header: string | undefined): Array<{ range: string; q: number }> {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => {
      const [range = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { range, q: Number.isFinite(weight) ? weight : 0 };
    })
    .filter((entry) => entry.range !== '' && entry.q > 0)
    .sort((a, b) => b.q - a.q);
}

/**
 * The page's language: `?lang=` when it is one the page offers, else the first language of
 * Accept-Language the page offers (`fr-CH` counts as `fr`), else English.
 * @example chooseLanguage(undefined, 'de-DE,fr;q=0.8,en;q=0.5') // 'fr'
 */
export function chooseLanguage(
  query: string | undefined,
  acceptLanguage: string | undefined,
): Language {
  const asked = query?.trim().toLowerCase();
  if (asked && isLanguage(asked)) return asked;
  for (const { range } of weighted(acceptLanguage)) {
    const primary = range.split('-')[0] ?? '';
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/**
 * The answer's form: `linkType=all` is the linkset, a link type of `JSON_LINK_TYPES` the JSON
 * verdict; otherwise JSON when Accept weighs `application/json` above HTML (a browser's `*\/*`
 * counts for HTML), else the page.
 * @example chooseForm(undefined, 'application/json') // 'json'
 */
export function chooseForm(linkType: string | undefined, accept: string | undefined): Form {
  if (linkType === 'all') return 'linkset';
  if (linkType !== undefined && JSON_LINK_TYPES.includes(linkType)) return 'json';
  let json = 0;
  let html = 0;
  for (const { range, q } of weighted(accept)) {
    if (range === 'application/json') json = Math.max(json, q);
    if (range === 'text/html' || range === 'application/xhtml+xml' || range === '*/*') {
      html = Math.max(html, q);
    }
  }
  return json > html ? 'json' : 'html';
}
