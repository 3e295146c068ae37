// Lookup over the generated AI table, and the one way this library words a problem with an AI
// (`AI (01) GTIN 09506000134353: check digit should be 2`), so every message reads the same.

import { AI_TABLE } from './ai-table.generated';
import type { AiEntry } from './ai-types';
import { Gs1Error, type Gs1ErrorCode } from './gs1.error';

const BY_AI: ReadonlyMap<string, AiEntry> = new Map(AI_TABLE.map((e) => [e.ai, e]));

/**
 * The dictionary entry of an AI, or undefined when GS1 defines no such AI.
 * @example lookupAi('17')?.title // 'USE BY or EXPIRY'
 */
export function lookupAi(ai: string): AiEntry | undefined {
  return BY_AI.get(ai);
}

/**
 * The AI that starts at `pos` in an element string. GS1 AIs are prefix-free, so at most one of
 * the 2, 3 and 4 digit prefixes is an AI.
 * @example aiAt('0109506000134352', 0)?.ai // '01'
 */
export function aiAt(data: string, pos: number): AiEntry | undefined {
  for (let len = 2; len <= 4; len++) {
    const candidate = data.slice(pos, pos + len);
    if (candidate.length === len && /^\d+$/.test(candidate)) {
      const entry = BY_AI.get(candidate);
      if (entry) return entry;
    }
  }
  return undefined;
}

/**
 * Shows untrusted input in a message: GS as `<GS>`, other control characters escaped, and long
 * input cut short.
 * @example shown('0109\x1d10') // '0109<GS>10'
 */
export function shown(s: string, max = 48): string {
  const cut = s.length > max ? `${s.slice(0, max)}...` : s;
  return cut.replace(/[\x00-\x1f\x7f]/g, (ch) =>
    ch === '\x1d' ? '<GS>' : `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/** `AI (01) GTIN`: the AI with its GS1 data title. */
export function aiLabel(ai: string): string {
  const title = BY_AI.get(ai)?.title;
  return title ? `AI (${ai}) ${title}` : `AI (${ai})`;
}

/**
 * An error about one AI's value, worded `AI (01) GTIN <value>: <problem>`.
 * @example aiError('BAD_CHECK_DIGIT', '01', '09506000134353', 'check digit should be 2')
 */
export function aiError(code: Gs1ErrorCode, ai: string, value: string, problem: string): Gs1Error {
  const v = value === '' ? '' : ` ${shown(value)}`;
  return new Gs1Error(code, `${aiLabel(ai)}${v}: ${problem}`, ai);
}

/**
 * The entry of an AI, or a Gs1Error UNKNOWN_AI naming it.
 * @throws {Gs1Error} UNKNOWN_AI when GS1 defines no such AI
 * @example requireAi('01').maxLength // 14
 */
export function requireAi(ai: string): AiEntry {
  const entry = BY_AI.get(ai);
  if (!entry) {
    throw new Gs1Error('UNKNOWN_AI', `AI (${shown(ai)}) is not a GS1 application identifier`, ai);
  }
  return entry;
}
