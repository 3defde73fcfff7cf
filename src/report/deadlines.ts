import type { WorkingDayCalendar } from '../timeline/calendar.js';
import type { IsoDate } from '../timeline/iso-date.js';
import type { Report } from './model.js';
import { FACTUAL_ACCURACY_WORKING_DAYS, RATING_PROCESS_REVIEW_WORKING_DAYS, resolveReportOptions, type ReportOptions } from './options.js';

/**
 * The n-th working day after `date`, or `undefined` when the calendar does not cover it
 * (the calendar throws `RangeError` there; an event dated so is an error, not a throw).
 */
export function workingDaysAfter(calendar: WorkingDayCalendar, date: string, n: number): IsoDate | undefined {
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
}

/** The factual accuracy deadline of a report whose draft has been sent, or `null`. */
export function factualAccuracyDeadline(report: Report, calendar: WorkingDayCalendar): IsoDate | null {
  const check = report.factualAccuracy;
  if (check === null) return null;
  return check.extendedTo ?? workingDaysAfter(calendar, check.draftSentOn, FACTUAL_ACCURACY_WORKING_DAYS) ?? null;
}

/** The rating process review deadline of a published report, or `null`. */
export function ratingProcessReviewDeadline(report: Report, calendar: WorkingDayCalendar): IsoDate | null {
  return report.publishedOn === null ? null : (workingDaysAfter(calendar, report.publishedOn, RATING_PROCESS_REVIEW_WORKING_DAYS) ?? null);
}

/**
 * The report's deadlines, counted in working days of the calendar in `options`
 * (default England & Wales): the factual accuracy comments' and the rating process
 * review request's.
 *
 * @example
 * ```ts
 * // A draft emailed on Friday 20 Dec 2024: Christmas, Boxing Day and New Year's Day
 * // are not working days, so comments are due by Wednesday 8 Jan 2025.
 * reportDeadlines(report).factualAccuracyComments; // '2025-01-08'
 * ```
 */
export function reportDeadlines(report: Report, options?: ReportOptions): ReportDeadlines {
  const { calendar } = resolveReportOptions(options);
  return Object.freeze({
    factualAccuracyComments: factualAccuracyDeadline(report, calendar),
    ratingProcessReviewRequest: ratingProcessReviewDeadline(report, calendar),
  });
}
