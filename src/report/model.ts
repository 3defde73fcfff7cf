import type { QualityStatementId } from '../framework/quality-statements.js';
import type { QualityStatementScores } from '../scoring/assessment-result.js';
import type { QualityStatementScore } from '../scoring/ratings.js';
import type { IsoDate } from '../timeline/iso-date.js';

/**
 * The states of a report, in lifecycle order (domain README §7): internal quality
 * assurance, the calibration panel, the draft report, the council's factual accuracy
 * check, the final report, publication, a rating process review, temporary withdrawal
 * to correct an error, and supersession by a later assessment.
 */
export const REPORT_STATES = [
  'internal-quality-assurance',
  'calibration-panel',
  'draft-report',
  'factual-accuracy-check',
  'final-report',
  'published',
  'rating-process-review',
  'withdrawn',
  'superseded',
] as const;

/** A state of a report. */
export type ReportState = (typeof REPORT_STATES)[number];

/** The kinds of event a report's history records, in lifecycle order. */
export const REPORT_EVENT_TYPES = [
  'assessment-scored',
  'score-amended',
  'quality-assurance-completed',
  'calibration-panel-held',
  'draft-report-sent',
  'factual-accuracy-extension-granted',
  'factual-accuracy-comments-submitted',
  'factual-accuracy-comment-decided',
  'factual-accuracy-check-concluded',
  'report-published',
  'rating-process-review-requested',
  'rating-process-review-concluded',
  'report-withdrawn',
  'report-republished',
  'report-superseded',
  'section-50-notice-given',
  'special-measures-recommended',
] as const;

/** The kind of a report event. */
export type ReportEventType = (typeof REPORT_EVENT_TYPES)[number];

/**
 * Council roles. A rating process review may be requested only by the chief executive or
 * the named liaison (firm); factual accuracy comments may come from any council role.
 */
export const COUNCIL_ROLES = [
  'chief-executive',
  'named-liaison',
  'director-of-adult-social-services',
  'council-officer',
] as const;

/** A role at the council. */
export type CouncilRole = (typeof COUNCIL_ROLES)[number];

/**
 * CQC roles, as labels for the audit trail (modelled: CQC publishes no role list; any
 * CQC role may record a CQC event).
 */
export const CQC_ROLES = [
  'cqc-assessment-team',
  'cqc-quality-assurance',
  'cqc-calibration-panel',
  'cqc-rating-review-team',
] as const;

/** A role at CQC. */
export type CqcRole = (typeof CQC_ROLES)[number];

/** Anyone who can act on a report: a council role or a CQC role. */
export type ReportRole = CouncilRole | CqcRole;

/**
 * What a factual accuracy comment may flag (CQC's three grounds): a typographical or
 * numerical error, factually inaccurate information that affected a judgement, or
 * information omitted that was relevant at the time.
 */
export const FACTUAL_ACCURACY_CATEGORIES = [
  'typographical-or-numerical-error',
  'factually-inaccurate-information',
  'omitted-information',
] as const;

/** The ground of a factual accuracy comment. */
export type FactualAccuracyCategory = (typeof FACTUAL_ACCURACY_CATEGORIES)[number];

/** CQC's decision on a factual accuracy comment. */
export const COMMENT_DECISIONS = ['accepted', 'not-accepted'] as const;

/** CQC's decision on a factual accuracy comment. */
export type CommentDecision = (typeof COMMENT_DECISIONS)[number];

/** The outcome of a rating process review: upheld (CQC did not follow its process) or not. */
export const REVIEW_OUTCOMES = ['upheld', 'not-upheld'] as const;

/** The outcome of a rating process review. */
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** A new score for one quality statement. */
export interface ScoreChange {
  /** The quality statement; it must have been scored in the assessment. */
  readonly qualityStatement: QualityStatementId;
  /** Its new score, different from the current one. */
  readonly score: QualityStatementScore;
}

/** One comment of the council's factual accuracy response. */
export interface FactualAccuracyComment {
  /** The council's reference for the comment, unique within the report. */
  readonly id: string;
  /** What it flags. */
  readonly category: FactualAccuracyCategory;
  /** The quality statement it concerns, if any. */
  readonly qualityStatement?: QualityStatementId;
  /** The comment. */
  readonly text: string;
}

/** Fields every event has. */
interface EventBase {
  /** The date of the event, `YYYY-MM-DD`; never earlier than the previous event's. */
  readonly date: string;
  /**
   * Who acted. Optional on CQC events (if given, a CQC role); required on the council's
   * events. A role the transition table does not allow is a `not-authorised` error.
   */
  readonly by?: ReportRole;
}

/** CQC has scored the assessment: starts the report, in internal quality assurance. */
export interface AssessmentScoredEvent extends EventBase {
  /** The kind of event. */
  readonly type: 'assessment-scored';
  /** The council assessed, as you name it (e.g. its name or ONS code). */
  readonly council: string;
  /** The quality statement scores (all nine, or a subset for a partial assessment). */
  readonly scores: QualityStatementScores;
  /**
   * The first day of the site visit, `YYYY-MM-DD`, if you know it: it tells which report
   * layout applies (see `reportLayout`; visits from 6 Oct 2025 show financial context).
   */
  readonly siteVisitStart?: string;
}

/** CQC changed a score before the draft was sent (quality assurance, calibration) or while the report is withdrawn to correct an error. */
export interface ScoreAmendedEvent extends EventBase, ScoreChange {
  /** The kind of event. */
  readonly type: 'score-amended';
  /** Why. */
  readonly reason: string;
}

/** Internal quality assurance is complete; the report goes to the calibration panel. */
export interface QualityAssuranceCompletedEvent extends EventBase {
  /** The kind of event. */
  readonly type: 'quality-assurance-completed';
}

/** The calibration panel has met; the draft report can be sent. */
export interface CalibrationPanelHeldEvent extends EventBase {
  /** The kind of event. */
  readonly type: 'calibration-panel-held';
}

/** CQC emailed the draft report to the council; `date` is the date of the email and starts the factual accuracy check. */
export interface DraftReportSentEvent extends EventBase {
  /** The kind of event. */
  readonly type: 'draft-report-sent';
}

/** CQC granted more time for factual accuracy comments, in exceptional circumstances. */
export interface FactualAccuracyExtensionGrantedEvent extends EventBase {
  /** The kind of event. */
  readonly type: 'factual-accuracy-extension-granted';
  /** The new last day for comments, later than the current one. */
  readonly until: string;
  /** The exceptional circumstances. */
  readonly reason: string;
}

/** The council sent its factual accuracy comments (an empty list: it has none). */
export interface FactualAccuracyCommentsSubmittedEvent extends EventBase {
  /** The kind of event. */
  readonly type: 'factual-accuracy-comments-submitted';
  /** Who at the council sent them: a council role. */
  readonly by: ReportRole;
  /** The comments. */
  readonly comments: readonly FactualAccuracyComment[];
}

/** CQC decided on one factual accuracy comment; an accepted comment may change a score. */
export interface FactualAccuracyCommentDecidedEvent extends EventBase {
  /** The kind of event. */
  readonly type: 'factual-accuracy-comment-decided';
  /** The `id` of a submitted comment not yet decided. */
  readonly commentId: string;
  /** The decision. */
  readonly decision: CommentDecision;
  /** Why (recorded as the amendment's reason when the score changes). */
  readonly reason: string;
  /** The score change the accepted comment leads to, if any. */
  readonly amendment?: ScoreChange;
}

/** CQC concluded the factual accuracy check: the report is final. */
export interface FactualAccuracyCheckConcludedEvent extends EventBase {
  /** The kind of event. */
  readonly type: 'factual-accuracy-check-concluded';
}

/** CQC published the report (overall rating and each quality statement score). */
export interface ReportPublishedEvent extends EventBase {
  /** The kind of event. */
  readonly type: 'report-published';
  /**
   * The overall percentage CQC printed on the report ("Overall rating: NN%"), a whole
   * number 0–100, when you know it. `publishedPercentageCheck` flags it when it differs
   * from the percentage of the scores by more than rounding.
   */
  readonly publishedPercentage?: number;
}

/** The council asked for a rating process review (ground: CQC did not follow its process). */
export interface RatingProcessReviewRequestedEvent extends EventBase {
  /** The kind of event. */
  readonly type: 'rating-process-review-requested';
  /** Who made the request: the chief executive or the named liaison. */
  readonly by: ReportRole;
  /** The request, at most 500 words (see `countWords`). */
  readonly grounds: string;
}

/** CQC concluded the rating process review. */
export interface RatingProcessReviewConcludedEvent extends EventBase {
  /** The kind of event. */
  readonly type: 'rating-process-review-concluded';
  /** The outcome. */
  readonly outcome: ReviewOutcome;
  /** Why. */
  readonly reason: string;
}

/** CQC withdrew the published report temporarily to correct an error. */
export interface ReportWithdrawnEvent extends EventBase {
  /** The kind of event. */
  readonly type: 'report-withdrawn';
  /** The error to correct. */
  readonly reason: string;
}

/** CQC republished the corrected report. */
export interface ReportRepublishedEvent extends EventBase {
  /** The kind of event. */
  readonly type: 'report-republished';
}

/** A later assessment's report replaced this one. */
export interface ReportSupersededEvent extends EventBase {
  /** The kind of event. */
  readonly type: 'report-superseded';
  /** A reference to the later assessment or report. */
  readonly supersededBy: string;
}

/**
 * CQC gave the council a notice under section 50 of the Health and Social Care Act 2008
 * (the route where the failure is not substantial): the respects in which the council is
 * failing, the action to take and the time to take it; CQC also informs the Secretary of
 * State. Firm law; when to expect one is modelled (see `interventionSignals`).
 */
export interface Section50NoticeGivenEvent extends EventBase {
  /** The kind of event. */
  readonly type: 'section-50-notice-given';
  /** The respects in which the council is failing to discharge its adult social services functions to an acceptable standard. */
  readonly respects: string;
  /** The action the council is to take. */
  readonly action: string;
  /** The last day to take it, `YYYY-MM-DD`, not before the notice. */
  readonly actionBy: string;
}

/**
 * CQC informed the Secretary of State that the council is failing to discharge its adult
 * social services functions to an acceptable standard and recommended special measures
 * (section 50 of the Health and Social Care Act 2008; firm law). Recorded once.
 */
export interface SpecialMeasuresRecommendedEvent extends EventBase {
  /** The kind of event. */
  readonly type: 'special-measures-recommended';
  /** CQC's reasons, as recorded. */
  readonly reason: string;
}

/** Anything that can happen to a report; every event carries its date. */
export type ReportEvent =
  | AssessmentScoredEvent
  | ScoreAmendedEvent
  | QualityAssuranceCompletedEvent
  | CalibrationPanelHeldEvent
  | DraftReportSentEvent
  | FactualAccuracyExtensionGrantedEvent
  | FactualAccuracyCommentsSubmittedEvent
  | FactualAccuracyCommentDecidedEvent
  | FactualAccuracyCheckConcludedEvent
  | ReportPublishedEvent
  | RatingProcessReviewRequestedEvent
  | RatingProcessReviewConcludedEvent
  | ReportWithdrawnEvent
  | ReportRepublishedEvent
  | ReportSupersededEvent
  | Section50NoticeGivenEvent
  | SpecialMeasuresRecommendedEvent;

/** A recorded change of one quality statement score. */
export interface ScoreAmendment {
  /** When. */
  readonly date: IsoDate;
  /** Which statement. */
  readonly qualityStatement: QualityStatementId;
  /** Its score before. */
  readonly from: QualityStatementScore;
  /** Its score after. */
  readonly to: QualityStatementScore;
  /** Why. */
  readonly reason: string;
  /** The factual accuracy comment that led to it, or `null` for a `score-amended` event. */
  readonly commentId: string | null;
}

/** CQC's recorded decision on a factual accuracy comment. */
export interface CommentDecisionRecord {
  /** When CQC decided. */
  readonly date: IsoDate;
  /** The decision. */
  readonly decision: CommentDecision;
  /** Why. */
  readonly reason: string;
}

/** A factual accuracy comment as the report records it. */
export interface RecordedComment extends FactualAccuracyComment {
  /** When the council submitted it. */
  readonly submittedOn: IsoDate;
  /** CQC's decision, or `null` while undecided. */
  readonly decision: CommentDecisionRecord | null;
}

/** Where the factual accuracy check stands. */
export interface FactualAccuracyRecord {
  /** The date of the email sending the draft report. */
  readonly draftSentOn: IsoDate;
  /** The last day for comments granted by an exceptional extension, or `null`. */
  readonly extendedTo: IsoDate | null;
  /** When the council last sent comments (or said it has none), or `null`. */
  readonly respondedOn: IsoDate | null;
  /** The comments, in the order received. */
  readonly comments: readonly RecordedComment[];
  /** When CQC concluded the check, or `null`. */
  readonly concludedOn: IsoDate | null;
}

/** A rating process review. */
export interface RatingProcessReviewRecord {
  /** When it was requested. */
  readonly requestedOn: IsoDate;
  /** Who requested it. */
  readonly requestedBy: CouncilRole;
  /** The outcome, or `null` while under review. */
  readonly outcome: ReviewOutcome | null;
  /** When it was concluded, or `null`. */
  readonly concludedOn: IsoDate | null;
}

/** A temporary withdrawal. */
export interface WithdrawalRecord {
  /** When the report was withdrawn. */
  readonly withdrawnOn: IsoDate;
  /** The error to correct. */
  readonly reason: string;
  /** When it was republished, or `null` while withdrawn. */
  readonly republishedOn: IsoDate | null;
}

/** A section 50 notice as the report records it. */
export interface Section50NoticeRecord {
  /** When CQC gave it. */
  readonly givenOn: IsoDate;
  /** The respects in which the council is failing. */
  readonly respects: string;
  /** The action to take. */
  readonly action: string;
  /** The last day to take it. */
  readonly actionBy: IsoDate;
}

/** CQC's recommendation of special measures to the Secretary of State. */
export interface SpecialMeasuresRecord {
  /** When CQC recommended it. */
  readonly recommendedOn: IsoDate;
  /** CQC's reasons. */
  readonly reason: string;
}

/**
 * A report: plain JSON, everything in it derived from `history` (replaying the history
 * gives the same report). The rating is not stored: compute it with `reportRating`.
 */
export interface Report {
  /** The council assessed. */
  readonly council: string;
  /** The first day of the site visit, when the `assessment-scored` event gave it; else `null`. */
  readonly siteVisitStart: IsoDate | null;
  /** The current state. */
  readonly state: ReportState;
  /** The current quality statement scores, in framework order. */
  readonly scores: QualityStatementScores;
  /** Every score change since the assessment was scored, in order. */
  readonly amendments: readonly ScoreAmendment[];
  /** The factual accuracy check, once the draft has been sent; else `null`. */
  readonly factualAccuracy: FactualAccuracyRecord | null;
  /** The date of first publication, or `null`. */
  readonly publishedOn: IsoDate | null;
  /** The overall percentage CQC printed on the report, when the `report-published` event gave it; else `null`. */
  readonly publishedPercentage: number | null;
  /** The rating process review, once requested; else `null`. */
  readonly ratingProcessReview: RatingProcessReviewRecord | null;
  /** Temporary withdrawals, in order. */
  readonly withdrawals: readonly WithdrawalRecord[];
  /** The later assessment that superseded this report, or `null`. */
  readonly supersededBy: string | null;
  /** Section 50 notices given to the council, in order. */
  readonly section50Notices: readonly Section50NoticeRecord[];
  /** CQC's recommendation of special measures, or `null`. */
  readonly specialMeasuresRecommendation: SpecialMeasuresRecord | null;
  /** Every accepted event, in order (append-only). */
  readonly history: readonly ReportEvent[];
}

/** Stable codes of the errors `applyReportEvent` and `replayReport` return. */
export const REPORT_EVENT_ERROR_CODES = [
  'invalid-report',
  'invalid-event',
  'illegal-transition',
  'event-out-of-order',
  'not-authorised',
  'deadline-passed',
  'outside-calendar',
  'extension-not-later',
  'check-still-open',
  'duplicate-comment',
  'unknown-comment',
  'comment-already-decided',
  'comments-undecided',
  'quality-statement-not-scored',
  'score-unchanged',
  'review-already-requested',
  'review-request-too-long',
  'action-date-before-notice',
  'already-recommended',
  'input-unreadable',
] as const;

/** A stable code of a rejected event. */
export type ReportEventErrorCode = (typeof REPORT_EVENT_ERROR_CODES)[number];
