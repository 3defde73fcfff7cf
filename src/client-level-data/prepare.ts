// prepareClientLevelData: DHSC's main-table method for one council (reference d.1–d.6).
// The council, submissions and events in the period come from period-events.ts; here are
// the unique events and deduplication partitions (integer-coded, unique-events.ts), service
// cropping, and the main table with ages and bands, as views over the check's columns
// (main-rows.ts; plain objects only when `events` is read). The plain string-key version of
// d.5–d.6 is the test oracle (test/client-level-data/support/reference-prepare.ts).
import type { ValidationResult } from '../errors/index.js';
import { proxyBirthDate } from './dates.js';
import { addDays, sqlAge } from './sql.js';
import { ageBand, reviewType, workingAgeBand } from './lists/groupings.js';
import { holdMainTable, MainTable, mainRowOf } from './main-rows.js';
import { mainTableEvent } from './main-table-event.js';
import type { MainTableEvent } from './model.js';
import { periodEvents, traceRow, type PeriodEvents } from './period-events.js';
import type {
  CldPrepareInput,
  CldPrepareIssueCode,
  CldTraceEntry,
  PrepareClientLevelDataOptions,
  PreparedClientLevelDataResult,
} from './prepare-model.js';
import { radixOrder, textRanks } from './radix.js';
import { ranksBefore, uniqueEvents, type Candidate } from './unique-events.js';

const SEP = '\u0001';

/** The outcome of d.5–d.6 for each candidate: its unique-event number and the candidate kept for its partition. */
export interface Deduplicated {
  /** `n` of `Der_Unique_Event_Ref`. */
  readonly rank: ArrayLike<number>;
  /** The index of the candidate kept in its partition (itself when it is kept). */
  readonly winner: ArrayLike<number>;
  /** Services cropped (d.5 step 2). */
  readonly cropped: number;
}

/**
 * d.5 step 2, service cropping (joined tables only; never in the latest reference period):
 * an open service of an earlier reference period ends at that period's end unless the same
 * unique event (equal `uniqueEvent[i]`) is in the next period. Returns how many were cropped.
 */
export function cropServices(
  candidates: readonly Candidate[],
  uniqueEvent: ArrayLike<number | string>,
): number {
  if (candidates.length === 0) return 0;
  let latestEnd = candidates[0]!.refEnd;
  for (const c of candidates) if (c.refEnd > latestEnd) latestEnd = c.refEnd;
  const present = new Set<string>();
  for (let i = 0; i < candidates.length; i++)
    present.add(uniqueEvent[i]! + SEP + candidates[i]!.refStart);
  let cropped = 0;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (!c.isService || c.refEnd >= latestEnd) continue;
    if (c.derEnd !== null && c.derEnd <= c.refEnd) continue;
    if (!present.has(uniqueEvent[i]! + SEP + addDays(c.refEnd, 1))) {
      c.derEnd = c.refEnd;
      cropped++;
    }
  }
  return cropped;
}

/** d.5–d.6 on integer codes: unique events, cropping, and the first row of each partition in the d.6 order. */
function deduplicate(period: PeriodEvents): Deduplicated {
  const { candidates, joined } = period;
  const { rank, partition, partitions } = uniqueEvents(candidates, period.codes, joined);
  const cropped = joined ? cropServices(candidates, rank) : 0;
  const best = new Int32Array(partitions).fill(-1);
  for (let i = 0; i < candidates.length; i++) {
    const current = best[partition[i]!]!;
    if (current < 0 || ranksBefore(candidates[i]!, candidates[current]!, joined))
      best[partition[i]!] = i;
  }
  const winner = new Int32Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) winner[i] = best[partition[i]!]!;
  return { rank, winner, cropped };
}

/** The main table (d.5 step 3 ages and bands, d.6 cost fields), sorted; the merged rows traced. */
export function mainTable(
  period: PeriodEvents,
  { rank, winner, cropped }: Deduplicated,
  options: PrepareClientLevelDataOptions,
): PreparedClientLevelDataResult {
  const { candidates, joined, laCode, trace } = period;
  let merged = 0;
  const kept: MainTableEvent[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (winner[i] !== i) {
      merged++;
      const into = candidates[winner[i]!]!.event.row;
      traceRow(
        trace,
        c.event.row,
        'duplicate-event',
        `Row ${c.event.row} is the same event as row ${into}, which was kept (reference d.6).`,
        into,
      );
      continue;
    }
    const e = c.event;
    // d.5 step 3: age at the derived end, or at the reference-period end for an open service.
    const proxy = proxyBirthDate(e.Der_Birth_Year, e.Der_Birth_Month);
    const at = c.derEnd ?? c.refEnd;
    const age = proxy === null ? null : sqlAge(proxy, at);
    kept.push(
      mainTableEvent(
        e,
        {
          Ref_Period_Start_Date: c.refStart,
          Ref_Period_End_Date: c.refEnd,
          Der_Event_End_Date: c.derEnd,
          Der_NHS_LA_Combined_Person_ID: c.personId,
          Review_Type: reviewType(e.Event_Type, e.Review_Reason_Cleaned),
          Der_Latest_Age: age,
          Der_Age_Band: ageBand(age),
          Der_Working_Age_Band: workingAgeBand(age),
          Der_Unique_Event_Ref: `${laCode}_${rank[i]!}`,
        },
        laCode,
        joined,
      ),
    );
  }
  // By person, then start date (as text), then row: ranks of the distinct persons and
  // dates, one radix sort, then the few rows of equal person and date put in row order.
  const person = textRanks(kept.map((e) => e.Der_NHS_LA_Combined_Person_ID));
  const start = textRanks(kept.map((e) => e.Event_Start_Date!));
  const order = radixOrder([person.ranks, start.ranks], [person.count, start.count], kept.length);
  for (let j = 1; j < order.length; j++) {
    const i = order[j]!;
    let k = j;
    while (
      k > 0 &&
      person.ranks[order[k - 1]!] === person.ranks[i] &&
      start.ranks[order[k - 1]!] === start.ranks[i] &&
      kept[order[k - 1]!]!.row > kept[i]!.row
    ) {
      order[k] = order[k - 1]!;
      k--;
    }
    order[k] = i;
  }
  const sorted = Array.from(order, (i) => kept[i]!);
  trace.sort((a, b) => a.row - b.row);
  return holdMainTable(
    {
      laCode,
      periodStart: options.periodStart,
      periodEnd: options.periodEnd,
      events: sorted,
      mode: joined ? 'joined' : 'single',
      trace,
      summary: { ...period.counts, merged, cropped, events: sorted.length },
      submissions: period.submissions,
      warnings: period.warnings,
    },
    MainTable.of(sorted),
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
  return { success: true, data: mainTable(period.data, deduplicate(period.data), options) };
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
