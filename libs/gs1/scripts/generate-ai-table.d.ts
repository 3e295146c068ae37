// Types for generate-ai-table.js, so ai-table.spec.ts can call the generator in memory.
import type { AiEntry } from '../src/ai-types';

/** Parses the GS1 Barcode Syntax Dictionary text into one entry per AI. */
export function parseDictionary(text: string): { release: string; entries: AiEntry[] };
/** Renders the content of ai-table.generated.ts for a dictionary text. */
export function generateAiTableSource(text: string): string;
/** Absolute path of the dictionary the generator reads. */
export const DICTIONARY: string;
/** Absolute path of the generated table. */
export const OUTPUT: string;
