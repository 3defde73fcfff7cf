import type { ValidationIssue, ValidationResult } from '../errors/index.js';
import { describeValue, isPlainObject } from '../internal/describe.js';
import { unreadableIssue } from '../internal/unreadable.js';
import { SUPPORTED_YEARS } from './bank-holidays.js';
import { isIsoDate, type IsoDate } from './iso-date.js';

/**
 * The dates of one council's assessment. Only `notificationDate` is required; give the
 * others as they happen (actual dates override the planned ones and the milestones that
 * follow are recomputed from them). All are `YYYY-MM-DD`, from 1978 to 2199.
 */
export interface AssessmentTimelineInput {
  /** The day CQC notified the council and requested the information return. */
  readonly notificationDate: string;
  /** The day the council submitted its information return. */
  readonly informationReturnSubmittedDate?: string;
  /** The day CQC told the council its on-site dates. */
  readonly onSiteNoticeDate?: string;
  /** The first on-site day. */
  readonly onSiteStartDate?: string;
  /** The last on-site day. */
  readonly onSiteEndDate?: string;
  /** The day the draft report was emailed for the factual accuracy check. */
  readonly draftReportSentDate?: string;
  /** The day the final report was published. */
  readonly publicationDate?: string;
}

/** The date fields of {@link AssessmentTimelineInput}, in the order of the assessment. */
export const TIMELINE_INPUT_DATE_FIELDS = [
  'notificationDate',
  'informationReturnSubmittedDate',
  'onSiteNoticeDate',
  'onSiteStartDate',
  'onSiteEndDate',
  'draftReportSentDate',
  'publicationDate',
] as const;

/** One date field of {@link AssessmentTimelineInput}. */
export type TimelineInputDateField = (typeof TIMELINE_INPUT_DATE_FIELDS)[number];

/** Stable codes of the issues that make timeline input unusable. */
export type TimelineInputIssueCode =
  | 'invalid-input'
  | 'missing-date'
  | 'invalid-date'
  | 'date-out-of-range'
  | 'unknown-field'
  | 'input-unreadable';

/** {@link AssessmentTimelineInput} once checked: every date branded and within 1978–2199. */
export interface CheckedTimelineInput extends AssessmentTimelineInput {
  readonly notificationDate: IsoDate;
  readonly informationReturnSubmittedDate?: IsoDate;
  readonly onSiteNoticeDate?: IsoDate;
  readonly onSiteStartDate?: IsoDate;
  readonly onSiteEndDate?: IsoDate;
  readonly draftReportSentDate?: IsoDate;
  readonly publicationDate?: IsoDate;
}

const FIELDS: ReadonlySet<string> = new Set(TIMELINE_INPUT_DATE_FIELDS);

/** Issue for a date field whose value is not a usable date (undefined if it is). */
export function dateIssue(
  field: TimelineInputDateField,
  value: unknown,
): ValidationIssue<TimelineInputIssueCode> | undefined {
  if (value === undefined) {
    return field === 'notificationDate'
      ? {
          code: 'missing-date',
          path: [field],
          message: `${field}: required; give the day CQC notified the council, as YYYY-MM-DD`,
        }
      : undefined;
  }
  if (!isIsoDate(value)) {
    return {
      code: 'invalid-date',
      path: [field],
      message: `${field}: expected a calendar date written YYYY-MM-DD (e.g. 2024-12-20); got ${describeValue(value)}`,
    };
  }
  const year = Number(value.slice(0, 4));
  if (year < SUPPORTED_YEARS.first || year > SUPPORTED_YEARS.last) {
    return {
      code: 'date-out-of-range',
      path: [field],
      message: `${field}: ${value} is outside the years the working-day calendar covers (${SUPPORTED_YEARS.first}–${SUPPORTED_YEARS.last})`,
    };
  }
  return undefined;
}

/**
 * Checks assessment dates from untrusted data without zod. Never throws; never mutates.
 * Reports every problem: not an object, a missing notification date, a value that is not
 * a real `YYYY-MM-DD` date, a date outside 1978–2199, an unknown field (a typo such as
 * `publishedDate` would otherwise be silently ignored). Input that cannot be read (a
 * throwing getter or Proxy trap, a revoked Proxy such as a stale Immer draft) gives one
 * `input-unreadable` issue.
 *
 * @example
 * ```ts
 * import { validateAssessmentTimelineInput } from 'la-assurance/timeline';
 *
 * const r = validateAssessmentTimelineInput({ notificationDate: '2024-13-01' });
 * r.success; // false
 * ```
 */
export function validateAssessmentTimelineInput(
  input: unknown,
): ValidationResult<CheckedTimelineInput, TimelineInputIssueCode> {
  try {
    return validateReadable(input);
  } catch (error) {
    return { success: false, issues: [unreadableIssue(error, [], 'timeline input')] };
  }
}

function validateReadable(
  input: unknown,
): ValidationResult<CheckedTimelineInput, TimelineInputIssueCode> {
  if (!isPlainObject(input)) {
    return {
      success: false,
      issues: [
        {
          code: 'invalid-input',
          path: [],
          message: `input: expected an object such as { notificationDate: '2024-12-20' }; got ${describeValue(input)}`,
        },
      ],
    };
  }
  const issues: ValidationIssue<TimelineInputIssueCode>[] = [];
  for (const key of Object.keys(input)) {
    if (!FIELDS.has(key)) {
      issues.push({
        code: 'unknown-field',
        path: [key],
        message: `${key}: not a field of the timeline input; use ${TIMELINE_INPUT_DATE_FIELDS.join(', ')}`,
      });
    }
  }
  const data: Partial<Record<TimelineInputDateField, IsoDate>> = {};
  for (const field of TIMELINE_INPUT_DATE_FIELDS) {
    const value = Object.hasOwn(input, field) ? input[field] : undefined;
    const issue = dateIssue(field, value);
    if (issue) issues.push(issue);
    else if (value !== undefined) data[field] = value as IsoDate;
  }
  return issues.length > 0
    ? { success: false, issues }
    : { success: true, data: data as CheckedTimelineInput };
}
