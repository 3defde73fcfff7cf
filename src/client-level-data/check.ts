// checkClientLevelData: reads CLD rows (plain objects, as a CSV parser gives them), resolves
// the headings, cleans each value as DHSC's GetDerivedFields does (reference d.4 step 3),
// counts data quality per field in the shape of DHSC's DQ values (reference d.8), and
// accounts for every row. One pass; the kept rows go into columns (checked-events.ts), each
// list value and date read once per distinct text of its column; no per-row closures or
// regular expressions.
// The same check with one object per kept row is the test oracle
// (test/client-level-data/support/reference-check.ts).
import type { ValidationResult } from '../errors/index.js';
import {
  cldIssue,
  type CheckClientLevelDataOptions,
  type CheckedClientLevelData,
  type CldFieldQuality,
  type CldIssue,
  type CldIssueCode,
  type CldRejection,
} from './check-model.js';
import { CLD_COLUMNS, LIST_FIELD_OF, type CldColumn, type CldColumnResolution } from './columns.js';
import { cldDateReading, proxyBirthDay, type CldDateReading } from './dates.js';
import { resolveClientLevelDataHeaders } from './headers.js';
import { assertColumnMapping } from '../intake/headings.js';
import { unreadableReason } from '../internal/unreadable.js';
import { dayNumber, sqlAgeFromDays } from './sql.js';
import {
  CHECKED_NUMBER_FIELDS,
  CheckedEvents,
  checkedColumns,
  holdCheckedEvents,
  type CheckedNumberField,
} from './checked-events.js';
import { NumberColumnBuilder, TextColumnBuilder } from './event-store.js';
import { cleanEventType } from './lists/groupings.js';
import { compileLookups, type CldValueResolution, type FieldLookup } from './lists/lookup.js';

// Column slots: a fixed index per CLD column, so a row's values sit in one reused array.
const SLOT: Readonly<Record<string, number>> = Object.fromEntries(
  CLD_COLUMNS.map((c, i) => [c.field, i]),
);
const s = (field: string): number => SLOT[field]!;
const RECORD_ID = s('Der_Unique_Record_ID');
const PERSON = s('LA_Person_Unique_Identifier');
const NHS = s('NHS_Number');
const TRACED = s('Der_NHS_Number_Traced_Pseudo');
const DOB = s('Date_of_Birth');
const BIRTH_YEAR = s('Der_Birth_Year');
const BIRTH_MONTH = s('Der_Birth_Month');
const AGE_START = s('Der_Age_Event_Start_Date');
const CLIENT_TYPE = s('Client_Type');
const EVENT_TYPE = s('Event_Type');
const EVENT_REF = s('Event_Reference');
const START = s('Event_Start_Date');
const END = s('Event_End_Date');
const CONVERSATION = s('Der_Conversation');
const CONVERSATION_1 = s('Der_Conversation_1');
const ADULTS_CARED = s('No_of_adults_being_cared_for');
const ADULT_1 = s('Adult_1_Linked_Person_ID');
const ADULT_2 = s('Adult_2_Linked_Person_ID');
const ADULT_3 = s('Adult_3_Linked_Person_ID');
const CQC_ID = s('Provider_CQC_Location_ID');
const UNIT_COST = s('Unit_Cost');
const PLANNED_UNITS = s('Planned_units_per_week');

/** Text columns with many distinct values per file: kept as texts, not coded. */
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
  /** Its position in the `headings` option (rows given as arrays); the last of equal headings, as in a row object. */
  readonly index: number;
  readonly slot: number;
  /** The CLD column it names. */
  readonly column: CldColumn;
  readonly lookup: FieldLookup | undefined;
  readonly applies: number;
  /** The carried text, list and date columns: the kept rows' texts, coded. */
  readonly texts: TextColumnBuilder | undefined;
  /** Per code: the value's resolution against its list, once. */
  readonly resolved: (CldValueResolution | undefined)[];
  /** Per code: the date read (`null`: not a date), once. */
  readonly dates: (DateRead | null | undefined)[];
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

/** A date cell as the check uses it, read once per distinct text of a column. */
interface DateRead {
  /** `YYYY-MM-DD`. */
  readonly iso: string;
  /** Its day number (sql.ts `dayNumber`). */
  readonly day: number;
  readonly year: number;
  readonly month: number;
}

/** The date in `text` (`null`: not a date). */
function readDate(reading: CldDateReading, text: string): DateRead | null {
  const iso = reading.date(text);
  if (iso === undefined) return null;
  return {
    iso,
    day: dayNumber(iso),
    year: Number(iso.slice(0, 4)),
    month: Number(iso.slice(5, 7)),
  };
}

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
  return trimmedText(
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
        ? String(value)
        : value instanceof Date
          ? Number.isNaN(value.getTime())
            ? 'Invalid Date'
            : value.toISOString()
          : String(value),
  );
}

/** {@link cellText} of a text. */
function trimmedText(text: string): string | null {
  const n = text.length;
  if (n === 0) return null;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(n - 1);
  if (first > 32 && last > 32) return text;
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** The keys a row object with these headings would have (equal headings once; `Object.keys` order). */
function keysOf(headings: readonly string[]): string[] {
  return Object.keys(Object.fromEntries(headings.map((h) => [h, ''])));
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
  private kept = 0;
  private readonly numbers: Record<CheckedNumberField, NumberColumnBuilder>;
  private readonly issues: CldIssue[] = [];
  private readonly issueCounts: Partial<Record<CldIssueCode, number>> = {};
  private readonly rejections: CldRejection[] = [];
  private readonly mappedRows: number[] = [];
  private readonly maxIssues: number;
  private readonly lookups: ReadonlyMap<string, FieldLookup>;
  private readonly dateReading: CldDateReading;
  private readonly text: (string | null)[] = new Array<string | null>(SLOTS).fill(null);
  /** The current row's code per slot (0: blank, -1: a column kept as texts; see TextColumnBuilder). */
  private readonly codes = new Int32Array(SLOTS);
  private plan: PlanColumn[] | undefined;
  private resolution: CldColumnResolution | undefined;
  private fatal: CldIssue[] | undefined;
  private read = 0;
  private omitted = 0;
  private hasNhsColumn = false;

  /**
   * @param capacity - rows expected (an array's length): the columns are made that long at
   *   once instead of growing by doubling.
   */
  constructor(
    private readonly options: CheckClientLevelDataOptions,
    private readonly capacity = 1024,
  ) {
    this.numbers = Object.fromEntries(
      CHECKED_NUMBER_FIELDS.map((f) => [
        f,
        // Row numbers, and record ids where the file has none: 1, 2, 3… until a row is rejected.
        new NumberColumnBuilder(capacity, f === 'row' || f === 'Der_Unique_Record_ID'),
      ]),
    ) as Record<CheckedNumberField, NumberColumnBuilder>;
    const maxIssues = options.maxIssues ?? 1000;
    if (!Number.isInteger(maxIssues) || maxIssues < 0)
      throw new RangeError(`maxIssues must be a whole number ≥ 0; got ${String(maxIssues)}`);
    this.maxIssues = maxIssues;
    this.lookups = compileLookups(options.lists);
    this.dateReading = cldDateReading(options);
    assertColumnMapping(options.mapping);
    const headings: unknown = options.headings;
    if (
      headings !== undefined &&
      (!Array.isArray(headings) || headings.some((h) => typeof h !== 'string'))
    )
      throw new TypeError("headings must be an array of heading strings (the file's header row)");
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
        index: this.options.headings?.lastIndexOf(heading) ?? -1,
        slot,
        column,
        lookup: this.lookups.get(listField),
        applies: APPLIES[column.appliesTo],
        texts:
          column.carried &&
          (column.kind === 'text' ||
            column.kind === 'list' ||
            column.kind === 'date' ||
            column.kind === 'datetime')
            ? new TextColumnBuilder(!HIGH_CARDINALITY.has(slot), undefined, this.capacity)
            : undefined,
        resolved: [],
        dates: [],
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
    const headings = this.options.headings;
    const byIndex = Array.isArray(row) && headings !== undefined;
    if (typeof row !== 'object' || row === null || (Array.isArray(row) && !byIndex)) {
      if (this.plan === undefined && n === 1)
        this.start(headings === undefined ? [] : keysOf(headings));
      return 'not-an-object';
    }
    if (this.plan === undefined) {
      this.start(headings === undefined ? Object.keys(row) : keysOf(headings));
      if (this.fatal !== undefined) return 'cells';
    }
    const cells = row as Readonly<Record<string, unknown>> & readonly unknown[];
    const plan = this.plan!;
    const text = this.text;
    const codes = this.codes;
    let any = false;
    for (let i = 0; i < plan.length; i++) {
      const p = plan[i]!;
      const value = byIndex ? cells[p.index] : cells[p.heading];
      const t = typeof value === 'string' ? trimmedText(value) : cellText(value);
      let code = 0;
      if (t !== null) {
        any = true;
        code = p.texts !== undefined ? p.texts.code(t) : -1;
      }
      text[p.slot] = t;
      codes[p.slot] = code;
    }
    return any ? 'cells' : 'blank';
  }

  /** Checks the cells `readCells` put in `text`: cleaning, DQ counts, issues, the event. */
  private checkRow(n: number): void {
    const plan = this.plan!;
    const text = this.text;
    const codes = this.codes;

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
    let start: DateRead | null = null;
    let end: DateRead | null = null;
    let dob: DateRead | null = null;
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
          const code = codes[p.slot]!;
          let r = code > 0 ? p.resolved[code] : undefined;
          if (r === undefined) {
            r = p.lookup.resolve(t);
            if (code > 0) p.resolved[code] = r;
          }
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
          const code = codes[p.slot]!;
          let d = code > 0 ? p.dates[code] : undefined;
          if (d === undefined) {
            d = readDate(this.dateReading, t);
            if (code > 0) p.dates[code] = d;
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
          else if (p.slot === DOB) dob = d;
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
          } else p.valid++;
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
    // Day numbers order as the ISO texts do (every date read has a four-digit year).
    if (end !== null && start !== null && end.day < start.day) {
      if (this.room('end-before-start'))
        this.record(
          n,
          'Event_End_Date',
          'end-before-start',
          'error',
          `Row ${n}: Event_End_Date ${end.iso} is before Event_Start_Date ${start.iso}; kept as DHSC's main table keeps it (reference d.3), but measures that need end ≥ start will leave it out.`,
        );
    }
    if (mapped) this.mappedRows.push(n);

    if (dob !== null && birthYear === null) {
      birthYear = dob.year;
      birthMonth = dob.month;
    }
    if (ageAtStart === null && start !== null) {
      const proxy = proxyBirthDay(birthYear, birthMonth);
      if (proxy !== null) ageAtStart = sqlAgeFromDays(proxy, start.day);
    }

    // The kept row, column by column (checked-events.ts derives the cleaned values per code).
    for (let i = 0; i < plan.length; i++) {
      const p = plan[i]!;
      if (p.texts !== undefined) p.texts.push(codes[p.slot]!, text[p.slot]!);
    }
    const num = this.numbers;
    num.row.push(n);
    num.Der_Unique_Record_ID.push(recordId ?? n);
    num.Der_Birth_Year.push(birthYear);
    num.Der_Birth_Month.push(birthMonth);
    num.Der_Age_Event_Start_Date.push(ageAtStart);
    num.Der_Conversation.push(conversation);
    num.Der_Conversation_1.push(conversation1);
    num.No_of_adults_being_cared_for.push(adultsCared);
    num.Unit_Cost.push(unitCost);
    num.Planned_units_per_week.push(plannedUnits);
    this.kept++;
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
    const bySlot = new Map(plan.map((p) => [p.column.field, p]));
    const held = new CheckedEvents(
      this.kept,
      checkedColumns({
        length: this.kept,
        text: (field) => bySlot.get(field)?.texts,
        lookup: (field) => bySlot.get(field)?.lookup,
        numbers: this.numbers,
        dateReading: this.dateReading,
        laCode: this.options.laCode ?? null,
      }),
    );
    return {
      success: true,
      data: holdCheckedEvents(
        {
          get events() {
            return held.objects();
          },
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
        held,
      ),
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
  const checker = new ClientLevelDataChecker(
    options,
    Array.isArray(rows) ? Math.max(rows.length, 1024) : undefined,
  );
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
