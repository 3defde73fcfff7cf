import type { IssuePath, ValidationIssue } from '../errors/index.js';
import { QUALITY_STATEMENTS } from '../framework/quality-statements.js';
import { isPlainObject } from '../internal/describe.js';
import type { QualityStatementScores } from '../scoring/assessment-result.js';
import type { QualityStatementScore } from '../scoring/ratings.js';
import type { IsoDate } from '../timeline/iso-date.js';
import { checkReportEvent } from './check-event.js';
import { factualAccuracyDeadline, ratingProcessReviewDeadline, workingDaysAfter } from './deadlines.js';
import {
  COUNCIL_ROLES,
  CQC_ROLES,
  REPORT_STATES,
  type CouncilRole,
  type FactualAccuracyRecord,
  type Report,
  type ReportEvent,
  type ReportEventErrorCode,
  type ReportRole,
  type ScoreAmendment,
  type ScoreChange,
} from './model.js';
import {
  FACTUAL_ACCURACY_WORKING_DAYS,
  RATING_PROCESS_REVIEW_MAX_WORDS, RATING_PROCESS_REVIEW_WORKING_DAYS, resolveReportOptions, type ReportOptions, type ResolvedReportOptions } from './options.js';
import { REPORT_TRANSITIONS, findReportTransition, type ReportTransition } from './transitions.js';

/** Why an event was rejected: a stable `code`, the offending field's `path` in the event, and a message. */
export type ReportEventError = ValidationIssue<ReportEventErrorCode>;

/** The result of {@link applyReportEvent}: the new report, or why the event was rejected. */
export type ReportEventResult =
  | {
      /** The event was accepted. */
      readonly success: true;
      /** The report after the event, with the event appended to its history. */
      readonly report: Report;
    }
  | {
      /** The event was rejected; the report is unchanged. */
      readonly success: false;
      /** Why. */
      readonly error: ReportEventError;
    };

type Changes = Partial<Omit<Report, 'state' | 'history'>>;
type Outcome = { readonly changes: Changes } | { readonly error: ReportEventError };

const fail = (code: ReportEventErrorCode, path: IssuePath, message: string): { error: ReportEventError } => ({
  error: Object.freeze({ code, path: Object.freeze([...path]), message }),
});

function withScore(scores: QualityStatementScores, change: ScoreChange | undefined): QualityStatementScores {
  const out: Record<string, QualityStatementScore> = {};
  for (const { id } of QUALITY_STATEMENTS) {
    const score = change?.qualityStatement === id ? change.score : scores[id];
    if (score !== undefined) out[id] = score;
  }
  return Object.freeze(out) as QualityStatementScores;
}

/** Checks a score change against the current scores and records it as an amendment. */
function amend(report: Report, change: ScoreChange, path: IssuePath, date: string, reason: string, commentId: string | null): Outcome {
  const from = report.scores[change.qualityStatement];
  if (from === undefined) {
    return fail('quality-statement-not-scored', [...path, 'qualityStatement'], `${change.qualityStatement} was not scored in this assessment, so its score cannot be amended`);
  }
  if (from === change.score) {
    return fail('score-unchanged', [...path, 'score'], `${change.qualityStatement} is already scored ${from}; an amendment must change the score`);
  }
  const amendment: ScoreAmendment = Object.freeze({ date: date as IsoDate, qualityStatement: change.qualityStatement, from, to: change.score, reason, commentId });
  return { changes: { scores: withScore(report.scores, change), amendments: Object.freeze([...report.amendments, amendment]) } };
}

function withCheck(report: Report, changes: Partial<FactualAccuracyRecord>): Changes {
  return { factualAccuracy: Object.freeze({ ...report.factualAccuracy!, ...changes }) };
}

function authorised(transition: ReportTransition, by: ReportRole | undefined): boolean {
  if (transition.by === 'cqc') return by === undefined || (CQC_ROLES as readonly string[]).includes(by);
  const allowed: readonly string[] = transition.by === 'council' ? COUNCIL_ROLES : transition.by;
  return by !== undefined && allowed.includes(by);
}

function whoMay(transition: ReportTransition): string {
  if (transition.by === 'cqc') return 'CQC';
  if (transition.by === 'council') return 'the council';
  return `the ${transition.by.map((r) => r.replace(/-/g, ' ')).join(' or the ')}`;
}

/** The event's own rules, and the changes it makes (`report` is {@link BLANK} for the first event). */
function guardAndReduce(report: Report, event: ReportEvent, options: ResolvedReportOptions): Outcome {
  const { calendar } = options;
  switch (event.type) {
    case 'assessment-scored':
      return { changes: { council: event.council, scores: withScore(event.scores, undefined) } };
    case 'quality-assurance-completed':
    case 'calibration-panel-held':
      return { changes: {} };
    case 'score-amended':
      return amend(report, event, [], event.date, event.reason, null);
    case 'draft-report-sent':
      if (workingDaysAfter(calendar, event.date, FACTUAL_ACCURACY_WORKING_DAYS) === undefined) return outsideCalendar(event.date);
      return {
        changes: {
          factualAccuracy: Object.freeze({ draftSentOn: event.date as IsoDate, extendedTo: null, respondedOn: null, comments: Object.freeze([]), concludedOn: null }),
        },
      };
    case 'factual-accuracy-extension-granted': {
      const deadline = factualAccuracyDeadline(report, calendar);
      if (deadline === null) return outsideCalendar(report.factualAccuracy!.draftSentOn);
      if (event.until <= deadline || event.until < event.date) {
        return fail('extension-not-later', ['until'], `The extension must end after the current deadline ${deadline} and not before the day it is granted; got ${event.until}`);
      }
      return { changes: withCheck(report, { extendedTo: event.until as IsoDate }) };
    }
    case 'factual-accuracy-comments-submitted': {
      const check = report.factualAccuracy!;
      const deadline = factualAccuracyDeadline(report, calendar);
      if (deadline === null) return outsideCalendar(report.factualAccuracy!.draftSentOn);
      if (event.date > deadline) {
        return fail(
          'deadline-passed',
          ['date'],
          `Factual accuracy comments were due by ${deadline} (${FACTUAL_ACCURACY_WORKING_DAYS} working days after the draft's email of ${check.draftSentOn}${check.extendedTo ? ', as extended' : ''}); these are dated ${event.date}. Only an exceptional extension recorded by CQC allows later comments.`,
        );
      }
      const ids = new Set(check.comments.map((c) => c.id));
      for (const [i, comment] of event.comments.entries()) {
        if (ids.has(comment.id)) return fail('duplicate-comment', ['comments', i, 'id'], `A comment with id '${comment.id}' was already submitted; give each comment its own id`);
        ids.add(comment.id);
      }
      const added = event.comments.map((c) => Object.freeze({ ...c, submittedOn: event.date as IsoDate, decision: null }));
      return { changes: withCheck(report, { respondedOn: event.date as IsoDate, comments: Object.freeze([...check.comments, ...added]) }) };
    }
    case 'factual-accuracy-comment-decided': {
      const check = report.factualAccuracy!;
      const index = check.comments.findIndex((c) => c.id === event.commentId);
      const comment = check.comments[index];
      if (comment === undefined) return fail('unknown-comment', ['commentId'], `No factual accuracy comment '${event.commentId}' has been submitted`);
      if (comment.decision !== null) {
        return fail('comment-already-decided', ['commentId'], `Comment '${event.commentId}' was already ${comment.decision.decision} on ${comment.decision.date}`);
      }
      const decided = Object.freeze({ ...comment, decision: Object.freeze({ date: event.date as IsoDate, decision: event.decision, reason: event.reason }) });
      const comments = Object.freeze(check.comments.map((c, i) => (i === index ? decided : c)));
      if (event.amendment === undefined) return { changes: withCheck(report, { comments }) };
      const amended = amend(report, event.amendment, ['amendment'], event.date, event.reason, event.commentId);
      return 'error' in amended ? amended : { changes: { ...amended.changes, ...withCheck(report, { comments }) } };
    }
    case 'factual-accuracy-check-concluded': {
      const check = report.factualAccuracy!;
      const open = check.comments.filter((c) => c.decision === null).map((c) => c.id);
      if (open.length > 0) return fail('comments-undecided', [], `Decide every factual accuracy comment before concluding the check; undecided: ${open.join(', ')}`);
      const deadline = factualAccuracyDeadline(report, calendar);
      if (deadline === null) return outsideCalendar(report.factualAccuracy!.draftSentOn);
      if (check.respondedOn === null && event.date <= deadline) {
        return fail('check-still-open', ['date'], `The council has until ${deadline} to send factual accuracy comments and has not responded; conclude the check after ${deadline}`);
      }
      return { changes: withCheck(report, { concludedOn: event.date as IsoDate }) };
    }
    case 'report-published':
      if (workingDaysAfter(calendar, event.date, RATING_PROCESS_REVIEW_WORKING_DAYS) === undefined) return outsideCalendar(event.date);
      return { changes: { publishedOn: event.date as IsoDate } };
    case 'rating-process-review-requested': {
      if (report.ratingProcessReview !== null) {
        return fail('review-already-requested', [], `A rating process review was already requested on ${report.ratingProcessReview.requestedOn}; only one request is allowed per assessment`);
      }
      const deadline = ratingProcessReviewDeadline(report, calendar);
      if (deadline === null) return outsideCalendar(report.publishedOn!);
      if (event.date > deadline) {
        return fail('deadline-passed', ['date'], `A rating process review had to be requested by ${deadline} (${RATING_PROCESS_REVIEW_WORKING_DAYS} working days after publication on ${report.publishedOn}); this request is dated ${event.date}`);
      }
      const words = options.countWords(event.grounds);
      if (words > RATING_PROCESS_REVIEW_MAX_WORDS) {
        return fail('review-request-too-long', ['grounds'], `A rating process review request may have at most ${RATING_PROCESS_REVIEW_MAX_WORDS} words; this one has ${words}`);
      }
      return {
        changes: { ratingProcessReview: Object.freeze({ requestedOn: event.date as IsoDate, requestedBy: event.by as CouncilRole, outcome: null, concludedOn: null }) },
      };
    }
    case 'rating-process-review-concluded':
      return { changes: { ratingProcessReview: Object.freeze({ ...report.ratingProcessReview!, outcome: event.outcome, concludedOn: event.date as IsoDate }) } };
    case 'report-withdrawn':
      return { changes: { withdrawals: Object.freeze([...report.withdrawals, Object.freeze({ withdrawnOn: event.date as IsoDate, reason: event.reason, republishedOn: null })]) } };
    case 'report-republished': {
      const last = report.withdrawals.at(-1)!;
      return { changes: { withdrawals: Object.freeze([...report.withdrawals.slice(0, -1), Object.freeze({ ...last, republishedOn: event.date as IsoDate })]) } };
    }
    case 'report-superseded':
      return { changes: { supersededBy: event.supersededBy } };
    default:
      return assertNever(event);
  }
}

function outsideCalendar(date: string): { error: ReportEventError } {
  return fail('outside-calendar', ['date'], `The working-day calendar does not cover the deadline counted from ${date}; check the date, or pass a calendar that covers it`);
}

function assertNever(value: never): never {
  throw new Error(`unreachable: ${JSON.stringify(value)}`);
}

/** The report before its first event: what `assessment-scored` starts from. */
const BLANK: Report = Object.freeze({
  council: '',
  state: 'internal-quality-assurance',
  scores: Object.freeze({}),
  amendments: Object.freeze([]),
  factualAccuracy: null,
  publishedOn: null,
  ratingProcessReview: null,
  withdrawals: Object.freeze([]),
  supersededBy: null,
  history: Object.freeze([]),
});

function looksLikeReport(value: unknown): value is Report {
  return isPlainObject(value) && (REPORT_STATES as readonly unknown[]).includes(value['state']) && Array.isArray(value['history']) && value['history'].length > 0;
}

/** The events allowed in `state`, for messages. */
function allowedEvents(state: Report['state'] | null): string {
  const events = REPORT_TRANSITIONS.filter((x) => x.from === state).map((x) => x.event);
  return events.length > 0 ? events.join(', ') : 'none (the report is superseded)';
}

/**
 * Applies one event to a report (pass `undefined` for the first event, which must be
 * `assessment-scored`). Pure: returns a new frozen report with the event appended to its
 * history, or an error with a stable code, and never throws on bad data. Checks, in order:
 * the event's shape (`invalid-event`), that the transition table allows it in the current
 * state (`illegal-transition`), that it is not dated before the previous event
 * (`event-out-of-order`), the actor's role (`not-authorised`), then its guard (deadlines
 * in working days of `options.calendar`, one review request of at most 500 words, …).
 *
 * @example
 * ```ts
 * let r = applyReportEvent(undefined, {
 *   type: 'assessment-scored', date: '2024-11-01', council: 'Example Council',
 *   scores: { safeguarding: 2, 'assessing-needs': 3 },
 * });
 * if (r.success) r = applyReportEvent(r.report, { type: 'report-published', date: '2024-11-02' });
 * if (!r.success) r.error.code; // 'illegal-transition' (internal quality assurance comes first)
 * ```
 */
export function applyReportEvent(report: Report | undefined, event: ReportEvent, options?: ReportOptions): ReportEventResult {
  const resolved = resolveReportOptions(options);
  if (report !== undefined && !looksLikeReport(report)) {
    return { success: false, error: fail('invalid-report', [], 'Expected a report made by applyReportEvent, replayReport or parseReport (or undefined before the first event)').error };
  }
  const checked = checkReportEvent(event);
  if ('issue' in checked) return { success: false, error: Object.freeze(checked.issue) };
  const accepted = checked.event;
  const state = report?.state ?? null;
  const transition = findReportTransition(state, accepted.type);
  if (transition === undefined) {
    const where = state === null ? 'before the assessment is scored' : `when the report is in '${state}'`;
    return { success: false, error: fail('illegal-transition', ['type'], `'${accepted.type}' cannot happen ${where}; allowed: ${allowedEvents(state)}`).error };
  }
  const previous = report?.history.at(-1);
  if (previous !== undefined && accepted.date < previous.date) {
    return {
      success: false,
      error: fail('event-out-of-order', ['date'], `Events are recorded in date order: this one is dated ${accepted.date}, before the previous event (${previous.type}, ${previous.date})`).error,
    };
  }
  if (!authorised(transition, accepted.by)) {
    const who = accepted.by === undefined ? 'nobody' : `the ${accepted.by.replace(/-/g, ' ')}`;
    return { success: false, error: fail('not-authorised', ['by'], `Only ${whoMay(transition)} may record '${accepted.type}'; it was recorded by ${who}`).error };
  }
  const base = report ?? BLANK;
  const outcome = guardAndReduce(base, accepted, resolved);
  if ('error' in outcome) return { success: false, error: outcome.error };
  const next: Report = Object.freeze({
    council: base.council,
    state: transition.to,
    scores: base.scores,
    amendments: base.amendments,
    factualAccuracy: base.factualAccuracy,
    publishedOn: base.publishedOn,
    ratingProcessReview: base.ratingProcessReview,
    withdrawals: base.withdrawals,
    supersededBy: base.supersededBy,
    ...outcome.changes,
    history: Object.freeze([...base.history, accepted]),
  });
  return { success: true, report: next };
}
