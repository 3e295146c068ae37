// When a pack expires. GS1 AI 17 is YYMMDD with day 00 meaning the month's last day; the century
// follows the GS1 General Specifications' sliding window (section 7.12), relative to `now`. A pack
// may be used on its expiry day and is expired from the next midnight, UTC.

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The first instant at which a pack with this expiry is expired: midnight UTC after its expiry day.
 * Null when `yymmdd` is not a real YYMMDD date (day 00 allowed).
 * @example expiryEnd('261200', new Date('2026-01-01')) // 2027-01-01T00:00:00.000Z
 */
export function expiryEnd(yymmdd: string, now: Date): Date | null {
  const m = /^(\d\d)(\d\d)(\d\d)$/.exec(yymmdd);
  if (!m) return null;
  const [yy, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return null;
  const year = resolveCentury(yy, now.getUTCFullYear());
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > lastDay) return null;
  return new Date(Date.UTC(year, month - 1, day === 0 ? lastDay : day) + DAY_MS);
}

/**
 * True when a pack with this expiry is past it at `now`.
 * @throws {RangeError} when `yymmdd` is not a real YYMMDD date
 * @example isExpired('261231', new Date('2027-01-01T00:00:00Z')) // true
 */
export function isExpired(yymmdd: string, now: Date): boolean {
  const end = expiryEnd(yymmdd, now);
  if (end === null) throw new RangeError(`expiry "${yymmdd}" is not a real YYMMDD date`);
  return now.getTime() >= end.getTime();
}

/**
 * The expiry day as an ISO date (YYYY-MM-DD), day 00 resolved to the month's last day; null when
 * not a real date. For sentences and pages.
 * @example expiryIsoDate('270200', new Date('2026-01-01')) // '2027-02-28'
 */
export function expiryIsoDate(yymmdd: string, now: Date): string | null {
  const end = expiryEnd(yymmdd, now);
  return end === null ? null : new Date(end.getTime() - DAY_MS).toISOString().slice(0, 10);
}

/** GS1 GenSpecs 7.12: YY more than 50 years ahead is last century, 50 or more behind the next. */
function resolveCentury(yy: number, currentYear: number): number {
  const century = currentYear - (currentYear % 100);
  const diff = yy - (currentYear % 100);
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}
