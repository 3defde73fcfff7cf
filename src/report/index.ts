/**
 * The report lifecycle as an auditable state machine: from internal quality assurance and
 * the calibration panel, through the draft report and the council's factual accuracy
 * check (10 working days), to publication, a rating process review (15 working days, one
 * request of at most 500 words, by the chief executive or named liaison), temporary
 * withdrawal and supersession. Events are applied by a pure function; illegal events are
 * errors with stable codes; the history is append-only and replays to the same report;
 * the rating is always recomputed from the scores. Plus the intervention signals of a
 * report (notification of the Secretary of State; a modelled DHSC intervention level).
 *
 * @module report
 */
export {
  REPORT_STATES,
  REPORT_EVENT_TYPES,
  REPORT_EVENT_ERROR_CODES,
  COUNCIL_ROLES,
  CQC_ROLES,
  FACTUAL_ACCURACY_CATEGORIES,
  COMMENT_DECISIONS,
  REVIEW_OUTCOMES,
  type ReportState,
  type ReportEventType,
  type ReportEventErrorCode,
  type CouncilRole,
  type CqcRole,
  type ReportRole,
  type FactualAccuracyCategory,
  type CommentDecision,
  type ReviewOutcome,
  type ScoreChange,
  type FactualAccuracyComment,
  type ReportEvent,
  type AssessmentScoredEvent,
  type ScoreAmendedEvent,
  type QualityAssuranceCompletedEvent,
  type CalibrationPanelHeldEvent,
  type DraftReportSentEvent,
  type FactualAccuracyExtensionGrantedEvent,
  type FactualAccuracyCommentsSubmittedEvent,
  type FactualAccuracyCommentDecidedEvent,
  type FactualAccuracyCheckConcludedEvent,
  type ReportPublishedEvent,
  type RatingProcessReviewRequestedEvent,
  type RatingProcessReviewConcludedEvent,
  type ReportWithdrawnEvent,
  type ReportRepublishedEvent,
  type ReportSupersededEvent,
  type Section50NoticeGivenEvent,
  type SpecialMeasuresRecommendedEvent,
  type Section50NoticeRecord,
  type SpecialMeasuresRecord,
  type Report,
  type ScoreAmendment,
  type RecordedComment,
  type CommentDecisionRecord,
  type FactualAccuracyRecord,
  type RatingProcessReviewRecord,
  type WithdrawalRecord,
} from './model.js';
export { REPORT_TRANSITIONS, findReportTransition, type ReportTransition } from './transitions.js';
export { applyReportEvent, type ReportEventResult, type ReportEventError } from './apply-event.js';
export { replayReport, type ReplayResult } from './replay.js';
export { reportDeadlines, type ReportDeadlines } from './deadlines.js';
export {
  FACTUAL_ACCURACY_WORKING_DAYS,
  RATING_PROCESS_REVIEW_WORKING_DAYS,
  RATING_PROCESS_REVIEW_MAX_WORDS,
  type ReportOptions,
} from './options.js';
export { countWords } from './word-count.js';
export { reportRating } from './rating.js';
export { reportStateDiagram } from './diagram.js';
export {
  INTERVENTION_LEVELS,
  SECTION_50_ROUTES,
  MODELLED_INTERVENTION_MAPPING,
  interventionSignals,
  type InterventionLevel,
  type InterventionMapping,
  type InterventionOptions,
  type InterventionSignals,
  type Section50Route,
} from './intervention.js';
export {
  parseReport,
  safeParseReport,
  type ReportParseIssueCode,
  type ReportParseOptions,
} from './parse.js';
export { reportDigest } from './digest.js';
export { publishedPercentageCheck, type PublishedPercentageCheck } from './published-percentage.js';
export {
  REPORT_LAYOUTS,
  FINANCIAL_CONTEXT_FROM,
  reportLayout,
  type ReportLayout,
  type ReportLayoutResult,
} from './layout.js';
export {
  safeParseRatingCharacteristics,
  explainStatementScores,
  type RatingCharacteristics,
  type CharacteristicsByRating,
  type RatingCharacteristicsIssueCode,
  type StatementExplanation,
} from './rating-characteristics.js';
export {
  ASSESSMENT_CYCLES,
  directionOfTravel,
  nextAssessmentWindow,
  assessmentHistory,
  type AssessmentHistoryEntry,
  type AssessmentCycle,
  type AssessmentCycles,
  type DirectionOfTravel,
  type StatementDirection,
  type NextAssessmentWindow,
} from './reassessment.js';
export { ReportEventSchema, ReportSchema } from './schemas.js';
export {
  LaAssuranceError,
  isLaAssuranceError,
  type ValidationIssue,
  type ValidationResult,
  type IssuePath,
} from '../errors/index.js';
