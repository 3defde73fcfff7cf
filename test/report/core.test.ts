// checkReportEvent: the hand-written shape check of an event, each rule with its issue
// word for word (the templates of src/report/check-event.ts filled in by hand; the "got …"
// part is describeValue's, tested with it).
import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src/internal/describe.js';
import { checkReportEvent } from '../../src/report/check-event.js';
import { COUNCIL_ROLES, CQC_ROLES, REPORT_EVENT_TYPES } from '../../src/report/model.js';
import { ReportEventSchema } from '../../src/report/index.js';

const D = '2025-01-06';
const issue = (input: unknown) => {
  const r = checkReportEvent(input);
  return 'issue' in r ? r.issue : undefined;
};
const invalid = (path: (string | number)[], message: string) => ({
  code: 'invalid-event',
  path,
  message,
});
const COMMENT = { id: 'FA-1', category: 'omitted-information', text: 'The audit was missed.' };
const submitted = (comments: unknown) => ({
  type: 'factual-accuracy-comments-submitted',
  date: D,
  by: 'named-liaison',
  comments,
});

describe('checkReportEvent', () => {
  it('not an object, or an unknown type', () => {
    expect(issue(5)).toEqual(
      invalid([], `event: expected an event object; got ${describeValue(5)}`),
    );
    expect(issue({ type: 'x', date: D })).toEqual(
      invalid(
        ['type'],
        `event.type: expected an event type (one of ${REPORT_EVENT_TYPES.join(', ')}); got ${describeValue('x')}`,
      ),
    );
  });

  it('unknown and missing fields, at the top and inside a comment', () => {
    expect(issue({ type: 'draft-report-sent', date: D, extra: 1 })).toEqual(
      invalid(['extra'], "event: unknown field 'extra'"),
    );
    expect(issue({ type: 'draft-report-sent' })).toEqual(
      invalid(['date'], 'event.date is missing'),
    );
    expect(issue({ type: 'report-withdrawn', date: D })).toEqual(
      invalid(['reason'], 'event.reason is missing'),
    );
    expect(issue(submitted([{ ...COMMENT, extra: 1 }]))).toEqual(
      invalid(['comments', 0, 'extra'], "event.comments.0: unknown field 'extra'"),
    );
    const { text: _, ...noText } = COMMENT;
    expect(issue(submitted([COMMENT, noText]))).toEqual(
      invalid(['comments', 1, 'text'], 'event.comments.1.text is missing'),
    );
    expect(issue(submitted(['x']))).toEqual(
      invalid(['comments', 0], `event.comments.0: expected an object; got ${describeValue('x')}`),
    );
    expect(issue(submitted('none'))).toEqual(
      invalid(
        ['comments'],
        `event.comments: expected a list of comments (empty if the council has none); got ${describeValue('none')}`,
      ),
    );
    // `by` is required for a council's comments.
    const { by: _by, ...noBy } = submitted([]);
    expect(issue(noBy)).toEqual(invalid(['by'], 'event.by is missing'));
  });

  it('dates, text, roles, scores and percentages', () => {
    expect(issue({ type: 'draft-report-sent', date: '2025-02-30' })).toEqual(
      invalid(
        ['date'],
        `event.date: expected a calendar date written YYYY-MM-DD; got ${describeValue('2025-02-30')}`,
      ),
    );
    for (const reason of ['  ', 5]) {
      expect(issue({ type: 'report-withdrawn', date: D, reason })).toEqual(
        invalid(['reason'], `event.reason: expected some text; got ${describeValue(reason)}`),
      );
    }
    expect(issue({ type: 'draft-report-sent', date: D, by: 'mayor' })).toEqual(
      invalid(
        ['by'],
        `event.by: expected a council or CQC role (one of ${[...COUNCIL_ROLES, ...CQC_ROLES].join(', ')}); got ${describeValue('mayor')}`,
      ),
    );
    expect(
      issue({
        type: 'score-amended',
        date: D,
        qualityStatement: 'safeguarding',
        score: 5,
        reason: 'r',
      }),
    ).toEqual(
      invalid(
        ['score'],
        `event.score: expected a score from 1 to 4 (one of 1, 2, 3, 4); got ${describeValue(5)}`,
      ),
    );
    for (const publishedPercentage of [50.5, -1, 101, '50']) {
      expect(issue({ type: 'report-published', date: D, publishedPercentage })).toEqual(
        invalid(
          ['publishedPercentage'],
          `event.publishedPercentage: expected a whole-number percentage from 0 to 100; got ${describeValue(publishedPercentage)}`,
        ),
      );
    }
    for (const publishedPercentage of [0, 100]) {
      expect(issue({ type: 'report-published', date: D, publishedPercentage })).toBeUndefined();
    }
  });

  it('scores: the scoring check’s first issue, under event', () => {
    expect(
      issue({
        type: 'assessment-scored',
        date: D,
        council: 'Example Council',
        scores: { safeguarding: 5 },
      }),
    ).toEqual(
      invalid(
        ['scores', 'safeguarding'],
        'event.scores.safeguarding: a score must be a whole number from 1 to 4; got 5',
      ),
    );
  });

  it('an amendment: an object, and only on an accepted comment', () => {
    const decided = (decision: string, amendment?: unknown) => ({
      type: 'factual-accuracy-comment-decided',
      date: D,
      commentId: 'FA-1',
      decision,
      reason: 'r',
      ...(amendment === undefined ? {} : { amendment }),
    });
    expect(issue(decided('accepted', 5))).toEqual(
      invalid(['amendment'], `event.amendment: expected an object; got ${describeValue(5)}`),
    );
    expect(issue(decided('not-accepted', { qualityStatement: 'safeguarding', score: 3 }))).toEqual(
      invalid(['amendment'], 'event.amendment: only an accepted comment can change a score'),
    );
    expect(issue(decided('not-accepted'))).toBeUndefined();
    expect(
      issue(decided('accepted', { qualityStatement: 'safeguarding', score: 3 })),
    ).toBeUndefined();
  });

  it('a valid event comes back as a frozen copy of its fields', () => {
    const input = submitted([COMMENT]);
    const r = checkReportEvent(input);
    expect(r).toEqual({ event: input });
    if ('event' in r) {
      expect(r.event).not.toBe(input);
      expect(Object.isFrozen(r.event)).toBe(true);
      expect(Object.isFrozen((r.event as unknown as { comments: unknown[] }).comments)).toBe(true);
      expect(Object.isFrozen((r.event as unknown as { comments: unknown[] }).comments[0])).toBe(
        true,
      );
    }
  });
});

describe('checkReportEvent: an unknown decision', () => {
  it('names the decisions', () => {
    expect(
      issue({
        type: 'factual-accuracy-comment-decided',
        date: D,
        commentId: 'FA-1',
        decision: 'rejected',
        reason: 'r',
      }),
    ).toEqual(
      invalid(
        ['decision'],
        `event.decision: expected a decision (one of accepted, not-accepted); got ${describeValue('rejected')}`,
      ),
    );
  });
});

describe('ReportEventSchema agrees: an amendment only on an accepted comment', () => {
  it('rejects it on a comment not accepted, at amendment, with the same words', () => {
    const event = {
      type: 'factual-accuracy-comment-decided',
      date: D,
      commentId: 'FA-1',
      decision: 'not-accepted',
      reason: 'r',
      amendment: { qualityStatement: 'safeguarding', score: 3 },
    };
    const r = ReportEventSchema.safeParse(event);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['amendment'], 'only an accepted comment can change a score'],
    ]);
    expect(ReportEventSchema.safeParse({ ...event, decision: 'accepted' }).success).toBe(true);
    const { amendment: _, ...without } = event;
    expect(ReportEventSchema.safeParse(without).success).toBe(true);
  });
});
