import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import {
  AGE_BANDS,
  caseAgeBand,
  prepareCasePopulation,
  safeSelectCaseSample,
  type CaseRecord,
} from 'la-assurance/case-tracking';
import { generateCasePopulation } from '../src/testing/case-population.js';

const ROWS = 1_000_000;
const SIZE = 50;
const REPEATS = 10;
const here = path.dirname(fileURLToPath(import.meta.url));
/** The Python with pandas: `PYTHON` from the environment, else `python3` on the PATH. */
const PYTHON = process.env.PYTHON ?? 'python3';

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function exportCsv(cases: readonly CaseRecord[], file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write('id,age_band,primary_support_reason,ethnicity,setting\n');
  let chunk = '';
  for (const c of cases) {
    chunk += `${c.id},${caseAgeBand(c)},${c.primarySupportReason},${c.ethnicity},${c.setting}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

interface ComparatorRun {
  readonly tool: string;
  readonly version: string;
  readonly ms: readonly number[];
  readonly drawn: number;
}

/** The comparator scripts' arguments: the script, the CSV, the sample size and the repeats. */
const sampleScript = (script: string, csv: string, repeats: number): string[] => [
  path.join(here, script),
  csv,
  String(SIZE),
  String(repeats),
];

/** Writes the cases to a temporary CSV for the comparators, runs `use`, then deletes the file. */
async function withCasesCsv<T>(
  cases: Parameters<typeof exportCsv>[0],
  use: (csv: string) => Promise<T>,
): Promise<T> {
  const csv = path.join(os.tmpdir(), `la-assurance-cases-${process.pid}.csv`);
  await exportCsv(cases, csv);
  try {
    return await use(csv);
  } finally {
    rmSync(csv, { force: true });
  }
}

/** Runs a comparator; waits and retries if its Debian package is still being installed. */
async function comparator(
  name: string,
  command: string,
  args: readonly string[],
): Promise<ComparatorRun | string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const out = execFileSync(command, args, {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 1 << 20,
      });
      return JSON.parse(out.trim().split('\n').pop()!) as ComparatorRun;
    } catch (error) {
      const reason =
        (error as { stderr?: string }).stderr?.split('\n').find((l) => l.trim()) ?? String(error);
      if ((error as { code?: string }).code === 'ENOENT')
        return `skipped: ${name} not available (${command} not found)`;
      if (attempt >= 3) return `skipped: ${name} not available (${reason.slice(0, 120)})`;
      console.log(`${name} not available yet (${reason.slice(0, 80)}); retrying in 2 minutes…`);
      await new Promise((resolve) => setTimeout(resolve, 120_000));
    }
  }
}

/**
 * Case sampling: `safeSelectCaseSample` on 1,000,000 synthetic records with the default
 * criteria (target ≤ 100 ms), compared in the same run with pandas and dplyr doing a plain
 * one-dimension proportional stratified draw of 50 on the same population (exported to a
 * temporary CSV; only their sampling is timed, from parsed, categorised columns). Ours is
 * timed twice: straight from the record objects (checking every record on every call), and
 * from a prepared population (checked and packed once, like their parsed data frames).
 * Prints its own comparison table.
 */
export async function caseTrackingBench(): Promise<Bench> {
  const cases = [...generateCasePopulation({ seed: 'bench', size: ROWS })];
  const population = prepareCasePopulation(cases);
  let run = 0;
  const bench = new Bench({
    name: `case-tracking (${ROWS.toLocaleString('en-GB')} records)`,
    iterations: REPEATS,
    time: 0,
    warmupIterations: 2,
    warmupTime: 0,
  });
  bench
    .add('safeSelectCaseSample, default criteria', () => {
      safeSelectCaseSample(cases, { seed: `bench-${run++}` });
    })
    .add(
      'safeSelectCaseSample, default criteria, ids known unique (checkDuplicateIds: false)',
      () => {
        safeSelectCaseSample(cases, { seed: `bench-${run++}`, checkDuplicateIds: false });
      },
    )
    .add('safeSelectCaseSample, 100,000 records', () => {
      safeSelectCaseSample(cases.slice(0, 100_000), { seed: `bench-${run++}` });
    })
    .add('prepareCasePopulation (once per export)', () => {
      prepareCasePopulation(cases);
    })
    .add('safeSelectCaseSample from the prepared population, default criteria', () => {
      safeSelectCaseSample(population, { seed: `bench-${run++}` });
    });
  await bench.run();
  const medianOf = (task: number) => {
    const result = bench.tasks[task]!.result;
    return result.state === 'completed' ? result.latency.p50! : Number.NaN;
  };
  const oneShot = medianOf(0);
  const prepared = medianOf(4);

  const [py, r] = await withCasesCsv(cases, async (csv) => [
    await comparator('pandas', PYTHON, sampleScript('pandas_sample.py', csv, REPEATS)),
    await comparator('dplyr', 'Rscript', sampleScript('dplyr_sample.R', csv, REPEATS)),
  ]);

  const rows: Record<string, string | number>[] = [
    {
      tool: 'la-assurance safeSelectCaseSample from the records (4 dimensions, 5 must-include rules, validation, duplicate check, shortlist)',
      'median (ms)': oneShot.toFixed(1),
      'from records ÷ theirs': '',
      'prepared ÷ theirs': '',
    },
    {
      tool: 'la-assurance safeSelectCaseSample from a prepared population (same work, records checked once)',
      'median (ms)': prepared.toFixed(1),
      'from records ÷ theirs': '',
      'prepared ÷ theirs': '',
    },
  ];
  for (const c of [py, r]) {
    if (typeof c === 'string')
      rows.push({
        tool: c,
        'median (ms)': '',
        'from records ÷ theirs': '',
        'prepared ÷ theirs': '',
      });
    else {
      const theirs = median(c.ms);
      rows.push({
        tool: `${c.tool} ${c.version} (age band only, drew ${c.drawn})`,
        'median (ms)': theirs.toFixed(1),
        'from records ÷ theirs': (oneShot / theirs).toFixed(2),
        'prepared ÷ theirs': (prepared / theirs).toFixed(2),
      });
    }
  }
  console.log(
    `\ncase sampling, ${ROWS.toLocaleString('en-GB')} records, sample ${SIZE}, ${REPEATS} runs each (${AGE_BANDS.length} age bands), load average ${os.loadavg()[0]!.toFixed(2)}`,
  );
  console.table(rows);
  return bench;
}

/** One process's figures for one population size (medians of its timed runs). */
interface ProcessFigures {
  readonly rows: number;
  /** Ours from the records: median wall and CPU time (ms). */
  readonly fromRecords: number;
  readonly fromRecordsCpu: number;
  /** Ours from a prepared population (ms). */
  readonly prepared: number;
  /** pandas from its parsed data frame (ms), or why it did not run. */
  readonly pandas: number | string;
  readonly pandasVersion: string;
}

const ROUND_REPEATS = 5;

/** Child process: one size, ours then pandas on the same population, medians of each. */
async function measureOneProcess(rows: number): Promise<ProcessFigures> {
  const cases = [...generateCasePopulation({ seed: 'bench', size: rows })];
  const timed = (f: (run: number) => void) => {
    f(-1); // warm-up
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < ROUND_REPEATS; run++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      f(run);
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    return { wall: median(wall), cpu: median(cpu) };
  };
  const fromRecords = timed((run) => safeSelectCaseSample(cases, { seed: `bench-${run}` }));
  const population = prepareCasePopulation(cases);
  const prepared = timed((run) => safeSelectCaseSample(population, { seed: `bench-${run}` }));
  const py = await withCasesCsv(cases, (csv) =>
    comparator('pandas', PYTHON, sampleScript('pandas_sample.py', csv, ROUND_REPEATS)),
  );
  return {
    rows,
    fromRecords: fromRecords.wall,
    fromRecordsCpu: fromRecords.cpu,
    prepared: prepared.wall,
    pandas: typeof py === 'string' ? py : median(py.ms),
    pandasVersion: typeof py === 'string' ? '' : py.version,
  };
}

const range = (xs: readonly number[], digits = 0) =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

/**
 * Case sampling from the records at 1M and 4M records against pandas, each figure from
 * `processes` separate processes (ours and pandas measured in the same process's run, so
 * every ratio is from one run): median and min–max over the processes, load average.
 */
export function caseTrackingRounds(sizes: readonly number[], processes: number): void {
  const self = fileURLToPath(import.meta.url);
  const table: Record<string, string>[] = [];
  const loads: number[] = [os.loadavg()[0]!];
  for (const rows of sizes) {
    const figures: ProcessFigures[] = [];
    for (let p = 0; p < processes; p++) {
      const child = spawnSync(
        process.execPath,
        ['--max-old-space-size=6144', '--import', 'tsx', self, '--child', String(rows)],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      loads.push(os.loadavg()[0]!);
      const line = child.stdout.trim().split('\n').pop() ?? '';
      if (child.status !== 0 || !line.startsWith('{'))
        throw new Error(`child for ${rows} records failed: ${child.stderr.slice(-500)}`);
      figures.push(JSON.parse(line) as ProcessFigures);
    }
    const pandas = figures.map((f) => f.pandas).filter((x): x is number => typeof x === 'number');
    const ratios = figures
      .filter((f) => typeof f.pandas === 'number')
      .map((f) => f.fromRecords / (f.pandas as number));
    table.push({
      records: rows.toLocaleString('en-GB'),
      'ours from the records (ms)': range(figures.map((f) => f.fromRecords)),
      'ours from the records, CPU (ms)': range(figures.map((f) => f.fromRecordsCpu)),
      'ours from a prepared population (ms)': range(figures.map((f) => f.prepared)),
      'pandas groupby().apply(sample), from a parsed data frame (ms)':
        pandas.length > 0
          ? `${range(pandas)} pandas ${figures[0]!.pandasVersion}`
          : String(figures[0]!.pandas),
      'from the records ÷ pandas, per process': ratios.length > 0 ? range(ratios, 2) : '',
    });
  }
  console.log(
    `case sampling, sample ${SIZE}, default criteria; each cell: median (min–max) over ${processes} separate processes, each the median of ${ROUND_REPEATS} runs after a warm-up; pandas in the same process's run`,
  );
  console.log(
    `load average (1 min) during the runs: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}; ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, Node ${process.version}`,
  );
  console.table(table);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const child = process.argv.indexOf('--child');
  if (child > 0) {
    console.log(JSON.stringify(await measureOneProcess(Number(process.argv[child + 1]))));
  } else if (process.argv.includes('--rounds')) {
    caseTrackingRounds([1_000_000, 4_000_000], 3);
  } else {
    console.log(
      `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    );
    const bench = await caseTrackingBench();
    console.table(
      bench.tasks.map((t) => ({
        task: t.name,
        'median (ms)':
          t.result.state === 'completed' ? t.result.latency.p50!.toFixed(1) : t.result.state,
        'mean (ms)': t.result.state === 'completed' ? t.result.latency.mean.toFixed(1) : '',
      })),
    );
  }
}
