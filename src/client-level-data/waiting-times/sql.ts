import { daysFromCivil } from '../../timeline/iso-date.js';

// SQL Server behaviours the DHSC methods depend on (reference, preamble points 1–3).

/**
 * The comparison key of a text value under SQL Server's default collation: letter case is
 * ignored and trailing spaces do not count (`'Service User ' = 'service user'`). `null`
 * stays `null`: NULL equals nothing, is `IN` nothing and `NOT IN` nothing.
 */
export function sqlKey(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 32) end--;
  return (end === value.length ? value : value.slice(0, end)).toLowerCase();
}

/**
 * A set for `IN (...)` tests: the collation keys of the values, plus the values as written
 * (so the usual spelling matches without computing its key; any other spelling matches by
 * its key). Use only with {@link sqlIn}.
 */
export function sqlKeySet(values: readonly string[]): ReadonlySet<string> {
  return new Set([...values, ...values.map((v) => sqlKey(v)!)]);
}

/** SQL `value IN (list)` under the collation: false for NULL. */
export function sqlIn(value: string | null | undefined, list: ReadonlySet<string>): boolean {
  if (value === null || value === undefined) return false;
  return list.has(value) || list.has(sqlKey(value)!);
}

const parts = (date: string): [number, number, number] => [
  Number(date.slice(0, 4)),
  Number(date.slice(5, 7)),
  Number(date.slice(8, 10)),
];

/** Day number (days since 1970-01-01) of an ISO date. */
export function dayNumber(date: string): number {
  const [y, m, d] = parts(date);
  return daysFromCivil(y, m, d);
}

/** `DATEDIFF(DAY, from, to)`: whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

function daysInMonth(year: number, month: number): number {
  return month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/**
 * `DATEADD(MONTH, months, date)`: the same day `months` calendar months away, clamped to
 * the last day of the target month (2024-05-31 − 3 months = 2024-02-29).
 */
export function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
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

/**
 * `PERCENTILE_CONT(0.5)`: the middle value of the sorted values, or the mean of the two
 * middle values when there is an even number. `values` must be non-empty; it is sorted in place.
 */
export function continuousMedian(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}
