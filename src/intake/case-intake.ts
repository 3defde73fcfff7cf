import type { ValidationResult } from '../errors/index.js';
import type { IsoDate } from '../timeline/iso-date.js';
import {
  AGE_BANDS,
  CARE_SETTINGS,
  CASE_AGE_RANGE,
  CASE_FLAGS,
  CASE_ID_MAX_LENGTH,
  ETHNIC_GROUPS,
  PRIMARY_SUPPORT_REASONS,
  safeParseCaseRecord,
  type AgeBand,
  type CaseRecord,
} from '../case-tracking/case-record.js';
import { parseDateCell, DATE_FORMAT_EXAMPLE, checkTwoDigitYearPivot } from './dates.js';
import { LabelMatcher, readFlag, type CellReading } from './cells.js';
import { resolveHeader } from './headings.js';
import {
  CARE_SETTING_LABELS,
  ETHNICITY_LABELS,
  LABELS_WITHOUT_ID,
  PRIMARY_SUPPORT_REASON_LABELS,
} from './labels.js';
import {
  DATE_FORMATS,
  type ColumnMapping,
  type DateFormat,
  type HeaderIssueCode,
  type IntakeField,
  type IntakeSummary,
  type ResolvedHeader,
  type RowIssue,
} from './model.js';
import { IntakeTally } from './tally.js';

/**
 * The case record's fields as a field table: the headings each is known by in councils'
 * exports (matched ignoring case, spaces and punctuation). `age` and `ageBand` are each
 * optional, but a file must have one of them.
 *
 * @example
 * ```ts
 * import { CASE_INTAKE_FIELDS } from 'la-assurance/intake';
 *
 * CASE_INTAKE_FIELDS.find((f) => f.field === 'id')?.aliases?.includes('Person ID'); // true
 * ```
 */
export const CASE_INTAKE_FIELDS: readonly IntakeField[] = [
  {
    field: 'id',
    required: true,
    aliases: [
      'Person ID',
      'Person Ref',
      'Client ID',
      'Client Ref',
      'Case ID',
      'Case Ref',
      'Case Number',
      'Service User ID',
      'LA Person ID',
      'LA_Person_Unique_Identifier',
      'Person Unique Identifier',
    ],
  },
  {
    field: 'age',
    aliases: ['Age at Extract', 'Age at Snapshot', 'Age (years)', 'Age Years', 'Current Age'],
  },
  { field: 'ageBand', aliases: ['Age Band', 'Age Group', 'Age Range'] },
  {
    field: 'primarySupportReason',
    required: true,
    aliases: ['Primary Support Reason', 'PSR', 'Support Reason'],
  },
  {
    field: 'ethnicity',
    required: true,
    aliases: ['Ethnic Group', 'Ethnic Origin', 'Ethnicity Description'],
  },
  {
    field: 'setting',
    required: true,
    aliases: ['Care Setting', 'Service Type', 'Service Setting', 'Support Setting'],
  },
  {
    field: 'unpaidCarer',
    required: true,
    aliases: ['Has Unpaid Carer', 'Unpaid Carer Involved', 'Carer Involved', 'Has Carer'],
  },
  {
    field: 'hospitalDischarge',
    required: true,
    aliases: ['Discharged from Hospital', 'Hospital Discharge Flag', 'Discharge from Hospital'],
  },
  {
    field: 'safeguardingEnquiry',
    required: true,
    aliases: ['S42 Enquiry', 'Section 42 Enquiry', 'Safeguarding', 'Safeguarding Enquiry Flag'],
  },
  {
    field: 'directPayment',
    required: true,
    aliases: ['Direct Payments', 'Receives Direct Payment', 'DP'],
  },
  {
    field: 'transition',
    required: true,
    aliases: ['Transitions', 'Transition Case', 'Transition from Childrens Services'],
  },
  {
    field: 'lastAssessed',
    aliases: [
      'Last Assessment Date',
      'Last Assessment',
      'Date of Last Assessment',
      'Assessment Date',
    ],
  },
  {
    field: 'lastReviewed',
    aliases: ['Last Review Date', 'Last Review', 'Date of Last Review', 'Review Date'],
  },
];

/**
 * The optional fields of a case record. Listed in `usedFields`, an unreadable value
 * rejects the row; otherwise it is a warning and the value is left out.
 */
export type CaseOptionalField = 'age' | 'ageBand' | 'lastAssessed' | 'lastReviewed';

/**
 * Options of {@link createCaseIntake}.
 */
export interface CaseIntakeOptions {
  /** Explicit field → heading choices (see {@link ColumnMappingSchema}). Default: match by name and alias only. */
  readonly mapping?: ColumnMapping;
  /** How the file writes dates, for the whole file. Default `'yyyy-mm-dd'`. */
  readonly dateFormat?: DateFormat;
  /** Also read whole numbers in date columns as Excel serial dates. Default `false`. */
  readonly excelSerialDates?: boolean;
  /** Two-digit years below it are 20yy (`d/m/yy`). Default 70 [modelled]. */
  readonly twoDigitYearPivot?: number;
  /**
   * Optional fields the caller uses (e.g. the dates, when the criteria have a "recently
   * assessed" rule): an unreadable value then rejects the row. Default none: an unreadable
   * optional value is a warning and left out. An empty optional cell is always just
   * absent. (Either `age` or `ageBand` must always be readable.)
   */
  readonly usedFields?: readonly CaseOptionalField[];
  /** Most issues, and separately most warnings, listed (default 100); the rest are counted. */
  readonly maxIssues?: number;
}

const REASONS = new LabelMatcher(
  PRIMARY_SUPPORT_REASON_LABELS,
  PRIMARY_SUPPORT_REASONS,
  LABELS_WITHOUT_ID.primarySupportReason!,
  'primary support reason',
);
const ETHNICITIES = new LabelMatcher(
  ETHNICITY_LABELS,
  ETHNIC_GROUPS,
  LABELS_WITHOUT_ID.ethnicity!,
  'ethnicity',
);
const SETTINGS = new LabelMatcher(
  CARE_SETTING_LABELS,
  CARE_SETTINGS,
  LABELS_WITHOUT_ID.setting!,
  'care setting',
);
const AGE_BAND_LABELS = new LabelMatcher<AgeBand>(
  [
    ['18 to 25', '18-25'],
    ['26 to 64', '26-64'],
    ['65 to 84', '65-84'],
    ['85 and over', '85+'],
    ['85 plus', '85+'],
    ['85+', '85+'],
  ],
  AGE_BANDS,
  [],
  'age band',
);

function readAge(text: string): CellReading<number> {
  if (/^\d{1,3}$/.test(text)) {
    const age = Number(text);
    if (age >= CASE_AGE_RANGE.min && age <= CASE_AGE_RANGE.max) return { ok: true, value: age };
  }
  return {
    ok: false,
    reason: `expected a whole number of years from ${CASE_AGE_RANGE.min} to ${CASE_AGE_RANGE.max}`,
  };
}

function readId(text: string): CellReading<string> {
  return text.length <= CASE_ID_MAX_LENGTH
    ? { ok: true, value: text }
    : { ok: false, reason: `longer than ${CASE_ID_MAX_LENGTH} characters` };
}

type CellReader = (text: string) => CellReading<unknown>;

/** One field of the header, with its column and its cell reader. */
interface Slot {
  readonly field: string;
  readonly index: number;
  readonly heading: string;
  readonly read: CellReader;
  /** Required: an empty cell rejects the row. */
  readonly required: boolean;
  /** Required or used: an unreadable value rejects the row. */
  readonly strict: boolean;
}

/**
 * Reads a council's case rows into case records: the header resolved once (see
 * {@link createCaseIntake}), then each row's cells read as systems write them (dates in the
 * file's format, published labels, yes/no flags) and mapped to the case record's ids.
 * Keeps honest counts: every row read is kept or rejected, with its physical line.
 *
 * @example
 * ```ts
 * import { createCaseIntake } from 'la-assurance/intake';
 *
 * const made = createCaseIntake(['Person ID', 'Age', 'PSR', 'Ethnicity', 'Setting', 'Unpaid Carer', 'Hospital Discharge', 'Safeguarding', 'Direct Payment', 'Transition']);
 * if (made.success) {
 *   const intake = made.data;
 *   intake.row(['P1', '82', 'Physical Support: Personal care support', 'White: Irish', 'Nursing care', 'Y', 'N', 'N', 'N', 'N'], 2);
 *   intake.summary().rowsKept; // 1
 * }
 * ```
 */
export class CaseIntake {
  /** How the file's columns were matched to the fields. */
  readonly header: ResolvedHeader;
  private readonly slots: readonly Slot[];
  private readonly width: number;
  private readonly tally: IntakeTally;

  /** @internal */
  constructor(header: ResolvedHeader, options: CaseIntakeOptions) {
    this.header = header;
    this.width = header.headings.length;
    this.tally = new IntakeTally(options.maxIssues ?? 100);
    const used = new Set<string>(options.usedFields ?? []);
    const format = options.dateFormat ?? 'yyyy-mm-dd';
    const dateOptions = {
      format,
      ...(options.excelSerialDates !== undefined && { excelSerialDates: options.excelSerialDates }),
      ...(options.twoDigitYearPivot !== undefined && {
        twoDigitYearPivot: options.twoDigitYearPivot,
      }),
    };
    const readDate = (text: string): CellReading<IsoDate> => {
      const date = parseDateCell(text, dateOptions);
      if (date !== undefined) return { ok: true, value: date };
      // Say which format the file seems to use, without ever reading it so.
      const other = DATE_FORMATS.find(
        (f) => f !== format && parseDateCell(text, { format: f }) !== undefined,
      );
      const hint =
        other !== undefined ? `; it reads as ${other}: give that date format for the file` : '';
      return {
        ok: false,
        reason: `expected a date written ${format} (e.g. ${DATE_FORMAT_EXAMPLE[format]})${options.excelSerialDates === true ? ' or an Excel serial date' : ''}${hint}`,
      };
    };
    const readers: Readonly<Record<string, CellReader>> = {
      id: readId,
      age: readAge,
      ageBand: (t) => AGE_BAND_LABELS.read(t),
      primarySupportReason: (t) => REASONS.read(t),
      ethnicity: (t) => ETHNICITIES.read(t),
      setting: (t) => SETTINGS.read(t),
      lastAssessed: readDate,
      lastReviewed: readDate,
      ...Object.fromEntries(CASE_FLAGS.map((f) => [f, readFlag])),
    };
    const required = new Set(
      CASE_INTAKE_FIELDS.filter((f) => f.required === true).map((f) => f.field),
    );
    this.slots = header.columns.map((c) => ({
      field: c.field,
      index: c.index,
      heading: c.heading,
      read: readers[c.field]!,
      required: required.has(c.field),
      strict: required.has(c.field) || used.has(c.field),
    }));
  }

  /**
   * Reads one row's cells (in file column order) found at physical `line`: the case
   * record, or `undefined` when the row is blank or rejected (the summary says which).
   */
  row(cells: readonly string[], line: number): CaseRecord | undefined {
    let blank = true;
    for (let i = 0; i < cells.length; i++) {
      if (cells[i]!.trim() !== '') {
        blank = false;
        break;
      }
    }
    if (blank) {
      this.tally.blank();
      return undefined;
    }
    const issues: RowIssue[] = [];
    const warnings: RowIssue[] = [];
    const detail = this.tally.wantsDetail();
    let rejected = false;
    if (cells.length > this.width) {
      const extra = cells.slice(this.width).filter((c) => c.trim() !== '').length;
      if (extra > 0) {
        rejected = true;
        issues.push({
          code: 'extra-cells',
          path: [],
          line,
          message: detail
            ? `line ${line}: ${cells.length} cells where the header has ${this.width} (${extra} filled beyond the last column): the columns have shifted, e.g. a comma in an unquoted value`
            : '',
        });
      }
    } else if (cells.length < this.width) {
      warnings.push({
        code: 'short-row',
        path: [],
        line,
        message: detail
          ? `line ${line}: ${cells.length} cells where the header has ${this.width}; the missing cells are read as empty`
          : '',
      });
    }
    const record: Record<string, unknown> = {};
    let ageReadable = false;
    let ageProblem: RowIssue | undefined;
    for (const slot of this.slots) {
      const text = (cells[slot.index] ?? '').trim();
      if (text === '') {
        // An empty optional cell is an absent value (e.g. never reviewed), used or not.
        if (slot.required) {
          rejected = true;
          issues.push({
            code: 'missing-value',
            path: [slot.field],
            line,
            message: detail ? `line ${line}: ${slot.field} ("${slot.heading}") is empty` : '',
          });
        }
        continue;
      }
      const reading = slot.read(text);
      if (reading.ok) {
        record[slot.field] = reading.value;
        if (slot.field === 'age' || slot.field === 'ageBand') ageReadable = true;
        continue;
      }
      const issue: RowIssue = {
        code: 'invalid-value',
        path: [slot.field],
        line,
        message: detail
          ? `line ${line}: ${slot.field} ("${slot.heading}") is ${JSON.stringify(text)}: ${reading.reason}`
          : '',
      };
      if (slot.strict) {
        rejected = true;
        issues.push(issue);
      } else if (slot.field === 'age' || slot.field === 'ageBand') {
        ageProblem = issue;
      } else {
        warnings.push(issue);
      }
    }
    if (ageProblem !== undefined) (ageReadable ? warnings : issues).push(ageProblem);
    if (!ageReadable) {
      rejected = true;
      if (ageProblem === undefined)
        issues.push({
          code: 'missing-value',
          path: ['age'],
          line,
          message: detail ? `line ${line}: neither age nor age band is given` : '',
        });
    }
    if (!rejected) {
      // The case record model has the last word (e.g. age and age band must agree).
      const checked = safeParseCaseRecord(record, []);
      if (checked.success) {
        this.tally.keep(warnings);
        return checked.data;
      }
      rejected = true;
      for (const i of checked.issues)
        issues.push({
          code: 'invalid-record',
          path: i.path,
          line,
          message: detail ? `line ${line}: ${i.message}` : '',
        });
    }
    this.tally.reject(issues);
    return undefined;
  }

  /**
   * Reads rows lazily: each `{ line, record }` (the row's cells) in, each kept case record out (for
   * `safeSelectCaseSample` or any one-pass consumer; memory stays flat). The summary is
   * complete once the iteration ends.
   */
  *records(
    rows: Iterable<{ readonly line: number; readonly record: readonly string[] }>,
  ): Generator<CaseRecord, void, undefined> {
    for (const row of rows) {
      const kept = this.row(row.record, row.line);
      if (kept !== undefined) yield kept;
    }
  }

  /** Counts (`rowsRead = rowsKept + rowsRejected`), the first issues and warnings, and how many more. */
  summary(): IntakeSummary {
    return this.tally.summary();
  }
}

/**
 * Starts reading a council's case export: resolves its header row against
 * {@link CASE_INTAKE_FIELDS} (and the mapping, if any) before any row is read. Fails,
 * naming the column and the headings found, when a required column is missing (or
 * neither age nor age band has one), duplicated, or mis-mapped — never a silent zero.
 *
 * @throws RangeError when `maxIssues` is not a whole number ≥ 0 or `twoDigitYearPivot` is not 0–100 (programmer misuse).
 * @example
 * ```ts
 * import { createCaseIntake } from 'la-assurance/intake';
 *
 * const made = createCaseIntake(['Person ID', 'Notes']);
 * !made.success && made.issues[0]?.code; // 'missing-column'
 * ```
 */
export function createCaseIntake(
  headings: readonly string[],
  options: CaseIntakeOptions = {},
): ValidationResult<CaseIntake, HeaderIssueCode> {
  if (
    options.maxIssues !== undefined &&
    !(Number.isInteger(options.maxIssues) && options.maxIssues >= 0)
  )
    throw new RangeError(`maxIssues must be a whole number ≥ 0; got ${options.maxIssues}`);
  checkTwoDigitYearPivot(options.twoDigitYearPivot);
  const resolved = resolveHeader(headings, CASE_INTAKE_FIELDS, options.mapping);
  if (!resolved.success) return resolved;
  const header = resolved.data;
  if (!header.columns.some((c) => c.field === 'age' || c.field === 'ageBand')) {
    return {
      success: false,
      issues: [
        {
          code: 'missing-column',
          path: ['age'],
          message: `no column for age or ageBand (one is required): expected a heading such as "Age", "Age at Extract" or "Age Band", or name it in a mapping; the file's headings are: ${headings.map((h) => JSON.stringify(h)).join(', ')}`,
        },
      ],
    };
  }
  const warnings = header.warnings.filter(
    (w) =>
      !(w.code === 'optional-column-absent' && (w.path[0] === 'age' || w.path[0] === 'ageBand')),
  );
  return { success: true, data: new CaseIntake({ ...header, warnings }, options) };
}
