import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  ascofMeasures,
  checkClientLevelData,
  prepareClientLevelData,
  waitingTimes,
  type MainTableEvent,
} from 'la-assurance/client-level-data';
import {
  generateClientLevelData,
  type ClientLevelDataCsvRow,
} from '../src/testing/client-level-data.js';
import { councilPreparationSql } from './cld-duckdb-sql.js';

// Client Level Data against DuckDB, on the same generated data (issue #12's proof).
//
// Setup (this process): `generateClientLevelData` (seed 'bench', 2023-04-01..2025-03-31,
// the first CLD_BENCH_ROWS rows, default 1,000,000) is written as the council's CSV, and
// its checked and prepared main table as a second CSV for DuckDB.
// Then ROUNDS interleaved rounds, each in fresh processes:
// - ours: the same rows generated into memory (not timed), then checkClientLevelData →
//   prepareClientLevelData → ascofMeasures (2024/25, every measure) → waitingTimes, timed
//   step by step (wall and CPU), with the process's peak RSS and its RSS with the rows alone;
// - duckdb: DuckDB loads the main-table CSV (read_csv → table), then runs the waiting-time
//   medians (DHSC v1.1 in SQL written for this bench) and one ASCOF query (3D part 2a shape:
//   service users in long-term community support on 31 March 2025, and those with a direct
//   payment), wall and CPU (all of DuckDB's threads) and peak RSS ("DuckDB from our main
//   table": it skips the DHSC preparation our side does);
// - duckdb-raw: DuckDB loads the council's CSV itself (the file the CLI reads, every column
//   as text), then, timed as query, prepares it as DHSC does in SQL (cld-duckdb-sql.ts:
//   dates, cleaned values, person id, ages, period and death filters, unique events and
//   deduplication) into the same `cld` table and runs the same two queries on it (issue #12's
//   comparator: "DuckDB loading the same CSV");
// - cli: `la-assurance cld <council CSV> --json` end to end (streamed), wall, CPU and peak
//   RSS from /usr/bin/time.
// Every answer must agree with ours (same waiting-time rows; same ASCOF counts as the same
// query in JS on our main table), for both DuckDB modes; the bench fails if not. Reported:
// median and min–max of the rounds, the issue's two ratios per round against each DuckDB
// mode, and the load average.
// Run alone: `npm run build && npx tsx bench/cld-duckdb.bench.ts` (CLD_BENCH_ROWS, CLD_BENCH_ROUNDS).

const ROWS = Number(process.env.CLD_BENCH_ROWS ?? 1_000_000);
const ROUNDS = Number(process.env.CLD_BENCH_ROUNDS ?? 3);
const PERIOD = { periodStart: '2023-04-01', periodEnd: '2025-03-31' } as const;
const SNAPSHOT = '2025-03-31';
const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..');

function generatedRows(): ClientLevelDataCsvRow[] {
  const rows: ClientLevelDataCsvRow[] = [];
  for (const row of generateClientLevelData({
    seed: 'bench',
    people: Math.ceil(ROWS * 0.4),
    ...PERIOD,
  }).rows) {
    rows.push(row);
    if (rows.length === ROWS) break;
  }
  return rows;
}

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  let chunk = '';
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

const cell = (v: unknown): string =>
  v === null || v === undefined
    ? ''
    : typeof v === 'string' && /[",\n]/.test(v)
      ? `"${v.replace(/"/g, '""')}"`
      : String(v);

function* councilCsv(rows: readonly ClientLevelDataCsvRow[]): Iterable<string> {
  const headings = Object.keys(rows[0]!);
  yield headings.map(cell).join(',');
  for (const row of rows) yield headings.map((h) => cell(row[h])).join(',');
}

function* mainTableCsv(events: readonly MainTableEvent[]): Iterable<string> {
  yield COLUMNS.join(',');
  for (const e of events) yield COLUMNS.map((c) => cell(e[c])).join(',');
}

const COLUMNS = [
  'row',
  'LA_Code',
  'Der_NHS_LA_Combined_Person_ID',
  'Event_Type_Cleaned',
  'Event_Start_Date',
  'Der_Event_End_Date',
  'Client_Type_Cleaned',
  'Der_Age_Event_Start_Date',
  'Der_Working_Age_Band',
  'Event_Outcome_Cleaned',
  'Event_Outcome_Grouped',
  'Der_Conversation',
  'Assessment_Type_Cleaned',
  'Service_Type_Cleaned',
  'Delivery_Mechanism_Cleaned',
  'Service_Component_Cleaned',
  'ImportDate',
  'Der_Unique_Record_ID',
  'Der_Unique_Event_Ref',
] as const;

const LTS = `('Long term support: Nursing care','Long term support: Residential care','Long term support: Community','Long term support: Prison')`;
const STS = `('Short term support: ST-Max','Short term support: Ongoing low level','Short term support: Other short term')`;

/** DHSC waiting times v1.1 (reference e.6) in DuckDB SQL, written for this bench. */
const WAITING_TIMES_SQL = `
WITH ev AS (
  SELECT *, CASE WHEN Der_Working_Age_Band = '18 to 64' THEN '25 to 64' ELSE Der_Working_Age_Band END AS band FROM cld),
fas AS (
  SELECT * FROM ev WHERE (Event_Type_Cleaned = 'Assessment' AND Assessment_Type_Cleaned IN ('Short term assessment','Long term assessment'))
    OR (Event_Type_Cleaned = 'Service' AND (Service_Type_Cleaned IN ${LTS} OR Service_Type_Cleaned IN ${STS}))),
req AS (
  SELECT r.* FROM ev r
  WHERE r.Event_Type_Cleaned = 'Request' AND r.Client_Type_Cleaned = 'Service user' AND r.Event_Start_Date >= DATE '2023-04-01' AND r.Der_Age_Event_Start_Date >= 25
    AND r.Event_Outcome_Grouped NOT IN ('NFA','Admitted to hospital')
    AND NOT EXISTS (
      SELECT 1 FROM fas s WHERE s.LA_Code = r.LA_Code AND s.Der_NHS_LA_Combined_Person_ID = r.Der_NHS_LA_Combined_Person_ID AND s.Event_Type_Cleaned = 'Service'
        AND s.Event_Start_Date < r.Event_Start_Date
        AND ((s.Service_Type_Cleaned IN ${LTS} AND (s.Der_Event_End_Date >= r.Event_Start_Date - INTERVAL 12 MONTH OR s.Der_Event_End_Date IS NULL))
          OR (s.Service_Type_Cleaned IN ('Short term support: ST-Max','Short term support: Other short term') AND (s.Der_Event_End_Date >= r.Event_Start_Date - INTERVAL 3 MONTH OR s.Der_Event_End_Date IS NULL))))),
tl AS (
  SELECT *, row_number() OVER (PARTITION BY LA_Code, Der_NHS_LA_Combined_Person_ID ORDER BY Event_Start_Date,
      CASE Event_Type_Cleaned WHEN 'Request' THEN 1 WHEN 'Assessment' THEN 2 ELSE 3 END, ImportDate DESC NULLS LAST, Der_Unique_Record_ID DESC, Der_Unique_Event_Ref, "row") AS ord
  FROM (SELECT * FROM req UNION ALL SELECT * FROM fas WHERE Der_Age_Event_Start_Date >= 25)),
blk AS (
  SELECT *, SUM(CASE WHEN Event_Type_Cleaned <> 'Assessment' THEN 1 ELSE 0 END) OVER (PARTITION BY LA_Code, Der_NHS_LA_Combined_Person_ID ORDER BY ord ROWS UNBOUNDED PRECEDING) AS bid FROM tl),
flag AS (
  SELECT *, MAX(CASE WHEN Event_Type_Cleaned = 'Assessment' THEN CASE WHEN Event_Outcome_Cleaned IN ('Progress to reablement/ST-Max','Progress to support planning or services','Continuation of support or services') THEN 1 ELSE 0 END END)
    OVER (PARTITION BY LA_Code, Der_NHS_LA_Combined_Person_ID, bid) AS bflag FROM blk),
nx AS (
  SELECT *, MIN(CASE WHEN Event_Type_Cleaned = 'Assessment' THEN ord END) OVER w AS na, MIN(CASE WHEN Event_Type_Cleaned = 'Service' THEN ord END) OVER w AS ns
  FROM flag WINDOW w AS (PARTITION BY LA_Code, Der_NHS_LA_Combined_Person_ID ORDER BY ord ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)),
r AS (
  SELECT n.LA_Code, n.Der_NHS_LA_Combined_Person_ID AS pid, n.ord, n.Event_Start_Date AS start, n.band,
    (n.Event_Start_Date < DATE '2025-07-01' AND n.Der_Conversation = 1
      AND n.Event_Outcome_Cleaned IN ('Progress to reablement/ST-Max','Progress to assessment, review or reassessment','Progress to support planning or services','Continuation of support or services','Release 1 specification only: Not mapped')
      AND (a.Event_Start_Date IS NULL OR n.Event_Start_Date < a.Event_Start_Date)) IS TRUE AS conv,
    a.ord AS a_ord, a.Event_Start_Date AS a_start, a.band AS a_band, a.bflag AS a_flag, s.ord AS s_ord, s.Event_Start_Date AS s_start, s.band AS s_band
  FROM nx n
  LEFT JOIN flag a ON a.LA_Code = n.LA_Code AND a.Der_NHS_LA_Combined_Person_ID = n.Der_NHS_LA_Combined_Person_ID AND a.ord = n.na
  LEFT JOIN flag s ON s.LA_Code = n.LA_Code AND s.Der_NHS_LA_Combined_Person_ID = n.Der_NHS_LA_Combined_Person_ID AND s.ord = n.ns
  WHERE n.Event_Type_Cleaned = 'Request'),
t1 AS (
  SELECT *, CASE WHEN conv THEN ord ELSE a_ord END AS t_ord, CASE WHEN conv THEN start ELSE a_start END AS t_start, CASE WHEN conv THEN band ELSE a_band END AS t_band,
    CASE WHEN conv THEN 'Request' WHEN a_ord IS NOT NULL THEN 'Assessment' END AS t_type, CASE WHEN conv THEN NULL ELSE a_flag END AS t_flag FROM r),
t2 AS (
  SELECT *, (s_ord IS NOT NULL AND (t_ord IS NULL OR t_ord > s_ord)) AS so FROM t1),
t3 AS (
  SELECT LA_Code, pid, ord, start,
    CASE WHEN so THEN s_ord ELSE t_ord END AS f_ord, CASE WHEN so THEN s_start ELSE t_start END AS f_start, CASE WHEN so THEN s_band ELSE t_band END AS f_band,
    CASE WHEN NOT so AND t_type = 'Assessment' AND t_flag = 0 THEN NULL ELSE s_ord END AS p_ord,
    CASE WHEN NOT so AND t_type = 'Assessment' AND t_flag = 0 THEN NULL ELSE s_start END AS p_start,
    CASE WHEN NOT so AND t_type = 'Assessment' AND t_flag = 0 THEN NULL ELSE s_band END AS p_band
  FROM t2),
t4 AS (
  SELECT *, LAG(greatest(f_ord, p_ord)) OVER (PARTITION BY LA_Code, pid ORDER BY ord) AS lag_later,
    COALESCE(MAX(f_ord) OVER (PARTITION BY LA_Code, pid ORDER BY ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS max_f,
    COALESCE(MAX(p_ord) OVER (PARTITION BY LA_Code, pid ORDER BY ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS max_p
  FROM t3),
ok AS (
  SELECT * FROM t4 WHERE NOT ((lag_later > ord) IS TRUE OR (f_ord <= max_f) IS TRUE OR (p_ord <= max_p) IS TRUE))
SELECT 'WT-first-response' AS code, strftime(date_trunc('quarter', f_start), '%Y-%m-%d') AS quarter, f_band AS ageBand, count(*)::INTEGER AS count,
  quantile_cont(date_diff('day', start, f_start), 0.5)::DOUBLE AS median
FROM ok WHERE f_start IS NOT NULL AND f_band IN ('25 to 64','65 and above') GROUP BY ALL
UNION ALL
SELECT 'WT-first-service', strftime(date_trunc('quarter', p_start), '%Y-%m-%d'), p_band, count(*)::INTEGER, quantile_cont(date_diff('day', start, p_start), 0.5)::DOUBLE
FROM ok WHERE p_start IS NOT NULL AND p_band IN ('25 to 64','65 and above') GROUP BY ALL
ORDER BY code, quarter, ageBand`;

/** ASCOF-like snapshot (3D part 2a shape): community long-term support on SNAPSHOT, and those by direct payment. */
const ASCOF_LIKE_SQL = `
SELECT count(DISTINCT Der_NHS_LA_Combined_Person_ID)::INTEGER AS denominator,
  count(DISTINCT CASE WHEN Delivery_Mechanism_Cleaned = 'Direct payment' OR Service_Component_Cleaned = 'Direct payment' THEN Der_NHS_LA_Combined_Person_ID END)::INTEGER AS numerator
FROM cld WHERE Event_Type_Cleaned = 'Service' AND Client_Type_Cleaned = 'Service user' AND Service_Type_Cleaned = 'Long term support: Community'
  AND Event_Start_Date <= DATE '${SNAPSHOT}' AND (Der_Event_End_Date >= DATE '${SNAPSHOT}' OR Der_Event_End_Date IS NULL)`;

function ascofLike(events: readonly MainTableEvent[]): { denominator: number; numerator: number } {
  const all = new Set<string>();
  const dp = new Set<string>();
  for (const e of events) {
    if (
      e.Event_Type_Cleaned !== 'Service' ||
      e.Client_Type_Cleaned !== 'Service user' ||
      e.Service_Type_Cleaned !== 'Long term support: Community'
    )
      continue;
    if (
      e.Event_Start_Date === null ||
      e.Event_Start_Date > SNAPSHOT ||
      (e.Der_Event_End_Date !== null && e.Der_Event_End_Date < SNAPSHOT)
    )
      continue;
    all.add(e.Der_NHS_LA_Combined_Person_ID);
    if (
      e.Delivery_Mechanism_Cleaned === 'Direct payment' ||
      e.Service_Component_Cleaned === 'Direct payment'
    )
      dp.add(e.Der_NHS_LA_Combined_Person_ID);
  }
  return { denominator: all.size, numerator: dp.size };
}

const cpuSeconds = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1e6;
const maxRssMb = (): number => process.resourceUsage().maxRSS / 1024;

interface OursResult {
  readonly rowsMb: number;
  readonly peakMb: number;
  readonly events: number;
  readonly steps: Record<
    'check' | 'prepare' | 'ascof' | 'waitingTimes',
    { wall: number; cpu: number }
  >;
  readonly waitingTimes: string;
  readonly ascofLike: { denominator: number; numerator: number };
}

/** Child: check + prepare + all measures from rows in memory. */
function oursChild(): OursResult {
  const rows = generatedRows();
  const rowsMb = process.memoryUsage().rss / 2 ** 20;
  const steps = {} as OursResult['steps'];
  const step = <T>(name: keyof OursResult['steps'], f: () => T): T => {
    const t = performance.now();
    const c = process.cpuUsage();
    const value = f();
    steps[name] = { wall: (performance.now() - t) / 1000, cpu: cpuSeconds(process.cpuUsage(c)) };
    return value;
  };
  const checked = step('check', () => checkClientLevelData(rows));
  if (!checked.success) throw new Error(checked.issues[0]!.message);
  const prepared = step('prepare', () => prepareClientLevelData(checked.data, PERIOD));
  if (!prepared.success) throw new Error(prepared.issues[0]!.message);
  step('ascof', () =>
    ascofMeasures(prepared.data, {
      year: 2024,
      population: { '18 to 64': 450_000, '65 and above': 160_000 },
    }),
  );
  const wt = step('waitingTimes', () => waitingTimes(prepared.data));
  return {
    rowsMb,
    peakMb: maxRssMb(),
    events: prepared.data.events.length,
    steps,
    waitingTimes: JSON.stringify(wt),
    ascofLike: ascofLike(prepared.data.events),
  };
}

interface DuckResult {
  readonly version: string;
  readonly load: { wall: number; cpu: number };
  readonly query: { wall: number; cpu: number };
  readonly peakMb: number;
  readonly waitingTimes: string;
  readonly ascofLike: { denominator: number; numerator: number };
}

/** Which DuckDB comparator: our prepared main table as CSV, or the council's CSV prepared in SQL. */
type DuckMode = 'duckdb' | 'duckdb-raw';

/**
 * Child: DuckDB loads a CSV and runs the two queries. `duckdb`: the main-table CSV, typed.
 * `duckdb-raw`: the council's CSV, every column as text; the query then starts with the
 * DHSC preparation in SQL (cld-duckdb-sql.ts) building the same `cld` table.
 */
async function duckChild(mode: DuckMode, csv: string): Promise<DuckResult> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  const version = String(
    (await db.runAndReadAll('SELECT version() AS v')).getRowObjectsJson()[0]!.v,
  );
  const file = `'${csv.replace(/'/g, "''")}'`;
  let t = performance.now();
  let c = process.cpuUsage();
  await db.run(
    mode === 'duckdb-raw'
      ? `CREATE TABLE council AS SELECT * FROM read_csv(${file}, header = true, all_varchar = true)`
      : `CREATE TABLE cld AS SELECT * FROM read_csv(${file}, header = true, nullstr = '', types = {'Event_Start_Date': 'DATE', 'Der_Event_End_Date': 'DATE', 'Der_Age_Event_Start_Date': 'INTEGER', 'Der_Conversation': 'INTEGER', 'Der_Unique_Record_ID': 'BIGINT', 'row': 'BIGINT', 'ImportDate': 'VARCHAR', 'Service_Component_Cleaned': 'VARCHAR', 'Delivery_Mechanism_Cleaned': 'VARCHAR', 'Assessment_Type_Cleaned': 'VARCHAR', 'Event_Outcome_Cleaned': 'VARCHAR', 'Event_Outcome_Grouped': 'VARCHAR'})`,
  );
  const load = { wall: (performance.now() - t) / 1000, cpu: cpuSeconds(process.cpuUsage(c)) };
  t = performance.now();
  c = process.cpuUsage();
  if (mode === 'duckdb-raw') {
    const headings = (await db.runAndReadAll('DESCRIBE council'))
      .getRowObjectsJson()
      .map((r) => String(r.column_name));
    for (const sql of councilPreparationSql(headings, PERIOD)) await db.run(sql);
  }
  const wt = (await db.runAndReadAll(WAITING_TIMES_SQL)).getRowObjectsJson();
  const ascof = (await db.runAndReadAll(ASCOF_LIKE_SQL)).getRowObjectsJson()[0]!;
  const query = { wall: (performance.now() - t) / 1000, cpu: cpuSeconds(process.cpuUsage(c)) };
  db.closeSync();
  return {
    version,
    load,
    query,
    peakMb: maxRssMb(),
    waitingTimes: JSON.stringify(
      wt.map((r) => ({
        code: r.code,
        quarter: r.quarter,
        ageBand: r.ageBand,
        count: r.count,
        median: r.median,
      })),
    ),
    ascofLike: { denominator: Number(ascof.denominator), numerator: Number(ascof.numerator) },
  };
}

interface CliResult {
  readonly wall: number;
  readonly cpu: number;
  readonly peakMb: number;
  readonly status: number | null;
}

function runChild<T>(mode: 'ours' | DuckMode, arg: string): T {
  const run = spawnSync(process.execPath, ['--import', 'tsx', self, `--child=${mode}`, arg], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`${mode} child failed (exit ${run.status})`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as T;
}

function runCli(csv: string): CliResult {
  const cli = path.join(root, 'dist/cli.js');
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'TIME %e %U %S %M',
      process.execPath,
      cli,
      'cld',
      csv,
      '--period-start',
      PERIOD.periodStart,
      '--period-end',
      PERIOD.periodEnd,
      '--json',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 },
  );
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(run.stderr);
  if (m === null) throw new Error(`cli: ${run.stderr.slice(-400)}`);
  return {
    wall: Number(m[1]),
    cpu: Number(m[2]) + Number(m[3]),
    peakMb: Number(m[4]) / 1024,
    status: run.status,
  };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const spread = (xs: readonly number[], digits = 1): string =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

/**
 * Runs the comparison and prints its own table (median and min–max of the rounds). Throws
 * if la-assurance and DuckDB disagree, or when `dist/` is missing (run `npm run build`).
 */
export async function cldDuckdbBench(): Promise<void> {
  if (!existsSync(path.join(root, 'dist/cli.js'))) throw new Error('run npm run build first');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cld-bench-'));
  const councilFile = path.join(dir, 'council.csv');
  const mainTableFile = path.join(dir, 'main-table.csv');
  const loadBefore = os.loadavg();
  try {
    {
      const rows = generatedRows();
      await writeLines(councilFile, councilCsv(rows));
      const checked = checkClientLevelData(rows);
      if (!checked.success) throw new Error(checked.issues[0]!.message);
      const prepared = prepareClientLevelData(checked.data, PERIOD);
      if (!prepared.success) throw new Error(prepared.issues[0]!.message);
      await writeLines(mainTableFile, mainTableCsv(prepared.data.events));
    }
    const ours: OursResult[] = [];
    const duck: DuckResult[] = [];
    const raw: DuckResult[] = [];
    const cli: CliResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      ours.push(runChild<OursResult>('ours', ''));
      duck.push(runChild<DuckResult>('duckdb', mainTableFile));
      raw.push(runChild<DuckResult>('duckdb-raw', councilFile));
      cli.push(runCli(councilFile));
    }
    const loadAfter = os.loadavg();
    const o = ours.map((r) => r.steps);
    const oursWall = o.map(
      (s) => s.check.wall + s.prepare.wall + s.ascof.wall + s.waitingTimes.wall,
    );
    const oursCpu = o.map((s) => s.check.cpu + s.prepare.cpu + s.ascof.cpu + s.waitingTimes.cpu);
    const agree = (d: readonly DuckResult[]) => ({
      rows: ours.every((r, i) => r.waitingTimes === d[i]!.waitingTimes),
      ascof: ours.every(
        (r, i) =>
          r.ascofLike.denominator === d[i]!.ascofLike.denominator &&
          r.ascofLike.numerator === d[i]!.ascofLike.numerator,
      ),
    });
    const same = agree(duck);
    const sameRaw = agree(raw);
    const row = (task: string, wall: number[], cpu: number[] | null, peak: number[] | null) => ({
      task,
      'wall s': spread(wall),
      'CPU s': cpu === null ? '' : spread(cpu),
      'peak RSS MB': peak === null ? '' : spread(peak, 0),
    });
    console.log(
      `\nCLD vs DuckDB ${duck[0]!.version}: ${ROWS.toLocaleString('en-GB')} generated rows → ${ours[0]!.events.toLocaleString('en-GB')} main-table events; ${ROUNDS} interleaved rounds, fresh processes; median (min–max). ${os.cpus().length} CPUs, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' ')} after.`,
    );
    console.table([
      row(
        'ours: checkClientLevelData',
        o.map((s) => s.check.wall),
        o.map((s) => s.check.cpu),
        null,
      ),
      row(
        'ours: prepareClientLevelData',
        o.map((s) => s.prepare.wall),
        o.map((s) => s.prepare.cpu),
        null,
      ),
      row(
        'ours: ascofMeasures (all)',
        o.map((s) => s.ascof.wall),
        o.map((s) => s.ascof.cpu),
        null,
      ),
      row(
        'ours: waitingTimes',
        o.map((s) => s.waitingTimes.wall),
        o.map((s) => s.waitingTimes.cpu),
        null,
      ),
      row(
        'ours: check + prepare + all measures',
        oursWall,
        oursCpu,
        ours.map((r) => r.peakMb),
      ),
      row(
        '  (RSS with the generated rows alone)',
        ours.map(() => 0),
        null,
        ours.map((r) => r.rowsMb),
      ),
      row(
        'DuckDB: load main-table CSV',
        duck.map((r) => r.load.wall),
        duck.map((r) => r.load.cpu),
        null,
      ),
      row(
        'DuckDB: waiting times + ASCOF query',
        duck.map((r) => r.query.wall),
        duck.map((r) => r.query.cpu),
        duck.map((r) => r.peakMb),
      ),
      row(
        "DuckDB: load council's CSV (as text)",
        raw.map((r) => r.load.wall),
        raw.map((r) => r.load.cpu),
        null,
      ),
      row(
        'DuckDB: DHSC preparation + waiting times + ASCOF query',
        raw.map((r) => r.query.wall),
        raw.map((r) => r.query.cpu),
        raw.map((r) => r.peakMb),
      ),
      row(
        'la-assurance cld (CLI, council CSV)',
        cli.map((r) => r.wall),
        cli.map((r) => r.cpu),
        cli.map((r) => r.peakMb),
      ),
    ]);
    const ratios = (d: readonly DuckResult[]) =>
      `ours in memory / DuckDB query (wall, per round): ${spread(
        ours.map((_, i) => oursWall[i]! / d[i]!.query.wall),
        2,
      )} — target < 1\n` +
      `CLI end to end / DuckDB load + query (wall, per round): ${spread(
        cli.map((c, i) => c.wall / (d[i]!.load.wall + d[i]!.query.wall)),
        2,
      )} — target ≤ 2`;
    const agreement = (d: { rows: boolean; ascof: boolean }) =>
      `same waiting-time rows: ${d.rows ? 'yes' : 'NO'}; same ASCOF counts: ${d.ascof ? 'yes' : 'NO'}`;
    console.log(
      `DuckDB from our main table:\n${ratios(duck)}\n${agreement(same)}\n` +
        `DuckDB from the council's CSV:\n${ratios(raw)}\n${agreement(sameRaw)}\n` +
        `ASCOF-like counts ${ours[0]!.ascofLike.numerator}/${ours[0]!.ascofLike.denominator}; CLI exit ${cli.map((c) => c.status).join(', ')}`,
    );
    if (!same.rows || !same.ascof || !sameRaw.rows || !sameRaw.ascof)
      throw new Error('la-assurance and DuckDB disagree');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const child = process.argv.find((a) => a.startsWith('--child='))?.slice('--child='.length);
if (child === 'ours') console.log(JSON.stringify(oursChild()));
else if (child === 'duckdb' || child === 'duckdb-raw')
  console.log(JSON.stringify(await duckChild(child, process.argv.at(-1)!)));
else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await cldDuckdbBench();
