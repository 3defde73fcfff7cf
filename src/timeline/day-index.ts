// Fast, allocation-free conversion between ISO date strings and day indexes (0 = 1978-01-01)
// over the supported years, for the working-day calendar's hot path.
import { SUPPORTED_YEARS } from './bank-holidays.js';
import {
  dayNumberOfKey,
  fromDayNumber,
  isoDateKey,
  notAnIsoDate,
  type IsoDate,
} from './iso-date.js';

// Literals, not calls, so that importing this module has no side effect for bundlers
// (test/timeline checks them against daysFromCivil).
/** Day number (days since 1970-01-01) of 1978-01-01, index 0. */
export const FIRST_DAY = 2922;
/** Number of days from 1978-01-01 to 2199-12-31 inclusive. */
export const DAY_COUNT = 81084;

/**
 * Index (days since 1978-01-01) of an ISO date string.
 *
 * @throws RangeError when `date` is not a real `YYYY-MM-DD` date, or is outside 1978–2199.
 */
export function dayIndex(date: string): number {
  const key = isoDateKey(date);
  if (key < 0) throw notAnIsoDate(date);
  const year = Math.floor(key / 10000);
  if (year < SUPPORTED_YEARS.first || year > SUPPORTED_YEARS.last) {
    throw new RangeError(
      `${date} is outside the years the working-day calendar covers (${SUPPORTED_YEARS.first}–${SUPPORTED_YEARS.last})`,
    );
  }
  return dayNumberOfKey(key) - FIRST_DAY;
}

let isoStrings: (IsoDate | undefined)[] | undefined;

/** The ISO date of a day index, formatted once and then cached. */
export function isoOfIndex(index: number): IsoDate {
  const cache = (isoStrings ??= new Array<IsoDate | undefined>(DAY_COUNT));
  return (cache[index] ??= fromDayNumber(index + FIRST_DAY));
}
