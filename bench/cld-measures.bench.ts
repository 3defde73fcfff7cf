// The CLD measures' fast paths against the plain versions they replaced (kept as the test
// oracles in test/client-level-data/support/), on the same prepared table in the same process.
//
// Each of CLD_MEASURES_ROUNDS (default 3) fresh processes: the first CLD_MEASURES_ROWS rows
// (default 300,000) of `generateClientLevelData` (seed 'bench', 2023-04-01..2025-03-31, as
// bench/cld-duckdb.bench.ts) checked and prepared (not timed), then `ascofMeasures` (2024/25,
// every measure) and `waitingTimes`, fast and plain, in alternating order from round to
// round; CPU time (`process.cpuUsage()`) of each call. The answers must be equal (the bench
// fails otherwise). Both sides run from source through tsx, so they pay the same toolchain.
// Printed: median and min–max of the rounds, the plain ÷ fast ratio per round, the load
// average before and after.
// Run: `npx tsx bench/cld-measures.bench.ts` (CLD_MEASURES_ROWS, CLD_MEASURES_ROUNDS).
import { spawnSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { ascofMeasures } from '../src/client-level-data/ascof/index.js';
import { checkClientLevelData, prepareClientLevelData } from '../src/client-level-data/index.js';
import { waitingTimes } from '../src/client-level-data/waiting-times/index.js';
import { generateClientLevelData } from '../src/testing/client-level-data.js';
import { plainAscofMeasures } from '../test/client-level-data/support/reference-ascof/measures.js';
import { plainWaitingTimes } from '../test/client-level-data/support/reference-waiting-times.js';

const ROWS = Number(process.env.CLD_MEASURES_ROWS ?? 300_000);
const ROUNDS = Math.max(3, Number(process.env.CLD_MEASURES_ROUNDS ?? 3));
const PERIOD = { periodStart: '2023-04-01', periodEnd: '2025-03-31' } as const;
const ASCOF = {
  year: 2024,
  population: { '18 to 64': 450_000, '65 and above': 160_000 },
} as const;
const TASKS = ['ascof fast', 'ascof plain', 'wt fast', 'wt plain'] as const;
type Task = (typeof TASKS)[number];

function cpuSeconds<T>(f: () => T): [T, number] {
  const before = process.cpuUsage();
  const value = f();
  const used = process.cpuUsage(before);
  return [value, (used.user + used.system) / 1e6];
}

function child(round: number): void {
  const rows = [];
  for (const row of generateClientLevelData({
    seed: 'bench',
    people: Math.ceil(ROWS * 0.4),
    ...PERIOD,
  }).rows) {
    rows.push(row);
    if (rows.length === ROWS) break;
  }
  const checked = checkClientLevelData(rows);
  if (!checked.success) throw new Error('the generated rows were rejected');
  const prepared = prepareClientLevelData(checked.data, PERIOD);
  if (!prepared.success) throw new Error('the checked rows were rejected');
  const p = prepared.data;
  const cpu: Partial<Record<Task, number>> = {};
  const results: Partial<Record<Task, unknown>> = {};
  const run: Record<Task, () => unknown> = {
    'ascof fast': () => ascofMeasures(p, ASCOF),
    'ascof plain': () => plainAscofMeasures(p, ASCOF),
    'wt fast': () => waitingTimes(p),
    'wt plain': () => plainWaitingTimes(p),
  };
  // Alternate which side goes first, so neither always meets the other's garbage.
  const order: readonly Task[] =
    round % 2 === 0 ? TASKS : ['ascof plain', 'ascof fast', 'wt plain', 'wt fast'];
  for (const task of order) [results[task], cpu[task]] = cpuSeconds(run[task]);
  const same =
    isDeepStrictEqual(results['ascof fast'], results['ascof plain']) &&
    isDeepStrictEqual(results['wt fast'], results['wt plain']);
  console.log(JSON.stringify({ events: p.events.length, cpu, same }));
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const figure = (xs: readonly number[]): string =>
  `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;

function parent(): void {
  const self = fileURLToPath(import.meta.url);
  console.log(
    `${new Date().toISOString()} · nproc ${os.cpus().length} · load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} · ${ROWS.toLocaleString('en-GB')} rows, ${ROUNDS} processes`,
  );
  const rounds: { events: number; cpu: Record<Task, number>; same: boolean }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const out = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', String(round)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (out.status !== 0) throw new Error(`round ${round} failed: ${out.stderr}`);
    rounds.push(JSON.parse(out.stdout.trim().split('\n').at(-1)!));
  }
  if (!rounds.every((r) => r.same)) throw new Error('fast and plain answers differ');
  console.log(
    `${rounds[0]!.events.toLocaleString('en-GB')} main-table events; answers equal in every round`,
  );
  console.log('| task, CPU s | fast | plain | plain ÷ fast |');
  console.log('|---|---:|---:|---:|');
  for (const m of ['ascof', 'wt'] as const) {
    const fast = rounds.map((r) => r.cpu[`${m} fast`]);
    const plain = rounds.map((r) => r.cpu[`${m} plain`]);
    const ratio = rounds.map((r) => r.cpu[`${m} plain`] / r.cpu[`${m} fast`]);
    const name = m === 'ascof' ? '`ascofMeasures` (every measure)' : '`waitingTimes`';
    console.log(`| ${name} | ${figure(fast)} | ${figure(plain)} | ${figure(ratio)} |`);
  }
  console.log(
    `load after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

const at = process.argv.indexOf('--child');
if (at >= 0) child(Number(process.argv[at + 1]));
else parent();
