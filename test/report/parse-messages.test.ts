// safeParseReport's issues word for word, one per branch: a message is what a person acts
// on, so each is pinned (the expected texts are the templates in src/report/parse.ts filled
// in by hand for these inputs).
import { describe, expect, it } from 'vitest';
import {
  isLaAssuranceError,
  parseReport,
  replayReport,
  reportDigest,
  safeParseReport,
  type ReportEvent,
} from '../../src/report/index.js';
import { build, parseIssues, storedReport, toPublished } from './helpers.js';

describe('safeParseReport messages', () => {
  it('invalid JSON: says so and passes on the parser’s reason', () => {
    const [issue] = parseIssues('{');
    let reason = '';
    try {
      JSON.parse('{');
    } catch (error) {
      reason = (error as Error).message;
    }
    expect(issue).toEqual({
      code: 'invalid-json',
      path: [],
      message: `The report is not valid JSON: ${reason}`,
    });
  });

  it('a JSON string is parsed, a string that is not a report is rejected by shape', () => {
    expect(safeParseReport(JSON.stringify(storedReport())).success).toBe(true);
    expect(parseIssues('"text"')[0]?.code).toBe('invalid-report');
  });

  it('invalid shape: the dotted path from "report" and zod’s reason', () => {
    const [issue] = parseIssues({ ...storedReport(), publishedOn: 7 });
    expect(issue?.code).toBe('invalid-report');
    expect(issue?.path).toEqual(['publishedOn']);
    expect(issue?.message.startsWith('report.publishedOn: ')).toBe(true);
    expect(issue!.message.length).toBeGreaterThan('report.publishedOn: '.length);
    const [top] = parseIssues(null);
    expect(top?.path).toEqual([]);
    expect(top?.message.startsWith('report: ')).toBe(true);
  });

  it('history rejected: the event’s path under history and its message with its code', () => {
    const report = storedReport();
    report.history[3] = { ...report.history[3], date: '2023-12-01' };
    const [issue] = parseIssues(report);
    expect(issue?.code).toBe('history-rejected');
    expect(issue?.path).toEqual(['history', 3, 'date']);
    expect(issue?.message).toMatch(/^report\.history: Event 3: .+ \(code [a-z-]+\)$/);
  });

  it('stored field differing from the replay: both values, as JSON', () => {
    expect(parseIssues({ ...storedReport(), publishedPercentage: 70 })).toEqual([
      {
        code: 'report-does-not-match-history',
        path: ['publishedPercentage'],
        message: 'report.publishedPercentage: replaying the history gives null, not the stored 70',
      },
    ]);
  });

  it('digest: the stored digest is checked; a different one is named with the actual one', () => {
    const report = storedReport();
    const digest = reportDigest(build(toPublished()));
    expect(safeParseReport(report, { digest }).success).toBe(true);
    expect(parseIssues(report, { digest: 'sha256:00' })).toEqual([
      {
        code: 'digest-mismatch',
        path: ['history'],
        message: `report.history: its digest is ${digest}, not the stored sha256:00; a past event was edited`,
      },
    ]);
    // Both problems are reported together: a changed state and a wrong digest.
    expect(
      parseIssues({ ...report, state: 'withdrawn' }, { digest: 'sha256:00' }).map((i) => i.code),
    ).toEqual(['report-does-not-match-history', 'digest-mismatch']);
  });

  it('a digest option that is not a string is a programmer error (TypeError)', () => {
    expect(() => safeParseReport(storedReport(), { digest: 5 as never })).toThrow(
      new TypeError('options.digest must be a string made by reportDigest'),
    );
    expect(() => safeParseReport(storedReport(), { digest: undefined })).not.toThrow();
  });

  it('unreadable input: the shared input-unreadable words (src/internal/unreadable.ts), whatever was thrown', () => {
    const throwing = (thrown: unknown) =>
      Object.defineProperty({}, 'history', {
        get() {
          throw thrown;
        },
        enumerable: true,
      });
    const proxyThrew = {
      code: 'input-unreadable',
      path: [],
      message:
        'input: reading the report failed (a getter or Proxy threw, or the Proxy was revoked); send plain JSON data',
    };
    expect(parseIssues(throwing(new Error('boom')))).toEqual([proxyThrew]);
    expect(parseIssues(throwing('not an error'))).toEqual([proxyThrew]);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(parseIssues(proxy)).toEqual([proxyThrew]);
    // A stack overflow while reading is named as nesting, not as a throwing getter.
    expect(parseIssues(throwing(new RangeError('Maximum call stack size exceeded')))).toEqual([
      {
        ...proxyThrew,
        message:
          'input: reading the report failed (it is nested or linked too deeply); send plain JSON data',
      },
    ]);
  });

  it('parseReport throws LaAssuranceError "invalid-report" with the issues, and returns the report', () => {
    const report = build(toPublished());
    expect(parseReport(storedReport())).toEqual(report);
    try {
      parseReport('{');
      expect.unreachable();
    } catch (error) {
      expect(isLaAssuranceError(error)).toBe(true);
      if (isLaAssuranceError(error)) {
        expect(error.code).toBe('invalid-report');
        expect(error.issues.map((i) => i.code)).toEqual(['invalid-json']);
        expect(error.message.startsWith('Cannot read the report:')).toBe(true);
      }
    }
  });
});

describe('replayReport results', () => {
  it('no events, or not a list: invalid-report at index 0 with no report', () => {
    for (const events of [[], 'events', null]) {
      const r = replayReport(events as never);
      expect(r).toEqual({
        success: false,
        index: 0,
        report: undefined,
        issues: [
          {
            code: 'invalid-report',
            path: [],
            message:
              "A report's history is a list of events starting with 'assessment-scored'; got none",
          },
        ],
      });
      expect(Object.isFrozen(!r.success && r.issues[0])).toBe(true);
    }
  });

  it('a rejected event: its index first in the path, "Event i:" before the message, the report before it', () => {
    const events = toPublished();
    const bad = { ...events[3]!, date: '2023-12-01' } as ReportEvent; // before the events it follows
    const r = replayReport([...events.slice(0, 3), bad]);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.index).toBe(3);
      expect(r.issues[0]?.path).toEqual([3, 'date']);
      expect(r.issues[0]?.message).toMatch(/^Event 3: /);
      expect(r.report?.history.length).toBe(3);
      expect(Object.isFrozen(r.issues[0]?.path)).toBe(true);
    }
    const first = replayReport([bad]);
    expect(!first.success && first.report).toBeUndefined();
    expect(!first.success && first.issues[0]?.code).toBe('illegal-transition'); // not a crash
  });

  it('an event whose fields cannot be read: the event’s own issue, prefixed with its index', () => {
    const events = toPublished();
    const unreadable = Object.defineProperty({ ...events[1] }, 'date', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    const r = replayReport([events[0]!, unreadable] as never);
    expect(!r.success && r.issues[0]).toEqual({
      code: 'input-unreadable',
      path: [1],
      message:
        'Event 1: input: reading the event failed (a getter or Proxy threw, or the Proxy was revoked); send plain JSON data',
    });
  });

  it('a list whose items cannot be read: input-unreadable at the index, whatever was thrown', () => {
    const events = toPublished();
    // A Proxy over the list (a stale Immer draft, say) whose item 1 throws when read.
    const throwingAt = (thrown: unknown) =>
      new Proxy([...events], {
        get(target, key, receiver) {
          if (key === '1') throw thrown;
          return Reflect.get(target, key, receiver);
        },
      });
    expect(replayReport(throwingAt(new Error('boom')))).toEqual({
      success: false,
      index: 1,
      report: replayReport([events[0]!]).success
        ? (replayReport([events[0]!]) as { data: unknown }).data
        : undefined,
      issues: [
        {
          code: 'input-unreadable',
          path: [1],
          message:
            '1: reading the list of events at event 1 failed (a getter or Proxy threw, or the Proxy was revoked); send plain JSON data',
        },
      ],
    });
    const plain = replayReport(throwingAt(7));
    expect(!plain.success && plain.issues[0]?.message).toBe(
      '1: reading the list of events at event 1 failed (a getter or Proxy threw, or the Proxy was revoked); send plain JSON data',
    );
    const atFirst = new Proxy([...events], {
      get(target, key, receiver) {
        if (key === '0') throw new Error('first');
        return Reflect.get(target, key, receiver);
      },
    });
    expect(replayReport(atFirst)).toMatchObject({ success: false, index: 0, report: undefined });
  });
});
