import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReportEvent } from '../../src/report/check-event.js';
import {
  ReportEventSchema,
  ReportSchema,
  isLaAssuranceError,
  parseReport,
  replayReport,
  safeParseReport,
  type ReportEvent,
} from '../../src/report/index.js';
import { createWorkingDayCalendar } from '../../src/timeline/index.js';
import { build, parseIssues, storedReport, toDraft, toPublished } from './helpers.js';

describe('parseReport', () => {
  it('reads back a stored report, from JSON text or a parsed value', () => {
    const report = build(toPublished());
    expect(parseReport(JSON.stringify(report))).toEqual(report);
    expect(parseReport(storedReport())).toEqual(report);
    expect(ReportSchema.safeParse(storedReport()).success).toBe(true);
  });

  it('rejects a state the history does not produce', () => {
    expect(parseIssues({ ...storedReport(), state: 'withdrawn' })).toEqual([
      {
        code: 'report-does-not-match-history',
        path: ['state'],
        message:
          'report.state: replaying the history gives "published", not the stored "withdrawn"',
      },
    ]);
  });

  it('rejects scores changed without an amendment in the history', () => {
    const report = storedReport();
    expect(
      parseIssues({ ...report, scores: { ...(report.scores as object), safeguarding: 4 } }),
    ).toMatchObject([{ code: 'report-does-not-match-history', path: ['scores'] }]);
  });

  it('rejects an event out of date order', () => {
    const report = storedReport();
    report.history[3] = { ...report.history[3], date: '2023-12-01' };
    expect(parseIssues(report)).toMatchObject([
      { code: 'history-rejected', path: ['history', 3, 'date'] },
    ]);
  });

  it("rejects an event removed from the history (the council's response is still in the stored record)", () => {
    const report = storedReport();
    report.history.splice(4, 1);
    expect(parseIssues(report)).toMatchObject([
      { code: 'report-does-not-match-history', path: ['factualAccuracy'] },
    ]);
  });

  it('rejects an event the rules reject (a published event moved before the check concluded)', () => {
    const report = storedReport();
    const [published] = report.history.splice(6, 1);
    report.history.splice(5, 0, { ...published, date: '2025-01-06' });
    expect(parseIssues(report)[0]).toMatchObject({
      code: 'history-rejected',
      path: ['history', 5, 'type'],
    });
  });

  it('rejects bad shapes, unknown fields and bad JSON, naming the field', () => {
    expect(parseIssues('{')).toMatchObject([{ code: 'invalid-json', path: [] }]);
    expect(parseIssues({ ...storedReport(), rating: 'good' })[0]).toMatchObject({
      code: 'invalid-report',
    });
    expect(parseIssues({ ...storedReport(), publishedOn: '2025-02-30' })[0]).toMatchObject({
      code: 'invalid-report',
      path: ['publishedOn'],
    });
    expect(parseIssues({ ...storedReport(), history: [] })[0]).toMatchObject({
      code: 'invalid-report',
      path: ['history'],
    });
    expect(parseIssues(null)[0]).toMatchObject({ code: 'invalid-report' });
  });

  it('throws LaAssuranceError with code invalid-report and every issue', () => {
    try {
      parseReport({ ...storedReport(), state: 'withdrawn', supersededBy: 'x' });
      expect.unreachable();
    } catch (error) {
      expect(isLaAssuranceError(error) && error.code).toBe('invalid-report');
      expect(isLaAssuranceError(error) && error.issues.map((i) => i.path[0])).toEqual([
        'state',
        'supersededBy',
      ]);
    }
  });

  it('replays with the calendar given (a report built with an extra holiday needs that calendar)', () => {
    const calendar = createWorkingDayCalendar({
      add: [{ date: '2025-01-06', name: 'Hypothetical one-off holiday' }],
    });
    const events: ReportEvent[] = [
      ...toDraft('2024-12-20'),
      {
        type: 'factual-accuracy-comments-submitted',
        date: '2025-01-09',
        by: 'named-liaison',
        comments: [],
      },
    ];
    const json = JSON.stringify(build(events, { calendar }));
    expect(safeParseReport(json, { calendar }).success).toBe(true);
    expect(parseIssues(json)).toMatchObject([
      { code: 'history-rejected', path: ['history', 4, 'date'] },
    ]);
  });

  it('replayReport needs at least one event', () => {
    expect(replayReport([])).toMatchObject({
      success: false,
      index: 0,
      issues: [{ code: 'invalid-report' }],
    });
  });
});

describe('ReportEventSchema accepts exactly what applyReportEvent accepts as an event', () => {
  const valid: ReportEvent[] = [
    ...toPublished(),
    {
      type: 'factual-accuracy-comment-decided',
      date: '2025-01-09',
      commentId: 'A',
      decision: 'accepted',
      reason: 'r',
      amendment: { qualityStatement: 'safeguarding', score: 3 },
    },
    {
      type: 'factual-accuracy-comments-submitted',
      date: '2025-01-08',
      by: 'council-officer',
      comments: [
        { id: 'A', category: 'omitted-information', qualityStatement: 'safeguarding', text: 't' },
      ],
    },
    {
      type: 'rating-process-review-requested',
      date: '2025-01-21',
      by: 'chief-executive',
      grounds: 'g',
    },
    { type: 'report-superseded', date: '2028-01-01', supersededBy: 'next' },
  ];
  // Mutations of valid events: a field removed, replaced by an arbitrary JSON value, or added.
  const mutated = fc
    .tuple(
      fc.constantFrom(...valid),
      fc.nat(),
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('drop', 'replace', 'add', 'nested'),
    )
    .map(([event, pick, value, how]) => {
      const copy = JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
      const keys = Object.keys(copy);
      const key = keys[pick % keys.length]!;
      if (how === 'drop') delete copy[key];
      else if (how === 'replace') copy[key] = value;
      else if (how === 'add') copy[`extra${pick % 3}`] = value;
      else if (typeof copy[key] === 'object' && copy[key] !== null)
        (copy[key] as Record<string, unknown>)[`x${pick % 2}`] = value;
      return copy;
    });

  it('on valid events, their mutations and arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...valid), mutated, fc.jsonValue()), (value) => {
        expect(ReportEventSchema.safeParse(value).success).toBe('event' in checkReportEvent(value));
      }),
      { numRuns: 2000 },
    );
  });
});
