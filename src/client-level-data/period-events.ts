// prepareClientLevelData's first phases (reference d.1–d.4) on the check's columns: the
// council, the submissions selected for the period, and the events in the period
// (candidates) with the end date corrected by the date of death and the combined person id.
// Each row's fate is one byte; the trace entries (with their messages) are made from the
// columns only when `prepared.trace` is read (prepare-trace.ts). The unique events,
// cropping and deduplication (d.5–d.6) and the main table follow in prepare.ts. The
// object-per-event version is the oracle in test/client-level-data/support/reference-prepare.ts.
import type { ValidationIssue, ValidationResult } from '../errors/index.js';
import type { CldRejection } from './check-model.js';
import { checkedEventsOf, type CheckedEvents } from './checked-events.js';
import type {
  CldPrepareInput,
  CldPrepareIssueCode,
  CldPrepareSummary,
  PrepareClientLevelDataOptions,
} from './prepare-model.js';
import { textRanks } from './radix.js';
import { NO_DAY, dayOrNone } from './slots.js';
import {
  DHSC_EXCLUDED_IMPORTS,
  deriveSubmissions,
  selectSubmissions,
  type CldSubmission,
} from './submissions.js';
import { KeyCodes } from './unique-events.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What happened to a checked row (`fate`), in the order the phases decide it. */
export const FATE = {
  kept: 0,
  otherCouncil: 1,
  submissionNotSelected: 2,
  noEventType: 3,
  notInPeriod: 4,
  diedBeforePeriod: 5,
  duplicate: 6,
} as const;

/** A reference period: ISO dates and day numbers. */
interface RefPeriod {
  readonly start: string;
  readonly end: string;
  readonly startDay: number;
  readonly endDay: number;
}

/** The events of one council in the period (candidates, as columns), and every row's fate so far. */
export interface PeriodEvents {
  readonly laCode: string;
  readonly joined: boolean;
  /** The checked events as columns. */
  readonly checked: CheckedEvents;
  /** The rows the check rejected (they are not in `checked`). */
  readonly rejections: readonly CldRejection[];
  /** The reference periods; `refOf(i)` is checked row i's (index into `refs`), -1 when its file is not selected. */
  readonly refs: readonly RefPeriod[];
  readonly refOf: (i: number) => number;
  /** Per checked row: a `FATE` code (later phases mark the merged rows). */
  readonly fate: Uint8Array;
  /** Candidates (events in the period), in input order: the checked row, … */
  readonly event: Int32Array;
  /** … its reference period (index into `refs`), … */
  readonly ref: Uint16Array;
  /** … `Der_Event_End_Date` as a day number (`NO_DAY`: NULL; changed by service cropping, d.5 step 2), … */
  readonly derEnd: Int32Array;
  /** … `Event_Type LIKE '%service%'` on the raw type (d.3), … */
  readonly service: Uint8Array;
  /** … and its person (index into `personIds`). */
  readonly person: Int32Array;
  /** `Der_NHS_LA_Combined_Person_ID` of each person (d.4 step 2), in string order (`<`). */
  readonly personIds: readonly string[];
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
  /** The key codes of the run (the council's LA code and the event types already in). */
  readonly codes: KeyCodes;
}

function fail(
  code: CldPrepareIssueCode,
  message: string,
): ValidationResult<never, CldPrepareIssueCode> {
  return { success: false, issues: [{ code, path: [], message }] };
}

const refPeriod = (start: string, end: string): RefPeriod => ({
  start,
  end,
  startDay: dayOrNone(start),
  endDay: dayOrNone(end),
});

/**
 * d.3 step 1, `Der_Event_End_Date`: the date of death when it falls within the event (or
 * after the start of an open one), else the end date. Day numbers; SQL comparisons with
 * NULL are false.
 */
export function derivedEnd(start: number, end: number, death: number): number {
  return death !== NO_DAY &&
    start !== NO_DAY &&
    ((end !== NO_DAY && start <= death && death <= end) || (end === NO_DAY && death > start))
    ? death
    : end;
}

/**
 * d.3 steps 2–3: whether an event is in its reference period — a service active in it
 * (started by its end, not ended before its start), any other event ending in it and
 * started by its end. Day numbers.
 */
function inPeriod(isService: boolean, start: number, derEnd: number, ref: RefPeriod): boolean {
  if (isService)
    return start !== NO_DAY && start <= ref.endDay && (derEnd === NO_DAY || derEnd >= ref.startDay);
  return (
    derEnd !== NO_DAY &&
    derEnd >= ref.startDay &&
    derEnd <= ref.endDay &&
    start !== NO_DAY &&
    start <= ref.endDay
  );
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
  const c = held.columns;
  const n = held.length;
  const rejections = checked.account?.rejections ?? [];

  // The council: one LA_Code, or the one asked for (every DHSC method partitions by LA).
  const la = c.LA_Code.encode(n, (v) => v);
  const perCode = new Int32Array(la.values.length);
  for (let i = 0; i < n; i++) perCode[la.codes[i]!]!++;
  const laCodes = new Map<string, number>();
  la.values.forEach((v, code) => {
    if (v !== null && perCode[code]! > 0) laCodes.set(v, (laCodes.get(v) ?? 0) + perCode[code]!);
  });
  let laCode = options.laCode;
  if (laCode === undefined) {
    if (laCodes.size > 1) {
      const list = [...laCodes.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([code, count]) => `${code} (${count} rows)`)
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
  const otherLa = la.values.map((v) => v !== null && codes.raw(v) !== laKey);
  const fate = new Uint8Array(n);
  let otherCouncil = 0;
  for (let i = 0; i < n; i++)
    if (otherLa[la.codes[i]!]) {
      fate[i] = FATE.otherCouncil;
      otherCouncil++;
    }

  // d.1–d.2: submissions, when the rows carry several ImportDates.
  const mode = options.mode ?? 'single';
  const imports = c.ImportDate.encode(n, (v) => v);
  const seen = new Uint8Array(imports.values.length);
  for (let i = 0; i < n; i++) if (fate[i] === FATE.kept) seen[imports.codes[i]!] = 1;
  const importDates = new Set<string>();
  imports.values.forEach((v, code) => {
    if (v !== null && seen[code] === 1) importDates.add(v);
  });
  const submissions: CldSubmission[] = [];
  const warnings: ValidationIssue<'reference-period-without-file'>[] = [];
  const refs: RefPeriod[] = [];
  let refOfImport: Int32Array;
  const joined = importDates.size > 1 && mode === 'joined';
  if (importDates.size > 1) {
    const views = held.views();
    const derived = deriveSubmissions(views.filter((_, i) => fate[i] === FATE.kept));
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
    const refIndex = new Map<object, number>();
    refOfImport = Int32Array.from(imports.values, (v) => {
      const period = v === null ? undefined : selected.get(v);
      if (period === undefined) return -1;
      let r = refIndex.get(period);
      if (r === undefined) {
        r = refs.length;
        refs.push(refPeriod(period.start, period.end));
        refIndex.set(period, r);
      }
      return r;
    });
  } else {
    refs.push(refPeriod(periodStart, periodEnd));
    refOfImport = new Int32Array(imports.values.length);
  }
  const refOf = (i: number): number => refOfImport[imports.codes[i]!]!;

  // d.3: events in the period, with the end date corrected by the date of death.
  const start = c.Event_Start_Date.encode(n, dayOrNone);
  const end = c.Event_End_Date.encode(n, dayOrNone);
  const death = c.Date_of_Death.encode(n, dayOrNone);
  const type = c.Event_Type.encode(n, (v) => v);
  // LIKE '%service%' (case-insensitive; NULL → false)
  const typeIsService = type.values.map((v) => codes.typeTests(v).service);
  const pseudo = c.Der_NHS_Number_Traced_Pseudo;
  const nhs = c.NHS_Number;
  const lapid = c.LA_Person_Unique_Identifier;
  let submissionNotSelected = 0;
  let noEventType = 0;
  let notInPeriod = 0;
  let diedBeforePeriod = 0;
  const event = new Int32Array(n);
  const ref = new Uint16Array(n); // reference periods: one per selected file
  const derEnd = new Int32Array(n);
  const service = new Uint8Array(n);
  const ids = new Array<string>(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (fate[i] !== FATE.kept) continue;
    const r = refOf(i);
    if (r < 0) {
      submissionNotSelected++;
      fate[i] = FATE.submissionNotSelected;
      continue;
    }
    const startDay = start.values[start.codes[i]!]!;
    const deathDay = death.values[death.codes[i]!]!;
    const endDay = derivedEnd(startDay, end.values[end.codes[i]!]!, deathDay);
    const typeCode = type.codes[i]!;
    if (type.values[typeCode] === null) {
      noEventType++;
      fate[i] = FATE.noEventType;
      continue;
    }
    const isService = typeIsService[typeCode]!;
    const period = refs[r]!;
    if (!inPeriod(isService, startDay, endDay, period)) {
      notInPeriod++;
      fate[i] = FATE.notInPeriod;
      continue;
    }
    // d.3 step 4: the death filter.
    if (
      deathDay !== NO_DAY &&
      !(deathDay >= period.startDay && startDay !== NO_DAY && deathDay >= startDay)
    ) {
      diedBeforePeriod++;
      fate[i] = FATE.diedBeforePeriod;
      continue;
    }
    // d.4 step 2: the combined person id (people numbered below, from all the ids at once).
    ids[m] =
      pseudo.at(i) ?? nhs.at(i) ?? `${la.values[la.codes[i]!] ?? laCode}_${lapid.at(i) ?? ''}`;
    event[m] = i;
    ref[m] = r;
    derEnd[m] = endDay;
    service[m] = isService ? 1 : 0;
    m++;
  }
  ids.length = m;
  const people = textRanks(ids);

  return {
    success: true,
    data: {
      laCode,
      joined,
      checked: held,
      rejections,
      refs,
      refOf,
      fate,
      event: event.subarray(0, m),
      ref: ref.subarray(0, m),
      derEnd: derEnd.subarray(0, m),
      service: service.subarray(0, m),
      person: people.ranks,
      personIds: people.sorted,
      counts: {
        rowsRead: checked.account?.read ?? n,
        rejectedByCheck: rejections.length,
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
