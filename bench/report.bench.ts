// Report replay scaling (issue 16): 10 → 30,000 events through `replayReport` and through
// `applyReportEvent` one event at a time, against an xstate actor with the same state chart
// in the same run. Rounds are interleaved (ours, xstate, ours, …) so load on the machine
// hits every contender alike; each figure is the median and min–max of ROUNDS rounds (a
// round of a small list repeats it to about 20 ms and reports the time per run).
// The script sets a failing exit code when a 10× step in events costs more than 15× time.
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { applyReportEvent, replayReport, type Report, type ReportEvent } from 'la-assurance/report';
import { assign, createActor, createMachine } from 'xstate';

const SIZES = [10, 100, 1_000, 10_000, 30_000] as const;
const ROUNDS = 5;

const SCORES = {
  'assessing-needs': 2,
  safeguarding: 2,
  'partnerships-and-communities': 3,
} as const;

/** A lifecycle to publication, then withdraw → amend a score → republish until there are `n` events. */
export function events(n: number): ReportEvent[] {
  const out: ReportEvent[] = [
    { type: 'assessment-scored', date: '2025-01-06', council: 'Example Council', scores: SCORES },
    { type: 'quality-assurance-completed', date: '2025-01-10' },
    { type: 'calibration-panel-held', date: '2025-01-20' },
    { type: 'draft-report-sent', date: '2025-02-03' },
    {
      type: 'factual-accuracy-comments-submitted',
      date: '2025-02-10',
      by: 'named-liaison',
      comments: [],
    },
    { type: 'factual-accuracy-check-concluded', date: '2025-02-20' },
    { type: 'report-published', date: '2025-03-03' },
  ];
  for (let i = 0, amended = 0; out.length < n; i++) {
    const step = i % 3;
    if (step === 0)
      out.push({ type: 'report-withdrawn', date: '2025-03-10', reason: 'Correct a figure' });
    else if (step === 1)
      out.push({
        type: 'score-amended',
        date: '2025-03-10',
        qualityStatement: 'safeguarding',
        score: amended++ % 2 === 0 ? 3 : 2,
        reason: 'Corrected figure',
      });
    else out.push({ type: 'report-republished', date: '2025-03-10' });
  }
  return out.slice(0, n);
}

type Ev = ReportEvent;
interface Ctx {
  history: Ev[];
  amendments: { qualityStatement: string; from: number; to: number }[];
  withdrawals: number;
  scores: Record<string, number>;
}

// The comparator: the same states and events as xstate v5 actor; the guard of a score
// change as ours (a scored statement, a new score); context updated in place (append to
// arrays), the cheapest way to keep an event history in xstate.
const record = ({ context, event }: { context: Ctx; event: Ev }): void => {
  context.history.push(event);
};
const machine = createMachine({
  types: {} as { context: Ctx; events: Ev },
  context: () => ({ history: [], amendments: [], withdrawals: 0, scores: {} }),
  initial: 'start',
  states: {
    start: {
      on: {
        'assessment-scored': {
          target: 'iqa',
          actions: [
            record,
            assign(({ event }) => ({
              scores: { ...(event as Extract<Ev, { type: 'assessment-scored' }>).scores },
            })),
          ],
        },
      },
    },
    iqa: { on: { 'quality-assurance-completed': { target: 'calibration', actions: record } } },
    calibration: { on: { 'calibration-panel-held': { target: 'draft', actions: record } } },
    draft: { on: { 'draft-report-sent': { target: 'factualAccuracy', actions: record } } },
    factualAccuracy: {
      on: {
        'factual-accuracy-comments-submitted': { actions: record },
        'factual-accuracy-check-concluded': { target: 'final', actions: record },
      },
    },
    final: { on: { 'report-published': { target: 'published', actions: record } } },
    published: {
      on: {
        'report-withdrawn': {
          target: 'withdrawn',
          actions: [record, assign(({ context }) => ({ withdrawals: context.withdrawals + 1 }))],
        },
      },
    },
    withdrawn: {
      on: {
        'report-republished': { target: 'published', actions: record },
        'score-amended': {
          guard: ({ context, event }) => {
            const e = event as Extract<Ev, { type: 'score-amended' }>;
            return (
              context.scores[e.qualityStatement] !== undefined &&
              context.scores[e.qualityStatement] !== e.score
            );
          },
          actions: [
            record,
            assign(({ context, event }) => {
              const e = event as Extract<Ev, { type: 'score-amended' }>;
              context.amendments.push({
                qualityStatement: e.qualityStatement,
                from: context.scores[e.qualityStatement]!,
                to: e.score,
              });
              return { scores: { ...context.scores, [e.qualityStatement]: e.score } };
            }),
          ],
        },
      },
    },
  },
});

function timeOurs(list: readonly ReportEvent[]): number {
  const start = performance.now();
  const r = replayReport(list);
  const ms = performance.now() - start;
  if (!r.success || r.data.history.length !== list.length)
    throw new Error(`replay failed: ${JSON.stringify(r.success ? r.data.state : r.issues)}`);
  return ms;
}

function timeApply(list: readonly ReportEvent[]): number {
  const start = performance.now();
  let report: Report | undefined;
  for (const e of list) {
    const r = applyReportEvent(report, e);
    if (!r.success) throw new Error(`event rejected: ${r.issues[0]?.message}`);
    report = r.data;
  }
  const ms = performance.now() - start;
  if (report?.history.length !== list.length) throw new Error('history lost');
  return ms;
}

export function timeXstate(list: readonly ReportEvent[]): number {
  const start = performance.now();
  const actor = createActor(machine).start();
  for (const e of list) actor.send(e);
  const ms = performance.now() - start;
  const snap = actor.getSnapshot();
  if (snap.context.history.length !== list.length)
    throw new Error(`xstate dropped events: ${snap.context.history.length} of ${list.length}`);
  actor.stop();
  return ms;
}

/** A timing of `run` on `list`, per run, repeated so that each measurement takes about 20 ms (small lists would be all noise). */
function timed(
  run: (list: readonly ReportEvent[]) => number,
  list: readonly ReportEvent[],
): number {
  const repeat = Math.max(1, Math.ceil(20_000 / list.length));
  let total = 0;
  for (let i = 0; i < repeat; i++) total += run(list);
  return total / repeat;
}

const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: readonly number[]): string =>
  `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;

/** Runs the report scaling benchmark alone (`npx tsx bench/report.bench.ts`) and prints its own table; `npm run bench` runs the same workload as a scaling curve (bench/scaling.bench.ts). */
async function reportBench(): Promise<void> {
  const lists = new Map(SIZES.map((n) => [n, events(n)]));
  // Warm-up: every path once on the largest list.
  timeOurs(lists.get(30_000)!);
  timeApply(lists.get(30_000)!);
  timeXstate(lists.get(30_000)!);
  const times = new Map<number, { replay: number[]; apply: number[]; xstate: number[] }>(
    SIZES.map((n) => [n, { replay: [], apply: [], xstate: [] }]),
  );
  for (let round = 0; round < ROUNDS; round++) {
    for (const n of SIZES) {
      const t = times.get(n)!;
      const list = lists.get(n)!;
      t.replay.push(timed(timeOurs, list));
      t.xstate.push(timed(timeXstate, list));
      t.apply.push(timed(timeApply, list));
    }
  }
  const [l1, l5] = os.loadavg();
  console.log(
    `\nreport: replay scaling, ${ROUNDS} interleaved rounds; load average ${l1!.toFixed(2)} (1 min), ${l5!.toFixed(2)} (5 min)`,
  );
  const rows = SIZES.map((n) => {
    const t = times.get(n)!;
    return {
      events: n.toLocaleString('en-GB'),
      'replayReport ms (median, min–max)': `${median(t.replay).toFixed(2)} (${range(t.replay)})`,
      'µs/event': ((median(t.replay) * 1000) / n).toFixed(2),
      'applyReportEvent loop ms': `${median(t.apply).toFixed(2)} (${range(t.apply)})`,
      'µs/event ': ((median(t.apply) * 1000) / n).toFixed(2),
      'xstate actor ms': `${median(t.xstate).toFixed(2)} (${range(t.xstate)})`,
      'µs/event  ': ((median(t.xstate) * 1000) / n).toFixed(2),
      'replay ÷ xstate': (median(t.replay) / median(t.xstate)).toFixed(2),
      'apply ÷ xstate': (median(t.apply) / median(t.xstate)).toFixed(2),
    };
  });
  console.table(rows);
  // A 10× step in events must not cost more than 15× the time (quadratic replay would cost ~100×).
  for (const [small, large] of [
    [100, 1_000],
    [1_000, 10_000],
  ] as const) {
    for (const path of ['replay', 'apply'] as const) {
      const ratio = median(times.get(large)![path]) / median(times.get(small)![path]);
      if (ratio > 15) {
        console.log(
          `FAIL report ${path}: ${small} → ${large} events costs ${ratio.toFixed(1)}× the time (limit 15×)`,
        );
        process.exitCode = 1;
      }
    }
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  await reportBench();
