import type { IssuePath, ValidationIssue, ValidationResult } from '../errors/index.js';
import { QUALITY_STATEMENTS } from '../framework/quality-statements.js';
import { isPlainObject } from '../internal/describe.js';
import { unreadableIssue } from '../internal/unreadable.js';
import type { QualityStatementScores } from '../scoring/assessment-result.js';
import type { QualityStatementScore } from '../scoring/ratings.js';
import type { IsoDate } from '../timeline/iso-date.js';
import { checkReportEvent } from './check-event.js';
import {
  blankCore,
  copyCore,
  coreOf,
  decisionOf,
  reportOf,
  type DraftCore,
  type FactualAccuracyHeader,
  type ReportCore,
} from './core.js';
import {
  factualAccuracyDeadline,
  ratingProcessReviewDeadline,
  workingDaysAfter,
} from './deadlines.js';
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

/** `undefined` when the event was reduced into the draft, else why it was rejected. */
type Outcome = undefined | { readonly error: ReportEventError };
const OK: Outcome = undefined;

const fail = (
  code: ReportEventErrorCode,
  path: IssuePath,
  message: string,
): { error: ReportEventError } => ({
  error: Object.freeze({ code, path: Object.freeze([...path]), message }),
});

function withScore(scores: QualityStatementScores): QualityStatementScores {
  const out: Record<string, QualityStatementScore> = {};
  for (const { id } of QUALITY_STATEMENTS) {
    const score = scores[id];
    if (score !== undefined) out[id] = score;
  }
  return Object.freeze(out) as QualityStatementScores;
}

/** Checks a score change against the current scores and records it as an amendment on the draft. */
function amend(
  core: DraftCore,
  change: ScoreChange,
  path: IssuePath,
  date: string,
  reason: string,
  commentId: string | null,
): Outcome {
  const from = core.scores[change.qualityStatement];
  if (from === undefined) {
    return fail(
      'quality-statement-not-scored',
      [...path, 'qualityStatement'],
      `${change.qualityStatement} was not scored in this assessment, so its score cannot be amended`,
    );
  }
  if (from === change.score) {
    return fail(
      'score-unchanged',
      [...path, 'score'],
      `${change.qualityStatement} is already scored ${from}; an amendment must change the score`,
    );
  }
  const amendment: ScoreAmendment = Object.freeze({
    date: date as IsoDate,
    qualityStatement: change.qualityStatement,
    from,
    to: change.score,
    reason,
    commentId,
  });
  // The statement is already scored, so the spread keeps the framework order of the keys.
  core.scores = Object.freeze({ ...core.scores, [change.qualityStatement]: change.score });
  core.amendments = appendLog(core.amendments, amendment);
  return OK;
}

function withCheck(
  core: ReportCore,
  changes: Partial<FactualAccuracyHeader>,
): FactualAccuracyHeader {
  return Object.freeze({ ...core.factualAccuracy!, ...changes });
}

// The reducer below: each case checks its guard, then sets the fields it changes on the
// draft (a fresh copy of the core) and returns OK, or returns the error.

function authorised(transition: ReportTransition, by: ReportRole | undefined): boolean {
  if (transition.by === 'cqc')
    return by === undefined || (CQC_ROLES as readonly string[]).includes(by);
  const allowed: readonly string[] = transition.by === 'council' ? COUNCIL_ROLES : transition.by;
  return by !== undefined && allowed.includes(by);
}

function whoMay(transition: ReportTransition): string {
  if (transition.by === 'cqc') return 'CQC';
  if (transition.by === 'council') return 'the council';
  return `the ${transition.by.map((r) => r.replace(/-/g, ' ')).join(' or the ')}`;
}

/** The event's own rules, and the changes it makes to the draft (blank for the first event). */
function guardAndReduce(
  core: DraftCore,
  event: ReportEvent,
  options: ResolvedReportOptions,
): Outcome {
  const { calendar } = options;
  switch (event.type) {
    case 'assessment-scored':
      core.council = event.council;
      core.scores = withScore(event.scores);
      core.siteVisitStart = (event.siteVisitStart as IsoDate | undefined) ?? null;
      return OK;
    case 'quality-assurance-completed':
    case 'calibration-panel-held':
      return OK;
    case 'score-amended':
      return amend(core, event, [], event.date, event.reason, null);
    case 'draft-report-sent':
      if (workingDaysAfter(calendar, event.date, FACTUAL_ACCURACY_WORKING_DAYS) === undefined)
        return outsideCalendar(event.date);
      core.factualAccuracy = Object.freeze({
        draftSentOn: event.date as IsoDate,
        extendedTo: null,
        respondedOn: null,
        concludedOn: null,
      });
      return OK;
    case 'factual-accuracy-extension-granted': {
      const deadline = factualAccuracyDeadline(core.factualAccuracy, calendar);
      if (deadline === null) return outsideCalendar(core.factualAccuracy!.draftSentOn);
      if (event.until <= deadline || event.until < event.date) {
        return fail(
          'extension-not-later',
          ['until'],
          `The extension must end after the current deadline ${deadline} and not before the day it is granted; got ${event.until}`,
        );
      }
      core.factualAccuracy = withCheck(core, { extendedTo: event.until as IsoDate });
      return OK;
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
          return fail(
            'duplicate-comment',
            ['comments', i, 'id'],
            `A comment with id '${comment.id}' was already submitted; give each comment its own id`,
          );
        }
        ids.add(comment.id);
      }
      for (const c of event.comments)
        core.comments = appendLog(
          core.comments,
          Object.freeze({ ...c, submittedOn: event.date as IsoDate }),
          c.id,
        );
      core.factualAccuracy = withCheck(core, { respondedOn: event.date as IsoDate });
      core.undecided += event.comments.length;
      return OK;
    }
    case 'factual-accuracy-comment-decided': {
      if (findInLog(core.comments, event.commentId) === undefined)
        return fail(
          'unknown-comment',
          ['commentId'],
          `No factual accuracy comment '${event.commentId}' has been submitted`,
        );
      const earlier = decisionOf(core, event.commentId);
      if (earlier !== null)
        return fail(
          'comment-already-decided',
          ['commentId'],
          `Comment '${event.commentId}' was already ${earlier.decision} on ${earlier.date}`,
        );
      if (event.amendment !== undefined) {
        const amended = amend(
          core,
          event.amendment,
          ['amendment'],
          event.date,
          event.reason,
          event.commentId,
        );
        if (amended !== undefined) return amended;
      }
      core.decisions = appendLog(
        core.decisions,
        Object.freeze({
          date: event.date as IsoDate,
          decision: event.decision,
          reason: event.reason,
        }),
        event.commentId,
      );
      core.undecided -= 1;
      return OK;
    }
    case 'factual-accuracy-check-concluded': {
      const check = core.factualAccuracy!;
      if (core.undecided > 0) {
        const open: string[] = [];
        for (let i = 0; i < core.comments.length; i++) {
          const id = core.comments.items[i]!.id;
          if (decisionOf(core, id) === null) open.push(id);
        }
        return fail(
          'comments-undecided',
          [],
          `Decide every factual accuracy comment before concluding the check; undecided: ${open.join(', ')}`,
        );
      }
      const deadline = factualAccuracyDeadline(check, calendar);
      if (deadline === null) return outsideCalendar(check.draftSentOn);
      if (check.respondedOn === null && event.date <= deadline) {
        return fail(
          'check-still-open',
          ['date'],
          `The council has until ${deadline} to send factual accuracy comments and has not responded; conclude the check after ${deadline}`,
        );
      }
      core.factualAccuracy = withCheck(core, { concludedOn: event.date as IsoDate });
      return OK;
    }
    case 'report-published':
      if (workingDaysAfter(calendar, event.date, RATING_PROCESS_REVIEW_WORKING_DAYS) === undefined)
        return outsideCalendar(event.date);
      core.publishedOn = event.date as IsoDate;
      core.publishedPercentage = event.publishedPercentage ?? null;
      return OK;
    case 'rating-process-review-requested': {
      if (core.ratingProcessReview !== null) {
        return fail(
          'review-already-requested',
          [],
          `A rating process review was already requested on ${core.ratingProcessReview.requestedOn}; only one request is allowed per assessment`,
        );
      }
      const deadline = ratingProcessReviewDeadline(core.publishedOn, calendar);
      if (deadline === null) return outsideCalendar(core.publishedOn!);
      if (event.date > deadline) {
        return fail(
          'deadline-passed',
          ['date'],
          `A rating process review had to be requested by ${deadline} (${RATING_PROCESS_REVIEW_WORKING_DAYS} working days after publication on ${core.publishedOn}); this request is dated ${event.date}`,
        );
      }
      const words = options.countWords(event.grounds);
      if (words > RATING_PROCESS_REVIEW_MAX_WORDS) {
        return fail(
          'review-request-too-long',
          ['grounds'],
          `A rating process review request may have at most ${RATING_PROCESS_REVIEW_MAX_WORDS} words; this one has ${words}`,
        );
      }
      core.ratingProcessReview = Object.freeze({
        requestedOn: event.date as IsoDate,
        requestedBy: event.by as CouncilRole,
        outcome: null,
        concludedOn: null,
      });
      return OK;
    }
    case 'rating-process-review-concluded':
      core.ratingProcessReview = Object.freeze({
        ...core.ratingProcessReview!,
        outcome: event.outcome,
        concludedOn: event.date as IsoDate,
      });
      return OK;
    case 'report-withdrawn':
      core.withdrawals = appendLog(
        core.withdrawals,
        Object.freeze({ withdrawnOn: event.date as IsoDate, reason: event.reason }),
      );
      return OK;
    case 'report-republished':
      core.republished = appendLog(core.republished, event.date as IsoDate);
      return OK;
    case 'report-superseded':
      core.supersededBy = event.supersededBy;
      return OK;
    case 'section-50-notice-given':
      // Health and Social Care Act 2008 s50: the notice states the action and the time to take it.
      if (event.actionBy < event.date)
        return fail(
          'action-date-before-notice',
          ['actionBy'],
          `The notice's action date ${event.actionBy} is before the notice itself (${event.date})`,
        );
      core.notices = appendLog(
        core.notices,
        Object.freeze({
          givenOn: event.date as IsoDate,
          respects: event.respects,
          action: event.action,
          actionBy: event.actionBy as IsoDate,
        }),
      );
      return OK;
    case 'special-measures-recommended':
      if (core.specialMeasuresRecommendation !== null) {
        return fail(
          'already-recommended',
          [],
          `CQC already recommended special measures on ${core.specialMeasuresRecommendation.recommendedOn}`,
        );
      }
      core.specialMeasuresRecommendation = Object.freeze({
        recommendedOn: event.date as IsoDate,
        reason: event.reason,
      });
      return OK;
    default:
      return assertNever(event);
  }
}

function outsideCalendar(date: string): { error: ReportEventError } {
  return fail(
    'outside-calendar',
    ['date'],
    `The working-day calendar does not cover the deadline counted from ${date}; check the date, or pass a calendar that covers it`,
  );
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
export function applyToCore(
  core: ReportCore | undefined,
  event: ReportEvent,
  options: ResolvedReportOptions,
): { readonly core: ReportCore } | { readonly error: ReportEventError } {
  const state = core?.state ?? null;
  const transition = findReportTransition(state, event.type);
  if (transition === undefined) {
    const where =
      state === null ? 'before the assessment is scored' : `when the report is in '${state}'`;
    return fail(
      'illegal-transition',
      ['type'],
      `'${event.type}' cannot happen ${where}; allowed: ${allowedEvents(state)}`,
    );
  }
  const previous = core?.last ?? null;
  if (previous !== null && event.date < previous.date) {
    return fail(
      'event-out-of-order',
      ['date'],
      `Events are recorded in date order: this one is dated ${event.date}, before the previous event (${previous.type}, ${previous.date})`,
    );
  }
  if (!authorised(transition, event.by)) {
    const who = event.by === undefined ? 'nobody' : `the ${event.by.replace(/-/g, ' ')}`;
    return fail(
      'not-authorised',
      ['by'],
      `Only ${whoMay(transition)} may record '${event.type}'; it was recorded by ${who}`,
    );
  }
  const draft = copyCore(core ?? blankCore());
  const outcome = guardAndReduce(draft, event, options);
  if (outcome !== undefined) return outcome;
  draft.state = transition.to;
  draft.last = event;
  draft.history = appendLog(draft.history, event);
  return { core: draft };
}

/** The shared `input-unreadable` issue (src/internal/unreadable.ts), frozen as every error here. */
function unreadable(what: string, error: unknown): ReportEventError {
  const issue = unreadableIssue(error, [], what);
  return Object.freeze({ ...issue, path: Object.freeze([...issue.path]) });
}

/** Checks an event from untrusted data: the checked copy, or the issue (never throws). */
export function readEvent(
  event: unknown,
): { readonly event: ReportEvent } | { readonly error: ReportEventError } {
  try {
    const checked = checkReportEvent(event);
    return 'issue' in checked
      ? { error: Object.freeze({ ...checked.issue, path: Object.freeze([...checked.issue.path]) }) }
      : checked;
  } catch (error) {
    return { error: unreadable('event', error) };
  }
}

const INVALID_REPORT =
  'Expected a report made by applyReportEvent, replayReport or parseReport (or undefined before the first event)';

/**
 * The core of a report this copy of the library did not make (a stored copy, a spread):
 * its history replayed, and accepted only if the replay gives exactly the report passed.
 * O(history) once; the result's later events are O(1) again.
 */
function adoptReport(
  value: unknown,
  options: ResolvedReportOptions,
): { readonly core: ReportCore } | { readonly error: ReportEventError } {
  try {
    if (!isPlainObject(value) || !Array.isArray(value.history) || value.history.length === 0)
      return fail('invalid-report', [], INVALID_REPORT);
    const events: unknown[] = value.history;
    let core: ReportCore | undefined;
    for (let i = 0; i < events.length; i++) {
      const read = readEvent(events[i]);
      const applied = 'error' in read ? read : applyToCore(core, read.event, options);
      if ('error' in applied) {
        return fail(
          'invalid-report',
          ['history', i, ...applied.error.path],
          `${INVALID_REPORT}; its history is rejected at event ${i}: ${applied.error.message} (code ${applied.error.code})`,
        );
      }
      core = applied.core;
    }
    const replayed = reportOf(core!);
    const keys = Object.keys(replayed) as (keyof Report)[];
    const unknown = Object.keys(value).find((k) => !Object.hasOwn(replayed, k));
    if (unknown !== undefined)
      return fail(
        'invalid-report',
        [unknown],
        `${INVALID_REPORT}; '${unknown}' is not a field of a report`,
      );
    for (const key of keys) {
      const stored = Object.hasOwn(value, key) ? value[key] : laterFieldDefault(key);
      if (!sameJson(stored, replayed[key])) {
        return fail(
          'invalid-report',
          [key],
          `${INVALID_REPORT}; its ${key} is ${jsonForMessage(stored)} but its history gives ${jsonForMessage(replayed[key])}`,
        );
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
 * import { applyReportEvent } from 'la-assurance/report';
 *
 * const scored = applyReportEvent(undefined, {
 *   type: 'assessment-scored', date: '2024-11-01', council: 'Example Council',
 *   scores: { safeguarding: 2, 'assessing-needs': 3 },
 * });
 * scored.success && scored.data.state; // 'internal-quality-assurance'
 * const r = scored.success ? applyReportEvent(scored.data, { type: 'report-published', date: '2024-11-02' }) : scored;
 * !r.success && r.issues[0]?.code; // 'illegal-transition' (internal quality assurance comes first)
 * ```
 */
export function applyReportEvent(
  report: Report | undefined,
  event: ReportEvent,
  options?: ReportOptions,
): ReportEventResult {
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
  return 'error' in applied
    ? { success: false, issues: Object.freeze([applied.error]) }
    : { success: true, data: reportOf(applied.core) };
}
