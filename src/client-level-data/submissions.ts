// Submissions in the national layout (reference d.1, d.2): each (LA, ImportDate) is one
// file; its reporting period is derived from its data, and for each reference period the
// latest qualifying file is selected.
import { addDays, addMonths, monthEnd, sqlCollationKey } from './sql.js';
import type { ClientLevelDataEvent } from './model.js';

/** One submission (a file load) with its stated and derived reporting periods (reference d.1). */
export interface CldSubmission {
  /** The file's `ImportDate` (`YYYY-MM-DDTHH:MM:SS[.fff]`). */
  readonly importDate: string;
  /** The rows (lazy; iterate as often as you like). */
  readonly rows: number;
  /** MIN of the stated `Reporting_Period_Start_Date` over the file (d.1 step 6). */
  readonly statedStart: string | null;
  /** MAX of the stated `Reporting_Period_End_Date`. */
  readonly statedEnd: string | null;
  /** First day of the earliest qualifying end month (d.1 steps 1–5); `null` when no event ended before the import month. */
  readonly derivedStart: string | null;
  /** Last day of the latest qualifying end month. */
  readonly derivedEnd: string | null;
  /** The reference period the file was selected for (d.2), or `null` when not selected. */
  readonly referencePeriod: {
    /** First day. */
    readonly start: string;
    /** Last day. */
    readonly end: string;
  } | null;
}

/** DHSC excludes one load by its ImportDate (reference d.2 step 1, `GetSubmissions`). */
export const DHSC_EXCLUDED_IMPORTS: readonly string[] = ['2026-04-23T13:28:24.253'];

interface MonthCount {
  n: number;
  types: Set<string>;
}

/**
 * Derives each file's reporting period from its data (reference d.1, as DHSC's code does,
 * not its prose): events ending before the 1st of the import month, grouped by end month;
 * with ≥ 100 such events a month qualifies when it holds ≥ 2% of them and at least
 * (the most types any month has − 1) distinct event types; with fewer, every month qualifies.
 */
export function deriveSubmissions(
  events: readonly ClientLevelDataEvent[],
): Map<string, Omit<CldSubmission, 'referencePeriod'>> {
  const files = new Map<
    string,
    {
      rows: number;
      statedStart: string | null;
      statedEnd: string | null;
      months: Map<string, MonthCount>;
    }
  >();
  for (const e of events) {
    const importDate = e.ImportDate;
    if (importDate === null) continue;
    let file = files.get(importDate);
    if (file === undefined)
      files.set(
        importDate,
        (file = { rows: 0, statedStart: null, statedEnd: null, months: new Map() }),
      );
    file.rows++;
    // MIN/MAX ignore NULLs (d.1 step 6).
    if (
      e.Reporting_Period_Start_Date !== null &&
      (file.statedStart === null || e.Reporting_Period_Start_Date < file.statedStart)
    )
      file.statedStart = e.Reporting_Period_Start_Date;
    if (
      e.Reporting_Period_End_Date !== null &&
      (file.statedEnd === null || e.Reporting_Period_End_Date > file.statedEnd)
    )
      file.statedEnd = e.Reporting_Period_End_Date;
    // d.1 step 1: ends before the 1st of the import month (a NULL end never is).
    const end = e.Event_End_Date;
    if (end === null || end >= `${importDate.slice(0, 7)}-01`) continue;
    const month = end.slice(0, 7);
    let count = file.months.get(month);
    if (count === undefined) file.months.set(month, (count = { n: 0, types: new Set() }));
    count.n++;
    // COUNT(DISTINCT Event_Type) ignores NULL and compares under the collation.
    if (e.Event_Type !== null) count.types.add(sqlCollationKey(e.Event_Type));
  }
  const out = new Map<string, Omit<CldSubmission, 'referencePeriod'>>();
  for (const [importDate, file] of files) {
    let nFile = 0;
    let typesFile = 0;
    for (const m of file.months.values()) {
      nFile += m.n;
      typesFile = Math.max(typesFile, m.types.size); // d.1 step 2: the max over months
    }
    const qualifying = [...file.months.entries()]
      .filter(
        ([, m]) =>
          nFile < 100 || (Math.trunc((100 * m.n) / nFile) >= 2 && m.types.size >= typesFile - 1),
      ) // T-SQL integer division (same test as ≥ 2%)
      .map(([month]) => month)
      .sort();
    const first = qualifying[0];
    const last = qualifying[qualifying.length - 1];
    out.set(importDate, {
      importDate,
      rows: file.rows,
      statedStart: file.statedStart,
      statedEnd: file.statedEnd,
      derivedStart: first === undefined ? null : `${first}-01`,
      derivedEnd: last === undefined ? null : monthEnd(`${last}-01`),
    });
  }
  return out;
}

/** `ImportDate > E` with E a date (midnight): any load during day E counts (reference d.2 step 1). */
function importedAfter(importDate: string, date: string): boolean {
  const day = importDate.slice(0, 10);
  if (day !== date) return day > date;
  for (let i = 11; i < importDate.length; i++) {
    const ch = importDate.charCodeAt(i);
    if (ch >= 49 && ch <= 57) return true; // any non-zero digit in the time
  }
  return false;
}

/** The 3-month reference periods of a joined table: S to S + 3 months − 1 day, and so on while the end ≤ E (reference d.2 step 4). */
function quarterPeriods(start: string, end: string): { start: string; end: string }[] {
  const periods: { start: string; end: string }[] = [];
  for (let i = 0; ; i++) {
    const qs = addMonths(start, 3 * i);
    const qe = addDays(addMonths(start, 3 * (i + 1)), -1);
    if (qe > end) break;
    periods.push({ start: qs, end: qe });
  }
  return periods;
}

/** Options of {@link selectSubmissions}. */
export interface SelectSubmissionsOptions {
  /** How the reference periods were set. */
  readonly mode: 'single' | 'joined';
  readonly basis: 'derived' | 'stated';
  /** Files loaded after this date are not considered (compared by the date part, d.2 step 1); `null`: no limit. */
  readonly asOf: string | null;
  readonly excludedImports: readonly string[];
}

/**
 * Selects, for each reference period, the latest qualifying file (reference d.2): derived (or
 * stated) start ≤ S, end ≥ E, loaded after E and on or before the as-of date. In joined mode
 * a file winning several quarters gets one reference period spanning them. Returns the
 * reference period of each selected file and the reference periods no file qualified for.
 */
export function selectSubmissions(
  submissions: ReadonlyMap<string, Omit<CldSubmission, 'referencePeriod'>>,
  periodStart: string,
  periodEnd: string,
  options: SelectSubmissionsOptions,
): {
  selected: Map<string, { start: string; end: string }>;
  unfilled: { start: string; end: string }[];
} {
  const periods =
    options.mode === 'joined'
      ? quarterPeriods(periodStart, periodEnd)
      : [{ start: periodStart, end: periodEnd }];
  const excluded = new Set(options.excludedImports);
  const selected = new Map<string, { start: string; end: string }>();
  const unfilled: { start: string; end: string }[] = [];
  for (const period of periods) {
    let best: string | undefined;
    for (const s of submissions.values()) {
      if (excluded.has(s.importDate)) continue;
      const start = options.basis === 'derived' ? s.derivedStart : s.statedStart;
      const end = options.basis === 'derived' ? s.derivedEnd : s.statedEnd;
      if (start === null || end === null || !(start <= period.start) || !(end >= period.end))
        continue;
      if (!importedAfter(s.importDate, period.end)) continue;
      if (options.asOf !== null && s.importDate.slice(0, 10) > options.asOf) continue;
      if (best === undefined || s.importDate > best) best = s.importDate;
    }
    if (best === undefined) {
      unfilled.push(period);
      continue;
    }
    const span = selected.get(best);
    selected.set(
      best,
      span === undefined
        ? { ...period }
        : {
            start: span.start < period.start ? span.start : period.start,
            end: span.end > period.end ? span.end : period.end,
          },
    );
  }
  return { selected, unfilled };
}
