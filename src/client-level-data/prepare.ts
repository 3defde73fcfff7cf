// prepareClientLevelData: DHSC's main-table method for one council (reference d.1–d.6).
// The council, submissions and events in the period come from period-events.ts; here are
// the unique events and deduplication partitions (integer-coded, unique-events.ts), service
// cropping, and the main table with ages and bands as columns (main-rows.ts: the check's
// columns in the table's order, and the derived fields; plain objects only when `events`
// is read, trace entries only when `trace` is read, prepare-trace.ts). The object-per-event
// version of d.1–d.6 is the test oracle (test/client-level-data/support/reference-prepare.ts).
import type { ValidationResult } from '../errors/index.js';
import { proxyBirthDate } from './dates.js';
import { Column } from './event-store.js';
import { ageBand, reviewType, workingAgeBand } from './lists/groupings.js';
import { holdMainTable, MainTable, mainRowOf, plainMainRows } from './main-rows.js';
import type { MainTableEvent } from './model.js';
import { FATE, periodEvents, type PeriodEvents } from './period-events.js';
import type {
  CldPrepareInput,
  CldPrepareIssueCode,
  CldTraceEntry,
  PrepareClientLevelDataOptions,
  PreparedClientLevelDataResult,
} from './prepare-model.js';
import { traceEntries, type TraceSource } from './prepare-trace.js';
import { distinctRanks, radixOrder } from './radix.js';
import { NO_DAY, dayOrNone } from './slots.js';
import { isoDate, sqlAgeFromDays } from './sql.js';
import { personKeys, ranksBefore, uniqueEvents } from './unique-events.js';

/** The outcome of d.5–d.6 for each candidate: its unique-event number and the candidate kept for its partition. */
interface Deduplicated {
  /** `n` of `Der_Unique_Event_Ref`. */
  readonly rank: Int32Array;
  /** The index of the candidate kept in its partition (itself when it is kept). */
  readonly winner: Int32Array;
  /** Services cropped (d.5 step 2). */
  readonly cropped: number;
}

/**
 * d.5 step 2, service cropping (joined tables only; never in the latest reference period):
 * an open service of an earlier reference period ends at that period's end unless the same
 * unique event (equal `rank`) is in the next period (the one starting the day after).
 * Changes `period.derEnd`; returns how many were cropped.
 */
function cropServices(period: PeriodEvents, rank: Int32Array): number {
  const { refs, ref, derEnd, service } = period;
  const n = ref.length;
  if (n === 0) return 0;
  let latestEnd = NO_DAY;
  for (let j = 0; j < n; j++) latestEnd = Math.max(latestEnd, refs[ref[j]!]!.endDay);
  const present = new Set<string>();
  for (let j = 0; j < n; j++) present.add(`${rank[j]!}|${refs[ref[j]!]!.startDay}`);
  let cropped = 0;
  for (let j = 0; j < n; j++) {
    const r = refs[ref[j]!]!;
    if (service[j] !== 1 || r.endDay >= latestEnd) continue;
    if (derEnd[j] !== NO_DAY && derEnd[j]! <= r.endDay) continue;
    if (!present.has(`${rank[j]!}|${r.endDay + 1}`)) {
      derEnd[j] = r.endDay;
      cropped++;
    }
  }
  return cropped;
}

/** d.5–d.6 on integer codes: unique events, cropping, and the first row of each partition in the d.6 order. */
function deduplicate(period: PeriodEvents): Deduplicated {
  const n = period.event.length;
  const { rank, partition, partitions } = uniqueEvents(period, personKeys(period.personIds));
  const cropped = period.joined ? cropServices(period, rank) : 0;
  const best = new Int32Array(partitions).fill(-1);
  for (let j = 0; j < n; j++) {
    const current = best[partition[j]!]!;
    if (current < 0 || ranksBefore(period, j, current)) best[partition[j]!] = j;
  }
  const winner = new Int32Array(n);
  for (let j = 0; j < n; j++) winner[j] = best[partition[j]!]!;
  return { rank, winner, cropped };
}

/** Codes of values in first-seen order (a small table, such as bands or review types). */
class SmallCodes<T> {
  readonly values: T[] = [];
  private readonly index = new Map<T, number>();
  code(value: T): number {
    let c = this.index.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.index.set(value, c);
    }
    return c;
  }
}

/**
 * The main table (d.5 step 3 ages and bands, d.6 cost fields), sorted by person, start
 * date (as text) and row; the merged rows marked in `period.fate`.
 */
function mainTable(
  period: PeriodEvents,
  { rank, winner, cropped }: Deduplicated,
  options: PrepareClientLevelDataOptions,
): PreparedClientLevelDataResult {
  const { checked, joined, laCode, refs } = period;
  const c = checked.columns;
  const size = checked.length;
  const n = period.event.length;
  const mergedInto = new Int32Array(size).fill(-1);
  const kept = new Int32Array(n);
  let m = 0;
  for (let j = 0; j < n; j++) {
    if (winner[j] === j) kept[m++] = j;
    else {
      const i = period.event[j]!;
      period.fate[i] = FATE.duplicate;
      mergedInto[i] = period.event[winner[j]!]!;
    }
  }
  const merged = n - m;

  // By person, then start date (as text), then row: the persons are numbered in string
  // order already; the distinct dates ranked; one radix sort, then the few rows of equal
  // person and date put in row order.
  const startText = c.Event_Start_Date.encode(size, (v) => v ?? '');
  const startRankOfCode = distinctRanks(startText.values);
  const byPerson = new Int32Array(m);
  const byStart = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const j = kept[k]!;
    byPerson[k] = period.person[j]!;
    byStart[k] = startRankOfCode[startText.codes[period.event[j]!]!]!;
  }
  const order = radixOrder(
    [byPerson, byStart],
    [period.personIds.length, startRankOfCode.length],
    m,
  );
  const rowOf = (k: number): number => c.row.at(period.event[kept[k]!]!);
  for (let s = 1; s < m; s++) {
    const k = order[s]!;
    let t = s;
    while (
      t > 0 &&
      byPerson[order[t - 1]!] === byPerson[k] &&
      byStart[order[t - 1]!] === byStart[k] &&
      rowOf(order[t - 1]!) > rowOf(k)
    ) {
      order[t] = order[t - 1]!;
      t--;
    }
    order[t] = k;
  }

  // The derived fields of each main-table row, in the sorted order.
  const rows = new Int32Array(m);
  const refCode = new Uint16Array(m);
  const person = new Int32Array(m);
  const unique = new Int32Array(m);
  const endCode = new Int32Array(m);
  const ends = new SmallCodes<number>();
  ends.code(NO_DAY);
  const ageCode = new Uint16Array(m);
  const ages = new SmallCodes<number | null>();
  const reviewCode = new Uint16Array(m);
  const reviews = new SmallCodes<string | null>();
  const type = c.Event_Type.encode(size, (v) => v);
  const reason = c.Review_Reason_Cleaned.encode(size, (v) => v);
  const reviewOf = new Map<number, number>();
  const birthDayOf = new Map<number, number>();
  for (let s = 0; s < m; s++) {
    const j = kept[order[s]!]!;
    const i = period.event[j]!;
    rows[s] = i;
    refCode[s] = period.ref[j]!;
    person[s] = period.person[j]!;
    unique[s] = rank[j]!;
    const derEnd = period.derEnd[j]!;
    endCode[s] = ends.code(derEnd);
    // d.5 step 3: age at the derived end, or at the reference-period end for an open service.
    const year = c.Der_Birth_Year.at(i);
    const month = c.Der_Birth_Month.at(i);
    // Memoised by (year, month) when both are whole numbers and the month is 1–12.
    const keyed = Number.isInteger(year) && Number.isInteger(month) && month! >= 1 && month! <= 12;
    let birthDay = keyed ? birthDayOf.get(year! * 13 + month!) : undefined;
    if (birthDay === undefined) {
      birthDay = dayOrNone(proxyBirthDate(year, month));
      if (keyed) birthDayOf.set(year! * 13 + month!, birthDay);
    }
    const at = derEnd === NO_DAY ? refs[period.ref[j]!]!.endDay : derEnd;
    const a = birthDay === NO_DAY ? null : sqlAgeFromDays(birthDay, at);
    ageCode[s] = ages.code(a);
    const pair = type.codes[i]! * 65536 + reason.codes[i]!;
    let review = reviewOf.get(pair);
    if (review === undefined) {
      review = reviews.code(
        reviewType(type.values[type.codes[i]!]!, reason.values[reason.codes[i]!]!),
      );
      reviewOf.set(pair, review);
    }
    reviewCode[s] = review;
  }
  const table = MainTable.over(
    checked,
    rows,
    {
      Ref_Period_Start_Date: Column.coded(
        refCode,
        refs.map((r) => r.start),
      ),
      Ref_Period_End_Date: Column.coded(
        refCode,
        refs.map((r) => r.end),
      ),
      Der_Event_End_Date: Column.coded(
        endCode,
        ends.values.map((d) => (d === NO_DAY ? null : isoDate(d))),
      ),
      Der_NHS_LA_Combined_Person_ID: Column.coded(person, period.personIds),
      Review_Type: Column.coded(reviewCode, reviews.values),
      Der_Latest_Age: Column.coded(ageCode, ages.values),
      Der_Age_Band: Column.coded(ageCode, ages.values.map(ageBand)),
      Der_Working_Age_Band: Column.coded(ageCode, ages.values.map(workingAgeBand)),
      Der_Unique_Event_Ref: Column.computed((s) => `${laCode}_${unique[s]!}`),
    },
    laCode,
    joined, // d.6: joined tables drop the cost fields
  );
  // Only what the trace is made from is kept (not the candidates' columns).
  const { fate, refOf, rejections, codes } = period;
  const source: TraceSource = { checked, fate, laCode, refs, refOf, rejections, codes };
  let events: readonly MainTableEvent[] | undefined;
  let trace: readonly CldTraceEntry[] | undefined;
  return holdMainTable(
    {
      laCode,
      periodStart: options.periodStart,
      periodEnd: options.periodEnd,
      /** Plain objects, made on first read; the library's own steps read the table's columns. */
      get events(): readonly MainTableEvent[] {
        events ??= plainMainRows(table);
        return events;
      },
      mode: joined ? 'joined' : 'single',
      /** Made from the columns on first read. */
      get trace(): readonly CldTraceEntry[] {
        trace ??= traceEntries(source, mergedInto);
        return trace;
      },
      summary: { ...period.counts, merged, cropped, events: m },
      submissions: period.submissions,
      warnings: period.warnings,
    },
    table,
  );
}

/**
 * Prepares checked Client Level Data for one council as DHSC builds its main table
 * (reference d.1–d.6). When the rows carry several `ImportDate`s (the national layout), each
 * file's reporting period is derived from its data and the latest qualifying file is
 * selected for the period (or, with `mode: 'joined'`, for each quarter, with open services
 * cropped at the end of their file's reference period); otherwise the rows are one
 * submission whose reference period is `periodStart`..`periodEnd`. Then: events in the
 * period (requests, assessments and reviews ending in it; services active in it; the death
 * filter), the end date corrected by the date of death, the combined person id, review
 * type, ages at the latest date by `FLOOR(DATEDIFF(DAY, dob, d) / 365.25)` and age bands,
 * and one row per unique event (two NULLs match; letter case and trailing spaces do not
 * matter, as in SQL Server). The result keeps a trace: every row left out, with why, or
 * the row it was merged into.
 *
 * @example
 * ```ts
 * import { generateClientLevelData } from 'la-assurance/testing';
 * import { checkClientLevelData, prepareClientLevelData } from 'la-assurance/client-level-data';
 *
 * const { rows } = generateClientLevelData({ seed: 1, people: 50, periodStart: '2024-04-01', periodEnd: '2025-03-31' });
 * const checked = checkClientLevelData(rows, { laCode: 'X01' });
 * if (checked.success) {
 *   const prepared = prepareClientLevelData(checked.data, { periodStart: '2024-04-01', periodEnd: '2025-03-31' });
 *   if (prepared.success) console.log(prepared.data.events.length, prepared.data.summary);
 * }
 * ```
 */
export function prepareClientLevelData(
  checked: CldPrepareInput,
  options: PrepareClientLevelDataOptions,
): ValidationResult<PreparedClientLevelDataResult, CldPrepareIssueCode> {
  const period = periodEvents(checked, options);
  if (!period.success) return period;
  return {
    success: true,
    data: mainTable(period.data, deduplicate(period.data), options),
  };
}

/**
 * What happened to one input row in {@link prepareClientLevelData}: its trace entry, or
 * `{ code: 'kept' }` with the main-table event when it is in the table.
 *
 * @example
 * ```ts
 * import { generateClientLevelData } from 'la-assurance/testing';
 * import { checkClientLevelData, prepareClientLevelData, explainClientLevelDataRow } from 'la-assurance/client-level-data';
 *
 * const { rows } = generateClientLevelData({ seed: 1, people: 50, periodStart: '2024-04-01', periodEnd: '2025-03-31' });
 * const checked = checkClientLevelData(rows);
 * if (!checked.success) throw new Error('rejected');
 * const prepared = prepareClientLevelData(checked.data, { periodStart: '2024-04-01', periodEnd: '2025-03-31' });
 * if (!prepared.success) throw new Error('rejected');
 * explainClientLevelDataRow(prepared.data, 2); // how row 2 was kept, merged or dropped, and why
 * ```
 */
export function explainClientLevelDataRow(
  prepared: Pick<PreparedClientLevelDataResult, 'events' | 'trace'>,
  row: number,
):
  | CldTraceEntry
  | {
      /** The row. */
      readonly row: number;
      /** It is in the table. */
      readonly code: 'kept';
      /** Its main-table event. */
      readonly event: MainTableEvent;
    }
  | undefined {
  const entry = prepared.trace.find((t) => t.row === row);
  if (entry !== undefined) return entry;
  const event = mainRowOf(prepared, row);
  return event === undefined ? undefined : { row, code: 'kept', event };
}
