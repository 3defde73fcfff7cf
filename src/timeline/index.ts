/**
 * Calendar dates and deadlines: the England & Wales working-day calendar (bank holidays
 * 1978–2199 by rule plus every one-off change, your own changes on top) and the
 * milestones of a council's CQC assessment, from notification to the rating process review
 * deadline. ISO `YYYY-MM-DD` strings in and out; no time zone, no clock.
 *
 * @module timeline
 */
export { type IsoDate, isIsoDate, isoDate } from './iso-date.js';
export {
  SUPPORTED_YEARS,
  type SupportedYears,
  ENGLAND_AND_WALES_ONE_OFFS,
  type BankHoliday,
  type BankHolidayInput,
  type HolidayChanges,
} from './bank-holidays.js';
export {
  ENGLAND_AND_WALES,
  createWorkingDayCalendar,
  bankHolidays,
  isBankHoliday,
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
  nextWorkingDay,
  previousWorkingDay,
  type WorkingDayCalendar,
  type WorkingDayCalendarOptions,
} from './calendar.js';
export {
  ASSESSMENT_DURATION_RULES,
  type AssessmentDurationRules,
  type Provenance,
  type RuleSource,
  type DurationRule,
} from './rules.js';
export {
  TIMELINE_DURATION_OPTIONS,
  PUBLISHED_TIMELINE_DURATIONS,
  TIMELINE_DURATION_SOURCES,
  TIMELINE_PRESETS,
  type TimelineDurationOption,
  type TimelineDurations,
  type TimelinePreset,
  type TimelinePresetName,
  type AssessmentTimelineOptions,
} from './timeline-options.js';
export {
  PUBLICATION_PAUSES,
  publicationDateAfterPauses,
  type PublicationPause,
  type PausedDate,
} from './publication-pauses.js';
export {
  TIMELINE_INPUT_DATE_FIELDS,
  validateAssessmentTimelineInput,
  type AssessmentTimelineInput,
  type CheckedTimelineInput,
  type TimelineInputDateField,
  type TimelineInputIssueCode,
} from './timeline-input.js';
export {
  MILESTONE_IDS,
  computeAssessmentTimeline,
  type AssessmentTimeline,
  type Milestone,
  type MilestoneId,
  type MilestoneBasis,
  type TimelineWarning,
  type TimelineWarningCode,
} from './assessment-timeline.js';
export {
  safeComputeAssessmentTimeline,
  type SafeTimelineIssueCode,
} from './safe-compute-assessment-timeline.js';
export { IsoDateSchema, AssessmentTimelineInputSchema } from './schemas.js';
export {
  LaAssuranceError,
  isLaAssuranceError,
  type ValidationIssue,
  type ValidationResult,
  type IssuePath,
} from '../errors/index.js';
