/**
 * The verdict icons, one shape per level so the verdict never rests on colour alone: a tick in a
 * circle (genuine), "!" in a triangle (caution), a cross in an octagon (danger). SVG content for a
 * `viewBox="0 0 24 24"`, drawn in `currentColor`; the consumer page and the web console share it.
 */
import type { Level } from './consumer-words';

export const VERDICT_ICONS: Readonly<Record<Level, string>> = {
  genuine:
    '<circle cx="12" cy="12" r="11" fill="currentColor"/><path d="M6.5 12.5l3.5 3.5 7.5-8" stroke="#fff" stroke-width="2.5" fill="none"/>',
  caution:
    '<path d="M12 1.5L23 21.5H1z" fill="currentColor"/><path d="M12 8.5v6M12 16.5v2.5" stroke="#fff" stroke-width="2.5"/>',
  danger:
    '<path d="M7 1h10l6 6v10l-6 6H7l-6-6V7z" fill="currentColor"/><path d="M8 8l8 8M16 8l-8 8" stroke="#fff" stroke-width="2.5"/>',
};
