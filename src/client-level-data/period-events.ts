// prepareClientLevelData's first phases (reference d.1–d.4): the council, the submissions
// selected for the period, and the events in the period with the end date corrected by the
// date of death and the combined person id, each left-out row traced with why. The unique
// events, cropping and deduplication (d.5–d.6) and the main table follow in prepare.ts.
import type { ValidationIssue, ValidationResult } from '../errors/index.js';
import { checkedEventsOf, type CheckedEvents } from './checked-events.js';
import type { ClientLevelDataEvent } from './model.js';
import type {
  CldPrepareInput,
  CldPrepareIssueCode,
  CldPrepareSummary,
  CldTraceCode,
  CldTraceEntry,
  PrepareClientLevelDataOptions,
} from './prepare-model.js';
import {
  DHSC_EXCLUDED_IMPORTS,
  deriveSubmissions,
  selectSubmissions,
  type CldSubmission,
} from './submissions.js';
import { KeyCodes, type Candidate } from './unique-events.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The events of one council in the period, and the account of every row left out so far. */
export interface PeriodEvents {
  readonly laCode: string;
  readonly joined: boolean;
  /** The checked events as columns; every candidate's event is one of its views. */
  readonly checked: CheckedEvents;
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
  /** The key codes of the run (the council's LA codes and event types already in). */
  readonly codes: KeyCodes;
}

function fail(
  code: CldPrepareIssueCode,
  message: string,
): ValidationResult<never, CldPrepareIssueCode> {
  return { success: false, issues: [{ code, path: [], message }] };
}

/** Adds a trace entry: the row, what happened, and the row it was merged into (if any). */
export function traceRow(
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
export function periodEvents(
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
  const held = checkedEventsOf(checked);
  const events = held.views();
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

  return {
    success: true,
    data: {
      laCode,
      joined,
      checked: held,
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
      codes,
    },
  };
}
