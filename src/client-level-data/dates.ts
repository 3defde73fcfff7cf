// Calendar arithmetic for CLD, on ISO `YYYY-MM-DD` strings and day numbers (days since
// 1970-01-01), without `Date` or the host time zone. Parsing reads characters directly: a
// million rows carry three or four dates each.
import { civilFromDays, daysFromCivil } from '../timeline/iso-date.js';

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function valid(y: number, m: number, d: number): boolean {
  return y >= 1800 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Parses a CLD date: ISO `YYYY-MM-DD` (optionally followed by a time, as SQL Server
 * exports datetimes) or UK `DD/MM/YYYY` (`D/M/YYYY` too). Returns the ISO date, or
 * `undefined` when the text is not a real calendar date. (Blank is handled by the caller.)
 */
export function parseCldDate(text: string): string | undefined {
  const s =
    text.length > 10 && (text.charCodeAt(10) === 32 || text.charCodeAt(10) === 84)
      ? text.slice(0, 10)
      : text;
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
    const m = digit(s, 5) * 10 + digit(s, 6);
    const d = digit(s, 8) * 10 + digit(s, 9);
    return valid(y, m, d) ? (s === text ? text : s) : undefined;
  }
  const first = s.indexOf('/');
  const second = first < 0 ? -1 : s.indexOf('/', first + 1);
  if (first < 1 || first > 2 || second - first < 2 || second - first > 3 || s.length - second !== 5)
    return undefined;
  const d = first === 1 ? digit(s, 0) : digit(s, 0) * 10 + digit(s, 1);
  const m =
    second - first === 2 ? digit(s, first + 1) : digit(s, first + 1) * 10 + digit(s, first + 2);
  const y =
    digit(s, second + 1) * 1000 +
    digit(s, second + 2) * 100 +
    digit(s, second + 3) * 10 +
    digit(s, second + 4);
  return valid(y, m, d) ? iso(y, m, d) : undefined;
}

/**
 * Parses an `ImportDate` (a SQL Server datetime) to `YYYY-MM-DDTHH:MM:SS[.fff]`, so that
 * two values compare as text in time order; a date alone becomes midnight. `undefined`
 * when it is not a date-time.
 */
export function parseCldDateTime(text: string): string | undefined {
  const date = parseCldDate(text.length > 10 ? text.slice(0, 10) : text);
  if (date === undefined) return undefined;
  if (text.length <= 10) return `${date}T00:00:00`;
  const time = text.slice(11);
  if (!/^\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?Z?$/.test(time)) return undefined;
  const t = time.endsWith('Z') ? time.slice(0, -1) : time;
  return `${date}T${t.length === 5 ? `${t}:00` : t}`;
}

/**
 * Days since 1970-01-01 of an ISO date (proleptic Gregorian; Howard Hinnant's
 * days_from_civil), so `DATEDIFF(DAY, a, b)` is `dayNumber(b) - dayNumber(a)`.
 *
 * @example
 * ```ts
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

/** The ISO date of a day number (inverse of {@link dayNumber}). */
function fromDayNumber(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return iso(year, month, day);
}

/** `DATEADD(DAY, n, date)`. */
export function addDays(isoDate: string, n: number): string {
  return fromDayNumber(dayNumber(isoDate) + n);
}

/**
 * `DATEADD(MONTH, n, date)`: calendar months, the day clamped to the month's end.
 *
 * @example
 * ```ts
 * addMonths('2024-05-31', -3); // '2024-02-29'
 * ```
 */
export function addMonths(isoDate: string, n: number): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return iso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** The last day of the month of an ISO date. */
export function monthEnd(isoDate: string): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  return iso(y, m, daysInMonth(y, m));
}

/**
 * DHSC's age convention (reference preamble, behaviour 3; d.5 step 3):
 * `FLOOR(DATEDIFF(DAY, dob, at) / 365.25)` — whole days from `dob` to `at`, divided by
 * 365.25, rounded down. It is not the birthday rule: born 2001-01-01, on 2019-01-01 (the
 * 18th birthday, 6,574 days later) the age is floor(17.998…) = 17.
 *
 * @example
 * ```ts
 * sqlAge('2001-01-01', '2019-01-01'); // 17
 * sqlAge('1950-05-01', '2024-05-01'); // 74
 * ```
 */
export function sqlAge(dobIso: string, atIso: string): number {
  return Math.floor((dayNumber(atIso) - dayNumber(dobIso)) / 365.25);
}

/** The proxy date of birth DHSC uses: the 1st of the birth month (reference d.5 step 3); `null` when year or month is missing or out of range. */
export function proxyBirthDate(year: number | null, month: number | null): string | null {
  if (
    year === null ||
    month === null ||
    !Number.isInteger(year) ||
    !Number.isInteger(month) ||
    month < 1 ||
    month > 12 ||
    year < 1800 ||
    year > 9999
  )
    return null;
  return iso(year, month, 1);
}
