/**
 * The most labels one sheet holds: 21 A4 pages, about 4 seconds to render. Kept apart from the
 * label routes' schemas so that the console's script, which cuts a batch into sheets, can import
 * it without them.
 */
export const MAX_SHEET_LABELS = 500;
