// `npm run bench`: every module's benchmarks, printed as tables with the machine they ran on.
// A suite returns a tinybench Bench (printed here) or prints its own table (when it runs
// a comparator in another language alongside).
import os from 'node:os';
import type { Bench } from 'tinybench';
import { caseTrackingBench } from './case-tracking.bench.js';
import { informationReturnBench } from './information-return.bench.js';
import { reportBench } from './report.bench.js';
import { intakeBench } from './intake.bench.js';
import { scoringBench } from './scoring.bench.js';
import { timelineBench } from './timeline.bench.js';
import { trancheBench } from './tranche.bench.js';
import { cldDuckdbBench } from './cld-duckdb.bench.js';
import { clientLevelDataBench } from './client-level-data.bench.js';
import { scalingBench } from './scaling.bench.js';
import { importTimeBench } from './import-time.bench.js';

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
const allSuites = [...suites, reportBench];

function printBench(bench: Bench): void {
  console.log(`\n${bench.name}`);
  console.table(
    bench.tasks.map((t) => {
      const r = t.result;
      const ok = r.state === 'completed';
      return {
        task: t.name,
        'ops/s': ok ? Math.round(r.throughput.mean).toLocaleString('en-GB') : r.state,
        'mean (µs)': ok ? (r.latency.mean * 1000).toFixed(3) : '',
        samples: ok ? (r.latency.samples?.length ?? '') : '',
      };
    }),
  );
}

console.log(
  `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}; load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const suite of allSuites) {
  const bench = await suite();
  if (bench) printBench(bench);
}

// Multi-process figures: import times and scaling curves. A bend in a curve (or a subpath
// importing more than 25 ms beyond zod) fails `npm run bench` (never `npm test`).
const failures = importTimeBench() + scalingBench();
console.log(
  `\nload average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
if (failures > 0) process.exitCode = 1;
