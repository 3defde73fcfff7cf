// Figures a suite records for `npm run bench` (bench/index.ts runs each suite in several
// processes and aggregates what they record): one task's time per operation beside a
// comparator's time measured in the same process, so every ratio comes from one run.

import { fileURLToPath } from 'node:url';

/** One measurement of one task in one process (CPU milliseconds per operation unless `clock` says otherwise; lower is better). */
export interface Figure {
  readonly task: string;
  readonly ms: number;
  /** What the comparator is (library, options), when the task has one. */
  readonly comparator?: string;
  readonly comparatorMs?: number;
  /** What one operation is, for the table header ("1,000,000 calls", "one return"). */
  readonly per?: string;
  /** `cpu`: user + system time of the process (the default); `wall`: elapsed time. */
  readonly clock?: 'cpu' | 'wall';
}

const recorded: Figure[] = [];

/** Records a figure for the harness to aggregate. */
export function recordFigure(figure: Figure): void {
  recorded.push(figure);
}

/** The figures recorded so far in this process. */
export function recordedFigures(): readonly Figure[] {
  return recorded;
}

/** `BENCH_QUICK=1`: a short smoke run (smaller sizes, shorter timings); figures are not for quoting. */
export const QUICK = process.env.BENCH_QUICK === '1';

/**
 * The environment of every child process of the bench: the bench tsconfig (so that
 * `la-assurance/…` is the built package), and smaller sizes in quick mode for suites that
 * read their own variables.
 */
export const BENCH_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  TSX_TSCONFIG_PATH: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
  ...(QUICK ? { CLD_BENCH_ROWS: process.env.CLD_BENCH_ROWS ?? '20000' } : {}),
};

/** The median (lower middle for an even count) of some timings. */
export const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** `median (min–max)` of some timings. */
export const range = (xs: readonly number[], digits: number): string =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

/**
 * CPU milliseconds (user + system) that `run` took: on a shared machine wall time mostly
 * measures the other processes. Process-wide (it includes V8's compiler and GC threads), so
 * time batches of at least a few milliseconds.
 */
export function cpuMs(run: () => void): number {
  const t0 = process.cpuUsage();
  run();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000;
}

/**
 * The median CPU milliseconds of one call of `run`, after a warm-up call: timed at least
 * `minRuns` times and for at least `minMs` of CPU in all.
 */
export function cpuMedian(run: () => void, minRuns = 5, minMs = 1000): number {
  run();
  const times: number[] = [];
  let total = 0;
  while (times.length < minRuns || total < minMs) {
    const ms = cpuMs(run);
    times.push(ms);
    total += ms;
  }
  return median(times);
}
