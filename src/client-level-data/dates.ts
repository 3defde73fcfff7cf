// Reading CLD dates: the text of a cell to an ISO `YYYY-MM-DD` (calendar arithmetic on
// them is in sql.ts). Parsing reads characters directly: a million rows carry three or
// four dates each.
import { daysInMonth, iso } from './sql.js';

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
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
 * The smallest birth year with a proxy date of birth. DHSC builds the proxy DOB as
 * `CAST(CONCAT(Der_Birth_Year, '-', Der_Birth_Month, '-01') AS DATE)` (DHSC
 * ASC-CLD-LA-Dashboard, Stored_procedures/create_GetDerivedFields_procedure.sql for
 * `Der_Latest_Age`, ASCOF_measures/Create_personal_details_table.sql for `Der_Birth_Date`).
 * `CONCAT` does not pad, and SQL Server reads a `y-m-dd` string as a date only with a four-
 * (or two-) digit year (Microsoft, "date (Transact-SQL)", supported string literal formats):
 * years 1000–9999 give that year's date; a one- or three-digit year fails the conversion,
 * and a two-digit one is read under DATEFORMAT/two-digit-year rules as some other date. So
 * the method defines a proxy DOB for 1000–9999 only; below that we give none (modelled:
 * the age is unknown rather than an error or a misread date).
 */
const PROXY_BIRTH_YEAR_MIN = 1000;

/**
 * The proxy date of birth DHSC uses: the 1st of the birth month (reference d.5 step 3 for
 * `Der_Latest_Age`, e.0 for the person details' `Der_Birth_Date`), for a year from
 * `PROXY_BIRTH_YEAR_MIN` (1000) to 9999 and a month 1–12; `null` when either is missing or
 * outside that range. The one rule for check, prepare and the ASCOF person details.
 */
export function proxyBirthDate(year: number | null, month: number | null): string | null {
  if (
    year === null ||
    month === null ||
    !Number.isInteger(year) ||
    !Number.isInteger(month) ||
    month < 1 ||
    month > 12 ||
    year < PROXY_BIRTH_YEAR_MIN ||
    year > 9999
  )
    return null;
  return iso(year, month, 1);
}
