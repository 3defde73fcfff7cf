import type { IssuePath, ValidationIssue, ValidationResult } from '../errors/index.js';
import { QUALITY_STATEMENTS } from '../framework/quality-statements.js';
import { isPlainObject } from '../internal/describe.js';
import type { QualityStatementScores } from '../scoring/assessment-result.js';
import type { QualityStatementScore } from '../scoring/ratings.js';
import type { IsoDate } from '../timeline/iso-date.js';
import { checkReportEvent } from './check-event.js';
import { blankCore, coreOf, decisionOf, reportOf, type FactualAccuracyHeader, type ReportCore } from './core.js';
import { factualAccuracyDeadline, ratingProcessReviewDeadline, workingDaysAfter } from './deadlines.js';
import { appendLog, findInLog } from './log.js';
import {
  COUNCIL_ROLES,
  CQC_ROLES,
  type CouncilRole,
  type Report,
  type ReportEvent,
  type ReportEventErrorCode,
  type ReportRole,
  type ScoreAmendment,
  type ScoreChange,
} from './model.js';
import {
  FACTUAL_ACCURACY_WORKING_DAYS,
  RATING_PROCESS_REVIEW_MAX_WORDS,
  RATING_PROCESS_REVIEW_WORKING_DAYS,
  resolveReportOptions,
  type ReportOptions,
  type ResolvedReportOptions,
} from './options.js';
import { jsonForMessage, laterFieldDefault, sameJson } from './same-json.js';
import { REPORT_TRANSITIONS, findReportTransition, type ReportTransition } from './transitions.js';

/** Why an event was rejected: a stable `code`, the offending field's `path` in the event, and a message. */
export type ReportEventError = ValidationIssue<ReportEventErrorCode>;

/**
 * The result of {@link applyReportEvent}, the library's one result shape:
 * `{ success: true, data }` with the new report, or `{ success: false, issues }` with the
 * one reason the event was rejected (the report is unchanged).
 */
export type ReportEventResult = ValidationResult<Report, ReportEventErrorCode>;

type Changes = Partial<Omit<ReportCore, 'state' | 'history' | 'last'>>;
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
function amend(core: ReportCore, change: ScoreChange, path: IssuePath, date: string, reason: string, commentId: string | null): Outcome {
  const from = core.scores[change.qualityStatement];
  if (from === undefined) {
    return fail('quality-statement-not-scored', [...path, 'qualityStatement'], `${change.qualityStatement} was not scored in this assessment, so its score cannot be amended`);
  }
  if (from === change.score) {
    return fail('score-unchanged', [...path, 'score'], `${change.qualityStatement} is already scored ${from}; an amendment must change the score`);
  }
  const amendment: ScoreAmendment = Object.freeze({ date: date as IsoDate, qualityStatement: change.qualityStatement, from, to: change.score, reason, commentId });
  return { changes: { scores: withScore(core.scores, change), amendments: appendLog(core.amendments, amendment) } };
}

function withCheck(core: ReportCore, changes: Partial<FactualAccuracyHeader>): FactualAccuracyHeader {
  return Object.freeze({ ...core.factualAccuracy!, ...changes });
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

/** The event's own rules, and the changes it makes (`core` is blank for the first event). */
function guardAndReduce(core: ReportCore, event: ReportEvent, options: ResolvedReportOptions): Outcome {
  const { calendar } = options;
  switch (event.type) {
    case 'assessment-scored':
      return { changes: { council: event.council, scores: withScore(event.scores, undefined), siteVisitStart: (event.siteVisitStart as IsoDate | undefined) ?? null } };
    case 'quality-assurance-completed':
    case 'calibration-panel-held':
      return { changes: {} };
    case 'score-amended':
      return amend(core, event, [], event.date, event.reason, null);
    case 'draft-report-sent':
      if (workingDaysAfter(calendar, event.date, FACTUAL_ACCURACY_WORKING_DAYS) === undefined) return outsideCalendar(event.date);
      return { changes: { factualAccuracy: Object.freeze({ draftSentOn: event.date as IsoDate, extendedTo: null, respondedOn: null, concludedOn: null }) } };
    case 'factual-accuracy-extension-granted': {
      const deadline = factualAccuracyDeadline(core.factualAccuracy, calendar);
      if (deadline === null) return outsideCalendar(core.factualAccuracy!.draftSentOn);
      if (event.until <= deadline || event.until < event.date) {
        return fail('extension-not-later', ['until'], `The extension must end after the current deadline ${deadline} and not before the day it is granted; got ${event.until}`);
      }
      return { changes: { factualAccuracy: withCheck(core, { extendedTo: event.until as IsoDate }) } };
    }
    case 'factual-accuracy-comments-submitted': {
      const check = core.factualAccuracy!;
      const deadline = factualAccuracyDeadline(check, calendar);
      if (deadline === null) return outsideCalendar(check.draftSentOn);
      if (event.date > deadline) {
        return fail(
          'deadline-passed',
          ['date'],
          `Factual accuracy comments were due by ${deadline} (${FACTUAL_ACCURACY_WORKING_DAYS} working days after the draft's email of ${check.draftSentOn}${check.extendedTo ? ', as extended' : ''}); these are dated ${event.date}. Only an exceptional extension recorded by CQC allows later comments.`,
        );
      }
      const ids = new Set<string>();
      for (const [i, comment] of event.comments.entries()) {
        if (ids.has(comment.id) || findInLog(core.comments, comment.id) !== undefined) {
          return fail('duplicate-comment', ['comments', i, 'id'], `A comment with id '${comment.id}' was already submitted; give each comment its own id`);
        }
        ids.add(comment.id);
      }
      let comments = core.comments;
      for (const c of event.comments) comments = appendLog(comments, Object.freeze({ ...c, submittedOn: event.date as IsoDate }), c.id);
      return { changes: { factualAccuracy: withCheck(core, { respondedOn: event.date as IsoDate }), comments, undecided: core.undecided + event.comments.length } };
    }
    case 'factual-accuracy-comment-decided': {
      if (findInLog(core.comments, event.commentId) === undefined) return fail('unknown-comment', ['commentId'], `No factual accuracy comment '${event.commentId}' has been submitted`);
      const earlier = decisionOf(core, event.commentId);
      if (earlier !== null) return fail('comment-already-decided', ['commentId'], `Comment '${event.commentId}' was already ${earlier.decision} on ${earlier.date}`);
      const decided: Changes = {
        decisions: appendLog(core.decisions, Object.freeze({ date: event.date as IsoDate, decision: event.decision, reason: event.reason }), event.commentId),
        undecided: core.undecided - 1,
      };
      if (event.amendment === undefined) return { changes: decided };
      const amended = amend(core, event.amendment, ['amendment'], event.date, event.reason, event.commentId);
      return 'error' in amended ? amended : { changes: { ...amended.changes, ...decided } };
    }
    case 'factual-accuracy-check-concluded': {
      const check = core.factualAccuracy!;
      if (core.undecided > 0) {
        const open: string[] = [];
        for (let i = 0; i < core.comments.length; i++) {
          const id = core.comments.items[i]!.id;
          if (decisionOf(core, id) === null) open.push(id);
        }
        return fail('comments-undecided', [], `Decide every factual accuracy comment before concluding the check; undecided: ${open.join(', ')}`);
      }
      const deadline = factualAccuracyDeadline(check, calendar);
      if (deadline === null) return outsideCalendar(check.draftSentOn);
      if (check.respondedOn === null && event.date <= deadline) {
        return fail('check-still-open', ['date'], `The council has until ${deadline} to send factual accuracy comments and has not responded; conclude the check after ${deadline}`);
      }
      return { changes: { factualAccuracy: withCheck(core, { concludedOn: event.date as IsoDate }) } };
    }
    case 'report-published':
      if (workingDaysAfter(calendar, event.date, RATING_PROCESS_REVIEW_WORKING_DAYS) === undefined) return outsideCalendar(event.date);
      return { changes: { publishedOn: event.date as IsoDate, publishedPercentage: event.publishedPercentage ?? null } };
    case 'rating-process-review-requested': {
      if (core.ratingProcessReview !== null) {
        return fail('review-already-requested', [], `A rating process review was already requested on ${core.ratingProcessReview.requestedOn}; only one request is allowed per assessment`);
      }
      const deadline = ratingProcessReviewDeadline(core.publishedOn, calendar);
      if (deadline === null) return outsideCalendar(core.publishedOn!);
      if (event.date > deadline) {
        return fail('deadline-passed', ['date'], `A rating process review had to be requested by ${deadline} (${RATING_PROCESS_REVIEW_WORKING_DAYS} working days after publication on ${core.publishedOn}); this request is dated ${event.date}`);
      }
      const words = options.countWords(event.grounds);
      if (words > RATING_PROCESS_REVIEW_MAX_WORDS) {
        return fail('review-request-too-long', ['grounds'], `A rating process review request may have at most ${RATING_PROCESS_REVIEW_MAX_WORDS} words; this one has ${words}`);
      }
      return { changes: { ratingProcessReview: Object.freeze({ requestedOn: event.date as IsoDate, requestedBy: event.by as CouncilRole, outcome: null, concludedOn: null }) } };
    }
    case 'rating-process-review-concluded':
      return { changes: { ratingProcessReview: Object.freeze({ ...core.ratingProcessReview!, outcome: event.outcome, concludedOn: event.date as IsoDate }) } };
    case 'report-withdrawn':
      return { changes: { withdrawals: appendLog(core.withdrawals, Object.freeze({ withdrawnOn: event.date as IsoDate, reason: event.reason })) } };
    case 'report-republished':
      return { changes: { republished: appendLog(core.republished, event.date as IsoDate) } };
    case 'report-superseded':
      return { changes: { supersededBy: event.supersededBy } };
    case 'section-50-notice-given':
      // Health and Social Care Act 2008 s50: the notice states the action and the time to take it.
      if (event.actionBy < event.date) return fail('action-date-before-notice', ['actionBy'], `The notice's action date ${event.actionBy} is before the notice itself (${event.date})`);
      return {
        changes: {
          notices: appendLog(core.notices, Object.freeze({ givenOn: event.date as IsoDate, respects: event.respects, action: event.action, actionBy: event.actionBy as IsoDate })),
        },
      };
    case 'special-measures-recommended':
      if (core.specialMeasuresRecommendation !== null) {
        return fail('already-recommended', [], `CQC already recommended special measures on ${core.specialMeasuresRecommendation.recommendedOn}`);
      }
      return { changes: { specialMeasuresRecommendation: Object.freeze({ recommendedOn: event.date as IsoDate, reason: event.reason }) } };
    default:
      return assertNever(event);
  }
}

function outsideCalendar(date: string): { error: ReportEventError } {
  return fail('outside-calendar', ['date'], `The working-day calendar does not cover the deadline counted from ${date}; check the date, or pass a calendar that covers it`);
}

function assertNever(value: never): never {
  throw new Error(`unreachable: ${String((value as { type?: unknown }).type)}`);
}

/** The events allowed in `state`, for messages. */
function allowedEvents(state: ReportCore['state'] | null): string {
  const events = REPORT_TRANSITIONS.filter((x) => x.from === state).map((x) => x.event);
  return events.length > 0 ? events.join(', ') : 'none (the report is superseded)';
}

/** Applies one checked event to a core (`undefined` before the first event): the next core, or why not. */
export function applyToCore(core: ReportCore | undefined, event: ReportEvent, options: ResolvedReportOptions): { readonly core: ReportCore } | { readonly error: ReportEventError } {
  const state = core?.state ?? null;
  const transition = findReportTransition(state, event.type);
  if (transition === undefined) {
    const where = state === null ? 'before the assessment is scored' : `when the report is in '${state}'`;
    return fail('illegal-transition', ['type'], `'${event.type}' cannot happen ${where}; allowed: ${allowedEvents(state)}`);
  }
  const previous = core?.last ?? null;
  if (previous !== null && event.date < previous.date) {
    return fail('event-out-of-order', ['date'], `Events are recorded in date order: this one is dated ${event.date}, before the previous event (${previous.type}, ${previous.date})`);
  }
  if (!authorised(transition, event.by)) {
    const who = event.by === undefined ? 'nobody' : `the ${event.by.replace(/-/g, ' ')}`;
    return fail('not-authorised', ['by'], `Only ${whoMay(transition)} may record '${event.type}'; it was recorded by ${who}`);
  }
  const base = core ?? blankCore();
  const outcome = guardAndReduce(base, event, options);
  if ('error' in outcome) return outcome;
  return { core: { ...base, ...outcome.changes, state: transition.to, last: event, history: appendLog(base.history, event) } };
}

function unreadable(what: string, error: unknown): ReportEventError {
  let why = 'it threw';
  try {
    why = error instanceof Error ? error.message : 'it threw a non-Error value';
  } catch {
    // An error whose message cannot be read: keep the plain words.
  }
  return fail('input-unreadable', [], `The ${what} could not be read (${why}); pass plain data such as the result of JSON.parse`).error;
}

/** Checks an event from untrusted data: the checked copy, or the issue (never throws). */
export function readEvent(event: unknown): { readonly event: ReportEvent } | { readonly error: ReportEventError } {
  try {
    const checked = checkReportEvent(event);
    return 'issue' in checked ? { error: Object.freeze({ ...checked.issue, path: Object.freeze([...checked.issue.path]) }) } : checked;
  } catch (error) {
    return { error: unreadable('event', error) };
  }
}

const INVALID_REPORT = 'Expected a report made by applyReportEvent, replayReport or parseReport (or undefined before the first event)';

/**
 * The core of a report this copy of the library did not make (a stored copy, a spread):
 * its history replayed, and accepted only if the replay gives exactly the report passed.
 * O(history) once; the result's later events are O(1) again.
 */
export function adoptReport(value: unknown, options: ResolvedReportOptions): { readonly core: ReportCore } | { readonly error: ReportEventError } {
  try {
    if (!isPlainObject(value) || !Array.isArray(value['history']) || value['history'].length === 0) return fail('invalid-report', [], INVALID_REPORT);
    const events: unknown[] = value['history'];
    let core: ReportCore | undefined;
    for (let i = 0; i < events.length; i++) {
      const read = readEvent(events[i]);
      const applied = 'error' in read ? read : applyToCore(core, read.event, options);
      if ('error' in applied) {
        return fail('invalid-report', ['history', i, ...applied.error.path], `${INVALID_REPORT}; its history is rejected at event ${i}: ${applied.error.message} (code ${applied.error.code})`);
      }
      core = applied.core;
    }
    const replayed = reportOf(core!);
    const keys = Object.keys(replayed) as (keyof Report)[];
    const unknown = Object.keys(value).find((k) => !Object.hasOwn(replayed, k));
    if (unknown !== undefined) return fail('invalid-report', [unknown], `${INVALID_REPORT}; '${unknown}' is not a field of a report`);
    for (const key of keys) {
      const stored = Object.hasOwn(value, key) ? value[key] : laterFieldDefault(key);
      if (!sameJson(stored, replayed[key])) {
        return fail('invalid-report', [key], `${INVALID_REPORT}; its ${key} is ${jsonForMessage(stored)} but its history gives ${jsonForMessage(replayed[key])}`);
      }
    }
    return { core: core! };
  } catch (error) {
    return { error: unreadable('report', error) };
  }
}

/**
 * Applies one event to a report (pass `undefined` for the first event, which must be
 * `assessment-scored`). Pure: returns `{ success: true, data }` with a new frozen report
 * whose history has the event appended, or `{ success: false, issues }` with the one
 * reason it was rejected (a stable code), and never throws on bad data. Checks, in order:
 * the report (`invalid-report` when it is not a report, or a stored copy its own history
 * does not produce; `input-unreadable` when reading it throws), the event's shape
 * (`invalid-event`), that the transition table allows it in the current state
 * (`illegal-transition`), that it is not dated before the previous event
 * (`event-out-of-order`), the actor's role (`not-authorised`), then its guard (deadlines in
 * working days of `options.calendar`, one review request of at most 500 words, …).
 *
 * Applying an event costs O(1) amortised: successive reports share their history. A report
 * that this copy of the library did not make (for example `JSON.parse` of a stored one) is
 * first checked by replaying its history, once.
 *
 * @example
 * ```ts
 * let r = applyReportEvent(undefined, {
 *   type: 'assessment-scored', date: '2024-11-01', council: 'Example Council',
 *   scores: { safeguarding: 2, 'assessing-needs': 3 },
 * });
 * if (r.success) r = applyReportEvent(r.data, { type: 'report-published', date: '2024-11-02' });
 * if (!r.success) r.issues[0]?.code; // 'illegal-transition' (internal quality assurance comes first)
 * ```
 */
export function applyReportEvent(report: Report | undefined, event: ReportEvent, options?: ReportOptions): ReportEventResult {
  const resolved = resolveReportOptions(options);
  let core: ReportCore | undefined;
  if (report !== undefined) {
    core = coreOf(report);
    if (core === undefined) {
      const adopted = adoptReport(report, resolved);
      if ('error' in adopted) return { success: false, issues: Object.freeze([adopted.error]) };
      core = adopted.core;
    }
  }
  const read = readEvent(event);
  if ('error' in read) return { success: false, issues: Object.freeze([read.error]) };
  const applied = applyToCore(core, read.event, resolved);
  return 'error' in applied ? { success: false, issues: Object.freeze([applied.error]) } : { success: true, data: reportOf(applied.core) };
}
