import { describeValue } from '../internal/describe.js';
import { wholeNumberOption } from '../internal/options.js';
import {
  isIsoDate,
  notAnIsoDate,
  toDayNumber,
  fromDayNumber,
  type IsoDate,
} from '../timeline/iso-date.js';
import { ASSESSMENT_DURATION_RULES } from '../timeline/rules.js';

/** Window durations beyond ten years are a mistake (and could run past the year 9999). */
const MAX_WINDOW_DAYS = 3660;
import type { DatedActivity } from './model.js';

// The published durations, from their one home in la-assurance/timeline (domain reference §6).
const WEEK = 7;
const IR_DAYS = WEEK * ASSESSMENT_DURATION_RULES.informationReturnWeeks.value;
const ON_SITE_FROM_DAYS = WEEK * ASSESSMENT_DURATION_RULES.onSiteEarliestWeeks.value;
const ON_SITE_TO_DAYS = WEEK * ASSESSMENT_DURATION_RULES.onSiteLatestWeeks.value;

/**
 * Standard durations of an assessment, in calendar days (whole numbers from 0 to 3,660) from the notification. Defaults
 * are the published ones (domain README §6): information return due 3 weeks after
 * notification, on site 9–11 weeks after it.
 */
export interface AssessmentWindowOptions {
  /** Days from notification to the information return deadline. Default 21 (3 weeks, published). */
  readonly informationReturnDays?: number;
  /** Days from notification to the earliest on-site day. Default 63 (9 weeks, published). */
  readonly onSiteFromDays?: number;
  /** Days from notification to the latest on-site day. Default 77 (11 weeks, published). */
  readonly onSiteToDays?: number;
  /**
   * Which part of the assessment another activity must not overlap: `'whole-assessment'`
   * (notification to the latest on-site day; default, modelled) or `'on-site'` (the
   * on-site window only).
   */
  readonly conflictPeriod?: 'whole-assessment' | 'on-site';
}

/** The key dates of one council's assessment, from its notification. */
export interface AssessmentWindow {
  /** Notification and information return request. */
  readonly notification: IsoDate;
  /** Information return due. */
  readonly informationReturnDue: IsoDate;
  /** Earliest on-site day. */
  readonly onSiteFrom: IsoDate;
  /** Latest on-site day. */
  readonly onSiteTo: IsoDate;
  /** First day of the period other activity must not overlap. */
  readonly conflictFrom: IsoDate;
  /** Last day of that period. */
  readonly conflictTo: IsoDate;
}

function days(value: number | undefined, fallback: number, name: string): number {
  return wholeNumberOption(value ?? fallback, `window.${name} (days)`, 0, MAX_WINDOW_DAYS);
}

/**
 * The assessment window that follows a notification on `notificationDate`, from the
 * standard durations (calendar days; options override them).
 *
 * @throws RangeError for a date that is not `YYYY-MM-DD` or a negative or fractional duration (programmer errors).
 * @example
 * ```ts
 * import { assessmentWindow } from 'la-assurance/tranche';
 *
 * const w = assessmentWindow('2023-12-04');
 * w.informationReturnDue; // '2023-12-25'
 * w.onSiteFrom;           // '2024-02-05'
 * w.onSiteTo;             // '2024-02-19'
 * ```
 */
export function assessmentWindow(
  notificationDate: string,
  options?: AssessmentWindowOptions,
): AssessmentWindow {
  if (!isIsoDate(notificationDate))
    throw notAnIsoDate(notificationDate, 'notificationDate, a date');
  const start = toDayNumber(notificationDate);
  const ir = days(options?.informationReturnDays, IR_DAYS, 'informationReturnDays');
  const from = days(options?.onSiteFromDays, ON_SITE_FROM_DAYS, 'onSiteFromDays');
  const to = days(options?.onSiteToDays, ON_SITE_TO_DAYS, 'onSiteToDays');
  if (to < from)
    throw new RangeError(
      `window.onSiteToDays (${to}) must not be before window.onSiteFromDays (${from})`,
    );
  const period = options?.conflictPeriod ?? 'whole-assessment';
  if (period !== 'whole-assessment' && period !== 'on-site')
    throw new TypeError(
      `window.conflictPeriod must be 'whole-assessment' or 'on-site'; got ${describeValue(period)}`,
    );
  const onSiteFrom = fromDayNumber(start + from);
  const onSiteTo = fromDayNumber(start + to);
  return Object.freeze({
    notification: notificationDate,
    informationReturnDue: fromDayNumber(start + ir),
    onSiteFrom,
    onSiteTo,
    conflictFrom: period === 'on-site' ? onSiteFrom : notificationDate,
    conflictTo: onSiteTo,
  });
}

/** Whether a (validated) dated activity overlaps the window's conflict period. */
export function overlapsWindow(activity: DatedActivity, window: AssessmentWindow): boolean {
  return activity.start <= window.conflictTo && activity.end >= window.conflictFrom;
}
