import { calendarOption, type WorkingDayCalendar } from '../timeline/calendar.js';
import { ASSESSMENT_DURATION_RULES } from '../timeline/rules.js';
import { countWords } from './word-count.js';

/**
 * Working days the council has for factual accuracy comments, from the date of the draft's
 * email (firm; kept once in `la-assurance/timeline` as `ASSESSMENT_DURATION_RULES.factualAccuracyWorkingDays`).
 */
export const FACTUAL_ACCURACY_WORKING_DAYS: number =
  ASSESSMENT_DURATION_RULES.factualAccuracyWorkingDays.value;

/**
 * Working days after publication within which a rating process review may be requested
 * (firm; kept once in `la-assurance/timeline` as `ASSESSMENT_DURATION_RULES.ratingReviewWorkingDays`).
 */
export const RATING_PROCESS_REVIEW_WORKING_DAYS: number =
  ASSESSMENT_DURATION_RULES.ratingReviewWorkingDays.value;

/** Most words a rating process review request may have (firm; how words are counted is modelled, see `countWords`). */
export const RATING_PROCESS_REVIEW_MAX_WORDS = 500;

/** Options of the report functions. */
export interface ReportOptions {
  /**
   * The working-day calendar the deadlines are counted in. Default `ENGLAND_AND_WALES`
   * from `la-assurance/timeline`; pass `createWorkingDayCalendar({ add: [...] })` when a
   * bank holiday has been announced since this release. Replay a stored report with the
   * calendar it was built with (or one that agrees on its dates).
   */
  readonly calendar?: WorkingDayCalendar;
  /** How the words of a rating process review request are counted. Default {@link countWords} (modelled). */
  readonly countWords?: (text: string) => number;
}

/** Options with their defaults applied. */
export interface ResolvedReportOptions {
  readonly calendar: WorkingDayCalendar;
  readonly countWords: (text: string) => number;
}

/** Applies defaults; a wrong option is a programmer error (`TypeError`). */
export function resolveReportOptions(options: ReportOptions | undefined): ResolvedReportOptions {
  const calendar = calendarOption(options?.calendar);
  const count = options?.countWords ?? countWords;
  if (typeof count !== 'function')
    throw new TypeError('options.countWords must be a function (text: string) => number');
  return { calendar, countWords: count };
}
