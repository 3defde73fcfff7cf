import type { CldDate } from '../model.js';
import type { AscofYear } from './model.js';
import { dayNumber, isoDate } from '../sql.js';

/** A resolved reporting period. */
export interface ResolvedPeriod {
  readonly periodStart: CldDate;
  readonly periodEnd: CldDate;
  readonly startDay: number;
  readonly endDay: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkedDay(date: unknown, name: string): number {
  const day = typeof date === 'string' && ISO_DATE.test(date) ? dayNumber(date) : null;
  if (day === null || isoDate(day) !== date)
    throw new RangeError(`${name} must be an ISO date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return day;
}

function yearStart(year: AscofYear): number {
  if (typeof year === 'number') {
    if (Number.isInteger(year) && year >= 1900 && year <= 9998) return year;
  } else if (typeof year === 'string') {
    const m = /^(\d{4})\/(\d{2})$/.exec(year);
    if (m !== null && (Number(m[1]) + 1) % 100 === Number(m[2])) return Number(m[1]);
  }
  throw new RangeError(
    `year must be the year a financial year starts in (2024) or 'YYYY/YY' ('2024/25'), got ${JSON.stringify(year)}`,
  );
}

/**
 * The reporting period of an options object: `year` (financial year 1 April – 31 March) or
 * `periodStart`/`periodEnd`. Throws `RangeError` for a malformed option (programmer misuse).
 */
export function resolvePeriod(options: {
  readonly year?: AscofYear | undefined;
  readonly periodStart?: CldDate | undefined;
  readonly periodEnd?: CldDate | undefined;
}): ResolvedPeriod {
  if (options.year !== undefined) {
    if (options.periodStart !== undefined || options.periodEnd !== undefined)
      throw new RangeError('give either year or periodStart/periodEnd, not both');
    const y = yearStart(options.year);
    const periodStart = `${y}-04-01`;
    const periodEnd = `${y + 1}-03-31`;
    return {
      periodStart,
      periodEnd,
      startDay: dayNumber(periodStart)!,
      endDay: dayNumber(periodEnd)!,
    };
  }
  const startDay = checkedDay(options.periodStart, 'periodStart');
  const endDay = checkedDay(options.periodEnd, 'periodEnd');
  if (endDay < startDay)
    throw new RangeError(
      `periodEnd ${options.periodEnd} is before periodStart ${options.periodStart}`,
    );
  return { periodStart: options.periodStart!, periodEnd: options.periodEnd!, startDay, endDay };
}
