import { daysFromCivil, isoWeekday, type IsoDate } from './iso-date.js';

/** One England & Wales bank holiday. */
export interface BankHoliday {
  /** The day off. */
  readonly date: IsoDate;
  /** Its name as gov.uk gives it, e.g. `'Spring bank holiday'` or `"New Year's Day"`. */
  readonly name: string;
  /**
   * Whether it is a substitute day: the holiday fell on a weekend (or on another holiday)
   * and is taken on the next weekday instead. A substitute keeps the name of the holiday it
   * replaces (2021-12-27 is `"Christmas Day"` with `substitute: true`).
   */
  readonly substitute: boolean;
}

/** A holiday to add to a calendar (see {@link HolidayChanges}). */
export interface BankHolidayInput {
  /** The day off, `YYYY-MM-DD`. */
  readonly date: string;
  /** Its name. */
  readonly name: string;
  /** Whether it is a substitute day. Default `false`. */
  readonly substitute?: boolean;
}

/**
 * Changes to the rule-derived bank holidays: one-off holidays, and holidays moved by
 * proclamation (a move is the old date in `remove` plus the new one in `add`).
 */
export interface HolidayChanges {
  /** Holidays to add; one on a date that already has a holiday replaces it (a rename). */
  readonly add?: readonly BankHolidayInput[];
  /** Dates whose holiday is removed. A date without a holiday is ignored. */
  readonly remove?: readonly string[];
}

/**
 * The years the calendar covers. The rules hold from 1978 (the first year of the early
 * May bank holiday); 2199 keeps the working-day index small (about 81,000 days).
 */
export const SUPPORTED_YEARS: SupportedYears = /* @__PURE__ */ Object.freeze({
  first: 1978,
  last: 2199,
});

/** The type of {@link SUPPORTED_YEARS}. */
export interface SupportedYears {
  /** The first year covered. */
  readonly first: 1978;
  /** The last year covered. */
  readonly last: 2199;
}

/**
 * Every change to England & Wales bank holidays by proclamation since 1978 (gov.uk and
 * the proclamations in the London Gazette): 1981 royal wedding; 1995 early May holiday
 * moved to VE Day; 1999 millennium; 2002 Golden Jubilee; 2011 royal wedding; 2012 Diamond
 * Jubilee; 2020 early May holiday moved to VE Day; 2022 Platinum Jubilee and the State
 * Funeral of Queen Elizabeth II; 2023 coronation. The default calendar applies them.
 *
 * @example
 * ```ts
 * import { ENGLAND_AND_WALES_ONE_OFFS } from 'la-assurance/timeline';
 *
 * ENGLAND_AND_WALES_ONE_OFFS.remove?.includes('2020-05-04'); // true (moved to 8 May)
 * ```
 */
export const ENGLAND_AND_WALES_ONE_OFFS: HolidayChanges = /* @__PURE__ */ Object.freeze({
  remove: Object.freeze(['1995-05-01', '2002-05-27', '2012-05-28', '2020-05-04', '2022-05-30']),
  add: Object.freeze(
    [
      {
        date: '1981-07-29',
        name: 'Royal wedding bank holiday (Prince Charles and Lady Diana Spencer)',
      },
      { date: '1995-05-08', name: 'Early May bank holiday (VE day, 50th anniversary)' },
      { date: '1999-12-31', name: 'Millennium bank holiday' },
      { date: '2002-06-03', name: 'Golden Jubilee bank holiday' },
      { date: '2002-06-04', name: 'Spring bank holiday' },
      {
        date: '2011-04-29',
        name: 'Royal wedding bank holiday (Prince William and Catherine Middleton)',
      },
      { date: '2012-06-04', name: 'Spring bank holiday' },
      { date: '2012-06-05', name: 'Diamond Jubilee bank holiday' },
      { date: '2020-05-08', name: 'Early May bank holiday (VE day)' },
      { date: '2022-06-02', name: 'Spring bank holiday' },
      { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
      { date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
      { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' },
    ].map((h) => Object.freeze(h)),
  ),
});

/** A holiday on a day number (days since 1970-01-01). */
export interface DayHoliday {
  readonly day: number;
  readonly name: string;
  readonly substitute: boolean;
}

/** Easter Sunday (Gregorian) as a day number, by Oudin's algorithm (1940). */
function easterSunday(year: number): number {
  const c = Math.floor(year / 100);
  const n = year % 19;
  const k = Math.floor((c - 17) / 25);
  let i = (c - Math.floor(c / 4) - Math.floor((c - k) / 3) + 19 * n + 15) % 30;
  i -=
    Math.floor(i / 28) *
    (1 - Math.floor(i / 28) * Math.floor(29 / (i + 1)) * Math.floor((21 - n) / 11));
  const j = (year + Math.floor(year / 4) + i + 2 - c + Math.floor(c / 4)) % 7;
  const l = i - j;
  const month = 3 + Math.floor((l + 40) / 44);
  return daysFromCivil(year, month, l + 28 - 31 * Math.floor(month / 4));
}

function firstMonday(year: number, month: number): number {
  const first = daysFromCivil(year, month, 1);
  return first + ((8 - isoWeekday(first)) % 7);
}

function lastMonday(year: number, month: number, lastDay: number): number {
  const last = daysFromCivil(year, month, lastDay);
  return last - (isoWeekday(last) - 1);
}

/**
 * The bank holidays the standing rules give for `year` (no one-off changes), in date
 * order: New Year's Day (weekend → next Monday), Good Friday, Easter Monday, first and
 * last Monday of May, last Monday of August, Christmas and Boxing Day with substitutes.
 */
export function ruleHolidays(year: number): DayHoliday[] {
  const holiday = (day: number, name: string, substitute = false): DayHoliday => ({
    day,
    name,
    substitute,
  });
  const newYear = daysFromCivil(year, 1, 1);
  const newYearWeekday = isoWeekday(newYear);
  const easter = easterSunday(year);
  const christmas = daysFromCivil(year, 12, 25);
  const out = [
    newYearWeekday >= 6
      ? holiday(newYear + 8 - newYearWeekday, "New Year's Day", true)
      : holiday(newYear, "New Year's Day"),
    holiday(easter - 2, 'Good Friday'),
    holiday(easter + 1, 'Easter Monday'),
    holiday(firstMonday(year, 5), 'Early May bank holiday'),
    holiday(lastMonday(year, 5, 31), 'Spring bank holiday'),
    holiday(lastMonday(year, 8, 31), 'Summer bank holiday'),
  ];
  switch (isoWeekday(christmas)) {
    case 5: // Friday: Boxing Day (Saturday) moves to Monday 28th
      out.push(holiday(christmas, 'Christmas Day'), holiday(christmas + 3, 'Boxing Day', true));
      break;
    case 6: // Saturday: both move, to Monday 27th and Tuesday 28th
      out.push(
        holiday(christmas + 2, 'Christmas Day', true),
        holiday(christmas + 3, 'Boxing Day', true),
      );
      break;
    case 7: // Sunday: Boxing Day is Monday 26th; Christmas moves to Tuesday 27th
      out.push(holiday(christmas + 1, 'Boxing Day'), holiday(christmas + 2, 'Christmas Day', true));
      break;
    default:
      out.push(holiday(christmas, 'Christmas Day'), holiday(christmas + 1, 'Boxing Day'));
  }
  return out;
}
