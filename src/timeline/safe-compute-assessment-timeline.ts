import type { ValidationIssue, ValidationResult } from '../errors/index.js';
import {
  computeResolvedAssessmentTimeline,
  type AssessmentTimeline,
} from './assessment-timeline.js';
import { AssessmentTimelineInputSchema } from './schemas.js';
import {
  TIMELINE_INPUT_DATE_FIELDS,
  dateIssue,
  validateAssessmentTimelineInput,
  type CheckedTimelineInput,
  type TimelineInputIssueCode,
} from './timeline-input.js';
import { resolveTimelineOptions, type AssessmentTimelineOptions } from './timeline-options.js';
import { describeValue, isPlainObject } from '../internal/describe.js';
import { unreadableIssue } from '../internal/unreadable.js';

const FIELDS: ReadonlySet<string> = new Set(TIMELINE_INPUT_DATE_FIELDS);

/** zod's issues in the library's terms: one issue per field, with a stable code. */
function issuesOf(
  input: unknown,
  zodIssues: readonly { code: string; path: readonly PropertyKey[]; keys?: readonly string[] }[],
): ValidationIssue<TimelineInputIssueCode>[] {
  const out: ValidationIssue<TimelineInputIssueCode>[] = [];
  for (const issue of zodIssues) {
    const field = issue.path[0];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? []) {
        out.push({
          code: 'unknown-field',
          path: [key],
          message: `${key}: not a field of the timeline input; use ${TIMELINE_INPUT_DATE_FIELDS.join(', ')}`,
        });
      }
    } else if (typeof field === 'string' && FIELDS.has(field) && isPlainObject(input)) {
      const found = dateIssue(field as (typeof TIMELINE_INPUT_DATE_FIELDS)[number], input[field]);
      if (found) out.push(found);
    } else {
      out.push({
        code: 'invalid-input',
        path: [],
        message: `input: expected an object such as { notificationDate: '2024-12-20' }; got ${describeValue(input)}`,
      });
    }
  }
  return out;
}

/** Stable codes of the issues of {@link safeComputeAssessmentTimeline}. */
export type SafeTimelineIssueCode = TimelineInputIssueCode | 'beyond-calendar';

/**
 * {@link computeAssessmentTimeline} for untrusted input (a form, JSON): validates with
 * zod ({@link AssessmentTimelineInputSchema}) and the calendar's year range first, never
 * throws on bad data, and returns `{ success: true, data }` or `{ success: false, issues }`
 * with codes `'invalid-input'`, `'missing-date'`, `'invalid-date'`, `'date-out-of-range'`,
 * `'unknown-field'`, `'beyond-calendar'` (a milestone would fall outside 1978–2199, e.g. a
 * notification in late 2199) or `'input-unreadable'` (reading the input threw: a throwing
 * getter, a revoked Proxy). Inconsistent but valid dates give `data.warnings`.
 *
 * @throws TypeError or RangeError for malformed options (a programmer error).
 * @example
 * ```ts
 * import { safeComputeAssessmentTimeline } from 'la-assurance/timeline';
 *
 * const r = safeComputeAssessmentTimeline({ notificationDate: '2024-10-07', publishedDate: '2025-03-01' });
 * r.success; // false
 * !r.success && r.issues[0]?.code; // 'unknown-field'
 * ```
 */
export function safeComputeAssessmentTimeline(
  input: unknown,
  options?: AssessmentTimelineOptions,
): ValidationResult<AssessmentTimeline, SafeTimelineIssueCode> {
  const resolved = resolveTimelineOptions(options);
  let checked: ValidationResult<CheckedTimelineInput, TimelineInputIssueCode>;
  try {
    const parsed = AssessmentTimelineInputSchema.safeParse(input);
    if (!parsed.success) return { success: false, issues: issuesOf(input, parsed.error.issues) };
    // Copy the fields once, so a getter cannot answer differently the second time.
    checked = validateAssessmentTimelineInput({ ...parsed.data });
  } catch (error) {
    return { success: false, issues: [unreadableIssue(error, [], 'timeline input')] };
  }
  if (!checked.success) return checked;
  const timeline = computeResolvedAssessmentTimeline(checked.data, resolved);
  const beyond = timeline.warnings.filter((w) => w.code === 'beyond-calendar');
  if (beyond.length > 0) {
    return {
      success: false,
      issues: beyond.map((w) => ({
        code: 'beyond-calendar',
        path: ['notificationDate'],
        message: `notificationDate: ${w.message}`,
      })),
    };
  }
  return { success: true, data: timeline };
}
