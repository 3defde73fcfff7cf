import type { WorkingDayCalendar } from '../timeline/calendar.js';
import type { IsoDate } from '../timeline/iso-date.js';
import type { FactualAccuracyRecord, Report } from './model.js';
import {
  FACTUAL_ACCURACY_WORKING_DAYS,
  RATING_PROCESS_REVIEW_WORKING_DAYS,
  resolveReportOptions,
  type ReportOptions,
} from './options.js';

/**
 * The n-th working day after `date`, or `undefined` when the calendar does not cover it
 * (the calendar throws `RangeError` there; an event dated so is an error, not a throw).
 */
export function workingDaysAfter(
  calendar: WorkingDayCalendar,
  date: string,
  n: number,
): IsoDate | undefined {
  try {
    return calendar.addWorkingDays(date, n);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** The report's deadlines (`null` where the step has not started). */
export interface ReportDeadlines {
  /**
   * The last day for factual accuracy comments: 10 working days after the date of the
   * draft's email (that day not counted), or the exceptional extension. Comments dated on
   * or before it are in time.
   */
  readonly factualAccuracyComments: IsoDate | null;
  /** The last day to request a rating process review: 15 working days after first publication. */
  readonly ratingProcessReviewRequest: IsoDate | null;
  /** The action date of the latest section 50 notice, or `null` when none was given. */
  readonly section50ActionBy: IsoDate | null;
}

/** The factual accuracy deadline once the draft has been sent (`check` not null), else `null`. */
export function factualAccuracyDeadline(
  check: Pick<FactualAccuracyRecord, 'draftSentOn' | 'extendedTo'> | null,
  calendar: WorkingDayCalendar,
): IsoDate | null {
  if (check === null) return null;
  return (
    check.extendedTo ??
    workingDaysAfter(calendar, check.draftSentOn, FACTUAL_ACCURACY_WORKING_DAYS) ??
    null
  );
}

/** The rating process review deadline of a report published on `publishedOn`, or `null`. */
export function ratingProcessReviewDeadline(
  publishedOn: IsoDate | null,
  calendar: WorkingDayCalendar,
): IsoDate | null {
  return publishedOn === null
    ? null
    : (workingDaysAfter(calendar, publishedOn, RATING_PROCESS_REVIEW_WORKING_DAYS) ?? null);
}

/**
 * The report's deadlines, counted in working days of the calendar in `options`
 * (default England & Wales): the factual accuracy comments' and the rating process
 * review request's; and the action date of the latest section 50 notice.
 *
 * @example
 * ```ts
 * import { replayReport, reportDeadlines } from 'la-assurance/report';
 *
 * const replayed = replayReport([
 *   { type: 'assessment-scored', date: '2024-11-04', council: 'Example Council', scores: { safeguarding: 2, 'assessing-needs': 3 } },
 *   { type: 'quality-assurance-completed', date: '2024-11-18' },
 *   { type: 'calibration-panel-held', date: '2024-12-02' },
 *   { type: 'draft-report-sent', date: '2024-12-20' }, // a Friday, before Christmas
 * ]);
 * if (!replayed.success) throw new Error(replayed.issues[0]?.message);
 * const report = replayed.data;
 * // Christmas, Boxing Day and New Year's Day are not working days: comments due Wednesday 8 Jan 2025.
 * reportDeadlines(report).factualAccuracyComments; // '2025-01-08'
 * ```
 */
export function reportDeadlines(report: Report, options?: ReportOptions): ReportDeadlines {
  const { calendar } = resolveReportOptions(options);
  return Object.freeze({
    factualAccuracyComments: factualAccuracyDeadline(report.factualAccuracy, calendar),
    ratingProcessReviewRequest: ratingProcessReviewDeadline(report.publishedOn, calendar),
    section50ActionBy: report.section50Notices.at(-1)?.actionBy ?? null,
  });
}
