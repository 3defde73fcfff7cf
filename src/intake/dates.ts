import { isIsoDate, type IsoDate } from '../timeline/iso-date.js';
import type { DateFormat } from './model.js';

// Dates as systems write them. The format is one option for the whole file: a per-row
// guess would read 03/04/2024 as 3 April in one row and 4 March in the next.

/**
 * Two-digit years below this are 20yy, the rest 19yy (`d/m/yy`). [modelled: the POSIX
 * `strptime %y` convention, 69 → 2069 and 70 → 1970; configurable]
 *
 * @example
 * ```ts
 * import { DEFAULT_TWO_DIGIT_YEAR_PIVOT } from 'la-assurance/intake';
 *
 * DEFAULT_TWO_DIGIT_YEAR_PIVOT; // 70
 * ```
 */
export const DEFAULT_TWO_DIGIT_YEAR_PIVOT = 70;

/**
 * Checks a `twoDigitYearPivot` option: a whole number from 0 to 100.
 *
 * @throws RangeError otherwise (programmer misuse of an option).
 */
export function checkTwoDigitYearPivot(pivot: number | undefined): void {
  if (pivot !== undefined && !(Number.isInteger(pivot) && pivot >= 0 && pivot <= 100))
    throw new RangeError(`twoDigitYearPivot must be a whole number from 0 to 100; got ${pivot}`);
}

/** Options of {@link parseDateCell}. */
export interface DateCellOptions {
  /** How the file writes dates. */
  readonly format: DateFormat;
  /** Also read a whole number 1–2958465 as an Excel serial date (1900 date system). Default `false`. */
  readonly excelSerialDates?: boolean;
  /** See {@link DEFAULT_TWO_DIGIT_YEAR_PIVOT}. */
  readonly twoDigitYearPivot?: number;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01 and Excel counts a 29 February 1900
 * that never was (serial 60), so from serial 61 the day is serial days after 1899-12-30.
 * Serial 60 is refused. Source: Microsoft, "Differences between the 1900 and the 1904
 * date system in Excel" (the 1900 leap-year compatibility).
 */
function fromExcelSerial(serial: number): IsoDate | undefined {
  if (serial < 1 || serial > 2958465 || serial === 60) return undefined;
  const days = serial < 60 ? serial - 1 : serial - 2; // days after 1900-01-01
  const date = new Date(Date.UTC(1900, 0, 1) + days * 86_400_000);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` as IsoDate;
}

// A trailing midnight time, as spreadsheets and databases append to dates: "01/03/2024 00:00:00".
const TIME_SUFFIX = /(?:[ T]00:00(?::00(?:\.0+)?)?(?:Z)?)$/;

/**
 * Reads a date cell written in `options.format` as an ISO date, or `undefined` when it is
 * not a real calendar date in that format. A trailing midnight time (`00:00` or
 * `00:00:00`) is ignored.
 *
 * @example
 * ```ts
 * import { parseDateCell } from 'la-assurance/intake';
 *
 * parseDateCell('01/03/2024', { format: 'dd/mm/yyyy' }); // '2024-03-01'
 * parseDateCell('1/3/24', { format: 'd/m/yy' });         // '2024-03-01'
 * parseDateCell('45352', { format: 'yyyy-mm-dd', excelSerialDates: true }); // '2024-03-01'
 * parseDateCell('31/02/2024', { format: 'dd/mm/yyyy' }); // undefined
 * ```
 */
export function parseDateCell(text: string, options: DateCellOptions): IsoDate | undefined {
  const cell = text.trim().replace(TIME_SUFFIX, '');
  if (options.excelSerialDates === true && /^\d{1,7}$/.test(cell))
    return fromExcelSerial(Number(cell));
  let iso: string;
  switch (options.format) {
    case 'yyyy-mm-dd':
      iso = cell;
      break;
    case 'dd/mm/yyyy': {
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
      if (!m) return undefined;
      iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
      break;
    }
    case 'd/m/yy': {
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/.exec(cell);
      if (!m) return undefined;
      const yy = Number(m[3]);
      const year =
        yy < (options.twoDigitYearPivot ?? DEFAULT_TWO_DIGIT_YEAR_PIVOT) ? 2000 + yy : 1900 + yy;
      iso = `${year}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
      break;
    }
  }
  return isIsoDate(iso) ? iso : undefined;
}

/** What a date in each format looks like, for messages. */
export const DATE_FORMAT_EXAMPLE: Readonly<Record<DateFormat, string>> = {
  'yyyy-mm-dd': '2024-03-01',
  'dd/mm/yyyy': '01/03/2024',
  'd/m/yy': '1/3/24',
};
