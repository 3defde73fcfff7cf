import { describe, expect, it } from 'vitest';
import {
  REPORT_EVENT_ERROR_CODES,
  applyReportEvent,
  reportDeadlines,
  reportRating,
  type Report,
  type ReportEvent,
  type ReportEventErrorCode,
} from '../../src/report/index.js';
import { createWorkingDayCalendar } from '../../src/timeline/index.js';
import { deepFreeze } from '../support/published-results.js';
import { SCORES, attempt, build, toDraft, toPublished, words } from './helpers.js';

// Deadlines: domain README §6 (10 working days from the draft's email; 15 working days
// after publication) counted over England & Wales bank holidays as published on gov.uk.

describe('factual accuracy deadline (10 working days from the email)', () => {
  it('a draft emailed Fri 20 Dec 2024 is due Wed 8 Jan 2025 (25, 26 Dec and 1 Jan are bank holidays)', () => {
    expect(reportDeadlines(build(toDraft('2024-12-20'))).factualAccuracyComments).toBe(
      '2025-01-08',
    );
  });

  it('a draft emailed Fri 19 Dec 2025 is due Wed 7 Jan 2026 (25, 26 Dec 2025 and 1 Jan 2026 are bank holidays)', () => {
    expect(reportDeadlines(build(toDraft('2025-12-19'))).factualAccuracyComments).toBe(
      '2026-01-07',
    );
  });

  it('a draft emailed Mon 3 Jun 2024 (no bank holiday near) is due Mon 17 Jun 2024', () => {
    expect(reportDeadlines(build(toDraft('2024-06-03'))).factualAccuracyComments).toBe(
      '2024-06-17',
    );
  });

  it('comments dated on the deadline are in time; a day later they are rejected', () => {
    const comments = (date: string): ReportEvent => ({
      type: 'factual-accuracy-comments-submitted',
      date,
      by: 'named-liaison',
      comments: [],
    });
    expect(attempt(toDraft('2024-12-20'), comments('2025-01-08')).success).toBe(true);
    const late = attempt(toDraft('2024-12-20'), comments('2025-01-09'));
    expect(late.success).toBe(false);
    if (!late.success) {
      expect(late.issues[0]!).toMatchObject({ code: 'deadline-passed', path: ['date'] });
      expect(late.issues[0]!.message).toContain('2025-01-08');
    }
  });

  it('an exceptional extension moves the deadline', () => {
    const extended = [
      ...toDraft('2024-12-20'),
      {
        type: 'factual-accuracy-extension-granted',
        date: '2025-01-07',
        until: '2025-01-15',
        reason: 'Cyber incident at the council',
      },
    ] as const satisfies readonly ReportEvent[];
    expect(reportDeadlines(build(extended)).factualAccuracyComments).toBe('2025-01-15');
    const comments = (date: string) => ({
      type: 'factual-accuracy-comments-submitted',
      date,
      by: 'chief-executive',
      comments: [],
    });
    expect(attempt(extended, comments('2025-01-15')).success).toBe(true);
    expect(attempt(extended, comments('2025-01-16'))).toMatchObject({
      success: false,
      issues: [{ code: 'deadline-passed' }],
    });
  });

  it('uses the calendar passed in options (a one-off holiday on 6 Jan 2025 moves the deadline to 9 Jan)', () => {
    const calendar = createWorkingDayCalendar({
      add: [{ date: '2025-01-06', name: 'Hypothetical one-off holiday' }],
    });
    expect(
      reportDeadlines(build(toDraft('2024-12-20'), { calendar }), { calendar })
        .factualAccuracyComments,
    ).toBe('2025-01-09');
    const comments = {
      type: 'factual-accuracy-comments-submitted',
      date: '2025-01-09',
      by: 'named-liaison',
      comments: [],
    };
    expect(attempt(toDraft('2024-12-20'), comments, { calendar }).success).toBe(true);
    expect(attempt(toDraft('2024-12-20'), comments).success).toBe(false);
  });
});

describe('rating process review deadline (15 working days after publication)', () => {
  it('a report published Thu 10 Apr 2025 can be reviewed until Tue 6 May 2025 (Good Friday, Easter Monday, early May bank holiday)', () => {
    const published = toPublished('2025-04-10');
    expect(reportDeadlines(build(published)).ratingProcessReviewRequest).toBe('2025-05-06');
    const request = (date: string) => ({
      type: 'rating-process-review-requested',
      date,
      by: 'chief-executive',
      grounds: 'The calibration panel did not meet.',
    });
    expect(attempt(published, request('2025-05-06')).success).toBe(true);
    expect(attempt(published, request('2025-05-07'))).toMatchObject({
      success: false,
      issues: [{ code: 'deadline-passed', path: ['date'] }],
    });
  });

  it('a report published Mon 20 Jan 2025 can be reviewed until Mon 10 Feb 2025', () => {
    expect(reportDeadlines(build(toPublished('2025-01-20'))).ratingProcessReviewRequest).toBe(
      '2025-02-10',
    );
  });

  it('has no deadlines before the steps start', () => {
    expect(reportDeadlines(build(toDraft('2024-12-20').slice(0, 3)))).toEqual({
      factualAccuracyComments: null,
      ratingProcessReviewRequest: null,
      section50ActionBy: null,
    });
  });
});

describe('a report from draft to publication', () => {
  const events: ReportEvent[] = [
    ...toDraft('2024-12-20'),
    {
      type: 'factual-accuracy-comments-submitted',
      date: '2025-01-08',
      by: 'named-liaison',
      comments: [
        {
          id: 'FA-1',
          category: 'omitted-information',
          qualityStatement: 'safeguarding',
          text: 'The safeguarding audit of March was not considered.',
        },
        {
          id: 'FA-2',
          category: 'typographical-or-numerical-error',
          text: 'Page 4: 1,200 should read 1,020.',
        },
      ],
    },
    {
      type: 'factual-accuracy-comment-decided',
      date: '2025-01-14',
      commentId: 'FA-1',
      decision: 'accepted',
      reason: 'The audit was relevant at the time and changes the judgement.',
      amendment: { qualityStatement: 'safeguarding', score: 3 },
    },
    {
      type: 'factual-accuracy-comment-decided',
      date: '2025-01-14',
      commentId: 'FA-2',
      decision: 'accepted',
      reason: 'Corrected.',
    },
    { type: 'factual-accuracy-check-concluded', date: '2025-01-15' },
    { type: 'report-published', date: '2025-01-29' },
  ];

  it('amends the score and recomputes the rating: 22/36 = 61% Requires improvement → 23/36 = 64% Good (CQC bands)', () => {
    const report = build(events);
    expect(report.state).toBe('published');
    expect(report.scores.safeguarding).toBe(3);
    expect(report.amendments).toEqual([
      {
        date: '2025-01-14',
        qualityStatement: 'safeguarding',
        from: 2,
        to: 3,
        reason: 'The audit was relevant at the time and changes the judgement.',
        commentId: 'FA-1',
      },
    ]);
    expect(reportRating(build(events.slice(0, 4)))).toMatchObject({
      rating: 'requires-improvement',
      roundedPercentage: 61,
    });
    expect(reportRating(report)).toMatchObject({ rating: 'good', roundedPercentage: 64 });
    expect(report.history).toEqual(events);
    expect(report.publishedOn).toBe('2025-01-29');
    expect(report.factualAccuracy?.comments.map((c) => c.decision?.decision)).toEqual([
      'accepted',
      'accepted',
    ]);
  });

  it('does not mutate frozen input, and returns frozen reports', () => {
    const frozen = deepFreeze(structuredClone(events));
    const report = build(frozen);
    expect(Object.isFrozen(report)).toBe(true);
    expect(Object.isFrozen(report.history)).toBe(true);
    expect(Object.isFrozen(report.factualAccuracy?.comments[0])).toBe(true);
    expect(frozen).toEqual(events);
  });

  it('a rejected event leaves the report as it was', () => {
    const report = deepFreeze(build(events));
    const copy = structuredClone(report);
    expect(applyReportEvent(report, { type: 'report-published', date: '2025-02-01' }).success).toBe(
      false,
    );
    expect(report).toEqual(copy);
  });

  it('withdrawal to correct an error, republication, review and supersession', () => {
    const later: ReportEvent[] = [
      ...events,
      {
        type: 'rating-process-review-requested',
        date: '2025-02-10',
        by: 'named-liaison',
        grounds: words(500),
      },
      {
        type: 'rating-process-review-concluded',
        date: '2025-03-10',
        outcome: 'not-upheld',
        reason: 'The process was followed.',
      },
      { type: 'report-withdrawn', date: '2025-03-12', reason: 'Equity score transposed' },
      {
        type: 'score-amended',
        date: '2025-03-13',
        qualityStatement: 'equity-in-experience-and-outcomes',
        score: 2,
        reason: 'Transposed in publication',
      },
      { type: 'report-republished', date: '2025-03-14' },
      { type: 'report-superseded', date: '2028-06-01', supersededBy: 'assessment 2028' },
    ];
    const report = build(later);
    expect(report.state).toBe('superseded');
    expect(report.ratingProcessReview).toEqual({
      requestedOn: '2025-02-10',
      requestedBy: 'named-liaison',
      outcome: 'not-upheld',
      concludedOn: '2025-03-10',
    });
    expect(report.withdrawals).toEqual([
      { withdrawnOn: '2025-03-12', reason: 'Equity score transposed', republishedOn: '2025-03-14' },
    ]);
    expect(report.publishedOn).toBe('2025-01-29');
    expect(report.supersededBy).toBe('assessment 2028');
    expect(report.amendments).toHaveLength(2);
  });
});

// One case per error code; the last test checks every code has one.
const cases: readonly (readonly [
  ReportEventErrorCode,
  string,
  () => ReturnType<typeof applyReportEvent>,
])[] = [
  [
    'invalid-report',
    'a value that is not a report',
    () => applyReportEvent({} as Report, { type: 'report-published', date: '2025-01-01' }),
  ],
  [
    'invalid-event',
    'a date that does not exist',
    () =>
      attempt(toDraft('2024-12-20'), {
        type: 'factual-accuracy-check-concluded',
        date: '2025-02-30',
      }),
  ],
  [
    'illegal-transition',
    'publication before the factual accuracy check',
    () => attempt(toDraft('2024-12-20'), { type: 'report-published', date: '2025-01-20' }),
  ],
  [
    'event-out-of-order',
    'an event dated before the previous one',
    () =>
      attempt(toDraft('2024-12-20'), {
        type: 'factual-accuracy-check-concluded',
        date: '2024-12-19',
      }),
  ],
  [
    'not-authorised',
    'a review requested by the director of adult social services',
    () =>
      attempt(toPublished(), {
        type: 'rating-process-review-requested',
        date: '2025-01-21',
        by: 'director-of-adult-social-services',
        grounds: 'x',
      }),
  ],
  [
    'deadline-passed',
    'comments after the deadline',
    () =>
      attempt(toDraft('2024-12-20'), {
        type: 'factual-accuracy-comments-submitted',
        date: '2025-01-09',
        by: 'named-liaison',
        comments: [],
      }),
  ],
  [
    'outside-calendar',
    'a draft whose deadline falls after 2199',
    () =>
      attempt(toDraft('2024-12-20').slice(0, 3), { type: 'draft-report-sent', date: '2199-12-30' }),
  ],
  [
    'extension-not-later',
    'an extension that ends before the current deadline',
    () =>
      attempt(toDraft('2024-12-20'), {
        type: 'factual-accuracy-extension-granted',
        date: '2025-01-02',
        until: '2025-01-07',
        reason: 'x',
      }),
  ],
  [
    'check-still-open',
    'concluding before the deadline with no response',
    () =>
      attempt(toDraft('2024-12-20'), {
        type: 'factual-accuracy-check-concluded',
        date: '2025-01-08',
      }),
  ],
  [
    'duplicate-comment',
    'two comments with one id',
    () =>
      attempt(toDraft('2024-12-20'), {
        type: 'factual-accuracy-comments-submitted',
        date: '2025-01-08',
        by: 'named-liaison',
        comments: [
          { id: 'A', category: 'omitted-information', text: 'x' },
          { id: 'A', category: 'omitted-information', text: 'y' },
        ],
      }),
  ],
  [
    'unknown-comment',
    'a decision on a comment never submitted',
    () =>
      attempt(toDraft('2024-12-20'), {
        type: 'factual-accuracy-comment-decided',
        date: '2025-01-08',
        commentId: 'Z',
        decision: 'accepted',
        reason: 'x',
      }),
  ],
  [
    'comment-already-decided',
    'a second decision on one comment',
    () =>
      attempt(
        [
          ...toDraft('2024-12-20'),
          {
            type: 'factual-accuracy-comments-submitted',
            date: '2025-01-08',
            by: 'named-liaison',
            comments: [{ id: 'A', category: 'omitted-information', text: 'x' }],
          },
          {
            type: 'factual-accuracy-comment-decided',
            date: '2025-01-09',
            commentId: 'A',
            decision: 'not-accepted',
            reason: 'x',
          },
        ],
        {
          type: 'factual-accuracy-comment-decided',
          date: '2025-01-09',
          commentId: 'A',
          decision: 'accepted',
          reason: 'x',
        },
      ),
  ],
  [
    'comments-undecided',
    'concluding with a comment undecided',
    () =>
      attempt(
        [
          ...toDraft('2024-12-20'),
          {
            type: 'factual-accuracy-comments-submitted',
            date: '2025-01-08',
            by: 'named-liaison',
            comments: [{ id: 'A', category: 'omitted-information', text: 'x' }],
          },
        ],
        { type: 'factual-accuracy-check-concluded', date: '2025-01-20' },
      ),
  ],
  [
    'quality-statement-not-scored',
    'amending a statement a partial assessment did not score',
    () =>
      attempt(toDraft('2024-12-20', { safeguarding: 2 }).slice(0, 1), {
        type: 'score-amended',
        date: '2024-10-02',
        qualityStatement: 'assessing-needs',
        score: 3,
        reason: 'x',
      }),
  ],
  [
    'score-unchanged',
    'an amendment to the same score',
    () =>
      attempt(toDraft('2024-12-20').slice(0, 1), {
        type: 'score-amended',
        date: '2024-10-02',
        qualityStatement: 'safeguarding',
        score: 2,
        reason: 'x',
      }),
  ],
  [
    'review-already-requested',
    'a second review request',
    () =>
      attempt(
        [
          ...toPublished(),
          {
            type: 'rating-process-review-requested',
            date: '2025-01-21',
            by: 'chief-executive',
            grounds: 'x',
          },
          {
            type: 'rating-process-review-concluded',
            date: '2025-01-28',
            outcome: 'not-upheld',
            reason: 'x',
          },
        ],
        {
          type: 'rating-process-review-requested',
          date: '2025-01-29',
          by: 'named-liaison',
          grounds: 'y',
        },
      ),
  ],
  [
    'review-request-too-long',
    'a review request of 501 words',
    () =>
      attempt(toPublished(), {
        type: 'rating-process-review-requested',
        date: '2025-01-21',
        by: 'chief-executive',
        grounds: words(501),
      }),
  ],
  [
    'action-date-before-notice',
    'a section 50 notice whose action date is before the notice',
    () =>
      attempt(toPublished(), {
        type: 'section-50-notice-given',
        date: '2025-03-03',
        respects: 'x',
        action: 'y',
        actionBy: '2025-03-02',
      }),
  ],
  [
    'already-recommended',
    'a second recommendation of special measures',
    () =>
      attempt(
        [
          ...toPublished(),
          { type: 'special-measures-recommended', date: '2025-03-03', reason: 'x' },
        ],
        { type: 'special-measures-recommended', date: '2025-03-04', reason: 'y' },
      ),
  ],
  [
    'input-unreadable',
    'an event with a throwing getter',
    () =>
      attempt(
        toPublished(),
        Object.defineProperty({ type: 'report-withdrawn', date: '2025-03-03' }, 'reason', {
          get: () => {
            throw new Error('boom');
          },
          enumerable: true,
        }),
      ),
  ],
];

describe('rejected events are errors with stable codes, never throws', () => {
  it.each(cases)('%s: %s', (code, _what, run) => {
    const result = run();
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.issues[0]!.code).toBe(code);
      expect(result.issues[0]!.message.length).toBeGreaterThan(20);
    }
  });

  it('every error code has a case', () => {
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(REPORT_EVENT_ERROR_CODES));
  });

  it('a 500-word review request by the chief executive in time is accepted', () => {
    const r = attempt(toPublished(), {
      type: 'rating-process-review-requested',
      date: '2025-01-21',
      by: 'chief-executive',
      grounds: words(500),
    });
    expect(r.success && r.data.state).toBe('rating-process-review');
  });

  it('shape errors name the field', () => {
    const at = (next: unknown) => {
      const r = attempt(toDraft('2024-12-20'), next);
      return r.success ? undefined : r.issues[0]!;
    };
    expect(at({ type: 'factual-accuracy-check-concluded' })).toMatchObject({
      code: 'invalid-event',
      path: ['date'],
    });
    expect(at({ type: 'report-finalised', date: '2025-01-10' })).toMatchObject({
      code: 'invalid-event',
      path: ['type'],
    });
    expect(
      at({ type: 'factual-accuracy-check-concluded', date: '2025-01-10', note: 'x' }),
    ).toMatchObject({ code: 'invalid-event', path: ['note'] });
    expect(
      at({
        type: 'factual-accuracy-comment-decided',
        date: '2025-01-10',
        commentId: 'A',
        decision: 'not-accepted',
        reason: 'x',
        amendment: { qualityStatement: 'safeguarding', score: 3 },
      }),
    ).toMatchObject({
      code: 'invalid-event',
      path: ['amendment'],
    });
    expect(
      at({ type: 'factual-accuracy-comments-submitted', date: '2025-01-08', comments: [] }),
    ).toMatchObject({ code: 'invalid-event', path: ['by'] });
    expect(at(null)).toMatchObject({ code: 'invalid-event', path: [] });
  });

  it('CQC events recorded by a council role, and council events by a CQC role, are not authorised', () => {
    expect(
      attempt(toDraft('2024-12-20'), {
        type: 'factual-accuracy-check-concluded',
        date: '2025-01-20',
        by: 'chief-executive',
      }),
    ).toMatchObject({ issues: [{ code: 'not-authorised' }] });
    expect(
      attempt(toDraft('2024-12-20'), {
        type: 'factual-accuracy-comments-submitted',
        date: '2025-01-08',
        by: 'cqc-assessment-team',
        comments: [],
      }),
    ).toMatchObject({
      issues: [{ code: 'not-authorised' }],
    });
  });

  it('the check may conclude after the deadline without a response', () => {
    expect(
      attempt(toDraft('2024-12-20'), {
        type: 'factual-accuracy-check-concluded',
        date: '2025-01-09',
      }).success,
    ).toBe(true);
  });

  it('nothing can happen to a superseded report', () => {
    const superseded = [
      ...toPublished(),
      { type: 'report-superseded', date: '2028-01-01', supersededBy: 'next' },
    ] as const satisfies readonly ReportEvent[];
    expect(
      attempt(superseded, { type: 'report-withdrawn', date: '2028-01-02', reason: 'x' }),
    ).toMatchObject({ issues: [{ code: 'illegal-transition' }] });
  });

  it('the first event must be assessment-scored', () => {
    expect(
      applyReportEvent(undefined, { type: 'draft-report-sent', date: '2024-12-20' }),
    ).toMatchObject({ success: false, issues: [{ code: 'illegal-transition' }] });
    expect(
      applyReportEvent(undefined, {
        type: 'assessment-scored',
        date: '2024-12-20',
        council: 'C',
        scores: SCORES,
      }).success,
    ).toBe(true);
  });

  it('misused options are programmer errors', () => {
    expect(() =>
      applyReportEvent(undefined, toDraft('2024-12-20')[0]!, { calendar: {} as never }),
    ).toThrow(TypeError);
  });
});
