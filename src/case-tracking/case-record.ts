import type { IssuePath, ValidationIssue, ValidationResult } from '../errors/index.js';
import { isIsoDate, isoDateKey, type IsoDate } from '../timeline/iso-date.js';
import { packSignature } from './signature.js';
import { describeValue } from '../internal/describe.js';
import { bracketPath } from '../internal/issue-path.js';
import { unreadableIssue } from '../internal/unreadable.js';

// The one case-record model of the library. `CaseRecordSchema` (schemas.ts) is the zod view
// of the same model; test/case-tracking/case-record.test.ts proves by property test that
// the two accept and reject exactly the same values. This file imports no zod, so the
// selection code (and the information-return validator's hot loop) stays light and fast.

/**
 * Primary support reasons: the six categories of NHS England's Short and Long Term (SALT)
 * return, as kebab-case ids. [firm: the SALT categories; the ids are the library's]
 *
 * @example
 * ```ts
 * import { PRIMARY_SUPPORT_REASONS } from 'la-assurance/case-tracking';
 *
 * PRIMARY_SUPPORT_REASONS.includes('mental-health-support'); // true
 * ```
 */
export const PRIMARY_SUPPORT_REASONS = [
  'physical-support',
  'sensory-support',
  'support-with-memory-and-cognition',
  'learning-disability-support',
  'mental-health-support',
  'social-support',
] as const;

/**
 * A SALT primary support reason id.
 */
export type PrimarySupportReason = (typeof PRIMARY_SUPPORT_REASONS)[number];

/**
 * Ethnic groups: the five ONS high-level groups of the 2021 Census (England and Wales)
 * plus `not-stated`. `asian` = Asian, Asian British or Asian Welsh; `black` = Black, Black
 * British, Black Welsh, Caribbean or African; `mixed` = Mixed or Multiple ethnic groups;
 * `white` = White; `other` = Other ethnic group.
 *
 * @example
 * ```ts
 * import { ETHNIC_GROUPS } from 'la-assurance/case-tracking';
 *
 * ETHNIC_GROUPS.length; // 6
 * ```
 */
export const ETHNIC_GROUPS = ['asian', 'black', 'mixed', 'white', 'other', 'not-stated'] as const;

/**
 * An ethnic group id (ONS high-level group or `not-stated`).
 */
export type EthnicGroup = (typeof ETHNIC_GROUPS)[number];

/**
 * Where the person's long-term support is delivered.
 *
 * @example
 * ```ts
 * import { CARE_SETTINGS } from 'la-assurance/case-tracking';
 *
 * CARE_SETTINGS; // ['community', 'residential', 'nursing']
 * ```
 */
export const CARE_SETTINGS = ['community', 'residential', 'nursing'] as const;

/**
 * A care setting id.
 */
export type CareSetting = (typeof CARE_SETTINGS)[number];

/**
 * Age bands, in years at the record's reference date. `18-25` is the transitions band
 * (young adults moving from children's services); `26-64` and the two older bands roll up
 * to SALT's 18–64 and 65+. [modelled: the split of 65+ at 85 is the library's]
 *
 * @example
 * ```ts
 * import { AGE_BANDS } from 'la-assurance/case-tracking';
 *
 * AGE_BANDS; // ['18-25', '26-64', '65-84', '85+']
 * ```
 */
export const AGE_BANDS = ['18-25', '26-64', '65-84', '85+'] as const;

/**
 * An age band id.
 */
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * Youngest and oldest accepted `age` (whole years; adult social care starts at 18).
 *
 * @example
 * ```ts
 * import { CASE_AGE_RANGE } from 'la-assurance/case-tracking';
 *
 * CASE_AGE_RANGE.min; // 18
 * CASE_AGE_RANGE.max; // 120
 * ```
 */
export const CASE_AGE_RANGE = {
  /** Youngest accepted age. */
  min: 18,
  /** Oldest accepted age. */
  max: 120,
} as const;

/**
 * Longest accepted `id`, in UTF-16 code units.
 *
 * @example
 * ```ts
 * import { CASE_ID_MAX_LENGTH } from 'la-assurance/case-tracking';
 *
 * CASE_ID_MAX_LENGTH; // 200
 * ```
 */
export const CASE_ID_MAX_LENGTH = 200;

/**
 * The yes/no flags every case record carries (all required booleans: an export that does
 * not know a flag should say so by leaving the case out, not by defaulting to `false`).
 *
 * @example
 * ```ts
 * import { CASE_FLAGS } from 'la-assurance/case-tracking';
 *
 * CASE_FLAGS.includes('safeguardingEnquiry'); // true
 * ```
 */
export const CASE_FLAGS = [
  'unpaidCarer',
  'hospitalDischarge',
  'safeguardingEnquiry',
  'directPayment',
  'transition',
] as const;

/**
 * The name of a case flag.
 */
export type CaseFlag = (typeof CASE_FLAGS)[number];

/**
 * One person's case, as a council exports it for case tracking (pseudonymous: no names).
 * Give `age`, `ageBand` or both (they must then agree). Extra fields are kept on the
 * record and ignored by the library.
 *
 * @example
 * ```ts
 * import { isCaseRecord, type CaseRecord, type IsoDate } from 'la-assurance/case-tracking';
 *
 * const record: CaseRecord = {
 *   id: 'C-000123',
 *   age: 82,
 *   primarySupportReason: 'support-with-memory-and-cognition',
 *   ethnicity: 'white',
 *   setting: 'residential',
 *   unpaidCarer: true,
 *   hospitalDischarge: false,
 *   safeguardingEnquiry: false,
 *   directPayment: false,
 *   transition: false,
 *   lastReviewed: '2024-03-01' as IsoDate,
 * };
 * isCaseRecord(record); // true
 * ```
 */
export interface CaseRecord {
  /** Pseudonymous case id, unique within an export (1–200 characters). */
  readonly id: string;
  /** Age in whole years, 18–120. */
  readonly age?: number;
  /** Age band; derived from `age` when only that is given (see {@link caseAgeBand}). */
  readonly ageBand?: AgeBand;
  /** SALT primary support reason. */
  readonly primarySupportReason: PrimarySupportReason;
  /** ONS high-level ethnic group, or `not-stated`. */
  readonly ethnicity: EthnicGroup;
  /** Care setting. */
  readonly setting: CareSetting;
  /** An unpaid carer is involved in the person's care. */
  readonly unpaidCarer: boolean;
  /** The case began or changed with a discharge from hospital. */
  readonly hospitalDischarge: boolean;
  /** A Care Act 2014 s42 safeguarding enquiry was made. */
  readonly safeguardingEnquiry: boolean;
  /** The person receives a direct payment. */
  readonly directPayment: boolean;
  /** The person moved from children's services (transition). */
  readonly transition: boolean;
  /** Date of the last Care Act assessment, if any. */
  readonly lastAssessed?: IsoDate;
  /** Date of the last review, if any. */
  readonly lastReviewed?: IsoDate;
}

/**
 * The fields of {@link CaseRecord}, in its order: any other key of a row is an extra field,
 * kept and ignored. The one list of them: a type test proves it names exactly the
 * interface's keys, and test/case-tracking/case-record.test.ts that `CaseRecordSchema` has
 * exactly these keys. (Not derived from the zod schema: that would pull zod into the
 * information-return validator, which reads this list.)
 * @internal
 */
export const CASE_RECORD_FIELDS = [
  'id',
  'age',
  'ageBand',
  'primarySupportReason',
  'ethnicity',
  'setting',
  ...CASE_FLAGS,
  'lastAssessed',
  'lastReviewed',
] as const satisfies readonly (keyof CaseRecord)[];

/**
 * Issue codes of {@link safeParseCaseRecord}.
 *
 * - `case-not-object`: the row is not an object.
 * - `case-missing-field`: a required field is absent (path ends with the field).
 * - `case-invalid-field`: a field has the wrong type or a value outside its set or range.
 * - `case-missing-age`: neither `age` nor `ageBand` is given.
 * - `case-age-band-mismatch`: `age` and `ageBand` are both given and disagree.
 */
export type CaseRecordIssueCode =
  | 'case-not-object'
  | 'case-missing-field'
  | 'case-invalid-field'
  | 'case-missing-age'
  | 'case-age-band-mismatch'
  | 'input-unreadable';

/**
 * The age band of an age in whole years (18–25, 26–64, 65–84, 85+).
 *
 * @throws RangeError when `age` is not a whole number of at least 18 (programmer misuse).
 * @example
 * ```ts
 * import { ageBandOf } from 'la-assurance/case-tracking';
 *
 * ageBandOf(25); // '18-25'
 * ageBandOf(85); // '85+'
 * ```
 */
export function ageBandOf(age: number): AgeBand {
  if (!Number.isInteger(age) || age < CASE_AGE_RANGE.min)
    throw new RangeError(`Expected a whole age of at least 18; got ${age}`);
  return AGE_BANDS[bandIndexOfAge(age)]!;
}

const bandIndexOfAge = (age: number): number => (age <= 25 ? 0 : age <= 64 ? 1 : age <= 84 ? 2 : 3);

/**
 * The age band of a checked case record: its `ageBand`, or the band of its `age`.
 *
 * @example
 * ```ts
 * import { caseAgeBand, type CaseRecord } from 'la-assurance/case-tracking';
 *
 * caseAgeBand({ age: 70 } as CaseRecord); // '65-84'
 * ```
 */
export function caseAgeBand(record: CaseRecord): AgeBand {
  return record.ageBand ?? ageBandOf(record.age!);
}

function list(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}

/**
 * Checks one case row without zod (several times faster; use it for large exports). Reads
 * the fields it knows; extra fields stay on the returned record (which is the input
 * object itself, not a copy, never mutated) and are ignored. Never throws.
 *
 * Accepts and rejects exactly what `CaseRecordSchema` (from `./schemas`) does.
 *
 * @param value - the row, e.g. one parsed line of a CSV or JSON export.
 * @param path - where the row sits in the input, prefixed to every issue's path.
 * @returns `{ success: true, data }` (the record) when valid, else `{ success: false, issues }`
 *   naming each field and what is wrong.
 * @example
 * ```ts
 * import { safeParseCaseRecord } from 'la-assurance/case-tracking';
 *
 * const result = safeParseCaseRecord({ id: 'C1', ageBand: '85+' }, ['cases', 0]);
 * result.success; // false
 * if (!result.success) {
 *   result.issues.length; // 8 (the primary support reason, ethnicity, setting and the five flags are missing)
 *   result.issues[2]?.path; // ['cases', 0, 'setting']
 *   result.issues[2]?.message; // "cases[0].setting: missing; give one of 'community', 'residential', 'nursing'"
 * }
 * ```
 */
export function safeParseCaseRecord(
  value: unknown,
  path: IssuePath = [],
): ValidationResult<CaseRecord, CaseRecordIssueCode> {
  try {
    // Fast path: a valid row is returned as is (no copy, one small allocation).
    if (isCaseRecord(value)) return { success: true, data: value };
    return { success: false, issues: describeCaseRecordIssues(value, path) };
  } catch (error) {
    return { success: false, issues: [unreadableIssue(error, path, 'case record')] };
  }
}

/**
 * {@link classifyCaseRecord} for rows straight from the input: a row whose reading throws
 * (a getter or Proxy that throws, a revoked Proxy) is invalid (−1), and
 * {@link safeParseCaseRecord} then reports it as `input-unreadable`.
 * @internal
 */
export function classifyReadableCaseRecord(value: unknown): number {
  try {
    return classifyCaseRecord(value);
  } catch {
    return -1;
  }
}

/**
 * Whether `value` is a valid case record: the allocation-free predicate behind
 * {@link safeParseCaseRecord} (same answer; no issues).
 *
 * @example
 * ```ts
 * import { isCaseRecord } from 'la-assurance/case-tracking';
 *
 * isCaseRecord({ id: 'C1' }); // false
 * ```
 */
export function isCaseRecord(value: unknown): value is CaseRecord {
  return classifyReadableCaseRecord(value) >= 0;
}

/**
 * Looks up a value in a short list of allowed strings with a single string comparison: the
 * one candidate is picked by the value's length and first character. Rows parsed from JSON
 * or CSV hold their own copies of the strings, and comparing a copy is a call that compares
 * characters, so trying each allowed value in turn would cost several calls per field.
 */
class EnumIndex {
  private readonly slots = new Int8Array(256).fill(-1);

  constructor(private readonly values: readonly string[]) {
    values.forEach((value, i) => {
      const slot = EnumIndex.slot(value);
      if (this.slots[slot] !== -1) throw new Error(`EnumIndex: ${value} shares a slot`); // a library bug, caught by any test
      this.slots[slot] = i;
    });
  }

  private static slot(v: string): number {
    return (v.length * 31 + v.charCodeAt(0)) & 255; // an empty string's NaN gives slot 0
  }

  /** Index of `v` in the list, or −1. */
  indexOf(v: unknown): number {
    if (typeof v !== 'string') return -1;
    const i = this.slots[EnumIndex.slot(v)]!;
    return i >= 0 && v === this.values[i] ? i : -1;
  }
}

const REASON_INDEX = new EnumIndex(PRIMARY_SUPPORT_REASONS);
const ETHNICITY_INDEX = new EnumIndex(ETHNIC_GROUPS);
const SETTING_INDEX = new EnumIndex(CARE_SETTINGS);
const AGE_BAND_INDEX = new EnumIndex(AGE_BANDS);

/**
 * The dates of the record {@link classifyCaseRecord} last accepted, as YYYYMMDD keys
 * (0 when absent): `[lastAssessed, lastReviewed]`. The reading loops take them from here
 * right after the check instead of parsing the dates a second time.
 * @internal
 */
export const classifiedDateKeys = new Int32Array(2);

/**
 * Checks a row and, when valid, returns its signature (≥ 0: its categories and flags,
 * packed as signature.ts lays out) and leaves its date keys in {@link classifiedDateKeys};
 * −1 when not valid. The selection reads each row once through this.
 * @internal
 */
export function classifyCaseRecord(value: unknown): number {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return -1;
  const r = value as Record<string, unknown>;
  const id = r.id;
  if (typeof id !== 'string' || id.length < 1 || id.length > CASE_ID_MAX_LENGTH) return -1;
  const reason = REASON_INDEX.indexOf(r.primarySupportReason);
  const ethnicity = ETHNICITY_INDEX.indexOf(r.ethnicity);
  const setting = SETTING_INDEX.indexOf(r.setting);
  if (reason < 0 || ethnicity < 0 || setting < 0) return -1;
  const carer = r.unpaidCarer;
  const discharge = r.hospitalDischarge;
  const safeguarding = r.safeguardingEnquiry;
  const payment = r.directPayment;
  const transition = r.transition;
  if (
    typeof carer !== 'boolean' ||
    typeof discharge !== 'boolean' ||
    typeof safeguarding !== 'boolean' ||
    typeof payment !== 'boolean' ||
    typeof transition !== 'boolean'
  ) {
    return -1;
  }
  const age = r.age;
  const band = r.ageBand;
  let bandIndex: number;
  if (age === undefined) {
    bandIndex = AGE_BAND_INDEX.indexOf(band);
    if (bandIndex < 0) return -1;
  } else {
    if (!isValidAge(age)) return -1;
    bandIndex = bandIndexOfAge(age as number);
    if (band !== undefined && band !== AGE_BANDS[bandIndex]) return -1;
  }
  const assessed = r.lastAssessed === undefined ? 0 : isoDateKey(r.lastAssessed);
  const reviewed = r.lastReviewed === undefined ? 0 : isoDateKey(r.lastReviewed);
  if (assessed < 0 || reviewed < 0) return -1;
  classifiedDateKeys[0] = assessed;
  classifiedDateKeys[1] = reviewed;
  // Flags in CASE_FLAGS order: bit i for CASE_FLAGS[i].
  const flags =
    (carer ? 1 : 0) |
    (discharge ? 2 : 0) |
    (safeguarding ? 4 : 0) |
    (payment ? 8 : 0) |
    (transition ? 16 : 0);
  return packSignature(bandIndex, reason, ethnicity, setting, flags);
}

function isValidAge(age: unknown): boolean {
  return (
    typeof age === 'number' &&
    Number.isInteger(age) &&
    age >= CASE_AGE_RANGE.min &&
    age <= CASE_AGE_RANGE.max
  );
}

function at(path: IssuePath): string {
  const text = bracketPath(path);
  return text === '' ? '' : `${text}: `;
}

// The slow path: only for rows that failed the fast check. One walk finds what is wrong
// (code and field, no message), so a caller past its issue cap can count a row's issues
// without building messages; the messages, and the lists of allowed values in them, are
// built once here at module load and per listed issue after.

/** What a field must hold: the test and the words of the message, built once. */
interface FieldRule {
  readonly name: string;
  readonly ok: (v: unknown) => boolean;
  readonly want: string;
  readonly required: boolean;
}

const IDENTITY_RULES: readonly FieldRule[] = [
  {
    name: 'id',
    ok: (v) => typeof v === 'string' && v.length >= 1 && v.length <= CASE_ID_MAX_LENGTH,
    want: `a pseudonymous case id (text of 1–${CASE_ID_MAX_LENGTH} characters)`,
    required: true,
  },
  {
    name: 'primarySupportReason',
    ok: (v) => REASON_INDEX.indexOf(v) >= 0,
    want: `one of ${list(PRIMARY_SUPPORT_REASONS)} (the SALT primary support reasons)`,
    required: true,
  },
  {
    name: 'ethnicity',
    ok: (v) => ETHNICITY_INDEX.indexOf(v) >= 0,
    want: `one of ${list(ETHNIC_GROUPS)} (ONS high-level ethnic groups)`,
    required: true,
  },
  {
    name: 'setting',
    ok: (v) => SETTING_INDEX.indexOf(v) >= 0,
    want: `one of ${list(CARE_SETTINGS)}`,
    required: true,
  },
  ...CASE_FLAGS.map((flag) => ({
    name: flag,
    ok: (v: unknown) => typeof v === 'boolean',
    want: 'true or false',
    required: true,
  })),
];
const AGE_RULE: FieldRule = {
  name: 'age',
  ok: isValidAge,
  want: `a whole number of years from ${CASE_AGE_RANGE.min} to ${CASE_AGE_RANGE.max}`,
  required: false,
};
const AGE_BAND_RULE: FieldRule = {
  name: 'ageBand',
  ok: (v) => AGE_BAND_INDEX.indexOf(v) >= 0,
  want: `one of ${list(AGE_BANDS)}`,
  required: false,
};
const DATE_RULES: readonly FieldRule[] = ['lastAssessed', 'lastReviewed'].map((name) => ({
  name,
  ok: isIsoDate,
  want: 'a calendar date written YYYY-MM-DD',
  required: false,
}));
const NOT_OBJECT =
  'expected a case record (an object with id, primarySupportReason, ethnicity, setting and the flags); got ';
const MISSING_AGE = `missing; give age (whole years) or ageBand (one of ${list(AGE_BANDS)})`;

/** Calls `found` for each problem of a row that is not a valid record, in reporting order. */
function findCaseRecordFaults(
  value: unknown,
  found: (
    code: Exclude<CaseRecordIssueCode, 'input-unreadable'>,
    rule: FieldRule | undefined,
  ) => void,
): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    found('case-not-object', undefined);
    return;
  }
  const r = value as Record<string, unknown>;
  const check = (rule: FieldRule): boolean => {
    const v = r[rule.name];
    if (v === undefined) {
      if (rule.required) found('case-missing-field', rule);
      return false;
    }
    if (rule.ok(v)) return true;
    found('case-invalid-field', rule);
    return false;
  };
  for (const rule of IDENTITY_RULES) check(rule);
  const ageOk = check(AGE_RULE);
  const bandOk = check(AGE_BAND_RULE);
  if (r.age === undefined && r.ageBand === undefined) found('case-missing-age', AGE_RULE);
  else if (ageOk && bandOk && ageBandOf(r.age as number) !== r.ageBand)
    found('case-age-band-mismatch', AGE_BAND_RULE);
  for (const rule of DATE_RULES) check(rule);
}

/**
 * How many issues {@link safeParseCaseRecord} would list for `value`, without building
 * them (for callers past their issue cap). 0 for a valid record.
 * @internal
 */
export function countCaseRecordIssues(value: unknown): number {
  try {
    if (classifyCaseRecord(value) >= 0) return 0;
    let count = 0;
    findCaseRecordFaults(value, () => count++);
    return count;
  } catch {
    return 1; // unreadable: one input-unreadable issue
  }
}

function describeCaseRecordIssues(
  value: unknown,
  path: IssuePath,
): ValidationIssue<CaseRecordIssueCode>[] {
  const issues: ValidationIssue<CaseRecordIssueCode>[] = [];
  const r = value as Record<string, unknown>;
  findCaseRecordFaults(value, (code, rule) => {
    const fieldPath = rule === undefined ? path : [...path, rule.name];
    switch (code) {
      case 'case-not-object':
        issues.push({ code, path, message: `${at(path)}${NOT_OBJECT}${describeValue(value)}` });
        return;
      case 'case-missing-field':
        issues.push({
          code,
          path: fieldPath,
          message: `${at(fieldPath)}missing; give ${rule!.want}`,
        });
        return;
      case 'case-invalid-field':
        issues.push({
          code,
          path: fieldPath,
          message: `${at(fieldPath)}expected ${rule!.want}; got ${describeValue(r[rule!.name])}`,
        });
        return;
      case 'case-missing-age':
        issues.push({ code, path: fieldPath, message: `${at(fieldPath)}${MISSING_AGE}` });
        return;
      case 'case-age-band-mismatch': {
        const band = ageBandOf(r.age as number);
        issues.push({
          code,
          path: fieldPath,
          message: `${at(fieldPath)}'${String(r.ageBand)}' does not match age ${String(r.age)} (band '${band}'); correct one of them or give only one`,
        });
        return;
      }
      default:
        return code satisfies never;
    }
  });
  return issues;
}
