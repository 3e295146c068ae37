// Public surface of @pedigree/html: what every server-rendered page needs (the consumer page,
// the label sheet, the API's /docs). Pure: no I/O.

/**
 * Text safe in HTML content and in quoted attribute values (GS1 data may hold < > & " ').
 * @example escapeHtml('<b a="1">&') // '&lt;b a=&quot;1&quot;&gt;&amp;'
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
