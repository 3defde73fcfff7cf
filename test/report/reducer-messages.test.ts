// applyReportEvent's rejections word for word: each guard of the reducer with the sentence
// a person reads (the templates of src/report/apply-event.ts filled in by hand; working days
// counted by hand in the England and Wales calendar: the draft emailed Friday 20 Dec 2024 is
// due by Wednesday 8 Jan 2025 — 23, 24, 27, 30, 31 Dec, 2, 3, 6, 7, 8 Jan; publication on
// Monday 20 Jan 2025 gives a review deadline of Monday 10 Feb 2025 — 15 working days).
import { describe, expect, it } from 'vitest';
import { REPORT_TRANSITIONS, applyReportEvent, type ReportEvent } from '../../src/report/index.js';
import { attempt, build, toDraft, toPublished, words } from './helpers.js';

const DRAFT = () => toDraft('2024-12-20');
const COMMENT = (id: string) => ({ id, category: 'omitted-information', text: 'Missed.' });
const submitted = (date: string, ...ids: string[]): ReportEvent =>
  ({
    type: 'factual-accuracy-comments-submitted',
    date,
    by: 'named-liaison',
    comments: ids.map(COMMENT),
  }) as ReportEvent;
const decided = (date: string, commentId: string): ReportEvent =>
  ({
    type: 'factual-accuracy-comment-decided',
    date,
    commentId,
    decision: 'accepted',
    reason: 'r',
  }) as ReportEvent;
const rejection = (events: readonly ReportEvent[], next: unknown) => {
  const r = attempt(events, next);
  return r.success ? undefined : r.issues[0];
};
const allowed = (state: string) =>
  REPORT_TRANSITIONS.filter((x) => x.from === state)
    .map((x) => x.event)
    .join(', ');

describe('transitions, order and roles', () => {
  it('an event the state does not allow names the state and what is allowed', () => {
    const r = applyReportEvent(undefined, { type: 'report-published', date: '2025-01-29' });
    expect(!r.success && r.issues[0]).toEqual({
      code: 'illegal-transition',
      path: ['type'],
      message:
        "'report-published' cannot happen before the assessment is scored; allowed: assessment-scored",
    });
    expect(rejection(DRAFT(), { type: 'report-published', date: '2025-01-29' })?.message).toBe(
      `'report-published' cannot happen when the report is in 'factual-accuracy-check'; allowed: ${allowed('factual-accuracy-check')}`,
    );
    const superseded = [
      ...toPublished(),
      { type: 'report-superseded', date: '2025-03-03', supersededBy: 'R2' } as ReportEvent,
    ];
    expect(
      rejection(superseded, { type: 'report-withdrawn', date: '2025-03-04', reason: 'r' })?.message,
    ).toBe(
      "'report-withdrawn' cannot happen when the report is in 'superseded'; allowed: none (the report is superseded)",
    );
  });

  it('events are in date order; the same day is in order', () => {
    expect(rejection(DRAFT(), submitted('2024-12-19'))).toEqual({
      code: 'event-out-of-order',
      path: ['date'],
      message:
        'Events are recorded in date order: this one is dated 2024-12-19, before the previous event (draft-report-sent, 2024-12-20)',
    });
    expect(attempt(DRAFT(), submitted('2024-12-20')).success).toBe(true);
  });

  it('who may record an event: CQC, the council, or the roles listed', () => {
    expect(rejection(DRAFT(), { ...submitted('2025-01-06'), by: 'cqc-assessment-team' })).toEqual({
      code: 'not-authorised',
      path: ['by'],
      message:
        "Only the council may record 'factual-accuracy-comments-submitted'; it was recorded by the cqc assessment team",
    });
    expect(
      rejection(toDraft('2024-12-20').slice(0, 3), {
        type: 'draft-report-sent',
        date: '2024-12-20',
        by: 'named-liaison',
      })?.message,
    ).toBe("Only CQC may record 'draft-report-sent'; it was recorded by the named liaison");
    expect(
      rejection(toPublished(), {
        type: 'rating-process-review-requested',
        date: '2025-01-21',
        by: 'council-officer',
        grounds: 'g',
      })?.message,
    ).toBe(
      "Only the chief executive or the named liaison may record 'rating-process-review-requested'; it was recorded by the council officer",
    );
    expect(
      attempt(toPublished(), {
        type: 'rating-process-review-requested',
        date: '2025-01-21',
        by: 'chief-executive',
        grounds: 'g',
      }).success,
    ).toBe(true);
  });
});

describe('score amendments', () => {
  const partial: ReportEvent[] = [
    {
      type: 'assessment-scored',
      date: '2024-01-02',
      council: 'Example Council',
      scores: { safeguarding: 2 },
    },
  ];
  const amended = (qualityStatement: string, score: number) => ({
    type: 'score-amended',
    date: '2024-01-03',
    qualityStatement,
    score,
    reason: 'r',
  });
  it('only a scored statement, only to a new score', () => {
    expect(rejection(partial, amended('assessing-needs', 3))).toEqual({
      code: 'quality-statement-not-scored',
      path: ['qualityStatement'],
      message: 'assessing-needs was not scored in this assessment, so its score cannot be amended',
    });
    expect(rejection(partial, amended('safeguarding', 2))).toEqual({
      code: 'score-unchanged',
      path: ['score'],
      message: 'safeguarding is already scored 2; an amendment must change the score',
    });
    const ok = attempt(partial, amended('safeguarding', 3));
    expect(ok.success && ok.data.amendments).toEqual([
      {
        date: '2024-01-03',
        qualityStatement: 'safeguarding',
        from: 2,
        to: 3,
        reason: 'r',
        commentId: null,
      },
    ]);
  });
});

describe('the factual accuracy check', () => {
  it('an extension must end after the deadline and not before it is granted', () => {
    const extension = (date: string, until: string) => ({
      type: 'factual-accuracy-extension-granted',
      date,
      until,
      reason: 'r',
    });
    expect(rejection(DRAFT(), extension('2025-01-06', '2025-01-08'))).toEqual({
      code: 'extension-not-later',
      path: ['until'],
      message:
        'The extension must end after the current deadline 2025-01-08 and not before the day it is granted; got 2025-01-08',
    });
    expect(rejection(DRAFT(), extension('2025-01-10', '2025-01-09'))?.code).toBe(
      'extension-not-later',
    );
    expect(attempt(DRAFT(), extension('2025-01-09', '2025-01-09')).success).toBe(true);
  });

  it('comments after the deadline, plain and as extended', () => {
    expect(rejection(DRAFT(), submitted('2025-01-09'))).toEqual({
      code: 'deadline-passed',
      path: ['date'],
      message:
        "Factual accuracy comments were due by 2025-01-08 (10 working days after the draft's email of 2024-12-20); these are dated 2025-01-09. Only an exceptional extension recorded by CQC allows later comments.",
    });
    expect(attempt(DRAFT(), submitted('2025-01-08')).success).toBe(true);
    const extended = [
      ...DRAFT(),
      {
        type: 'factual-accuracy-extension-granted',
        date: '2025-01-06',
        until: '2025-01-15',
        reason: 'r',
      } as ReportEvent,
    ];
    expect(rejection(extended, submitted('2025-01-16'))?.message).toBe(
      "Factual accuracy comments were due by 2025-01-15 (10 working days after the draft's email of 2024-12-20, as extended); these are dated 2025-01-16. Only an exceptional extension recorded by CQC allows later comments.",
    );
  });

  it('comment ids are unique within an event and across events', () => {
    expect(rejection(DRAFT(), submitted('2025-01-06', 'FA-1', 'FA-1'))).toEqual({
      code: 'duplicate-comment',
      path: ['comments', 1, 'id'],
      message: "A comment with id 'FA-1' was already submitted; give each comment its own id",
    });
    expect(
      rejection(
        [...DRAFT(), submitted('2025-01-06', 'FA-1')],
        submitted('2025-01-07', 'FA-2', 'FA-1'),
      )?.path,
    ).toEqual(['comments', 1, 'id']);
  });

  it('decisions: a known comment, decided once', () => {
    const withComments = [...DRAFT(), submitted('2025-01-06', 'FA-1', 'FA-2', 'FA-3')];
    expect(rejection(withComments, decided('2025-01-07', 'FA-9'))).toEqual({
      code: 'unknown-comment',
      path: ['commentId'],
      message: "No factual accuracy comment 'FA-9' has been submitted",
    });
    expect(
      rejection([...withComments, decided('2025-01-07', 'FA-1')], decided('2025-01-08', 'FA-1')),
    ).toEqual({
      code: 'comment-already-decided',
      path: ['commentId'],
      message: "Comment 'FA-1' was already accepted on 2025-01-07",
    });
    expect(
      rejection([...withComments, decided('2025-01-07', 'FA-2')], {
        type: 'factual-accuracy-check-concluded',
        date: '2025-01-10',
      }),
    ).toEqual({
      code: 'comments-undecided',
      path: [],
      message:
        'Decide every factual accuracy comment before concluding the check; undecided: FA-1, FA-3',
    });
    const all = [
      ...withComments,
      ...['FA-1', 'FA-2', 'FA-3'].map((id) => decided('2025-01-07', id)),
    ];
    expect(
      attempt(all, { type: 'factual-accuracy-check-concluded', date: '2025-01-07' }).success,
    ).toBe(true);
  });

  it('without the council’s response the check stays open until the deadline has passed', () => {
    expect(
      rejection(DRAFT(), { type: 'factual-accuracy-check-concluded', date: '2025-01-08' }),
    ).toEqual({
      code: 'check-still-open',
      path: ['date'],
      message:
        'The council has until 2025-01-08 to send factual accuracy comments and has not responded; conclude the check after 2025-01-08',
    });
    expect(
      attempt(DRAFT(), { type: 'factual-accuracy-check-concluded', date: '2025-01-09' }).success,
    ).toBe(true);
  });
});

describe('after publication', () => {
  const request = (date: string, grounds = 'g') => ({
    type: 'rating-process-review-requested',
    date,
    by: 'named-liaison',
    grounds,
  });
  it('a rating process review: by the 15th working day, at most 500 words, once', () => {
    expect(rejection(toPublished(), request('2025-02-11'))).toEqual({
      code: 'deadline-passed',
      path: ['date'],
      message:
        'A rating process review had to be requested by 2025-02-10 (15 working days after publication on 2025-01-20); this request is dated 2025-02-11',
    });
    expect(attempt(toPublished(), request('2025-02-10')).success).toBe(true);
    expect(rejection(toPublished(), request('2025-01-21', words(501)))).toEqual({
      code: 'review-request-too-long',
      path: ['grounds'],
      message: 'A rating process review request may have at most 500 words; this one has 501',
    });
    expect(attempt(toPublished(), request('2025-01-21', words(500))).success).toBe(true);
    const reviewed = [
      ...toPublished(),
      request('2025-01-21') as ReportEvent,
      {
        type: 'rating-process-review-concluded',
        date: '2025-01-28',
        outcome: 'not-upheld',
        reason: 'r',
      } as ReportEvent,
    ];
    const report = build(reviewed);
    expect(report.ratingProcessReview).toEqual({
      requestedOn: '2025-01-21',
      requestedBy: 'named-liaison',
      outcome: 'not-upheld',
      concludedOn: '2025-01-28',
    });
    expect(rejection(reviewed, request('2025-01-29'))).toEqual({
      code: 'review-already-requested',
      path: [],
      message:
        'A rating process review was already requested on 2025-01-21; only one request is allowed per assessment',
    });
  });

  it('a section 50 notice’s action date is not before the notice; special measures once', () => {
    const notice = (date: string, actionBy: string) => ({
      type: 'section-50-notice-given',
      date,
      respects: 'Safeguarding',
      action: 'Act',
      actionBy,
    });
    expect(rejection(toPublished(), notice('2025-02-03', '2025-01-31'))).toEqual({
      code: 'action-date-before-notice',
      path: ['actionBy'],
      message: "The notice's action date 2025-01-31 is before the notice itself (2025-02-03)",
    });
    expect(attempt(toPublished(), notice('2025-02-03', '2025-02-03')).success).toBe(true);
    const recommended = [
      ...toPublished(),
      { type: 'special-measures-recommended', date: '2025-02-10', reason: 'r' } as ReportEvent,
    ];
    expect(
      rejection(recommended, {
        type: 'special-measures-recommended',
        date: '2025-02-11',
        reason: 'r',
      }),
    ).toEqual({
      code: 'already-recommended',
      path: [],
      message: 'CQC already recommended special measures on 2025-02-10',
    });
  });

  it('withdrawal and republication are recorded in pairs', () => {
    const report = build([
      ...toPublished(),
      { type: 'report-withdrawn', date: '2025-02-03', reason: 'error' } as ReportEvent,
      { type: 'report-republished', date: '2025-02-10' } as ReportEvent,
      { type: 'report-withdrawn', date: '2025-02-17', reason: 'again' } as ReportEvent,
    ]);
    expect(report.withdrawals).toEqual([
      { withdrawnOn: '2025-02-03', reason: 'error', republishedOn: '2025-02-10' },
      { withdrawnOn: '2025-02-17', reason: 'again', republishedOn: null },
    ]);
  });
});

describe('dates the calendar does not cover', () => {
  it('a draft whose deadline falls after 2199 is rejected with outside-calendar', () => {
    const late: ReportEvent[] = [
      {
        type: 'assessment-scored',
        date: '2199-12-01',
        council: 'Example Council',
        scores: { safeguarding: 2 },
      },
      { type: 'quality-assurance-completed', date: '2199-12-02' },
      { type: 'calibration-panel-held', date: '2199-12-03' },
    ];
    expect(rejection(late, { type: 'draft-report-sent', date: '2199-12-30' })).toEqual({
      code: 'outside-calendar',
      path: ['date'],
      message:
        'The working-day calendar does not cover the deadline counted from 2199-12-30; check the date, or pass a calendar that covers it',
    });
  });
});

describe('input that cannot be read', () => {
  // The shared words of src/internal/unreadable.ts, with "event" or "report" as the input.
  const why = '(a getter or Proxy threw, or the Proxy was revoked); send plain JSON data';
  it('an event or a report whose reading throws: input-unreadable, naming which', () => {
    const event = Object.defineProperty({}, 'type', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    const r = applyReportEvent(undefined, event as never);
    expect(!r.success && r.issues[0]).toEqual({
      code: 'input-unreadable',
      path: [],
      message: `input: reading the event failed ${why}`,
    });
    const { proxy, revoke } = Proxy.revocable({ ...build(toPublished()) }, {});
    revoke();
    const s = applyReportEvent(proxy as never, {
      type: 'report-withdrawn',
      date: '2025-02-03',
      reason: 'r',
    });
    expect(!s.success && s.issues[0]).toEqual({
      code: 'input-unreadable',
      path: [],
      message: `input: reading the report failed ${why}`,
    });
  });
});
