// Scaling curves: each task at growing sizes, every figure the CPU time (user + system) from
// separate processes (rounds
// interleaved, so a busy spell of the machine touches every size alike), printed as the
// median with min–max, the cost per row, peak memory and, where there is one, the
// comparator's median from the same processes and the ratio. A step that grows the size
// k-fold and the time more than 1.5·k-fold (10× the rows, over 15× the time) is a bend:
// the bench reports it and `npm run bench` exits 1. Not part of `npm test` (timings vary
// with the machine). BENCH_ROUNDS (default 3), BENCH_MAX_ROWS (default 4,000,000; 100,000
// with BENCH_QUICK=1) and BENCH_ONLY trim it (see bench/index.ts).
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { BENCH_ENV, QUICK, median, range } from './figures.js';
import type { ChildResult } from './scaling-child.js';

interface Curve {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly sizes: readonly number[];
  readonly comparator?: string;
}

const CURVES: readonly Curve[] = [
  {
    id: 'ir-valid',
    title: 'validateInformationReturn, every row valid',
    unit: 'row',
    sizes: [10_000, 100_000, 1_000_000],
    comparator: 'ajv allErrors',
  },
  {
    id: 'ir-bad',
    title: 'validateInformationReturn, every row invalid (2 issues a row, 100 listed)',
    unit: 'row',
    sizes: [10_000, 100_000, 1_000_000],
    comparator: 'ajv allErrors',
  },
  {
    id: 'sample-records',
    title: 'safeSelectCaseSample from the records (checks, duplicate ids, draw)',
    unit: 'record',
    sizes: [10_000, 100_000, 1_000_000, 4_000_000],
  },
  {
    id: 'sample-prepared',
    title: 'safeSelectCaseSample from a prepared population',
    unit: 'record',
    sizes: [10_000, 100_000, 1_000_000, 4_000_000],
  },
  {
    id: 'report',
    title: 'replayReport (withdraw → amend → republish cycles)',
    unit: 'event',
    sizes: [10, 100, 1_000, 10_000, 30_000],
    comparator: 'xstate actor',
  },
  {
    id: 'cld',
    title:
      'Client Level Data: checkClientLevelData + prepareClientLevelData + waitingTimes + ascofMeasures (generated rows in memory)',
    unit: 'row',
    sizes: [10_000, 100_000, 1_000_000],
  },
  {
    id: 'tranche',
    title: 'tranche optimiser (solveSelection, size 20, exact tie-break)',
    unit: 'candidate',
    sizes: [153, 1_000, 3_000],
  },
];

const BEND = 1.5;
const child = fileURLToPath(new URL('./scaling-child.ts', import.meta.url));

function runChild(curve: string, size: number): ChildResult | string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', child, curve, String(size)], {
    env: BENCH_ENV,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  return r.status === 0 && line.startsWith('{')
    ? (JSON.parse(line) as ChildResult)
    : `failed: ${r.stderr.split('\n').find((l) => l.trim()) ?? r.status}`;
}

/**
 * Runs every curve (or those named in `only`), `rounds` processes per figure; returns the
 * number of bends and failed runs (the caller sets the exit code).
 */
export function scalingBench(rounds: number, only?: readonly string[]): number {
  const maxRows = Number(process.env.BENCH_MAX_ROWS ?? (QUICK ? 100_000 : 4_000_000));
  const curves = CURVES.filter((c) => !only || only.includes(c.id)).map((c) => ({
    ...c,
    sizes: c.sizes.filter((s) => s <= maxRows),
  }));
  let failed = 0;
  const results = new Map<string, ChildResult[]>();
  const loads: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const curve of curves) {
      for (const size of curve.sizes) {
        loads.push(os.loadavg()[0]!);
        const r = runChild(curve.id, size);
        console.log(`${curve.id} ${size}: ${typeof r === 'string' ? r : JSON.stringify(r)}`); // progress, and a record if the run is cut short
        if (typeof r === 'string') failed++;
        else results.set(`${curve.id} ${size}`, [...(results.get(`${curve.id} ${size}`) ?? []), r]);
      }
    }
  }
  console.log(
    `\nScaling curves: CPU time (user + system), ${rounds} separate processes per figure (rounds interleaved); median (min–max). Load average during the runs ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${os.cpus().length} cores.`,
  );
  let bends = 0;
  for (const curve of curves) {
    console.log(`\n${curve.title}`);
    const rows: Record<string, string>[] = [];
    let previous: { size: number; ms: number } | undefined;
    for (const size of curve.sizes) {
      const runs = results.get(`${curve.id} ${size}`) ?? [];
      if (runs.length === 0) continue;
      const ms = runs.map((r) => r.ms);
      const row: Record<string, string> = {
        [`${curve.unit}s`]: size.toLocaleString('en-GB'),
        'CPU ms, median (min–max)': range(ms, ms[0]! < 1 ? 3 : 1),
        [`µs per ${curve.unit}`]: ((median(ms) * 1000) / size).toFixed(3),
        'peak MiB': range(
          runs.map((r) => r.peakMiB),
          0,
        ),
      };
      if (curve.comparator) {
        const theirs = runs.flatMap((r) => (r.comparatorMs === undefined ? [] : [r.comparatorMs]));
        row[`${curve.comparator} CPU ms`] =
          theirs.length > 0 ? range(theirs, theirs[0]! < 1 ? 3 : 1) : 'not timed';
        row['ours ÷ theirs'] =
          theirs.length > 0 ? (median(ms) / median(theirs)).toPrecision(2) : '';
      }
      if (previous) {
        const growth = median(ms) / previous.ms;
        const allowed = (size / previous.size) * BEND;
        row['step: time ×'] = `${growth.toFixed(1)} (size ×${(size / previous.size).toFixed(1)})`;
        if (growth > allowed) {
          row['step: time ×'] += ' BEND';
          bends++;
        }
      }
      previous = { size, ms: median(ms) };
      rows.push(row);
    }
    console.table(rows);
  }
  const valid = curves.find((c) => c.id === 'ir-valid');
  for (const size of valid?.sizes ?? []) {
    const good = results.get(`ir-valid ${size}`);
    const bad = results.get(`ir-bad ${size}`);
    if (!good || !bad) continue;
    const ratio = median(bad.map((r) => r.ms)) / median(good.map((r) => r.ms));
    const theirs = bad.flatMap((r) => (r.comparatorMs === undefined ? [] : [r.comparatorMs]));
    const ajv =
      theirs.length > 0
        ? (median(bad.map((r) => r.ms)) / median(theirs)).toPrecision(2)
        : 'not timed (quadratic in errors past 10,000 rows)';
    console.log(
      `information return, ${size.toLocaleString('en-GB')} rows: every row bad ÷ valid ${ratio.toFixed(2)} (target ≤ 3); every row bad ÷ ajv allErrors on the same data ${ajv} (target ≤ 0.5)`,
    );
  }
  if (bends > 0)
    console.log(`\n${bends} step(s) grew the time more than ${BEND}× the size: see BEND above.`);
  if (failed > 0) console.log(`\n${failed} scaling run(s) failed: see "failed" above.`);
  return bends + failed;
}
