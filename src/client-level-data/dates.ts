// Reading CLD dates: the text of a cell to an ISO `YYYY-MM-DD` (calendar arithmetic on
// them is in sql.ts). Parsing reads characters directly: a million rows carry three or
// four dates each. With a date format (the intake layer's option, one for the whole
// file), a cell is read in that format only, by the intake layer's `parseDateCell`; the
// check caches each column's distinct date texts, so the parser runs once per text.
import { DATE_FORMATS, type DateFormat } from '../intake/model.js';
import { DATE_FORMAT_EXAMPLE, checkTwoDigitYearPivot, parseDateCell } from '../intake/dates.js';
import { daysInMonth, iso } from './sql.js';
import { daysFromCivil } from '../timeline/iso-date.js';

/** The earliest year a CLD date may have (modelled: earlier ones are typing errors). */
const EARLIEST_YEAR = 1800;
const EARLIEST_DATE = `${EARLIEST_YEAR}-01-01`;

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

function valid(y: number, m: number, d: number): boolean {
  return y >= EARLIEST_YEAR && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Parses a CLD date: ISO `YYYY-MM-DD` (optionally followed by a time, as SQL Server
 * exports datetimes) or UK `DD/MM/YYYY` (`D/M/YYYY` too). Returns the ISO date, or
 * `undefined` when the text is not a real calendar date. (Blank is handled by the caller.)
 */
function parseCldDate(text: string): string | undefined {
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
 * when it is not a date-time. Without `readDate` the date is the first 10 characters,
 * read by {@link parseCldDate}; with it (a date format), the text up to the first space
 * or `T`, read by `readDate`.
 */
function parseCldDateTime(
  text: string,
  readDate?: (text: string) => string | undefined,
): string | undefined {
  let cut = 10;
  if (readDate !== undefined) {
    cut = text.search(/[ T]/);
    if (cut < 0) cut = text.length;
  }
  const date = (readDate ?? parseCldDate)(text.length > cut ? text.slice(0, cut) : text);
  if (date === undefined) return undefined;
  if (text.length <= cut) return `${date}T00:00:00`;
  const time = text.slice(cut + 1);
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
  return hasProxyBirthDate(year, month) ? iso(year, month!, 1) : null;
}

/** {@link proxyBirthDate} as a day number (sql.ts `dayNumber` of it), without making its text. */
export function proxyBirthDay(year: number | null, month: number | null): number | null {
  return hasProxyBirthDate(year, month) ? daysFromCivil(year, month!, 1) : null;
}

/** Whether {@link proxyBirthDate} gives a date (then `month` is a number too). */
function hasProxyBirthDate(year: number | null, month: number | null): year is number {
  return (
    year !== null &&
    month !== null &&
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    year >= PROXY_BIRTH_YEAR_MIN &&
    year <= 9999
  );
}

/** How the check reads the dates of a file: once per check, from its options. */
export interface CldDateReading {
  /** A date cell (trimmed, not blank) to ISO `YYYY-MM-DD`, or `undefined` when it is not one. */
  readonly date: (text: string) => string | undefined;
  /** An `ImportDate` cell to `YYYY-MM-DDTHH:MM:SS[.fff]`, or `undefined`. */
  readonly dateTime: (text: string) => string | undefined;
  /** What a date should look like, for messages. */
  readonly expected: string;
}

const GUESSED: CldDateReading = {
  date: parseCldDate,
  dateTime: parseCldDateTime,
  expected: 'YYYY-MM-DD or DD/MM/YYYY',
};

/**
 * The date reading of a check: without `dateFormat`, each cell as ISO `YYYY-MM-DD` or UK
 * `DD/MM/YYYY` ({@link parseCldDate}, as before the option existed); with it, every date
 * cell in that format only (the intake layer's `parseDateCell`: a trailing midnight time
 * is ignored; `d/m/yy` years below `twoDigitYearPivot`, default 70, are 20yy, the rest
 * 19yy), and no earlier than 1800 as {@link parseCldDate} requires.
 *
 * @throws RangeError when `dateFormat` is not one of `DATE_FORMATS` or `twoDigitYearPivot`
 * is not a whole number from 0 to 100 (programmer misuse).
 */
export function cldDateReading(options: {
  readonly dateFormat?: DateFormat | undefined;
  readonly twoDigitYearPivot?: number | undefined;
}): CldDateReading {
  const format = options.dateFormat;
  checkTwoDigitYearPivot(options.twoDigitYearPivot);
  if (format === undefined) return GUESSED;
  if (!DATE_FORMATS.includes(format))
    throw new RangeError(
      `dateFormat must be one of ${DATE_FORMATS.join(', ')}; got ${String(format)}`,
    );
  const cell = {
    format,
    ...(options.twoDigitYearPivot !== undefined && {
      twoDigitYearPivot: options.twoDigitYearPivot,
    }),
  };
  const date = (text: string): string | undefined => {
    const d = parseDateCell(text, cell);
    return d !== undefined && d >= EARLIEST_DATE ? d : undefined;
  };
  return {
    date,
    dateTime: (text) => parseCldDateTime(text, date),
    expected: `${format}, e.g. ${DATE_FORMAT_EXAMPLE[format]}`,
  };
}
