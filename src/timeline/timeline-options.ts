import { describeValue } from '../internal/describe.js';
import { ENGLAND_AND_WALES, type WorkingDayCalendar } from './calendar.js';

/** The names of the duration options of {@link computeAssessmentTimeline}. */
export const TIMELINE_DURATION_OPTIONS = [
  'informationReturnWeeks',
  'onSiteEarliestWeeks',
  'onSiteLatestWeeks',
  'onSiteNoticeWeeks',
  'factualAccuracyWorkingDays',
  'ratingReviewWorkingDays',
] as const;

/** One duration option of {@link computeAssessmentTimeline}. */
export type TimelineDurationOption = (typeof TIMELINE_DURATION_OPTIONS)[number];

/** The durations of an assessment's milestones (see {@link PUBLISHED_TIMELINE_DURATIONS}). */
export interface TimelineDurations {
  /** Weeks from notification to the information return due date. Published: 3. */
  readonly informationReturnWeeks: number;
  /** Weeks from notification to the earliest expected on-site day. Published estimate: 9. */
  readonly onSiteEarliestWeeks: number;
  /** Weeks from notification to the latest expected on-site day. Published estimate: 11. */
  readonly onSiteLatestWeeks: number;
  /** Minimum weeks of notice of the on-site dates. Published: 6 (notice is 6–8 weeks). */
  readonly onSiteNoticeWeeks: number;
  /** Working days from the draft report email to the factual accuracy deadline. Published: 10. */
  readonly factualAccuracyWorkingDays: number;
  /** Working days from publication to the rating process review request deadline. Published: 15. */
  readonly ratingReviewWorkingDays: number;
}

/**
 * CQC's published durations (domain reference §6), the defaults of
 * {@link computeAssessmentTimeline}:
 * - `informationReturnWeeks: 3` — the information return is due 3 weeks after notification;
 * - `onSiteEarliestWeeks: 9`, `onSiteLatestWeeks: 11` — on site about 9–11 weeks after
 *   notification (CQC's published estimate, Nov 2023);
 * - `onSiteNoticeWeeks: 6` — the on-site date is given at least 6–8 weeks ahead (6, the low
 *   end, is our modelled threshold: milestones it controls are marked `basis: 'modelled'`);
 * - `factualAccuracyWorkingDays: 10` — factual accuracy comments are due 10 working days
 *   from the date of the draft report email;
 * - `ratingReviewWorkingDays: 15` — a rating process review is requested within 15 working
 *   days of publication.
 *
 * @example
 * ```ts
 * PUBLISHED_TIMELINE_DURATIONS.factualAccuracyWorkingDays; // 10
 * ```
 */
export const PUBLISHED_TIMELINE_DURATIONS: TimelineDurations = /* @__PURE__ */ Object.freeze({
  informationReturnWeeks: 3,
  onSiteEarliestWeeks: 9,
  onSiteLatestWeeks: 11,
  onSiteNoticeWeeks: 6,
  factualAccuracyWorkingDays: 10,
  ratingReviewWorkingDays: 15,
});

/**
 * Options of {@link computeAssessmentTimeline}: every duration (default: the published
 * value, {@link PUBLISHED_TIMELINE_DURATIONS}) and the working-day calendar. Set a duration
 * when CQC changes it; milestones it controls are then marked `basis: 'custom'`.
 */
export interface AssessmentTimelineOptions extends Partial<TimelineDurations> {
  /** Calendar for working days and bank holidays. Default {@link ENGLAND_AND_WALES}. */
  readonly calendar?: WorkingDayCalendar;
}

/** Options with defaults applied. */
export interface ResolvedTimelineOptions {
  readonly durations: TimelineDurations;
  readonly calendar: WorkingDayCalendar;
}

/** Applies defaults; a wrong option is a programmer error (`TypeError`/`RangeError`). */
export function resolveTimelineOptions(options: AssessmentTimelineOptions | undefined): ResolvedTimelineOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError(`options must be an object; got ${describeValue(options)}`);
  }
  const durations: { -readonly [K in TimelineDurationOption]: number } = { ...PUBLISHED_TIMELINE_DURATIONS };
  for (const name of TIMELINE_DURATION_OPTIONS) {
    const value = options?.[name];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0 || value > 520) {
      throw new RangeError(`options.${name} must be a whole number from 0 to 520; got ${describeValue(value)}`);
    }
    durations[name] = value;
  }
  if (durations.onSiteLatestWeeks < durations.onSiteEarliestWeeks) {
    throw new RangeError(`options.onSiteLatestWeeks (${durations.onSiteLatestWeeks}) must not be less than options.onSiteEarliestWeeks (${durations.onSiteEarliestWeeks})`);
  }
  const calendar = options?.calendar ?? ENGLAND_AND_WALES;
  if (typeof calendar !== 'object' || calendar === null || typeof calendar.addWorkingDays !== 'function') {
    throw new TypeError('options.calendar must be a WorkingDayCalendar (see createWorkingDayCalendar)');
  }
  return { durations: Object.freeze(durations), calendar };
}
