// The dictionary's content checks ("linters") that matter for traceability: check digits, dates
// and times, and the small fixed rules (a digit that must be zero, piece of total, ...). Linters
// that need external code lists (iso3166, iso4217, gcppos, pcenc, iban, coupon codes, csumalpha)
// are not run: the value's length and character set are still checked by validate.ts.

import { gs1CheckDigit } from './check-digit';
import type { Gs1ErrorCode } from './gs1.error';

/** A failed linter: its error code and the problem in words. */
export interface LintProblem {
  readonly code: Gs1ErrorCode;
  readonly problem: string;
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month; a two-digit year is a leap year when divisible by 4 (as GS1's linters do). */
function daysIn(year: number, month: number, fourDigitYear: boolean): number {
  if (month !== 2) return MONTH_DAYS[month - 1];
  const leap = fourDigitYear
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
    : year % 4 === 0;
  return leap ? 29 : 28;
}

function date(value: string, yearDigits: 2 | 4, dayZero: boolean): LintProblem | null {
  const year = Number(value.slice(0, yearDigits));
  const month = Number(value.slice(yearDigits, yearDigits + 2));
  const day = Number(value.slice(yearDigits + 2, yearDigits + 4));
  const form = yearDigits === 2 ? 'YYMMDD' : 'YYYYMMDD';
  const bad = (why: string): LintProblem => ({
    code: 'BAD_DATE',
    problem: `${value} is not a real date (${form}): ${why}`,
  });
  if (month < 1 || month > 12)
    return bad(`there is no month ${value.slice(yearDigits, yearDigits + 2)}`);
  if (day === 0) return dayZero ? null : bad('day 00 is not allowed here');
  if (day > daysIn(year, month, yearDigits === 4)) {
    return bad(
      `month ${String(month).padStart(2, '0')} has no day ${String(day).padStart(2, '0')}`,
    );
  }
  return null;
}

function range(value: string, max: number, what: string): LintProblem | null {
  return Number(value) <= max
    ? null
    : { code: 'BAD_DATE', problem: `${value} is not a valid ${what}` };
}

function rule(ok: boolean, problem: string): LintProblem | null {
  return ok ? null : { code: 'BAD_VALUE', problem };
}

/**
 * Runs one dictionary linter over one component of a value; null when it passes or when this
 * library does not implement that linter.
 * @example lintComponent('yymmd0', '261300')?.problem // '261300 is not a real date (YYMMDD): there is no month 13'
 */
export function lintComponent(linter: string, value: string): LintProblem | null {
  switch (linter) {
    case 'csum': {
      const expected = gs1CheckDigit(value.slice(0, -1));
      return String(expected) === value.slice(-1)
        ? null
        : { code: 'BAD_CHECK_DIGIT', problem: `check digit should be ${expected}` };
    }
    case 'yymmd0':
      return date(value, 2, true);
    case 'yymmdd':
      return date(value, 2, false);
    case 'yyyymmdd':
      return date(value, 4, false);
    case 'hhmi':
      return range(value.slice(0, 2), 23, 'hour') ?? range(value.slice(2), 59, 'minute');
    case 'hh':
      return range(value, 23, 'hour');
    case 'mi':
      return range(value, 59, 'minute');
    case 'ss':
      return range(value, 59, 'second');
    case 'zero':
      return rule(value === '0', `the digit ${value} must be 0`);
    case 'nonzero':
      return rule(/[1-9]/.test(value), `${value} must not be zero`);
    case 'yesno':
      return rule(value === '0' || value === '1', `${value} must be 0 (no) or 1 (yes)`);
    case 'hyphen':
      return rule(value === '-', `'${value}' must be a hyphen`);
    case 'nozeroprefix':
      return rule(value === '0' || !value.startsWith('0'), `${value} must not start with 0`);
    case 'hasnondigit':
      return rule(/\D/.test(value), `${value} must contain a character that is not a digit`);
    case 'pieceoftotal': {
      const piece = Number(value.slice(0, value.length / 2));
      const total = Number(value.slice(value.length / 2));
      return rule(piece >= 1 && piece <= total, `piece ${piece} of ${total} is not possible`);
    }
    default:
      return null;
  }
}
