// TEST ORACLE: checkClientLevelData as it was before the events went into columns (one
// object per kept row), kept unchanged but for its import paths. check-columns.test.ts
// compares the library's check with it. Do not optimise it.
// checkClientLevelData: reads CLD rows (plain objects, as a CSV parser gives them), resolves
// the headings, cleans each value as DHSC's GetDerivedFields does (reference d.4 step 3),
// counts data quality per field in the shape of DHSC's DQ values (reference d.8), and
// accounts for every row. One pass, one object per kept row, lookups by table (no per-row
// closures or regular expressions).
import type { ValidationResult } from '../../../src/errors/index.js';
import {
  cldIssue,
  type CheckClientLevelDataOptions,
  type CheckedClientLevelData,
  type CldFieldQuality,
  type CldIssue,
  type CldIssueCode,
  type CldRejection,
} from '../../../src/client-level-data/check-model.js';
import {
  CLD_COLUMNS,
  LIST_FIELD_OF,
  type CldColumn,
  type CldColumnResolution,
} from '../../../src/client-level-data/columns.js';
import {
  cldDateReading,
  proxyBirthDate,
  type CldDateReading,
} from '../../../src/client-level-data/dates.js';
import { resolveClientLevelDataHeaders } from '../../../src/client-level-data/headers.js';
import { assertColumnMapping } from '../../../src/intake/headings.js';
import { unreadableReason } from '../../../src/internal/unreadable.js';
import { sqlAge } from '../../../src/client-level-data/sql.js';
import {
  cleanEventType,
  ethnicityGroup,
  eventOutcomeGroup,
  eventOutcomeHierarchy,
  serviceTypeGroup,
} from '../../../src/client-level-data/lists/groupings.js';
import {
  compileLookups,
  type CldValueResolution,
  type FieldLookup,
} from '../../../src/client-level-data/lists/lookup.js';
import type { ClientLevelDataEvent } from '../../../src/client-level-data/model.js';

// Column slots: a fixed index per CLD column, so a row's values sit in one reused array.
const SLOT: Readonly<Record<string, number>> = Object.fromEntries(
  CLD_COLUMNS.map((c, i) => [c.field, i]),
);
const s = (field: string): number => SLOT[field]!;
const LA_CODE = s('LA_Code'),
  LA_NAME = s('LA_Name'),
  RP_START = s('Reporting_Period_Start_Date'),
  RP_END = s('Reporting_Period_End_Date');
const _IMPORT = s('ImportDate'),
  RECORD_ID = s('Der_Unique_Record_ID'),
  PERSON = s('LA_Person_Unique_Identifier'),
  NHS = s('NHS_Number');
const TRACED = s('Der_NHS_Number_Traced_Pseudo'),
  DOB = s('Date_of_Birth'),
  BIRTH_YEAR = s('Der_Birth_Year'),
  BIRTH_MONTH = s('Der_Birth_Month');
const AGE_START = s('Der_Age_Event_Start_Date'),
  GENDER = s('Gender'),
  ETHNICITY = s('Ethnicity'),
  DEATH = s('Date_of_Death');
const CLIENT_TYPE = s('Client_Type'),
  PSR = s('Primary_Support_Reason'),
  ACCOMMODATION = s('Accommodation_Status'),
  EMPLOYMENT = s('Employment_Status');
const UNPAID_CARER = s('Has_Unpaid_Carer'),
  FUNDING = s('Client_Funding_Status'),
  EVENT_TYPE = s('Event_Type'),
  EVENT_REF = s('Event_Reference');
const START = s('Event_Start_Date'),
  END = s('Event_End_Date'),
  OUTCOME = s('Event_Outcome'),
  CONVERSATION = s('Der_Conversation'),
  CONVERSATION_1 = s('Der_Conversation_1');
const ROUTE = s('Request_Route_of_Access'),
  ASSESSMENT_TYPE = s('Assessment_Type'),
  ELIGIBLE = s('Eligible_Needs_Identified'),
  METHOD_ASSESSMENT = s('Method_of_Assessment');
const HOURS_CARING = s('Total_Hrs_Caring_per_week'),
  ADULTS_CARED = s('No_of_adults_being_cared_for'),
  ADULT_1 = s('Adult_1_Linked_Person_ID');
const ADULT_2 = s('Adult_2_Linked_Person_ID'),
  ADULT_3 = s('Adult_3_Linked_Person_ID'),
  SERVICE_TYPE = s('Service_Type'),
  COMPONENT = s('Service_Component');
const DELIVERY = s('Delivery_Mechanism'),
  CQC_ID = s('Provider_CQC_Location_ID'),
  UNIT_COST = s('Unit_Cost'),
  COST_FREQUENCY = s('Cost_Frequency_Unit_Type');
const PLANNED_UNITS = s('Planned_units_per_week'),
  REVIEW_REASON = s('Review_Reason'),
  REVIEW_OUTCOMES = s('Review_Outcomes_Achieved'),
  METHOD_REVIEW = s('Method_of_Review');

/** Text columns with many distinct values per file: not interned. */
const HIGH_CARDINALITY = new Set([
  PERSON,
  NHS,
  TRACED,
  EVENT_REF,
  ADULT_1,
  ADULT_2,
  ADULT_3,
  CQC_ID,
]);
const INTERN_LIMIT = 50_000;

// Event-type codes for "does this field apply" (reference b.4).
const T_REQUEST = 1,
  T_ASSESSMENT = 2,
  T_SERVICE = 4,
  T_REVIEW = 8,
  T_INVALID = 16;
const ALL_TYPES = 31;
const APPLIES: Readonly<Record<CldColumn['appliesTo'], number>> = {
  all: ALL_TYPES,
  Request: T_REQUEST,
  Assessment: T_ASSESSMENT,
  Service: T_SERVICE,
  Review: T_REVIEW,
  carer: ALL_TYPES,
};

interface PlanColumn {
  /** The heading as it appears in the file. */
  readonly heading: string;
  readonly slot: number;
  /** The CLD column it names. */
  readonly column: CldColumn;
  readonly lookup: FieldLookup | undefined;
  readonly applies: number;
  readonly intern: Map<string, string> | undefined;
  readonly dates: Map<string, string | null> | undefined;
  // DQ counters
  valid: number;
  blank: number;
  missing: number;
  invalid: number;
  release1: number;
  unlisted: number;
  spelling: number;
  notApplicable: number;
}

const SLOTS = CLD_COLUMNS.length;
const BLANK_RESOLUTION: CldValueResolution = { status: 'blank', cleaned: null, inferred: false };

function typeCode(cleaned: string): number {
  switch (cleaned) {
    case 'Request':
      return T_REQUEST;
    case 'Assessment':
      return T_ASSESSMENT;
    case 'Service':
      return T_SERVICE;
    case 'Review':
      return T_REVIEW;
    default:
      return T_INVALID;
  }
}

/** Text of a cell: `null` for absent or blank; surrounding white space removed (CSV artefacts). */
function cellText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
        ? String(value)
        : value instanceof Date
          ? Number.isNaN(value.getTime())
            ? 'Invalid Date'
            : value.toISOString()
          : String(value);
  const n = text.length;
  if (n === 0) return null;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(n - 1);
  if (first > 32 && last > 32) return text;
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** A whole number, or `undefined` when the text is not one (decimals like `3.0` count). */
function parseInteger(text: string): number | undefined {
  const n = Number(text);
  return Number.isInteger(n) ? n : undefined;
}

function parseDecimal(text: string): number | undefined {
  const n = Number(text.charCodeAt(0) === 163 ? text.slice(1) : text); // a leading £
  return Number.isFinite(n) ? n : undefined;
}

const _STATUS_CODE: Readonly<
  Record<'invalid' | 'release-1' | 'spelling' | 'unlisted', CldIssueCode>
> = {
  invalid: 'invalid-value',
  'release-1': 'release-1-value',
  spelling: 'value-spelling',
  unlisted: 'unlisted-value',
};

/** Nothing to check is never a success (a CSV file with only its header row gives no rows). */
const NO_ROWS: CldIssue = cldIssue(
  0,
  '',
  'no-rows',
  'error',
  'No rows were read: the input is empty (a CSV file with only its header row gives no rows), so there is nothing to check.',
);

/** The stateful checker: push rows one at a time, then read the result. */
class ClientLevelDataChecker {
  private readonly events: ClientLevelDataEvent[] = [];
  private readonly issues: CldIssue[] = [];
  private readonly issueCounts: Partial<Record<CldIssueCode, number>> = {};
  private readonly rejections: CldRejection[] = [];
  private readonly mappedRows: number[] = [];
  private readonly maxIssues: number;
  private readonly lookups: ReadonlyMap<string, FieldLookup>;
  private readonly dateReading: CldDateReading;
  private readonly text: (string | null)[] = new Array<string | null>(SLOTS).fill(null);
  private readonly resolutions: CldValueResolution[] = new Array<CldValueResolution>(SLOTS).fill(
    BLANK_RESOLUTION,
  );
  private plan: PlanColumn[] | undefined;
  private resolution: CldColumnResolution | undefined;
  private fatal: CldIssue[] | undefined;
  private read = 0;
  private omitted = 0;
  private hasNhsColumn = false;

  constructor(private readonly options: CheckClientLevelDataOptions) {
    const maxIssues = options.maxIssues ?? 1000;
    if (!Number.isInteger(maxIssues) || maxIssues < 0)
      throw new RangeError(`maxIssues must be a whole number ≥ 0; got ${String(maxIssues)}`);
    this.maxIssues = maxIssues;
    this.lookups = compileLookups(options.lists);
    this.dateReading = cldDateReading(options);
    assertColumnMapping(options.mapping);
  }

  private issue(
    row: number,
    field: string,
    code: CldIssueCode,
    severity: 'error' | 'warning',
    message: string,
  ): void {
    if (this.room(code)) this.record(row, field, code, severity, message);
  }

  /** Counts an issue; `true` when there is room to record it (so its message is only built then). */
  private room(code: CldIssueCode): boolean {
    this.issueCounts[code] = (this.issueCounts[code] ?? 0) + 1;
    if (this.issues.length >= this.maxIssues) {
      this.omitted++;
      return false;
    }
    return true;
  }

  private record(
    row: number,
    field: string,
    code: CldIssueCode,
    severity: 'error' | 'warning',
    message: string,
  ): void {
    this.issues.push(cldIssue(row, field, code, severity, message));
  }

  private reject(row: number, code: CldRejection['code'], field: string, message: string): void {
    this.rejections.push({ row, code, message });
    this.issue(row, field, code, 'error', message);
  }

  private start(headings: readonly string[]): void {
    const header = resolveClientLevelDataHeaders(headings, this.options);
    if (!header.success) {
      this.fatal = header.issues as CldIssue[]; // every header issue is a CldIssue (row 0)
      return;
    }
    const resolution = header.data.resolution;
    this.resolution = resolution;
    for (const w of header.data.warnings) if (this.room(w.code)) this.issues.push(w);
    this.plan = resolution.columns.map(({ heading, column }) => {
      const slot = SLOT[column.field]!;
      const listField = LIST_FIELD_OF[column.field] ?? column.field;
      return {
        heading,
        slot,
        column,
        lookup: this.lookups.get(listField),
        applies: APPLIES[column.appliesTo],
        intern:
          (column.kind === 'text' || column.kind === 'list') && !HIGH_CARDINALITY.has(slot)
            ? new Map<string, string>()
            : undefined,
        dates: column.kind === 'date' ? new Map<string, string | null>() : undefined,
        valid: 0,
        blank: 0,
        missing: 0,
        invalid: 0,
        release1: 0,
        unlisted: 0,
        spelling: 0,
        notApplicable: 0,
      };
    });
    this.hasNhsColumn = this.plan.some((p) => p.slot === NHS || p.slot === TRACED);
  }

  /** Reads one row; returns `false` once the headings proved unusable (stop reading). */
  push(row: unknown): boolean {
    if (this.fatal !== undefined) return false;
    const n = ++this.read;
    let read: 'cells' | 'blank' | 'not-an-object';
    try {
      read = this.readCells(n, row);
    } catch (error) {
      // A getter, Proxy trap or value conversion threw (or a revoked Proxy): the row is
      // rejected and counted, never an exception out of the check. (Its partial cells in
      // `text` are overwritten by the next row's readCells, which sets every planned slot.)
      this.reject(
        n,
        'unreadable-row',
        '',
        `Row ${n} could not be read (${unreadableReason(error)}); give rows as plain objects of text, as a CSV parser does.`,
      );
      return this.fatal === undefined;
    }
    if (this.fatal !== undefined) return false;
    if (read === 'not-an-object')
      this.reject(
        n,
        'not-an-object',
        '',
        `Row ${n} is not a record of named values (got ${row === null ? 'null' : Array.isArray(row) ? 'an array' : typeof row}).`,
      );
    else if (read === 'blank') this.reject(n, 'blank-row', '', `Row ${n} is blank.`);
    else this.checkRow(n);
    if (this.options.onProgress !== undefined && n % (this.options.progressEvery ?? 100_000) === 0)
      this.options.onProgress(n);
    return true;
  }

  /**
   * Everything that reads the row itself: its headings (first row) and its cells into
   * `text`. May throw on a hostile row (getter, Proxy, a value that cannot become text);
   * `push` rejects the row then. Counts nothing.
   */
  private readCells(n: number, row: unknown): 'cells' | 'blank' | 'not-an-object' {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      if (this.plan === undefined && n === 1) this.start([]);
      return 'not-an-object';
    }
    if (this.plan === undefined) {
      this.start(Object.keys(row));
      if (this.fatal !== undefined) return 'cells';
    }
    const cells = row as Readonly<Record<string, unknown>>;
    const plan = this.plan!;
    const text = this.text;
    let any = false;
    for (let i = 0; i < plan.length; i++) {
      const p = plan[i]!;
      let t = cellText(cells[p.heading]);
      if (t !== null) {
        any = true;
        if (p.intern !== undefined) {
          const known = p.intern.get(t);
          if (known !== undefined) t = known;
          else if (p.intern.size < INTERN_LIMIT) p.intern.set(t, t);
        }
      }
      text[p.slot] = t;
    }
    return any ? 'cells' : 'blank';
  }

  /** Checks the cells `readCells` put in `text`: cleaning, DQ counts, issues, the event. */
  private checkRow(n: number): void {
    const plan = this.plan!;
    const text = this.text;
    const res = this.resolutions;

    // Event type first: which fields apply depends on it (reference b.4).
    const eventTypeRaw = text[EVENT_TYPE]!;
    const eventTypeCleaned = cleanEventType(eventTypeRaw);
    const type = typeCode(eventTypeCleaned);
    const clientType = text[CLIENT_TYPE]!;
    const isCarer =
      clientType !== null &&
      clientType !== 'Service user' &&
      clientType.toLowerCase().includes('carer');

    let mapped = false;
    let rejected: CldRejection['code'] | undefined;
    let rejectField = '';
    let rejectMessage = '';
    let start: string | null = null;
    let end: string | null = null;
    let death: string | null = null;
    let dob: string | null = null;
    let rpStart: string | null = null;
    let rpEnd: string | null = null;
    let importDate: string | null = null;
    let recordId: number | null = null;
    let birthYear: number | null = null;
    let birthMonth: number | null = null;
    let ageAtStart: number | null = null;
    let conversation: number | null = null;
    let conversation1: number | null = null;
    let adultsCared: number | null = null;
    let unitCost: number | null = null;
    let plannedUnits: number | null = null;

    for (let i = 0; i < plan.length; i++) {
      const p = plan[i]!;
      const t = text[p.slot]!;
      const column = p.column;
      let applies = (p.applies & type) !== 0;
      if (column.appliesTo === 'carer') applies = isCarer;
      if (t === null) {
        res[p.slot] = BLANK_RESOLUTION;
        if (!applies) p.notApplicable++;
        else if (
          column.mandatory === true ||
          (column.mandatory === 'non-service' && type !== T_SERVICE)
        ) {
          p.missing++;
          if (p.slot !== START && p.slot !== PERSON && this.room('blank-mandatory'))
            this.record(
              n,
              column.field,
              'blank-mandatory',
              'error',
              `Row ${n}: ${column.field} is blank but mandatory for ${eventTypeRaw === null ? 'every event' : `a ${eventTypeCleaned.toLowerCase()}`}.`,
            );
        } else p.blank++;
        continue;
      }
      switch (column.kind) {
        case 'list':
        case 'text': {
          if (p.lookup === undefined) {
            if (applies) p.valid++;
            else p.notApplicable++;
            break;
          }
          const r = p.lookup.resolve(t);
          res[p.slot] = r;
          if (!applies) {
            p.notApplicable++;
            break;
          }
          switch (r.status) {
            case 'valid':
              p.valid++;
              break;
            case 'release-1':
              p.release1++;
              mapped = true;
              if (this.room('release-1-value'))
                this.record(
                  n,
                  column.field,
                  'release-1-value',
                  'warning',
                  `Row ${n}: ${column.field} '${t}' is a Release 1 value; mapped to '${r.cleaned}'${r.inferred ? ' (pairing inferred)' : ''}.`,
                );
              break;
            case 'spelling':
              p.spelling++;
              mapped = true;
              if (this.room('value-spelling'))
                this.record(
                  n,
                  column.field,
                  'value-spelling',
                  'warning',
                  `Row ${n}: ${column.field} '${t}' read as '${r.cleaned}' (punctuation or spacing differs from the list).`,
                );
              break;
            case 'unlisted':
              p.unlisted++;
              if (this.room('unlisted-value'))
                this.record(
                  n,
                  column.field,
                  'unlisted-value',
                  'warning',
                  `Row ${n}: ${column.field} '${t}' is not among the values we know; our list is partial, so it was kept. Pass the official list as the 'lists' option to check it.`,
                );
              break;
            case 'invalid':
              p.invalid++;
              if (this.room('invalid-value'))
                this.record(
                  n,
                  column.field,
                  'invalid-value',
                  'error',
                  `Row ${n}: ${column.field} '${t}' is not a value of its defined list; it becomes 'Invalid and not mapped'.`,
                );
              break;
            case 'blank':
              p.blank++;
              break;
          }
          break;
        }
        case 'date': {
          let d = p.dates!.get(t);
          if (d === undefined) {
            d = this.dateReading.date(t) ?? null;
            if (p.dates!.size < INTERN_LIMIT) p.dates!.set(t, d);
          }
          if (d === null) {
            p.invalid++;
            if (p.slot === START || p.slot === END) {
              rejected ??= 'invalid-date';
              rejectField = column.field;
              rejectMessage = `Row ${n}: ${column.field} '${t}' is not a date (${this.dateReading.expected}); the row cannot be placed in time and was rejected.`;
            } else if (this.room('invalid-date'))
              this.record(
                n,
                column.field,
                'invalid-date',
                'error',
                `Row ${n}: ${column.field} '${t}' is not a date (${this.dateReading.expected}); read as blank.`,
              );
            break;
          }
          if (applies) p.valid++;
          else p.notApplicable++;
          if (p.slot === START) start = d;
          else if (p.slot === END) end = d;
          else if (p.slot === DEATH) death = d;
          else if (p.slot === DOB) dob = d;
          else if (p.slot === RP_START) rpStart = d;
          else if (p.slot === RP_END) rpEnd = d;
          break;
        }
        case 'datetime': {
          const d = this.dateReading.dateTime(t);
          if (d === undefined) {
            p.invalid++;
            if (this.room('invalid-date'))
              this.record(
                n,
                column.field,
                'invalid-date',
                'error',
                `Row ${n}: ${column.field} '${t}' is not a date-time; read as blank.`,
              );
          } else {
            p.valid++;
            importDate = d;
          }
          break;
        }
        case 'integer':
        case 'decimal': {
          const v = column.kind === 'integer' ? parseInteger(t) : parseDecimal(t);
          if (v === undefined) {
            p.invalid++;
            if (this.room('invalid-number'))
              this.record(
                n,
                column.field,
                'invalid-number',
                'error',
                `Row ${n}: ${column.field} '${t}' is not a ${column.kind === 'integer' ? 'whole number' : 'number'}; read as blank.`,
              );
            break;
          }
          if (applies) p.valid++;
          else p.notApplicable++;
          switch (p.slot) {
            case RECORD_ID:
              recordId = v;
              break;
            case BIRTH_YEAR:
              birthYear = v;
              break;
            case BIRTH_MONTH:
              birthMonth = v;
              break;
            case AGE_START:
              ageAtStart = v;
              break;
            case CONVERSATION:
              conversation = v;
              break;
            case CONVERSATION_1:
              conversation1 = v;
              break;
            case ADULTS_CARED:
              adultsCared = v;
              break;
            case UNIT_COST:
              unitCost = v;
              break;
            case PLANNED_UNITS:
              plannedUnits = v;
              break;
          }
          break;
        }
      }
    }

    // Rejections (the methods cannot use the row at all).
    if (rejected === undefined && start === null) {
      rejected = 'missing-start-date';
      rejectField = 'Event_Start_Date';
      rejectMessage = `Row ${n}: Event_Start_Date is blank; every DHSC method requires it (reference d.3), so the row was rejected.`;
    }
    if (
      rejected === undefined &&
      text[PERSON] === null &&
      text[NHS] === null &&
      text[TRACED] === null
    ) {
      // Reference d.4 step 1: DHSC drops rows with no NHS number and no LA person id.
      rejected = 'no-person-identifier';
      rejectField = 'LA_Person_Unique_Identifier';
      rejectMessage = `Row ${n}: no LA_Person_Unique_Identifier and no NHS number; DHSC drops such rows (reference d.4 step 1).`;
    }
    if (rejected !== undefined) {
      this.reject(n, rejected, rejectField, rejectMessage);
      return;
    }
    if (this.hasNhsColumn && text[NHS] === null && text[TRACED] === null) {
      if (this.room('missing-nhs-number'))
        this.record(
          n,
          'NHS_Number',
          'missing-nhs-number',
          'warning',
          `Row ${n}: no NHS number; the person is identified by LA_Code + LA_Person_Unique_Identifier, so they cannot be linked to the same person's other records under an NHS number (reference d.4 step 2).`,
        );
    }
    if (end !== null && start !== null && end < start) {
      if (this.room('end-before-start'))
        this.record(
          n,
          'Event_End_Date',
          'end-before-start',
          'error',
          `Row ${n}: Event_End_Date ${end} is before Event_Start_Date ${start}; kept as DHSC's main table keeps it (reference d.3), but measures that need end ≥ start will leave it out.`,
        );
    }
    if (mapped) this.mappedRows.push(n);

    if (dob !== null && birthYear === null) {
      birthYear = Number(dob.slice(0, 4));
      birthMonth = Number(dob.slice(5, 7));
    }
    if (ageAtStart === null && start !== null) {
      const proxy = proxyBirthDate(birthYear, birthMonth);
      if (proxy !== null) ageAtStart = sqlAge(proxy, start);
    }

    const outcomeCleaned = res[OUTCOME]!.cleaned;
    const serviceCleaned = res[SERVICE_TYPE]!.cleaned;
    const ethnicityCleaned = res[ETHNICITY]!.cleaned;
    const reviewReason = text[REVIEW_REASON]!;
    this.events.push({
      row: n,
      LA_Code: text[LA_CODE] ?? this.options.laCode ?? null,
      LA_Name: text[LA_NAME]!,
      Reporting_Period_Start_Date: rpStart,
      Reporting_Period_End_Date: rpEnd,
      ImportDate: importDate,
      Der_Unique_Record_ID: recordId ?? n,
      LA_Person_Unique_Identifier: text[PERSON]!,
      NHS_Number: text[NHS]!,
      Der_NHS_Number_Traced_Pseudo: text[TRACED]!,
      Date_of_Birth: dob,
      Der_Birth_Year: birthYear,
      Der_Birth_Month: birthMonth,
      Der_Age_Event_Start_Date: ageAtStart,
      Date_of_Death: death,
      Gender_Raw: text[GENDER]!,
      Gender_Cleaned: res[GENDER]!.cleaned,
      Ethnicity_Raw: text[ETHNICITY]!,
      Ethnicity_Cleaned: ethnicityCleaned,
      Ethnicity_Grouped: ethnicityGroup(ethnicityCleaned),
      Client_Type_Raw: clientType!,
      Client_Type_Cleaned: res[CLIENT_TYPE]!.cleaned,
      Primary_Support_Reason_Raw: text[PSR]!,
      Primary_Support_Reason_Cleaned: res[PSR]!.cleaned,
      Accommodation_Status_Raw: text[ACCOMMODATION]!,
      Accommodation_Status_Cleaned: res[ACCOMMODATION]!.cleaned,
      Employment_Status_Raw: text[EMPLOYMENT]!,
      Employment_Status_Cleaned: res[EMPLOYMENT]!.cleaned,
      Has_Unpaid_Carer: text[UNPAID_CARER]!,
      Client_Funding_Status_Raw: text[FUNDING]!,
      Client_Funding_Status_Cleaned: res[FUNDING]!.cleaned,
      Event_Type: eventTypeRaw,
      Event_Type_Cleaned: eventTypeCleaned,
      Event_Reference: text[EVENT_REF]!,
      Event_Start_Date: start,
      Event_End_Date: end,
      Event_Outcome_Raw: text[OUTCOME]!,
      Event_Outcome_Cleaned: outcomeCleaned,
      Event_Outcome_Grouped: eventOutcomeGroup(outcomeCleaned),
      Event_Outcome_Hierarchy: eventOutcomeHierarchy(outcomeCleaned),
      Der_Conversation: conversation,
      Der_Conversation_1: conversation1,
      Request_Route_of_Access: text[ROUTE]!,
      Assessment_Type_Raw: text[ASSESSMENT_TYPE]!,
      Assessment_Type_Cleaned: res[ASSESSMENT_TYPE]!.cleaned,
      Eligible_Needs_Identified: text[ELIGIBLE]!,
      Method_of_Assessment: text[METHOD_ASSESSMENT]!,
      Total_Hrs_Caring_per_week: text[HOURS_CARING]!,
      No_of_adults_being_cared_for: adultsCared,
      Adult_1_Linked_Person_ID: text[ADULT_1]!,
      Adult_2_Linked_Person_ID: text[ADULT_2]!,
      Adult_3_Linked_Person_ID: text[ADULT_3]!,
      Service_Type_Raw: text[SERVICE_TYPE]!,
      Service_Type_Cleaned: serviceCleaned,
      Service_Type_Grouped: serviceTypeGroup(serviceCleaned),
      Service_Component_Raw: text[COMPONENT]!,
      Service_Component_Cleaned: res[COMPONENT]!.cleaned,
      Delivery_Mechanism_Raw: text[DELIVERY]!,
      Delivery_Mechanism_Cleaned: res[DELIVERY]!.cleaned,
      Provider_CQC_Location_ID: text[CQC_ID]!,
      Unit_Cost: unitCost,
      Cost_Frequency_Unit_Type: text[COST_FREQUENCY]!,
      Planned_units_per_week: plannedUnits,
      Review_Reason_Raw: reviewReason,
      Review_Reason_Cleaned:
        res[REVIEW_REASON]!.status === 'blank' ? reviewReason : res[REVIEW_REASON]!.cleaned,
      Review_Outcomes_Achieved: text[REVIEW_OUTCOMES]!,
      Method_of_Review: text[METHOD_REVIEW]!,
    });
  }

  result(): ValidationResult<CheckedClientLevelData, CldIssueCode> {
    if (this.read === 0) return { success: false, issues: [NO_ROWS] };
    if (this.fatal !== undefined) return { success: false, issues: this.fatal };
    // Rows were read but none could be (each rejected as unreadable): no headings to check.
    if (this.plan === undefined) {
      const issues = this.rejections
        .slice(0, 1)
        .map((r) => cldIssue(r.row, '', r.code, 'error', r.message));
      return { success: false, issues: this.issues.length > 0 ? this.issues : issues };
    }
    const plan = this.plan!;
    const quality: CldFieldQuality[] = plan
      .filter((p) => p.column.carried)
      .sort((a, b) => a.slot - b.slot)
      .map((p) => ({
        field: p.column.field,
        module: p.column.module,
        valid: p.valid,
        blank: p.blank,
        missing: p.missing,
        invalid: p.invalid,
        release1: p.release1,
        unlisted: p.unlisted,
        spelling: p.spelling,
        notApplicable: p.notApplicable,
      }));
    const rejected = this.rejections.length;
    const keptWithMapping = this.mappedRows.length;
    return {
      success: true,
      data: {
        events: this.events,
        layout: this.resolution!.layout,
        columns: {
          recognised: plan.map((p) => ({ heading: p.heading, field: p.column.field })),
          unknown: this.resolution!.unknown,
          notCarried: plan.filter((p) => !p.column.carried).map((p) => p.heading),
        },
        quality,
        issues: this.issues,
        issuesOmitted: this.omitted,
        issueCounts: this.issueCounts,
        account: {
          read: this.read,
          kept: this.read - rejected - keptWithMapping,
          keptWithMapping,
          rejected,
          mappedRows: this.mappedRows,
          rejections: this.rejections,
        },
      },
    };
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
  );
}

/**
 * Checks Client Level Data rows — plain objects keyed by column heading, as a CSV parser
 * gives them — and cleans them to Release 2 events. Headings may be the database names
 * (`Event_Start_Date`) or the submission file's (`Event Start Date`), in any case. Returns
 * the cleaned events, a data-quality report per field (DHSC's DQ validity counts), issues
 * by row and field (capped by `maxIssues`, the rest counted), and an account of every row:
 * kept, kept with a Release 1 → Release 2 mapping, or rejected with its reason. A file
 * without a required column (event type, start and end dates, client type, a person
 * identifier) gives `success: false` with an issue naming the column and the headings
 * found. Never throws on data; never changes its input. Given an async iterable (a CSV
 * stream), it returns a promise.
 *
 * @example
 * ```ts
 * import { checkClientLevelData } from 'la-assurance/client-level-data';
 *
 * const result = checkClientLevelData([
 *   { 'LA Code': 'X01', 'LA Person Unique Identifier': 'P1', 'Event Type': 'Service', 'Client Type': 'Service User',
 *     'Event Start Date': '2024-05-01', 'Event End Date': '', 'Service Type': 'Long Term Support: Community' },
 * ]);
 * if (result.success) {
 *   result.data.events[0]?.Service_Type_Cleaned; // 'Long term support: Community' (Release 1, mapped)
 *   result.data.account; // { read: 1, kept: 0, keptWithMapping: 1, rejected: 0, … }
 * }
 * ```
 */
export function checkClientLevelData(
  rows: Iterable<unknown>,
  options?: CheckClientLevelDataOptions,
): ValidationResult<CheckedClientLevelData, CldIssueCode>;
export function checkClientLevelData(
  rows: AsyncIterable<unknown>,
  options?: CheckClientLevelDataOptions,
): Promise<ValidationResult<CheckedClientLevelData, CldIssueCode>>;
export function checkClientLevelData(
  rows: Iterable<unknown> | AsyncIterable<unknown>,
  options: CheckClientLevelDataOptions = {},
):
  | ValidationResult<CheckedClientLevelData, CldIssueCode>
  | Promise<ValidationResult<CheckedClientLevelData, CldIssueCode>> {
  const checker = new ClientLevelDataChecker(options);
  if (isAsyncIterable(rows)) {
    return (async () => {
      for await (const row of rows) if (!checker.push(row)) break;
      return checker.result();
    })();
  }
  if (
    typeof rows !== 'object' ||
    rows === null ||
    typeof (rows as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function'
  ) {
    throw new TypeError(
      'checkClientLevelData: rows must be an iterable or async iterable of row objects',
    );
  }
  if (Array.isArray(rows)) {
    for (let i = 0; i < rows.length; i++) if (!checker.push(rows[i])) break;
  } else for (const row of rows) if (!checker.push(row)) break;
  return checker.result();
}
