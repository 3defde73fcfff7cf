// `npm run bench`: every module's benchmarks, each suite in at least three separate
// processes (rounds interleaved, so a busy spell of the shared machine touches every suite
// alike), printed as one table per suite: the median and min–max over the processes, the
// comparator's figure from the same processes and the ratio; then the import times and the
// scaling curves (bench/scaling.bench.ts). The machine and its load average are printed
// before and after, and the load average beside every figure.
//
// It measures the built package (dist/, as users import it): `la-assurance/…` resolves
// through package.json `exports` (bench/tsconfig.json drops the source `paths`), and dist/ is
// rebuilt first when any file under src/ is newer. (Source run through tsx is slower on some
// paths than what users get: tsx keeps function names by wrapping every closure it creates.)
//
// Environment variables:
//   BENCH_ROUNDS=n      processes per suite and per scaling figure (default 3, at least 3)
//   BENCH_QUICK=1       a short smoke: smaller sizes and shorter timings (figures not for quoting)
//   BENCH_ONLY=a,b      only these suites or curves (names as printed, e.g. tranche,ir-bad)
//   BENCH_MAX_ROWS=n    largest size of a scaling curve (default 4,000,000; 100,000 with BENCH_QUICK)
// Exit code 1 when a suite fails, a scaling step bends (10× the size costing over 15× the
// time), or a subpath imports more than 25 ms beyond zod alone. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bench } from 'tinybench';
import { caseTrackingBench } from './case-tracking.bench.js';
import { informationReturnBench } from './information-return.bench.js';
import { intakeBench } from './intake.bench.js';
import { scoringBench } from './scoring.bench.js';
import { timelineBench } from './timeline.bench.js';
import { trancheBench } from './tranche.bench.js';
import { cldDuckdbBench } from './cld-duckdb.bench.js';
import { clientLevelDataBench } from './client-level-data.bench.js';
import { scalingBench } from './scaling.bench.js';
import { importTimeBench } from './import-time.bench.js';
import {
  BENCH_ENV,
  type Figure,
  QUICK,
  median,
  range,
  recordFigure,
  recordedFigures,
} from './figures.js';

// A suite records its figures (bench/figures.ts; CPU time unless marked wall), returns a
// tinybench Bench (each task's median wall time becomes a figure without a comparator), or
// prints its own table (shown for every process). The report replay figures are a scaling curve (bench/scaling.bench.ts).
// biome-ignore lint/suspicious/noConfusingVoidType: a suite may print its own table and return nothing
const suites: readonly (() => Promise<Bench | void>)[] = [
  trancheBench,
  timelineBench,
  informationReturnBench,
  caseTrackingBench,
  scoringBench,
  intakeBench,
  clientLevelDataBench,
  cldDuckdbBench,
];

const FIGURES_MARK = 'BENCH-FIGURES ';
const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..');
const suiteName = (suite: { name: string }) => suite.name.replace(/Bench$/, '');
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Child mode: run one suite, print its output, then its figures as one JSON line. */
async function runSuiteHere(name: string): Promise<void> {
  const suite = suites.find((s) => suiteName(s) === name);
  if (!suite) throw new Error(`unknown suite ${name}`);
  const bench = await suite();
  if (bench && recordedFigures().length === 0) {
    for (const t of bench.tasks) {
      const r = t.result;
      if (r.state === 'completed') recordFigure({ task: t.name, ms: r.latency.p50, clock: 'wall' });
      else console.log(`${t.name}: ${r.state}`);
    }
  }
  console.log(`\n${FIGURES_MARK}${JSON.stringify(recordedFigures())}`);
}

/** Newest modification time under a folder (ms). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function ensureBuilt(): void {
  let built = 0;
  try {
    built = statSync(path.join(root, 'dist', 'index.js')).mtimeMs;
  } catch {}
  if (built >= newest(path.join(root, 'src'))) return;
  console.log('dist/ is older than src/: running `npm run build` first');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

interface SuiteRun {
  readonly load: number;
  readonly figures: readonly Figure[] | undefined;
  readonly output: string;
  readonly failure?: string;
}

function runSuiteProcess(name: string): SuiteRun {
  const before = os.loadavg()[0]!;
  const r = spawnSync(process.execPath, ['--import', 'tsx', here, '--suite', name], {
    cwd: root,
    env: BENCH_ENV,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const lines = r.stdout.split('\n');
  const mark = lines.findIndex((l) => l.startsWith(FIGURES_MARK));
  const figures =
    mark >= 0 ? (JSON.parse(lines[mark]!.slice(FIGURES_MARK.length)) as Figure[]) : undefined;
  const output = (mark >= 0 ? lines.slice(0, mark) : lines).join('\n').trim();
  return r.status === 0 && figures
    ? { load: before, figures, output }
    : {
        load: before,
        figures,
        output,
        failure: `exit ${r.status ?? r.signal}: ${r.stderr.trim().split('\n').slice(-5).join('\n')}`,
      };
}

/** One table per suite: each task (and comparator) over the processes. */
function printSuite(name: string, runs: readonly SuiteRun[]): number {
  const loads = runs.map((r) => r.load);
  console.log(
    `\n${name}: ${runs.length} processes, load average (1 min) ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
  );
  const failed = runs.filter((r) => r.failure);
  for (const r of failed) console.log(`  FAILED ${r.failure}`);
  const withFigures = runs.filter((r) => r.figures && r.figures.length > 0);
  if (withFigures.length === 0) {
    // A suite that prints its own table: every process's output, so no single run is quoted.
    runs.forEach((r, i) => console.log(`--- process ${i + 1} of ${runs.length}\n${r.output}`));
    return failed.length;
  }
  const notes = new Set(withFigures.flatMap((r) => (r.output ? [r.output] : [])));
  for (const note of notes) console.log(note);
  const keys: string[] = [];
  const byKey = new Map<string, Figure[]>();
  for (const r of withFigures) {
    for (const f of r.figures!) {
      const key = `${f.task}\u0000${f.comparator ?? ''}`;
      if (!byKey.has(key)) {
        keys.push(key);
        byKey.set(key, []);
      }
      byKey.get(key)!.push(f);
    }
  }
  console.table(
    keys.map((key) => {
      const fs = byKey.get(key)!;
      const ours = fs.map((f) => f.ms);
      const theirs = fs.flatMap((f) => (f.comparatorMs === undefined ? [] : [f.comparatorMs]));
      const ratios = fs.flatMap((f) => (f.comparatorMs ? [f.ms / f.comparatorMs] : []));
      const digits = median(ours) < 10 ? 3 : 1;
      return {
        task: fs[0]!.task,
        per: fs[0]!.per ?? 'operation',
        clock: fs[0]!.clock ?? 'cpu',
        'ms, median (min–max)': range(ours, digits),
        comparator: fs[0]!.comparator ?? '—',
        'comparator ms': theirs.length > 0 ? range(theirs, digits) : '—',
        'ours ÷ comparator': ratios.length > 0 ? range(ratios, 2) : '—',
        processes: fs.length,
      };
    }),
  );
  return failed.length;
}

async function main(): Promise<void> {
  const rounds = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  ensureBuilt();
  console.log(
    `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}; load average ${load()}`,
  );
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: root,
    encoding: 'utf8',
  });
  console.log(
    `Date ${new Date().toISOString()}, commit ${commit.stdout.trim() || 'unknown'}${QUICK ? ', BENCH_QUICK (smoke run: do not quote these figures)' : ''}`,
  );
  const names = suites.map(suiteName).filter((n) => !only || only.includes(n));
  const runs = new Map<string, SuiteRun[]>(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const r = runSuiteProcess(name);
      console.log(`[round ${round + 1}/${rounds}] ${name}: ${r.failure ?? 'done'}`); // progress
      runs.get(name)!.push(r);
    }
  }
  let failures = 0;
  for (const name of names) failures += printSuite(name, runs.get(name)!);

  // Multi-process figures: import times and scaling curves. A bend in a curve (or a subpath
  // importing more than 25 ms beyond zod) fails `npm run bench` (never `npm test`).
  if (!only || only.includes('import-time')) failures += importTimeBench();
  failures += scalingBench(rounds, only);
  console.log(`\nload average at the end: ${load()}`);
  if (failures > 0) {
    console.log(`\n${failures} failure(s): see FAILED and BEND above.`);
    process.exitCode = 1;
  }
}

const suiteArg = process.argv.indexOf('--suite');
if (suiteArg >= 0) await runSuiteHere(process.argv[suiteArg + 1] ?? '');
else await main();
