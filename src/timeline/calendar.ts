import { describeValue } from '../internal/describe.js';
import { arrayOption } from '../internal/options.js';
import {
  ENGLAND_AND_WALES_ONE_OFFS,
  SUPPORTED_YEARS,
  ruleHolidays,
  type BankHoliday,
  type BankHolidayInput,
  type HolidayChanges,
} from './bank-holidays.js';
import { DAY_COUNT, FIRST_DAY, dayIndex, isoOfIndex } from './day-index.js';
import { isoWeekday, type IsoDate } from './iso-date.js';

/**
 * Working days and bank holidays for one set of holidays. Working days are Monday to
 * Friday except bank holidays. Every method takes ISO `YYYY-MM-DD` strings, depends on no
 * time zone, and covers 1978–2199 ({@link SUPPORTED_YEARS}).
 *
 * Dates are expected to be checked already: a string that is not a real `YYYY-MM-DD`
 * date, or a date (or result) outside 1978–2199, throws `RangeError` (a programmer error;
 * check untrusted dates with `isIsoDate` or `IsoDateSchema`).
 */
export interface WorkingDayCalendar {
  /**
   * The bank holidays of `year` in date order, frozen.
   *
   * @throws RangeError when `year` is not a whole number from 1978 to 2199.
   */
  bankHolidays(year: number): readonly BankHoliday[];
  /** Whether `date` is a bank holiday. */
  isBankHoliday(date: string): boolean;
  /** Whether `date` is a working day: Monday to Friday and not a bank holiday. */
  isWorkingDay(date: string): boolean;
  /**
   * Counts working days from `date`:
   * - `n > 0`: the n-th working day after `date`; `date` itself is never counted, working
   *   day or not. "10 working days from the email of 2024-12-20" is
   *   `addWorkingDays('2024-12-20', 10)` = 2025-01-08, and that day is still in time.
   * - `n < 0`: the |n|-th working day before `date` (again not counting `date`).
   * - `n = 0`: `date` itself if it is a working day, otherwise the next working day.
   *
   * So the result is always a working day, and `addWorkingDays(addWorkingDays(d, n), -n)`
   * is `d` for every working day `d`.
   *
   * @throws RangeError when `n` is not a whole number, or the result would fall outside 1978–2199.
   */
  addWorkingDays(date: string, n: number): IsoDate;
  /**
   * The number of working days after `from` up to and including `to`: the start is
   * excluded, the end included. Negative when `to` is before `from`
   * (`workingDaysBetween(a, b) === -workingDaysBetween(b, a)`), 0 when they are equal.
   * Agrees with {@link WorkingDayCalendar.addWorkingDays}:
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every `n > 0`, and for every
   * `n` when `d` is a working day.
   */
  workingDaysBetween(from: string, to: string): number;
  /** The first working day after `date` (whatever `date` is): `addWorkingDays(date, 1)`. */
  nextWorkingDay(date: string): IsoDate;
  /** The last working day before `date` (whatever `date` is): `addWorkingDays(date, -1)`. */
  previousWorkingDay(date: string): IsoDate;
}

/** Options of {@link createWorkingDayCalendar}. */
export interface WorkingDayCalendarOptions extends HolidayChanges {
  /**
   * Apply {@link ENGLAND_AND_WALES_ONE_OFFS}, the one-off changes since 1978. Default
   * `true`; with `false` the calendar has the standing rules only.
   */
  readonly oneOffs?: boolean;
}

// Per-day flags.
const WEEKEND = 1;
const HOLIDAY = 2;

interface WorkingDayIndex {
  /** WEEKEND | HOLIDAY bits per day index; 0 is a working day. */
  readonly flags: Uint8Array;
  /** cumulative[i] = working days among day indexes 0…i. */
  readonly cumulative: Int32Array;
  /** workingDay[k] = day index of the (k+1)-th working day. */
  readonly workingDay: Int32Array;
  /** Holidays by year − 1978. */
  readonly byYear: readonly (readonly BankHoliday[])[];
}

function checkedHoliday(
  h: BankHolidayInput,
  where: string,
): { day: number; name: string; substitute: boolean } {
  if (typeof h !== 'object' || h === null || typeof h.name !== 'string' || h.name.trim() === '') {
    throw new TypeError(
      `${where} must be { date: 'YYYY-MM-DD', name: string, substitute?: boolean }; got ${describeValue(h)}`,
    );
  }
  if (h.substitute !== undefined && typeof h.substitute !== 'boolean')
    throw new TypeError(`${where}.substitute must be a boolean`);
  return { day: dayIndex(h.date) + FIRST_DAY, name: h.name, substitute: h.substitute ?? false };
}

/** Rule holidays, then each set of changes in order (removals before additions), by day number. */
function holidayMap(
  changes: readonly HolidayChanges[],
): Map<number, { name: string; substitute: boolean }> {
  const holidays = new Map<number, { name: string; substitute: boolean }>();
  for (let year = SUPPORTED_YEARS.first; year <= SUPPORTED_YEARS.last; year++) {
    for (const h of ruleHolidays(year)) holidays.set(h.day, h);
  }
  for (const change of changes) {
    for (const date of change.remove ?? []) holidays.delete(dayIndex(date) + FIRST_DAY);
    for (const [i, h] of (change.add ?? []).entries()) {
      const { day, name, substitute } = checkedHoliday(h, `add[${i}]`);
      holidays.set(day, { name, substitute });
    }
  }
  return holidays;
}

function buildIndex(changes: readonly HolidayChanges[]): WorkingDayIndex {
  const flags = new Uint8Array(DAY_COUNT);
  for (let i = 0; i < DAY_COUNT; i++) if (isoWeekday(i + FIRST_DAY) >= 6) flags[i] = WEEKEND;
  const byYear: BankHoliday[][] = Array.from(
    { length: SUPPORTED_YEARS.last - SUPPORTED_YEARS.first + 1 },
    () => [],
  );
  const holidays = [...holidayMap(changes)].sort((a, b) => a[0] - b[0]);
  for (const [day, { name, substitute }] of holidays) {
    const i = day - FIRST_DAY;
    flags[i]! |= HOLIDAY;
    const date = isoOfIndex(i);
    byYear[Number(date.slice(0, 4)) - SUPPORTED_YEARS.first]!.push(
      Object.freeze({ date, name, substitute }),
    );
  }
  const cumulative = new Int32Array(DAY_COUNT);
  let count = 0;
  for (let i = 0; i < DAY_COUNT; i++) {
    if (flags[i] === 0) count++;
    cumulative[i] = count;
  }
  const workingDay = new Int32Array(count);
  for (let i = 0, k = 0; i < DAY_COUNT; i++) if (flags[i] === 0) workingDay[k++] = i;
  return { flags, cumulative, workingDay, byYear: byYear.map((list) => Object.freeze(list)) };
}

/**
 * Builds an England & Wales working-day calendar: the standing rules for 1978–2199, the
 * one-off changes since 1978, and your own changes — a newly announced one-off holiday,
 * a moved one, or one removed — without waiting for a release of this library. Options
 * are checked at once; the working-day index (about 400 kB) is built on first use.
 *
 * @throws TypeError or RangeError when an option is malformed, a list has more entries
 * than there are days in 1978–2199 (81,084), or a date in it is not a real `YYYY-MM-DD`
 * date from 1978 to 2199 (programmer errors).
 * @example
 * ```ts
 * import { createWorkingDayCalendar } from 'la-assurance/timeline';
 *
 * // A one-off holiday announced after this release, and a moved one:
 * const calendar = createWorkingDayCalendar({
 *   add: [{ date: '2031-06-06', name: 'Royal event bank holiday' }],
 *   remove: ['2031-05-26'],
 * });
 * calendar.isBankHoliday('2031-06-06'); // true
 * calendar.isWorkingDay('2031-05-26');  // true
 * ```
 */
export function createWorkingDayCalendar(options?: WorkingDayCalendarOptions): WorkingDayCalendar {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError(`options must be an object; got ${describeValue(options)}`);
  }
  if (options?.oneOffs !== undefined && typeof options.oneOffs !== 'boolean')
    throw new TypeError('options.oneOffs must be a boolean');
  // Lengths are checked before copying: a sparse `add` of length 10⁹ must not be spread.
  const own: HolidayChanges = {
    add: [...arrayOption(options?.add, 'options.add', DAY_COUNT)],
    remove: [...arrayOption(options?.remove, 'options.remove', DAY_COUNT)],
  };
  // Check the options now, so a bad date fails where the calendar is made.
  own.add?.forEach((h, i) => checkedHoliday(h, `options.add[${i}]`));
  own.remove?.forEach((date) => dayIndex(date));
  return calendarOf(options?.oneOffs === false ? [own] : [ENGLAND_AND_WALES_ONE_OFFS, own]);
}

/** The calendar of checked holiday changes; its working-day index is built on first use. */
function calendarOf(changes: readonly HolidayChanges[]): WorkingDayCalendar {
  let index: WorkingDayIndex | undefined;
  const indexed = (): WorkingDayIndex => (index ??= buildIndex(changes));

  const addWorkingDays = (date: string, n: number): IsoDate => {
    const i = dayIndex(date);
    if (!Number.isInteger(n))
      throw new RangeError(`n must be a whole number of working days; got ${describeValue(n)}`);
    const { flags, cumulative, workingDay } = index ?? indexed();
    // cumulative[i] working days lie at or before i: the next one after i has position
    // cumulative[i]; the last one before i has cumulative[i] − 1, less one if i is working.
    const k = n > 0 ? cumulative[i]! + n - 1 : cumulative[i]! - (flags[i] === 0 ? 1 : 0) + n;
    if (k < 0 || k >= workingDay.length) {
      throw new RangeError(
        `${n} working days from ${date} falls outside the years the calendar covers (${SUPPORTED_YEARS.first}–${SUPPORTED_YEARS.last})`,
      );
    }
    return isoOfIndex(workingDay[k]!);
  };

  return Object.freeze({
    bankHolidays(year: number): readonly BankHoliday[] {
      if (!Number.isInteger(year) || year < SUPPORTED_YEARS.first || year > SUPPORTED_YEARS.last) {
        throw new RangeError(
          `year must be a whole number from ${SUPPORTED_YEARS.first} to ${SUPPORTED_YEARS.last}; got ${describeValue(year)}`,
        );
      }
      return indexed().byYear[year - SUPPORTED_YEARS.first]!;
    },
    isBankHoliday: (date: string): boolean => (indexed().flags[dayIndex(date)]! & HOLIDAY) !== 0,
    isWorkingDay: (date: string): boolean => indexed().flags[dayIndex(date)] === 0,
    addWorkingDays,
    workingDaysBetween(from: string, to: string): number {
      const i = dayIndex(from);
      const j = dayIndex(to);
      const { cumulative } = indexed();
      return cumulative[j]! - cumulative[i]!;
    },
    nextWorkingDay: (date: string): IsoDate => addWorkingDays(date, 1),
    previousWorkingDay: (date: string): IsoDate => addWorkingDays(date, -1),
  });
}

/**
 * The default calendar: England & Wales bank holidays by the standing rules for
 * 1978–2199 plus every one-off change since 1978 ({@link ENGLAND_AND_WALES_ONE_OFFS}).
 * The standalone functions (`addWorkingDays`, …) use it.
 *
 * @example
 * ```ts
 * import { ENGLAND_AND_WALES } from 'la-assurance/timeline';
 *
 * ENGLAND_AND_WALES.isWorkingDay('2022-09-19'); // false (State Funeral of Queen Elizabeth II)
 * ```
 */
export const ENGLAND_AND_WALES: WorkingDayCalendar = /* @__PURE__ */ calendarOf([
  ENGLAND_AND_WALES_ONE_OFFS,
]);

/**
 * England & Wales bank holidays of `year` (1978–2199) in date order; see
 * {@link WorkingDayCalendar.bankHolidays}.
 *
 * @example
 * ```ts
 * import { bankHolidays } from 'la-assurance/timeline';
 *
 * bankHolidays(2021).slice(-2).map((h) => [h.date, h.name, h.substitute]); // [['2021-12-27', 'Christmas Day', true], ['2021-12-28', 'Boxing Day', true]]
 * ```
 */
export function bankHolidays(year: number): readonly BankHoliday[] {
  return ENGLAND_AND_WALES.bankHolidays(year);
}

/**
 * Whether `date` is an England & Wales bank holiday.
 *
 * @example
 * ```ts
 * import { isBankHoliday } from 'la-assurance/timeline';
 *
 * isBankHoliday('2023-05-08'); // true (coronation of King Charles III)
 * ```
 */
export function isBankHoliday(date: string): boolean {
  return ENGLAND_AND_WALES.isBankHoliday(date);
}

/**
 * Whether `date` is a working day in England & Wales (Monday to Friday, not a bank holiday).
 *
 * @example
 * ```ts
 * import { isWorkingDay } from 'la-assurance/timeline';
 *
 * isWorkingDay('2024-12-24'); // true
 * isWorkingDay('2024-12-26'); // false
 * ```
 */
export function isWorkingDay(date: string): boolean {
  return ENGLAND_AND_WALES.isWorkingDay(date);
}

/**
 * The n-th England & Wales working day after `date` (before it when `n < 0`; `date` itself,
 * or the next working day, when `n = 0`); see {@link WorkingDayCalendar.addWorkingDays}.
 *
 * @example
 * ```ts
 * import { addWorkingDays } from 'la-assurance/timeline';
 *
 * addWorkingDays('2024-12-20', 5);  // '2024-12-31' (date-fns addBusinessDays gives 2024-12-27)
 * addWorkingDays('2024-12-31', -5); // '2024-12-20'
 * ```
 */
export function addWorkingDays(date: string, n: number): IsoDate {
  return ENGLAND_AND_WALES.addWorkingDays(date, n);
}

/**
 * England & Wales working days after `from` up to and including `to` (negative when `to`
 * is earlier); see {@link WorkingDayCalendar.workingDaysBetween}.
 *
 * @example
 * ```ts
 * import { workingDaysBetween } from 'la-assurance/timeline';
 *
 * workingDaysBetween('2024-12-20', '2024-12-31'); // 5
 * ```
 */
export function workingDaysBetween(from: string, to: string): number {
  return ENGLAND_AND_WALES.workingDaysBetween(from, to);
}

/**
 * The first England & Wales working day after `date`.
 *
 * @example
 * ```ts
 * import { nextWorkingDay } from 'la-assurance/timeline';
 *
 * nextWorkingDay('2024-12-24'); // '2024-12-27'
 * ```
 */
export function nextWorkingDay(date: string): IsoDate {
  return ENGLAND_AND_WALES.nextWorkingDay(date);
}

/**
 * The last England & Wales working day before `date`.
 *
 * @example
 * ```ts
 * import { previousWorkingDay } from 'la-assurance/timeline';
 *
 * previousWorkingDay('2025-04-22'); // '2025-04-17' (Easter)
 * ```
 */
export function previousWorkingDay(date: string): IsoDate {
  return ENGLAND_AND_WALES.previousWorkingDay(date);
}

/**
 * The `calendar` option of the timeline and report functions: `ENGLAND_AND_WALES` when
 * absent; anything that is not a {@link WorkingDayCalendar} is a programmer error (`TypeError`).
 */
export function calendarOption(calendar: WorkingDayCalendar | undefined): WorkingDayCalendar {
  const value = calendar ?? ENGLAND_AND_WALES;
  if (typeof value !== 'object' || value === null || typeof value.addWorkingDays !== 'function')
    throw new TypeError(
      'options.calendar must be a WorkingDayCalendar (see createWorkingDayCalendar in la-assurance/timeline)',
    );
  return value;
}
