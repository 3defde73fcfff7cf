// The plain reference version of prepareClientLevelData (DHSC's main-table method,
// reference d.1–d.6), kept as the test oracle of the fast version in
// src/client-level-data/prepare.ts: it builds each unique-event key and partition as one
// joined string (collation keys, NULL as U+0000) and ranks the sorted distinct keys, as the
// method reads. prepare.properties.test.ts checks the two agree on random files.
import type { ValidationIssue, ValidationResult } from '../../../src/errors/index.js';
import { proxyBirthDate } from '../../../src/client-level-data/dates.js';
import { addDays, sqlAge, sqlCollationKey } from '../../../src/client-level-data/sql.js';
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
  CldTraceCode,
  CldTraceEntry,
  PrepareClientLevelDataOptions,
  PreparedClientLevelDataResult,
} from '../../../src/client-level-data/prepare-model.js';
import {
  DHSC_EXCLUDED_IMPORTS,
  deriveSubmissions,
  selectSubmissions,
  type CldSubmission,
} from '../../../src/client-level-data/submissions.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NULL_KEY = '\u0000';
const SEP = '\u0001';
const OPEN_END = '9999-01-01';

/** Collation keys of the few distinct values of the coded fields, computed once each. */
class KeyCache {
  private readonly keys = new Map<string, string>();
  key(value: string | null): string {
    if (value === null) return NULL_KEY;
    let k = this.keys.get(value);
    if (k === undefined) {
      k = sqlCollationKey(value);
      if (this.keys.size < 100_000) this.keys.set(value, k);
    }
    return k;
  }
  private readonly contains = new Map<string, boolean>();
  /** `key.includes(word)` for a collation key of a coded field (few distinct), remembered. */
  includes(k: string, word: 'request' | 'assessment'): boolean {
    const cacheKey = word === 'request' ? k : SEP + k;
    let r = this.contains.get(cacheKey);
    if (r === undefined) {
      r = k.includes(word);
      if (this.contains.size < 100_000) this.contains.set(cacheKey, r);
    }
    return r;
  }
  private readonly decimals = new Map<number, string>();
  /** {@link numeric2}, remembered per distinct value (costs and units repeat). */
  numeric2(value: number | null): string {
    if (value === null) return '';
    let t = this.decimals.get(value);
    if (t === undefined) {
      t = numeric2(value);
      if (this.decimals.size < 100_000) this.decimals.set(value, t);
    }
    return t;
  }
}

function key(value: string | null): string {
  return value === null ? NULL_KEY : sqlCollationKey(value);
}

/** `CAST(x AS numeric(18,2))` as text: rounded half away from zero to 2 decimals; NULL → '' (reference d.6). */
function numeric2(value: number | null): string {
  if (value === null) return '';
  const scaled = Number((Math.abs(value) * 100).toPrecision(15));
  return ((Math.sign(value) * Math.round(scaled)) / 100).toFixed(2);
}

interface Candidate {
  /** The main-table event. */
  readonly event: ClientLevelDataEvent;
  readonly refStart: string;
  readonly refEnd: string;
  derEnd: string | null;
  readonly isService: boolean;
  /** Collation key of the raw `Event_Type`. */
  readonly typeKey: string;
  readonly personId: string;
  uniqueKey: string;
}

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

export function referencePrepareClientLevelData(
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
  const codes = new Map<string, number>();
  for (const e of events)
    if (e.LA_Code !== null) codes.set(e.LA_Code, (codes.get(e.LA_Code) ?? 0) + 1);
  let laCode = options.laCode;
  if (laCode === undefined) {
    if (codes.size > 1) {
      const list = [...codes.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([code, n]) => `${code} (${n} rows)`)
        .join(', ');
      return fail(
        'multiple-la-codes',
        `The rows are from ${codes.size} councils: ${list}. Choose one with the laCode option.`,
      );
    }
    laCode = codes.keys().next().value;
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
  const keys = new KeyCache();
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
    const typeKey = e.Event_Type === null ? '' : keys.key(e.Event_Type);
    const isService = typeKey.includes('service'); // LIKE '%service%' (case-insensitive; NULL → false)
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
      typeKey,
      personId,
      uniqueKey: '',
    });
  }

  // d.5 step 1: the unique event key over the identifying fields (raw values; collation keys).
  for (const c of candidates) {
    const e = c.event;
    // LIKE '%request%' / '%assessment%' on the raw type (case-insensitive).
    // Joined in one step: a flat string (concatenation would keep a rope of cons cells per key).
    c.uniqueKey = [
      e.Event_Start_Date ?? NULL_KEY,
      c.isService ? NULL_KEY : (c.derEnd ?? NULL_KEY),
      keys.key(e.Client_Type_Raw),
      key(c.personId),
      c.typeKey,
      keys.includes(c.typeKey, 'request') ? keys.key(e.Request_Route_of_Access) : NULL_KEY,
      keys.includes(c.typeKey, 'assessment') ? keys.key(e.Assessment_Type_Raw) : NULL_KEY,
      c.isService ? keys.key(e.Service_Type_Raw) : NULL_KEY,
      c.isService ? keys.key(e.Service_Component_Raw) : NULL_KEY,
    ].join(SEP);
  }
  // The number n of `LA_Code + '_' + n`: a dense rank over the sorted distinct keys (SQL Server's order differs; only equality matters).
  const distinct = new Set<string>();
  for (const c of candidates) distinct.add(c.uniqueKey);
  const distinctKeys = Array.from(distinct).sort();
  distinct.clear();
  const rankOf = new Map<string, number>();
  for (let i = 0; i < distinctKeys.length; i++) rankOf.set(distinctKeys[i]!, i + 1);

  // d.5 step 2: service cropping (joined tables only; never in the latest reference period).
  let cropped = 0;
  if (joined && candidates.length > 0) {
    let latestEnd = candidates[0]!.refEnd;
    for (const c of candidates) if (c.refEnd > latestEnd) latestEnd = c.refEnd;
    const present = new Set<string>();
    for (const c of candidates) present.add(c.uniqueKey + SEP + c.refStart);
    for (const c of candidates) {
      if (!c.isService || c.refEnd >= latestEnd) continue;
      if (c.derEnd !== null && c.derEnd <= c.refEnd) continue;
      if (!present.has(c.uniqueKey + SEP + addDays(c.refEnd, 1))) {
        c.derEnd = c.refEnd;
        cropped++;
      }
    }
  }

  // d.6: one row per partition; the rest merged into it.
  const partitionOf = new Array<string>(candidates.length);
  const best = new Map<string, number>();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const e = c.event;
    const partition =
      joined || !c.isService
        ? c.uniqueKey
        : [
            c.uniqueKey,
            e.Delivery_Mechanism_Cleaned === null ? '' : keys.key(e.Delivery_Mechanism_Cleaned),
            keys.numeric2(e.Unit_Cost),
            e.Cost_Frequency_Unit_Type === null ? '' : keys.key(e.Cost_Frequency_Unit_Type),
            keys.numeric2(e.Planned_units_per_week),
          ].join(SEP);
    partitionOf[i] = partition;
    const current = best.get(partition);
    if (current === undefined || ranksBefore(c, candidates[current]!, joined))
      best.set(partition, i);
  }
  let merged = 0;
  const kept: MainTableEvent[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const winner = best.get(partitionOf[i]!)!;
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
          Der_Unique_Event_Ref: `${laCode}_${rankOf.get(c.uniqueKey)!}`,
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
