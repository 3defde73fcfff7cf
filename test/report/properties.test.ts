import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUALITY_STATEMENT_IDS } from '../../src/framework/index.js';
import {
  COUNCIL_ROLES,
  CQC_ROLES,
  REPORT_EVENT_ERROR_CODES,
  REPORT_EVENT_TYPES,
  REPORT_STATES,
  REPORT_TRANSITIONS,
  applyReportEvent,
  countWords,
  replayReport,
  safeParseReport,
  type Report,
  type ReportEventType,
  type ReportState,
} from '../../src/report/index.js';
import { fromDayNumber, toDayNumber, type IsoDate } from '../../src/timeline/iso-date.js';
import { deepFreeze } from '../support/published-results.js';

// Model-based: each run interprets a list of random "steps" against the report so far.
// Most steps pick an event the transition table allows in the current state (so runs get
// deep into the lifecycle); others pick any event type, or a bogus value, and dates
// sometimes go backwards or do not exist. Fields come from small pools so that comment
// ids collide, amendments repeat scores, roles are sometimes wrong, and review requests
// are sometimes over 500 words.
const ROLES = [...COUNCIL_ROLES, ...CQC_ROLES];
// noBias: fast-check's bias towards small integers would make every date bad and every role the chief executive.
const step = fc.noBias(
  fc.record({
    mode: fc.integer({ min: 0, max: 11 }),
    pick: fc.nat(),
    days: fc.integer({ min: -2, max: 12 }),
    badDate: fc.integer({ min: 0, max: 40 }),
    score: fc.integer({ min: 1, max: 4 }),
    qs: fc.integer({ min: 0, max: 8 }),
    role: fc.integer({ min: 0, max: 3 }),
    flag: fc.boolean(),
    comments: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }),
    bogus: fc.anything({ maxDepth: 2 }),
  }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** Usually a role the transition table allows for the event; one time in four, any role. */
function roleFor(type: ReportEventType, s: Step): string | undefined {
  if (s.role === 0) return ROLES[s.pick % ROLES.length];
  const allowed = REPORT_TRANSITIONS.find((x) => x.event === type)!.by;
  if (allowed === 'cqc') return s.flag ? undefined : CQC_ROLES[s.pick % CQC_ROLES.length];
  const roles = allowed === 'council' ? COUNCIL_ROLES : allowed;
  return roles[s.pick % roles.length];
}

function eventFor(type: ReportEventType, s: Step, lastDate: string): unknown {
  const date =
    s.badDate === 0 ? '2025-02-29' : fromDayNumber(toDayNumber(lastDate as IsoDate) + s.days);
  const by = roleFor(type, s);
  const base = by === undefined ? { type, date } : { type, date, by };
  const qualityStatement = QUALITY_STATEMENT_IDS[s.qs]!;
  const scores = Object.fromEntries(
    QUALITY_STATEMENT_IDS.map((id, i) => [id, ((s.pick + i * s.score) % 4) + 1]),
  );
  switch (type) {
    case 'assessment-scored':
      return { ...base, council: 'C', scores };
    case 'score-amended':
      return { ...base, qualityStatement, score: s.score, reason: 'r' };
    case 'factual-accuracy-extension-granted':
      return {
        ...base,
        until: fromDayNumber(toDayNumber(lastDate as IsoDate) + s.days * 2),
        reason: 'r',
      };
    case 'factual-accuracy-comments-submitted':
      return {
        ...base,
        comments: s.comments.map((n) => ({
          id: `c${n}`,
          category: 'omitted-information',
          text: 't',
        })),
      };
    case 'factual-accuracy-comment-decided':
      return {
        ...base,
        commentId: `c${s.pick % 4}`,
        decision: s.flag ? 'accepted' : 'not-accepted',
        reason: 'r',
        ...(s.badDate % 2 === 0 ? { amendment: { qualityStatement, score: s.score } } : {}),
      };
    case 'rating-process-review-requested':
      return { ...base, grounds: s.flag ? 'Process not followed.' : 'w '.repeat(501) };
    case 'rating-process-review-concluded':
      return { ...base, outcome: s.flag ? 'upheld' : 'not-upheld', reason: 'r' };
    case 'report-withdrawn':
      return { ...base, reason: 'r' };
    case 'report-superseded':
      return { ...base, supersededBy: 'next' };
    default:
      return base;
  }
}

function chooseEvent(report: Report | undefined, s: Step): unknown {
  if (s.mode === 0) return s.bogus;
  const state: ReportState | null = report?.state ?? null;
  const allowed = REPORT_TRANSITIONS.filter((x) => x.from === state).map((x) => x.event);
  const type =
    s.mode === 1 || allowed.length === 0
      ? REPORT_EVENT_TYPES[s.pick % REPORT_EVENT_TYPES.length]!
      : allowed[s.pick % allowed.length]!;
  return eventFor(type, s, report?.history.at(-1)?.date ?? '2024-06-03');
}

const CODES: ReadonlySet<string> = new Set(REPORT_EVENT_ERROR_CODES);
const STATES: ReadonlySet<string> = new Set(REPORT_STATES);

interface Run {
  readonly report: Report | undefined;
  readonly accepted: number;
  readonly states: ReadonlySet<ReportState>;
}

function run(steps: readonly Step[]): Run {
  let report: Report | undefined;
  let accepted = 0;
  const states = new Set<ReportState>();
  for (const s of steps) {
    const event = deepFreeze(chooseEvent(report, s));
    const result = applyReportEvent(report, event as never);
    // Plain checks, not expect(), in this hot loop (tens of thousands of events per test).
    if (result.success) {
      if (
        result.data.history.length !== accepted + 1 ||
        result.data.history.at(-1)?.type !== (event as { type: string }).type
      ) {
        throw new Error(`history not appended by one: ${JSON.stringify(event)}`);
      }
      report = result.data;
      accepted++;
      states.add(report.state);
    } else if (!CODES.has(result.issues[0]!.code) || result.issues[0]!.message === '') {
      throw new Error(`unexpected error ${JSON.stringify(result.issues[0]!)}`);
    }
    if (report !== undefined && !STATES.has(report.state))
      throw new Error(`undefined state ${String(report.state)}`);
  }
  return { report, accepted, states };
}

const steps = fc.array(step, { minLength: 1, maxLength: 80, size: 'max' });

describe('report state machine laws (model-based)', () => {
  it('random event sequences never throw, stay in the defined states, and keep history length equal to accepted events', () => {
    fc.assert(
      fc.property(steps, (s) => {
        const { report, accepted } = run(s);
        expect(report?.history.length ?? 0).toBe(accepted);
      }),
      { numRuns: 2000 },
    );
  });

  it('replaying the history always equals the incremental report, and the stored JSON parses back to it', () => {
    fc.assert(
      fc.property(steps, (s) => {
        const { report } = run(s);
        if (report === undefined) return;
        const replay = replayReport(report.history);
        expect(replay.success && replay.data).toEqual(report);
        const parsed = safeParseReport(JSON.stringify(report));
        expect(parsed.success && parsed.data).toEqual(report);
      }),
      { numRuns: 1000 },
    );
  });

  it('never publishes before the factual accuracy check ends; event dates never go backwards', () => {
    fc.assert(
      fc.property(steps, (s) => {
        const { report } = run(s);
        const history = report?.history ?? [];
        const concluded = history.findIndex((e) => e.type === 'factual-accuracy-check-concluded');
        const published = history.findIndex((e) => e.type === 'report-published');
        if (published >= 0) {
          expect(concluded).toBeGreaterThanOrEqual(0);
          expect(concluded).toBeLessThan(published);
          expect(report?.factualAccuracy?.concludedOn).not.toBeNull();
        }
        for (let i = 1; i < history.length; i++)
          expect(history[i]!.date >= history[i - 1]!.date).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('explores the whole lifecycle (the generator reaches every state)', () => {
    const reached = new Set<ReportState>();
    fc.assert(
      fc.property(steps, (s) => {
        for (const state of run(s).states) reached.add(state);
      }),
      { numRuns: 1000, seed: 7 },
    );
    expect([...reached].sort()).toEqual([...REPORT_STATES].sort());
  });

  it('applyReportEvent never throws on arbitrary values, as report or as event', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withMap: true,
          withDate: true,
          withBoxedValues: true,
        }),
        fc.anything(),
        (a, b) => {
          const asEvent = applyReportEvent(undefined, a as never);
          const asReport = applyReportEvent(a as never, b as never);
          expect(asEvent.success).toBe(false);
          expect(typeof asReport.success).toBe('boolean');
          expect(safeParseReport(a).success).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('countWords: joining texts with a space adds their counts', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(countWords(`${a} ${b}`)).toBe(countWords(a) + countWords(b));
      }),
    );
  });
});
