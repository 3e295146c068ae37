// Validation of AI values against the generated dictionary: length, character set and linters
// per component, then the rules between AIs (duplicates, `ex=` exclusions, `req=` pairings).
// Every parser calls validateAis by default; formatters call it before they write anything.

import { aiError, aiLabel, requireAi, shown } from './ai-table';
import type { AiCharset, AiEntry } from './ai-types';
import type { Gs1Ai } from './gs1-data';
import { lintComponent } from './linters';

const CHARSETS: Record<AiCharset, { test: RegExp; name: string }> = {
  N: { test: /^[0-9]$/, name: 'digits only' },
  X: { test: /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]$/, name: 'GS1 character set 82' },
  Y: { test: /^[#\-/0-9A-Z]$/, name: 'GS1 character set 39' },
  Z: { test: /^[A-Za-z0-9_\-=]$/, name: 'GS1 character set 64 (base64url)' },
};

function lengthRule(entry: AiEntry): string {
  const unit = entry.components.every((c) => c.cset === 'N') ? 'digits' : 'characters';
  return entry.minLength === entry.maxLength
    ? `must be ${entry.maxLength} ${unit}`
    : `must be ${entry.minLength} to ${entry.maxLength} ${unit}`;
}

function checkCharset(entry: AiEntry, value: string, part: string, cset: AiCharset): void {
  for (const ch of part) {
    if (!CHARSETS[cset].test.test(ch)) {
      const problem =
        cset === 'N'
          ? `must contain digits only, found '${shown(ch)}'`
          : `the character '${shown(ch)}' is not allowed (${CHARSETS[cset].name})`;
      throw aiError('BAD_CHARSET', entry.ai, value, problem);
    }
  }
}

/**
 * Checks one AI value: known AI, length, character set per component and, when `lint` is true,
 * the dictionary's linters (check digits, dates, ...).
 * @throws {Gs1Error} UNKNOWN_AI, BAD_LENGTH, BAD_CHARSET, BAD_CHECK_DIGIT, BAD_DATE, BAD_VALUE
 * @example checkAiValue('17', '261231', true) // passes
 */
export function checkAiValue(ai: string, value: string, lint: boolean): void {
  const entry = requireAi(ai);
  if (value === '') throw aiError('BAD_LENGTH', ai, value, 'the value is empty');
  const tooShortOrLong = value.length < entry.minLength || value.length > entry.maxLength;
  if (tooShortOrLong) {
    throw aiError('BAD_LENGTH', ai, value, `${lengthRule(entry)}, found ${value.length}`);
  }
  let pos = 0;
  for (const component of entry.components) {
    if (pos >= value.length && component.optional) break;
    const take = component.min === component.max ? component.max : value.length - pos;
    if (pos + take > value.length) {
      throw aiError('BAD_LENGTH', ai, value, `${lengthRule(entry)}, found ${value.length}`);
    }
    const part = value.slice(pos, pos + take);
    checkCharset(entry, value, part, component.cset);
    if (lint) {
      for (const linter of component.linters) {
        const failed = lintComponent(linter, part);
        if (failed) throw aiError(failed.code, ai, value, failed.problem);
      }
    }
    pos += take;
  }
  if (pos < value.length) {
    throw aiError('BAD_LENGTH', ai, value, `${lengthRule(entry)}, found ${value.length}`);
  }
}

/** Does an AI match a dictionary pattern such as `31nn` (`n` is any digit)? */
function matches(pattern: string, ai: string): boolean {
  if (pattern.length !== ai.length) return false;
  return [...pattern].every((p, i) => p === ai[i] || (p === 'n' && /\d/.test(ai[i])));
}

function alternatives(group: readonly string[]): string {
  const words = group.map((alt) =>
    alt
      .split('+')
      .map((p) => `(${p})`)
      .join(' with '),
  );
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/**
 * Validates a set of AIs as one item's data: every value (length, character set, check digit,
 * real dates with day 00 where the dictionary allows it), no AI twice with different values,
 * no excluded pair (`ex=`), and every required partner present (`req=`).
 * @throws {Gs1Error} with the code of the first problem found, its message naming the AI
 * @example validateAis([{ ai: '01', value: '09506000134352' }, { ai: '17', value: '261200' }])
 */
export function validateAis(ais: readonly Gs1Ai[]): void {
  const seen = new Map<string, string>();
  for (const { ai, value } of ais) {
    checkAiValue(ai, value, true);
    const earlier = seen.get(ai);
    if (earlier !== undefined && earlier !== value) {
      throw aiError(
        'DUPLICATE_AI',
        ai,
        '',
        `appears twice with different values, ${shown(earlier)} and ${shown(value)}`,
      );
    }
    seen.set(ai, value);
  }
  const present = [...seen.keys()];
  for (const [ai, value] of seen) {
    const entry = requireAi(ai);
    for (const pattern of entry.ex) {
      const clash = present.find((other) => other !== ai && matches(pattern, other));
      if (clash) {
        const problem = `cannot be used together with ${aiLabel(clash)}`;
        throw aiError('INVALID_PAIRING', ai, value, problem);
      }
    }
    for (const group of entry.req) {
      const satisfied = group.some((alt) =>
        alt.split('+').every((p) => present.some((other) => matches(p, other))),
      );
      if (!satisfied) {
        throw aiError('MISSING_PAIRING', ai, value, `needs AI ${alternatives(group)} as well`);
      }
    }
  }
}

/**
 * The check every parser and formatter runs: validateAis, or only the per-value structure
 * (known AI, length, character set) when `validate` is false.
 * @throws {Gs1Error} as validateAis or checkAiValue
 * @example checkParsed([{ ai: '10', value: 'ABC' }], false) // passes without (01)
 */
export function checkParsed(ais: readonly Gs1Ai[], validate: boolean | undefined): void {
  if (validate === false) for (const { ai, value } of ais) checkAiValue(ai, value, false);
  else validateAis(ais);
}
