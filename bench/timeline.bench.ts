// addWorkingDays throughput on ISO strings (issue #3: target ≥ 5,000,000 calls/s), with
// numpy's busday_offset (scalar and vectorised) and date-fns' holiday-blind
// addBusinessDays measured in the same run on the same 1,000,000 seeded inputs. Records
// the median of 5 rounds (milliseconds per 1,000,000 calls) for bench/index.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addBusinessDays } from 'date-fns';
import { addWorkingDays, bankHolidays, SUPPORTED_YEARS } from 'la-assurance/timeline';
import { QUICK, cpuMs, median, recordFigure } from './figures.js';

const CALLS = QUICK ? 100_000 : 1_000_000;

/** Seeded inputs: dates 2018-01-01…2035-12-31, n in −60…60 (mulberry32, seed 20241220). */
function inputs(): { dates: string[]; ns: number[] } {
  let seed = 20241220;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const first = Date.UTC(2018, 0, 1) / 86_400_000;
  const span = Date.UTC(2035, 11, 31) / 86_400_000 - first + 1;
  const dates: string[] = [];
  const ns: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    dates.push(
      new Date((first + Math.floor(random() * span)) * 86_400_000).toISOString().slice(0, 10),
    );
    ns.push(Math.floor(random() * 121) - 60);
  }
  return { dates, ns };
}

/** CPU milliseconds per 1,000,000 calls: the median of `rounds` timed runs after a warm-up. */
function msPerMillion(run: () => void, rounds = 5): number {
  run(); // warm-up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    times.push((cpuMs(run) * 1_000_000) / CALLS);
  }
  return median(times);
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');

/** Runs the timeline benchmark (it runs a Python comparator too) and records its figures. */
export async function timelineBench(): Promise<void> {
  const { dates, ns } = inputs();
  const ours: string[] = new Array<string>(CALLS);
  const oursMs = msPerMillion(() => {
    for (let i = 0; i < CALLS; i++) ours[i] = addWorkingDays(dates[i]!, ns[i]!);
  });
  const parsed = dates.map((d) => new Date(`${d}T00:00:00`));
  const dateFnsMs = msPerMillion(() => {
    for (let i = 0; i < CALLS; i++) addBusinessDays(parsed[i]!, ns[i]!);
  }, 3);
  const task = 'addWorkingDays (ISO in/out, bank holidays; target ≥ 5,000,000 calls/s = ≤ 200 ms)';
  const per = '1,000,000 calls';
  recordFigure({
    task,
    ms: oursMs,
    comparator: 'date-fns addBusinessDays (Date in/out, no holidays)',
    comparatorMs: dateFnsMs,
    per,
  });
  const python = '/usr/bin/python3';
  const check = spawnSync(python, ['-c', 'import numpy'], { encoding: 'utf8' });
  if (check.status !== 0) {
    console.log(
      `numpy comparator skipped: ${python} cannot import numpy (apt-get install python3-numpy).`,
    );
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'la-assurance-bench-'));
    try {
      const holidays: string[] = [];
      for (let y = SUPPORTED_YEARS.first; y <= SUPPORTED_YEARS.last; y++)
        for (const h of bankHolidays(y)) holidays.push(h.date);
      writeFileSync(path.join(dir, 'inputs.csv'), dates.map((d, i) => `${d},${ns[i]}`).join('\n'));
      writeFileSync(path.join(dir, 'holidays.txt'), holidays.join('\n'));
      const script = fileURLToPath(new URL('./numpy_busday.py', import.meta.url));
      const run = spawnSync(
        python,
        [
          script,
          path.join(dir, 'inputs.csv'),
          path.join(dir, 'holidays.txt'),
          path.join(dir, 'results.txt'),
        ],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        },
      );
      if (run.status !== 0) throw new Error(`numpy comparator failed: ${run.stderr}`);
      const r = JSON.parse(run.stdout) as {
        numpy: string;
        python: string;
        vectorised_per_s: number;
        scalar_per_s: number;
        scalar_calls: number;
      };
      const theirs = readFileSync(path.join(dir, 'results.txt'), 'utf8').split('\n');
      const mismatches = theirs.reduce((n, d, i) => n + (d === ours[i] ? 0 : 1), 0);
      recordFigure({
        task,
        ms: oursMs,
        comparator: `numpy ${r.numpy} busday_offset, scalar loop (str in/out)`,
        comparatorMs: 1000 / (r.scalar_per_s / 1_000_000),
        per,
      });
      recordFigure({
        task,
        ms: oursMs,
        comparator: `numpy ${r.numpy} busday_offset, vectorised (datetime64 arrays)`,
        comparatorMs: 1000 / (r.vectorised_per_s / 1_000_000),
        per,
      });
      console.log(
        `Python ${r.python}; numpy results agree with ours on ${fmt(CALLS - mismatches)} of ${fmt(CALLS)} inputs.`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
