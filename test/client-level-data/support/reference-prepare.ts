// The plain reference version of prepareClientLevelData (reference d.1–d.6), kept as the
// test oracle of the column version in src/client-level-data/ (period-events.ts,
// unique-events.ts, prepare.ts): one object per event and per candidate, each unique-event
// key and each partition one string (the collation keys of the identifying fields joined,
// NULL as U+0000), n of `Der_Unique_Event_Ref` the rank of the key among the sorted distinct
// keys, the main table as objects sorted by a comparator, the trace built as it goes.
// prepare.properties.test.ts compares the two on random collision-heavy files.
import type { ValidationIssue, ValidationResult } from '../../../src/errors/index.js';
import { proxyBirthDate } from '../../../src/client-level-data/dates.js';
import {
  ageBand,
  reviewType,
  workingAgeBand,
} from '../../../src/client-level-data/lists/groupings.js';
import { mainTableEvent } from '../../../src/client-level-data/main-table-event.js';
import type { ClientLevelDataEvent, MainTableEvent } from '../../../src/client-level-data/model.js';
import type {
  CldPrepareInput,
  CldPrepareIssueCode,
  CldPrepareSummary,
  CldTraceCode,
  CldTraceEntry,
  PrepareClientLevelDataOptions,
  PreparedClientLevelDataResult,
} from '../../../src/client-level-data/prepare-model.js';
import { addDays, sqlAge, sqlCollationKey } from '../../../src/client-level-data/sql.js';
import {
  DHSC_EXCLUDED_IMPORTS,
  deriveSubmissions,
  selectSubmissions,
  type CldSubmission,
} from '../../../src/client-level-data/submissions.js';
import { numeric2 } from '../../../src/client-level-data/unique-events.js';

const NULL_KEY = '\u0000';
const SEP = '\u0001';

/** A raw value's comparison key, NULL as U+0000. */
const key = (value: string | null): string => (value === null ? NULL_KEY : sqlCollationKey(value));

/** The d.6 cost text: `numeric(18,2)`, NULL → ''. */
const cost = (value: number | null): string => (value === null ? '' : numeric2(value));

/** An event in the period (reference d.3) with the values prepare derived for it. */
interface Candidate {
  /** The checked event. */
  readonly event: ClientLevelDataEvent;
  readonly refStart: string;
  readonly refEnd: string;
  /** `Der_Event_End_Date` (changed by service cropping, d.5 step 2). */
  derEnd: string | null;
  /** `Event_Type LIKE '%service%'` on the raw type (d.3). */
  readonly isService: boolean;
  /** `Der_NHS_LA_Combined_Person_ID` (d.4 step 2). */
  readonly personId: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The events of one council in the period, and the account of every row left out so far. */
interface PeriodEvents {
  readonly laCode: string;
  readonly joined: boolean;
  /** Events in the period, in input order. */
  readonly candidates: Candidate[];
  /** The rows left out so far; later phases add the merged ones. */
  readonly trace: CldTraceEntry[];
  readonly counts: Pick<
    CldPrepareSummary,
    | 'rowsRead'
    | 'rejectedByCheck'
    | 'otherCouncil'
    | 'submissionNotSelected'
    | 'noEventType'
    | 'notInPeriod'
    | 'diedBeforePeriod'
  >;
  readonly submissions: CldSubmission[];
  readonly warnings: ValidationIssue<'reference-period-without-file'>[];
}

function fail(
  code: CldPrepareIssueCode,
  message: string,
): ValidationResult<never, CldPrepareIssueCode> {
  return { success: false, issues: [{ code, path: [], message }] };
}

/** Adds a trace entry: the row, what happened, and the row it was merged into (if any). */
function traceRow(
  trace: CldTraceEntry[],
  row: number,
  code: CldTraceCode,
  message: string,
  mergedInto: number | null = null,
): void {
  trace.push({ row, code, mergedInto, message });
}

/**
 * Reference d.1–d.4 for {@link prepareClientLevelData}: the council, the submissions, the
 * events in the period. Throws `TypeError` when the period is not two ISO dates.
 */
function periodEvents(
  checked: CldPrepareInput,
  options: PrepareClientLevelDataOptions,
): ValidationResult<PeriodEvents, CldPrepareIssueCode> {
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
  const drop = (row: number, code: CldTraceCode, message: string): void =>
    traceRow(trace, row, code, message);
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
  const laKey = sqlCollationKey(laCode);
  let otherCouncil = 0;
  const council: ClientLevelDataEvent[] = [];
  for (const e of events) {
    if (e.LA_Code !== null && sqlCollationKey(e.LA_Code) !== laKey) {
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
    const isService = e.Event_Type !== null && key(e.Event_Type).includes('service'); // LIKE '%service%' (case-insensitive; NULL → false)
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

  return {
    success: true,
    data: {
      laCode,
      joined,
      candidates,
      trace,
      counts: {
        rowsRead: checked.account?.read ?? events.length,
        rejectedByCheck,
        otherCouncil,
        submissionNotSelected,
        noEventType,
        notInPeriod,
        diedBeforePeriod,
      },
      submissions,
      warnings,
    },
  };
}

/**
 * d.5 step 2, service cropping (joined tables only; never in the latest reference period):
 * an open service of an earlier reference period ends at that period's end unless the same
 * unique event (equal `uniqueEvent[i]`) is in the next period. Returns how many were cropped.
 */
function cropServices(
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

function deduplicate({ candidates, joined }: PeriodEvents) {
  // d.5 step 1: the identifying fields, raw values, by collation key; LIKE tests on the raw type.
  const uniqueKeys = candidates.map((c) => {
    const e = c.event;
    const typeKey = key(e.Event_Type);
    return [
      e.Event_Start_Date ?? NULL_KEY,
      c.isService ? NULL_KEY : (c.derEnd ?? NULL_KEY),
      key(e.Client_Type_Raw),
      key(c.personId),
      typeKey,
      typeKey.includes('request') ? key(e.Request_Route_of_Access) : NULL_KEY,
      typeKey.includes('assessment') ? key(e.Assessment_Type_Raw) : NULL_KEY,
      c.isService ? key(e.Service_Type_Raw) : NULL_KEY,
      c.isService ? key(e.Service_Component_Raw) : NULL_KEY,
    ].join(SEP);
  });
  const sorted = [...new Set(uniqueKeys)].sort();
  const rankOf = new Map(sorted.map((k, i) => [k, i + 1]));
  const rank = uniqueKeys.map((k) => rankOf.get(k)!);
  // d.5 step 2 (the library's, on the keys).
  const cropped = joined ? cropServices(candidates, uniqueKeys) : 0;
  // d.6: the partition, and its first row in the d.6 order.
  const partitions = candidates.map((c, i) => {
    const e = c.event;
    if (joined || !c.isService) return uniqueKeys[i]!;
    return [
      uniqueKeys[i]!,
      e.Delivery_Mechanism_Cleaned === null ? '' : key(e.Delivery_Mechanism_Cleaned),
      cost(e.Unit_Cost),
      e.Cost_Frequency_Unit_Type === null ? '' : key(e.Cost_Frequency_Unit_Type),
      cost(e.Planned_units_per_week),
    ].join(SEP);
  });
  const best = new Map<string, number>();
  candidates.forEach((c, i) => {
    const current = best.get(partitions[i]!);
    if (current === undefined || ranksBefore(c, candidates[current]!, joined))
      best.set(partitions[i]!, i);
  });
  const winner = partitions.map((p) => best.get(p)!);
  return { rank, winner, cropped };
}

/** DHSC's stand-in for a NULL (open) end date in the d.6 order. */
const OPEN_END = '9999-01-01';

/**
 * The d.6 order (`GetUniqueEvents`): true when `a` is kept before `b` in their partition —
 * 1. (joined tables) the later file first; 2. `Der_Event_End_Date` descending, NULL as
 * 9999-01-01; 3. `Event_Outcome_Hierarchy` ascending, NULL as 999; 4. `Der_Conversation`
 * descending, NULL last (SQL Server); 5. `Der_Unique_Record_ID` descending.
 */
function ranksBefore(a: Candidate, b: Candidate, joined: boolean): boolean {
  if (joined && a.refEnd !== b.refEnd) return a.refEnd > b.refEnd;
  const ae = a.derEnd ?? OPEN_END;
  const be = b.derEnd ?? OPEN_END;
  if (ae !== be) return ae > be;
  const ah = a.event.Event_Outcome_Hierarchy ?? 999;
  const bh = b.event.Event_Outcome_Hierarchy ?? 999;
  if (ah !== bh) return ah < bh;
  const ac = a.event.Der_Conversation;
  const bc = b.event.Der_Conversation;
  if (ac !== bc) {
    if (ac === null) return false;
    if (bc === null) return true;
    return ac > bc;
  }
  return a.event.Der_Unique_Record_ID > b.event.Der_Unique_Record_ID;
}

/** The main table (d.5 step 3 ages and bands, d.6 cost fields), sorted; the merged rows traced. */
function mainTable(
  period: PeriodEvents,
  {
    rank,
    winner,
    cropped,
  }: { rank: readonly number[]; winner: readonly number[]; cropped: number },
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
  // By person, then start date (as text), then row.
  const sorted = [...kept].sort((a, b) =>
    a.Der_NHS_LA_Combined_Person_ID !== b.Der_NHS_LA_Combined_Person_ID
      ? a.Der_NHS_LA_Combined_Person_ID < b.Der_NHS_LA_Combined_Person_ID
        ? -1
        : 1
      : a.Event_Start_Date !== b.Event_Start_Date
        ? a.Event_Start_Date! < b.Event_Start_Date!
          ? -1
          : 1
        : a.row - b.row,
  );
  trace.sort((a, b) => a.row - b.row);
  return {
    laCode,
    periodStart: options.periodStart,
    periodEnd: options.periodEnd,
    events: sorted,
    mode: joined ? 'joined' : 'single',
    trace,
    summary: { ...period.counts, merged, cropped, events: sorted.length },
    submissions: period.submissions,
    warnings: period.warnings,
  };
}

/** prepareClientLevelData with the plain string-key d.5–d.6. */
export function referencePrepareClientLevelData(
  checked: CldPrepareInput,
  options: PrepareClientLevelDataOptions,
): ValidationResult<PreparedClientLevelDataResult, CldPrepareIssueCode> {
  const period = periodEvents(checked, options);
  if (!period.success) return period;
  return { success: true, data: mainTable(period.data, deduplicate(period.data), options) };
}
