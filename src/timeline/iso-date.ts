/**
 * A calendar date as an ISO 8601 `YYYY-MM-DD` string (proleptic Gregorian, no time, no
 * zone). The brand marks strings the library has checked; functions accept plain strings
 * and return `IsoDate`.
 */
export type IsoDate = string & {
  /** Type-only marker: never present at run time. */
  readonly __brand: 'IsoDate';
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from 1970-01-01 (day 0) to the given civil date. Howard Hinnant's days_from_civil. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (inverse of {@link daysFromCivil}). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/**
 * Whether `value` is a real calendar date written `YYYY-MM-DD` (so `2023-02-29` is not).
 *
 * @example
 * ```ts
 * isIsoDate('2024-02-29'); // true
 * isIsoDate('2023-02-29'); // false
 * isIsoDate('2024-2-9');   // false
 * ```
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/**
 * Checks and brands an ISO date string.
 *
 * @throws RangeError when `value` is not a real `YYYY-MM-DD` date (a programmer error;
 * validate untrusted data with `IsoDateSchema` or {@link isIsoDate}).
 * @example
 * ```ts
 * const d = isoDate('2024-12-20');
 * ```
 */
export function isoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`Expected a calendar date written YYYY-MM-DD; got ${JSON.stringify(value)}`);
  return value;
}

/** Day number (days since 1970-01-01) of a checked ISO date. */
export function toDayNumber(date: IsoDate): number {
  return daysFromCivil(
    (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48),
    (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48),
    (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48),
  );
}

/** The ISO date of a day number (days since 1970-01-01), for years 0000–9999. */
export function fromDayNumber(days: number): IsoDate {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}` as IsoDate;
}

/** ISO weekday of a day number: 1 Monday … 7 Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(days: number): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return ((((days + 3) % 7) + 7) % 7) + 1 as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}
