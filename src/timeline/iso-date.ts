import { describeValue } from '../internal/describe.js';

/**
 * A calendar date as an ISO 8601 `YYYY-MM-DD` string (proleptic Gregorian, no time, no
 * zone). The brand marks strings the library has checked; functions accept plain strings
 * and return `IsoDate`.
 */
export type IsoDate = string & {
  /** Type-only marker: never present at run time. */
  readonly __brand: 'IsoDate';
};

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
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Whether `year` is a leap year in the proleptic Gregorian calendar (every 4th, but not every 100th unless the 400th). */
function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Days in `month` (1–12) of `year`: 30 + 1 for Jan, Mar, May, Jul, Aug, Oct, Dec; February 28 or 29. */
function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : 30 + ((month + (month >> 3)) & 1);
}

/** Whether a char code minus 48 is a digit 0–9 (`>>> 0` wraps negative values to large ones). */
function isDigit(code: number): boolean {
  return code >>> 0 <= 9;
}

/**
 * The library's one ISO date parser. `value` is a real calendar date written `YYYY-MM-DD`
 * (ASCII digits, years 0000–9999, month 01–12, day within the month, 29 February only
 * in leap years): returns its key `year × 10000 + month × 100 + day` (2024-12-20 →
 * 20241220; keys sort as the dates do). Anything else: −1. No regular expression and no
 * allocation, because the case-record check calls it twice per row.
 */
export function isoDateKey(value: unknown): number {
  if (
    typeof value !== 'string' ||
    value.length !== 10 ||
    value.charCodeAt(4) !== 45 ||
    value.charCodeAt(7) !== 45
  )
    return -1;
  const y0 = value.charCodeAt(0) - 48;
  const y1 = value.charCodeAt(1) - 48;
  const y2 = value.charCodeAt(2) - 48;
  const y3 = value.charCodeAt(3) - 48;
  const m0 = value.charCodeAt(5) - 48;
  const m1 = value.charCodeAt(6) - 48;
  const d0 = value.charCodeAt(8) - 48;
  const d1 = value.charCodeAt(9) - 48;
  if (
    !(
      isDigit(y0) &&
      isDigit(y1) &&
      isDigit(y2) &&
      isDigit(y3) &&
      isDigit(m0) &&
      isDigit(m1) &&
      isDigit(d0) &&
      isDigit(d1)
    )
  )
    return -1;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  return year * 10000 + month * 100 + day;
}

/** Day number (days since 1970-01-01) of a key from {@link isoDateKey}. */
export function dayNumberOfKey(key: number): number {
  return daysFromCivil(Math.floor(key / 10000), Math.floor(key / 100) % 100, key % 100);
}

/**
 * Whether `value` is a real calendar date written `YYYY-MM-DD` (so `2023-02-29` is not).
 *
 * @example
 * ```ts
 * import { isIsoDate } from 'la-assurance/timeline';
 *
 * isIsoDate('2024-02-29'); // true
 * isIsoDate('2023-02-29'); // false
 * isIsoDate('2024-2-9');   // false
 * ```
 */
export function isIsoDate(value: unknown): value is IsoDate {
  return isoDateKey(value) >= 0;
}

/**
 * Checks and brands an ISO date string.
 *
 * @throws RangeError when `value` is not a real `YYYY-MM-DD` date (a programmer error;
 * validate untrusted data with `IsoDateSchema` or {@link isIsoDate}).
 * @example
 * ```ts
 * import { isoDate } from 'la-assurance/timeline';
 *
 * isoDate('2024-12-20'); // '2024-12-20'
 * let message = '';
 * try {
 *   isoDate('2024-02-30');
 * } catch (error) {
 *   message = error instanceof RangeError ? 'RangeError' : 'other';
 * }
 * message; // 'RangeError'
 * ```
 */
export function isoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw notAnIsoDate(value);
  return value;
}

/** The `RangeError` for a value that should have been a `YYYY-MM-DD` date; describing the value never throws. */
export function notAnIsoDate(value: unknown, name = 'a calendar date'): RangeError {
  return new RangeError(
    `Expected ${name} written YYYY-MM-DD; got ${describeValue(value)}. Check untrusted dates with isIsoDate or IsoDateSchema first.`,
  );
}

/**
 * Day number (days since 1970-01-01) of an ISO date.
 *
 * @throws RangeError when `date` is not a real `YYYY-MM-DD` date.
 */
export function toDayNumber(date: IsoDate): number {
  const key = isoDateKey(date);
  if (key < 0) throw notAnIsoDate(date);
  return dayNumberOfKey(key);
}

/** The ISO date of a day number (days since 1970-01-01), for years 0000–9999. */
export function fromDayNumber(days: number): IsoDate {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}` as IsoDate;
}

/** ISO weekday of a day number: 1 Monday … 7 Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(days: number): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return (((((days + 3) % 7) + 7) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}
