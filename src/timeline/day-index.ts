// Fast, allocation-free conversion between ISO date strings and day indexes (0 = 1978-01-01)
// over the supported years, for the working-day calendar's hot path.
import { describeValue } from '../internal/describe.js';
import { SUPPORTED_YEARS } from './bank-holidays.js';
import { daysFromCivil, fromDayNumber, type IsoDate } from './iso-date.js';

// Literals, not calls, so that importing this module has no side effect for bundlers
// (test/timeline checks them against daysFromCivil).
/** Day number (days since 1970-01-01) of 1978-01-01, index 0. */
export const FIRST_DAY = 2922;
/** Number of days from 1978-01-01 to 2199-12-31 inclusive. */
export const DAY_COUNT = 81084;

function notADate(date: unknown): RangeError {
  return new RangeError(`Expected a calendar date written YYYY-MM-DD; got ${describeValue(date)}. Check untrusted dates with isIsoDate or IsoDateSchema first.`);
}

/** Whether a char code minus 48 is a digit 0–9 (negative values wrap to large ones). */
function digit(code: number): boolean {
  return code >>> 0 <= 9;
}

/**
 * Index (days since 1978-01-01) of an ISO date string.
 *
 * @throws RangeError when `date` is not a real `YYYY-MM-DD` date, or is outside 1978–2199.
 */
export function dayIndex(date: string): number {
  if (typeof date !== 'string' || date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) throw notADate(date);
  const y0 = date.charCodeAt(0) - 48;
  const y1 = date.charCodeAt(1) - 48;
  const y2 = date.charCodeAt(2) - 48;
  const y3 = date.charCodeAt(3) - 48;
  const m0 = date.charCodeAt(5) - 48;
  const m1 = date.charCodeAt(6) - 48;
  const d0 = date.charCodeAt(8) - 48;
  const d1 = date.charCodeAt(9) - 48;
  if (!(digit(y0) && digit(y1) && digit(y2) && digit(y3) && digit(m0) && digit(m1) && digit(d0) && digit(d1))) throw notADate(date);
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 ? (leap ? 29 : 28) : 30 + ((month + (month >> 3)) & 1))) throw notADate(date);
  if (year < SUPPORTED_YEARS.first || year > SUPPORTED_YEARS.last) {
    throw new RangeError(`${date} is outside the years the working-day calendar covers (${SUPPORTED_YEARS.first}–${SUPPORTED_YEARS.last})`);
  }
  return daysFromCivil(year, month, day) - FIRST_DAY;
}

let isoStrings: (IsoDate | undefined)[] | undefined;

/** The ISO date of a day index, formatted once and then cached. */
export function isoOfIndex(index: number): IsoDate {
  const cache = (isoStrings ??= new Array<IsoDate | undefined>(DAY_COUNT));
  return (cache[index] ??= fromDayNumber(index + FIRST_DAY));
}
