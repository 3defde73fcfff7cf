// prepareClientLevelData: DHSC's main-table method for one council (reference d.1–d.6):
// submission selection, filtering to events in the period, derived fields, unique events,
// service cropping, ages and deduplication, with a trace of every row left out.
import type { ValidationIssue, ValidationResult } from '../errors/index.js';
import { proxyBirthDate } from './dates.js';
import { addDays, sqlAge } from './sql.js';
import { ageBand, reviewType, workingAgeBand } from './lists/groupings.js';
import { mainTableEvent } from './main-table-event.js';
import type { ClientLevelDataEvent, MainTableEvent } from './model.js';
import type {
  CldPrepareInput,
  CldPrepareIssueCode,
  CldTraceCode,
  CldTraceEntry,
  PrepareClientLevelDataOptions,
  PreparedClientLevelDataResult,
} from './prepare-model.js';
import { KeyCodes, uniqueEvents, type Candidate } from './unique-events.js';
import {
  DHSC_EXCLUDED_IMPORTS,
  deriveSubmissions,
  selectSubmissions,
  type CldSubmission,
} from './submissions.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SEP = '\u0001';
const OPEN_END = '9999-01-01';

/** d.6 sort order: true when `a` is kept before `b`. */
function ranksBefore(a: Candidate, b: Candidate, joined: boolean): boolean {
  if (joined && a.refEnd !== b.refEnd) return a.refEnd > b.refEnd; // 1. later file first
  const ae = a.derEnd ?? OPEN_END;
  const be = b.derEnd ?? OPEN_END;
  if (ae !== be) return ae > be; // 2. end descending, NULL as 9999-01-01
  const ah = a.event.Event_Outcome_Hierarchy ?? 999;
  const bh = b.event.Event_Outcome_Hierarchy ?? 999;
  if (ah !== bh) return ah < bh; // 3. hierarchy ascending, NULL as 999
  const ac = a.event.Der_Conversation;
  const bc = b.event.Der_Conversation;
  if (ac !== bc) {
    if (ac === null) return false; // 4. descending, NULL last (SQL Server)
    if (bc === null) return true;
    return ac > bc;
  }
  return a.event.Der_Unique_Record_ID > b.event.Der_Unique_Record_ID; // 5. record id descending
}

function fail(
  code: CldPrepareIssueCode,
  message: string,
): ValidationResult<never, CldPrepareIssueCode> {
  return { success: false, issues: [{ code, path: [], message }] };
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
  const { periodStart, periodEnd } = options;
  if (
    typeof periodStart !== 'string' ||
    typeof periodEnd !== 'string' ||
    !ISO_DATE.test(periodStart) ||
    !ISO_DATE.test(periodEnd)
  ) {
    throw new TypeError(
      'prepareClientLevelData: periodStart and periodEnd must be ISO dates (YYYY-MM-DD)',
    );
  }
  if (periodEnd < periodStart)
    return fail(
      'invalid-period',
      `The period ends (${periodEnd}) before it starts (${periodStart}).`,
    );
  const events = checked.events;
  const trace: CldTraceEntry[] = [];
  const drop = (
    row: number,
    code: CldTraceCode,
    message: string,
    mergedInto: number | null = null,
  ): void => {
    trace.push({ row, code, mergedInto, message });
  };
  for (const r of checked.account?.rejections ?? [])
    drop(r.row, 'rejected-by-check', `Rejected by the check (${r.code}): ${r.message}`);
  const rejectedByCheck = trace.length;

  // The council: one LA_Code, or the one asked for (every DHSC method partitions by LA).
  const laCodes = new Map<string, number>();
  for (const e of events)
    if (e.LA_Code !== null) laCodes.set(e.LA_Code, (laCodes.get(e.LA_Code) ?? 0) + 1);
  let laCode = options.laCode;
  if (laCode === undefined) {
    if (laCodes.size > 1) {
      const list = [...laCodes.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([code, n]) => `${code} (${n} rows)`)
        .join(', ');
      return fail(
        'multiple-la-codes',
        `The rows are from ${laCodes.size} councils: ${list}. Choose one with the laCode option.`,
      );
    }
    laCode = laCodes.keys().next().value;
    if (laCode === undefined)
      return fail('no-la-code', 'No row has an LA_Code; give the council with the laCode option.');
  }
  const codes = new KeyCodes();
  const laKey = codes.raw(laCode);
  let otherCouncil = 0;
  const council: ClientLevelDataEvent[] = [];
  for (const e of events) {
    if (e.LA_Code !== null && codes.raw(e.LA_Code) !== laKey) {
      otherCouncil++;
      drop(e.row, 'other-council', `Row ${e.row} is for council ${e.LA_Code}, not ${laCode}.`);
    } else council.push(e);
  }

  // d.1–d.2: submissions, when the rows carry several ImportDates.
  const mode = options.mode ?? 'single';
  const imports = new Set<string>();
  for (const e of council) if (e.ImportDate !== null) imports.add(e.ImportDate);
  const submissions: CldSubmission[] = [];
  const warnings: ValidationIssue<'reference-period-without-file'>[] = [];
  let refOf: (e: ClientLevelDataEvent) => { start: string; end: string } | undefined;
  const joined = imports.size > 1 && mode === 'joined';
  if (imports.size > 1) {
    const derived = deriveSubmissions(council);
    const { selected, unfilled } = selectSubmissions(derived, periodStart, periodEnd, {
      mode,
      basis: options.basis ?? 'derived',
      asOf: options.asOf ?? null,
      excludedImports: options.excludedImports ?? DHSC_EXCLUDED_IMPORTS,
    });
    for (const s of [...derived.values()].sort((a, b) => (a.importDate < b.importDate ? -1 : 1)))
      submissions.push({ ...s, referencePeriod: selected.get(s.importDate) ?? null });
    if (selected.size === 0) {
      return fail(
        'no-submission-for-period',
        `No file qualifies for ${periodStart}..${periodEnd}: a file qualifies when its ${options.basis ?? 'derived'} reporting period covers the period and it was loaded after the period end${options.asOf ? ` and on or before ${options.asOf}` : ''} (reference d.2). Files found: ${submissions.map((s) => `${s.importDate} (${s.derivedStart ?? '?'}..${s.derivedEnd ?? '?'})`).join(', ')}.`,
      );
    }
    for (const p of unfilled)
      warnings.push({
        code: 'reference-period-without-file',
        path: [],
        message: `No file qualifies for the reference period ${p.start}..${p.end}; its events are missing from the table.`,
      });
    refOf = (e) => (e.ImportDate === null ? undefined : selected.get(e.ImportDate));
  } else {
    const whole = { start: periodStart, end: periodEnd };
    refOf = () => whole;
  }

  // d.3: events in the period, with the end date corrected by the date of death.
  let submissionNotSelected = 0;
  let noEventType = 0;
  let notInPeriod = 0;
  let diedBeforePeriod = 0;
  const candidates: Candidate[] = [];
  for (const e of council) {
    const ref = refOf(e);
    if (ref === undefined) {
      submissionNotSelected++;
      drop(
        e.row,
        'submission-not-selected',
        `Row ${e.row} is in a file (ImportDate ${e.ImportDate ?? 'blank'}) not selected for the period (reference d.2).`,
      );
      continue;
    }
    const start = e.Event_Start_Date;
    const end = e.Event_End_Date;
    const death = e.Date_of_Death;
    // d.3 step 1 (SQL comparisons with NULL are false).
    const derEnd =
      death !== null &&
      start !== null &&
      ((end !== null && start <= death && death <= end) || (end === null && death > start))
        ? death
        : end;
    const isService = codes.typeTests(e.Event_Type).service; // LIKE '%service%' (case-insensitive; NULL → false)
    let keep: boolean;
    if (e.Event_Type === null) {
      noEventType++;
      drop(
        e.row,
        'no-event-type',
        `Row ${e.row} has no Event_Type: it passes neither the service nor the non-service test (reference d.3 step 3).`,
      );
      continue;
    }
    if (isService)
      keep = start !== null && start <= ref.end && (derEnd === null || derEnd >= ref.start); // d.3 step 3
    else
      keep =
        derEnd !== null &&
        derEnd >= ref.start &&
        derEnd <= ref.end &&
        start !== null &&
        start <= ref.end; // d.3 step 2
    if (!keep) {
      notInPeriod++;
      drop(
        e.row,
        'not-in-period',
        isService
          ? `Row ${e.row}: the service is not active in ${ref.start}..${ref.end} (reference d.3 step 3).`
          : `Row ${e.row}: the ${e.Event_Type_Cleaned.toLowerCase()} does not end in ${ref.start}..${ref.end}${derEnd === null ? ' (it has no end date)' : ''} (reference d.3 step 2).`,
      );
      continue;
    }
    // d.3 step 4: the death filter.
    if (death !== null && !(death >= ref.start && start !== null && death >= start)) {
      diedBeforePeriod++;
      drop(
        e.row,
        'died-before-period',
        `Row ${e.row}: the date of death ${death} is before the period start or the event start (reference d.3 step 4).`,
      );
      continue;
    }
    // d.4 step 2: the combined person id.
    const personId =
      e.Der_NHS_Number_Traced_Pseudo ??
      e.NHS_Number ??
      `${e.LA_Code ?? laCode}_${e.LA_Person_Unique_Identifier ?? ''}`;
    candidates.push({
      event: e,
      refStart: ref.start,
      refEnd: ref.end,
      derEnd,
      isService,
      personId,
    });
  }

  // d.5 step 1 and d.6: the unique events and the deduplication partitions (unique-events.ts).
  const { rank, partition, partitions } = uniqueEvents(candidates, codes, joined);

  // d.5 step 2: service cropping (joined tables only; never in the latest reference period).
  let cropped = 0;
  if (joined && candidates.length > 0) {
    let latestEnd = candidates[0]!.refEnd;
    for (const c of candidates) if (c.refEnd > latestEnd) latestEnd = c.refEnd;
    const present = new Set<string>();
    for (let i = 0; i < candidates.length; i++)
      present.add(rank[i]! + SEP + candidates[i]!.refStart);
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i]!;
      if (!c.isService || c.refEnd >= latestEnd) continue;
      if (c.derEnd !== null && c.derEnd <= c.refEnd) continue;
      if (!present.has(rank[i]! + SEP + addDays(c.refEnd, 1))) {
        c.derEnd = c.refEnd;
        cropped++;
      }
    }
  }

  // d.6: one row per partition (the first in the d.6 order); the rest merged into it.
  const best = new Int32Array(partitions).fill(-1);
  for (let i = 0; i < candidates.length; i++) {
    const current = best[partition[i]!]!;
    if (current < 0 || ranksBefore(candidates[i]!, candidates[current]!, joined))
      best[partition[i]!] = i;
  }
  let merged = 0;
  const kept: MainTableEvent[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const winner = best[partition[i]!]!;
    const c = candidates[i]!;
    if (winner !== i) {
      merged++;
      const into = candidates[winner]!.event.row;
      drop(
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
        joined, // d.6: cost fields are dropped in joined tables
      ),
    );
  }
  kept.sort((a, b) =>
    a.Der_NHS_LA_Combined_Person_ID < b.Der_NHS_LA_Combined_Person_ID
      ? -1
      : a.Der_NHS_LA_Combined_Person_ID > b.Der_NHS_LA_Combined_Person_ID
        ? 1
        : a.Event_Start_Date! < b.Event_Start_Date!
          ? -1
          : a.Event_Start_Date! > b.Event_Start_Date!
            ? 1
            : a.row - b.row,
  );
  trace.sort((a, b) => a.row - b.row);
  const rowsRead = checked.account?.read ?? events.length;
  return {
    success: true,
    data: {
      laCode,
      periodStart,
      periodEnd,
      events: kept,
      mode: joined ? 'joined' : 'single',
      trace,
      summary: {
        rowsRead,
        rejectedByCheck,
        otherCouncil,
        submissionNotSelected,
        noEventType,
        notInPeriod,
        diedBeforePeriod,
        merged,
        cropped,
        events: kept.length,
      },
      submissions,
      warnings,
    },
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
  const event = prepared.events.find((e) => e.row === row);
  return event === undefined ? undefined : { row, code: 'kept', event };
}
