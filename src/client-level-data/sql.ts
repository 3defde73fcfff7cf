// The SQL Server behaviours DHSC's T-SQL relies on (reference, preamble points 1–3), in one
// home for every CLD step (check, prepare, ASCOF, waiting times, bridges):
// 1. Text `=`, `IN`, `PARTITION BY` and `DENSE_RANK` compare under the default collation
//    (Latin1_General_CI_AS): letter case is ignored and trailing spaces do not count
//    (ANSI padding); leading spaces do. `sqlCollationKey` folds a value to that key.
// 2. NULL is never equal to, IN, NOT IN or LIKE anything: `null` keys stay `null`, and
//    `sqlIn`/`sqlNotIn` are both false for NULL (the row drops out).
// 3. `DATEDIFF(DAY, a, b)` is b − a in whole days, `DATEADD(MONTH, …)` clamps to the month's
//    end, ages are `FLOOR(days / 365.25)`, `ROUND(x, 1)` halves away from zero and
//    `PERCENTILE_CONT(0.5)` interpolates. Dates are ISO `YYYY-MM-DD` strings or day numbers
//    (days since 1970-01-01), never `Date` or the host time zone.
import { civilFromDays, daysFromCivil } from '../timeline/iso-date.js';

/**
 * The key under which SQL Server's default collation treats two strings as equal: letter
 * case and trailing spaces do not matter, leading spaces do. Two values are equal in
 * DHSC's SQL exactly when their keys are equal. `null` (SQL NULL) stays `null`.
 *
 * @example
 * ```ts
 * import { sqlCollationKey } from 'la-assurance/client-level-data';
 * sqlCollationKey('Service User  ') === sqlCollationKey('service user'); // true
 * sqlCollationKey(' Service') === sqlCollationKey('Service'); // false
 * ```
 */
export function sqlCollationKey(value: string): string;
export function sqlCollationKey(value: string | null | undefined): string | null;
export function sqlCollationKey(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 32) end--;
  return (end === value.length ? value : value.slice(0, end)).toLowerCase();
}

/**
 * A memoised {@link sqlCollationKey} for one run over the data (CLD values repeat a lot),
 * NULL kept as `null`: `key === literal` is then false for NULL, as in T-SQL.
 */
export function keyer(): (value: string | null) => string | null {
  const cache = new Map<string, string>();
  return (value) => {
    if (value === null) return null;
    let key = cache.get(value);
    if (key === undefined) {
      key = sqlCollationKey(value);
      cache.set(value, key);
    }
    return key;
  };
}

/**
 * A set for `IN (…)` tests: the collation keys of the values, plus the values as written
 * (the usual spelling then matches without computing its key; a key is its own key, so
 * the extra entries never change an answer).
 */
export function sqlKeySet(values: Iterable<string>): ReadonlySet<string> {
  const set = new Set<string>();
  for (const v of values) {
    set.add(v);
    set.add(sqlCollationKey(v));
  }
  return set;
}

/** SQL `value IN (list)` under the collation, `list` from {@link sqlKeySet}: false for NULL. */
export function sqlIn(value: string | null | undefined, list: ReadonlySet<string>): boolean {
  if (value === null || value === undefined) return false;
  return list.has(value) || list.has(sqlCollationKey(value));
}

/** `key NOT IN (…)` / `key NOT LIKE '…'` on a comparison key: **false** (not true) for NULL, so the row drops out. */
export function sqlNotIn(key: string | null, keys: ReadonlySet<string>): boolean {
  return key !== null && !keys.has(key);
}

/** A key → value lookup that matches as SQL Server's `=` does. */
export function keyMap<V>(entries: Iterable<readonly [string, V]>): ReadonlyMap<string, V> {
  const map = new Map<string, V>();
  for (const [k, v] of entries) map.set(sqlCollationKey(k), v);
  return map;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

/** Days in a calendar month. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** `YYYY-MM-DD` of a calendar date. */
export function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * Days since 1970-01-01 of an ISO date (proleptic Gregorian; Howard Hinnant's
 * days_from_civil), so `DATEDIFF(DAY, a, b)` is `dayNumber(b) - dayNumber(a)`.
 *
 * @example
 * ```ts
 * import { dayNumber } from 'la-assurance/client-level-data';
 * dayNumber('2024-04-01') - dayNumber('2024-03-01'); // 31
 * ```
 */
export function dayNumber(isoDate: string): number {
  const y =
    digit(isoDate, 0) * 1000 + digit(isoDate, 1) * 100 + digit(isoDate, 2) * 10 + digit(isoDate, 3);
  const m = digit(isoDate, 5) * 10 + digit(isoDate, 6);
  const d = digit(isoDate, 8) * 10 + digit(isoDate, 9);
  return daysFromCivil(y, m, d);
}

/** A memoised {@link dayNumber} for one run over the data (dates repeat a lot); NULL stays `null`. */
export function dayParser(): (date: string | null) => number | null {
  const cache = new Map<string, number>();
  return (date) => {
    if (date === null) return null;
    let day = cache.get(date);
    if (day === undefined) {
      day = dayNumber(date);
      cache.set(date, day);
    }
    return day;
  };
}

/** The ISO date of a day number (inverse of {@link dayNumber}). */
export function isoDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return iso(year, month, day);
}

/** `'9999-01-01'` as a day number: DHSC's stand-in for a NULL (open) end date. */
export const OPEN_END: number = daysFromCivil(9999, 1, 1);

/** `DATEDIFF(DAY, from, to)`: whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** `DATEADD(DAY, n, date)`. */
export function addDays(date: string, n: number): string {
  return isoDate(dayNumber(date) + n);
}

/**
 * `DATEADD(MONTH, n, date)`: calendar months, the day clamped to the month's end.
 *
 * @example
 * ```ts
 * import { addMonths } from 'la-assurance/client-level-data';
 * addMonths('2024-05-31', -3); // '2024-02-29'
 * ```
 */
export function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return iso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** `EOMONTH(date)`: the last day of the month of an ISO date. */
export function monthEnd(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return iso(y, m, daysInMonth(y, m));
}

/**
 * First day of the quarter containing `date`:
 * `DATEFROMPARTS(YEAR(d), (DATEPART(QUARTER, d) − 1) × 3 + 1, 1)`. Calendar and financial
 * quarters start on the same days (1 January, April, July, October).
 */
export function quarterStart(date: string): string {
  const month = Number(date.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return `${date.slice(0, 4)}-${first < 10 ? '0' : ''}${first}-01`;
}

/** DHSC's age on day numbers: `FLOOR(DATEDIFF(DAY, birth, at) / 365.25)`. */
export function sqlAgeFromDays(birthDay: number, atDay: number): number {
  return Math.floor((atDay - birthDay) / 365.25);
}

/**
 * DHSC's age convention (reference preamble, behaviour 3; d.5 step 3):
 * `FLOOR(DATEDIFF(DAY, dob, at) / 365.25)` — whole days from `dob` to `at`, divided by
 * 365.25, rounded down. It is not the birthday rule: born 2001-01-01, on 2019-01-01 (the
 * 18th birthday, 6,574 days later) the age is floor(17.998…) = 17.
 *
 * @example
 * ```ts
 * import { sqlAge } from 'la-assurance/client-level-data';
 * sqlAge('2001-01-01', '2019-01-01'); // 17
 * sqlAge('1950-05-01', '2024-05-01'); // 74
 * ```
 */
export function sqlAge(dobIso: string, atIso: string): number {
  return sqlAgeFromDays(dayNumber(dobIso), dayNumber(atIso));
}

/**
 * T-SQL `ROUND(x, 1)` on a float: halves away from zero. The value is computed as the SQL
 * does, `(N / D) × scale` in floating point, and is 0 when the denominator is 0 (DHSC's
 * `CASE WHEN denominator = 0 THEN 0`).
 */
export function sqlRoundedRate(numerator: number, denominator: number, scale: number): number {
  if (denominator === 0) return 0;
  const x = (numerator / denominator) * scale;
  return (Math.sign(x) * Math.round(Math.abs(x) * 10)) / 10;
}

/**
 * `PERCENTILE_CONT(0.5)`: the middle value of the sorted values, or the mean of the two
 * middle values when there is an even number. `values` must be non-empty; it is sorted in place.
 */
export function continuousMedian(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}
