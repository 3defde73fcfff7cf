import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { waitingTimes, type WaitingTimeRow } from 'la-assurance/client-level-data';
import type { MainTableEvent, PreparedClientLevelData } from '../src/client-level-data/model.js';

// Waiting times from CLD: `waitingTimes` on a generated main table held in memory, against
// DuckDB loading the same table from CSV and computing the same medians with SQL written for
// this bench (a port of DHSC's v1.1 method to DuckDB's dialect). A simple ASCOF-like snapshot
// query (3D part 2a shape: people in long-term community support on a date, and those with a
// direct payment) is timed on both sides too. Both answers must agree; the bench fails if not.
//
// The events come from a small seeded generator here (request → assessment → service →
// review journeys, repeat requests, Release 1 conversations). The integrator replaces it with
// `generateClientLevelData` + check + prepare from la-assurance/testing.
// Run alone: `npx tsx bench/cld-duckdb.bench.ts` (CLD_BENCH_ROWS sets the size, default 1,000,000).

const ROWS = Number(process.env.CLD_BENCH_ROWS ?? 1_000_000);
const REPEATS = 5;
const SNAPSHOT = '2025-03-31';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const toIso = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
const toDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;

const BASE: MainTableEvent = {
  row: 0,
  LA_Code: 'X01',
  LA_Name: 'Benchshire',
  Reporting_Period_Start_Date: '2023-04-01',
  Reporting_Period_End_Date: '2025-03-31',
  ImportDate: null,
  Der_Unique_Record_ID: 0,
  LA_Person_Unique_Identifier: null,
  NHS_Number: null,
  Der_NHS_Number_Traced_Pseudo: null,
  Date_of_Birth: null,
  Der_Birth_Year: null,
  Der_Birth_Month: null,
  Der_Age_Event_Start_Date: null,
  Date_of_Death: null,
  Gender_Raw: null,
  Gender_Cleaned: null,
  Ethnicity_Raw: null,
  Ethnicity_Cleaned: null,
  Ethnicity_Grouped: null,
  Client_Type_Raw: 'Service user',
  Client_Type_Cleaned: 'Service user',
  Primary_Support_Reason_Raw: null,
  Primary_Support_Reason_Cleaned: null,
  Accommodation_Status_Raw: null,
  Accommodation_Status_Cleaned: null,
  Employment_Status_Raw: null,
  Employment_Status_Cleaned: null,
  Has_Unpaid_Carer: null,
  Client_Funding_Status_Raw: null,
  Client_Funding_Status_Cleaned: null,
  Event_Type: null,
  Event_Type_Cleaned: 'Invalid and not mapped',
  Event_Reference: null,
  Event_Start_Date: null,
  Event_End_Date: null,
  Event_Outcome_Raw: null,
  Event_Outcome_Cleaned: null,
  Event_Outcome_Grouped: null,
  Event_Outcome_Hierarchy: null,
  Der_Conversation: null,
  Der_Conversation_1: null,
  Request_Route_of_Access: null,
  Assessment_Type_Raw: null,
  Assessment_Type_Cleaned: null,
  Eligible_Needs_Identified: null,
  Method_of_Assessment: null,
  Total_Hrs_Caring_per_week: null,
  No_of_adults_being_cared_for: null,
  Adult_1_Linked_Person_ID: null,
  Adult_2_Linked_Person_ID: null,
  Adult_3_Linked_Person_ID: null,
  Service_Type_Raw: null,
  Service_Type_Cleaned: null,
  Service_Type_Grouped: null,
  Service_Component_Raw: null,
  Service_Component_Cleaned: null,
  Delivery_Mechanism_Raw: null,
  Delivery_Mechanism_Cleaned: null,
  Provider_CQC_Location_ID: null,
  Unit_Cost: null,
  Cost_Frequency_Unit_Type: null,
  Planned_units_per_week: null,
  Review_Reason_Raw: null,
  Review_Reason_Cleaned: null,
  Review_Outcomes_Achieved: null,
  Method_of_Review: null,
  Ref_Period_Start_Date: '2023-04-01',
  Ref_Period_End_Date: '2025-03-31',
  Der_Event_End_Date: null,
  Der_NHS_LA_Combined_Person_ID: '',
  Review_Type: null,
  Der_Latest_Age: null,
  Der_Age_Band: 'Unknown',
  Der_Working_Age_Band: 'Unknown',
  Der_Unique_Event_Ref: '',
};

const PROGRESS = [
  'Progress to assessment, review or reassessment',
  'Progress to support planning or services',
  'Progress to reablement/ST-Max',
  'Continuation of support or services',
];
const NFA = ['NFA: Information and advice or signposting', 'NFA: Support declined', 'NFA: Other'];
const SERVICES = [
  'Long term support: Community',
  'Long term support: Community',
  'Short term support: ST-Max',
  'Long term support: Residential care',
  'Long term support: Nursing care',
  'Short term support: Ongoing low level',
  'Short term support: Other short term',
];

/** About `rows` main-table events of synthetic journeys, periods 2023-04-01..2025-03-31. */
function generate(rows: number): MainTableEvent[] {
  const rand = mulberry32(20_251_203);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const first = toDay('2023-04-01');
  const last = toDay('2025-03-31');
  const events: MainTableEvent[] = [];
  for (let p = 0; events.length < rows; p++) {
    const id = `P${p}`;
    const birthYear = 1925 + Math.floor(rand() * 75);
    const birthMonth = 1 + Math.floor(rand() * 12);
    const dob = toDay(`${birthYear}-${String(birthMonth).padStart(2, '0')}-01`);
    const add = (
      type: 'Request' | 'Assessment' | 'Service' | 'Review',
      start: number,
      end: number | null,
      fields: Partial<MainTableEvent>,
    ): void => {
      if (start > last) return;
      const row = events.length + 1;
      const startAge = Math.floor((start - dob) / 365.25);
      const latestAge = Math.floor(((end ?? last) - dob) / 365.25);
      events.push({
        ...BASE,
        row,
        Der_Unique_Record_ID: row,
        Der_Unique_Event_Ref: `X01_${row}`,
        Der_NHS_LA_Combined_Person_ID: id,
        LA_Person_Unique_Identifier: id,
        Der_Birth_Year: birthYear,
        Der_Birth_Month: birthMonth,
        Event_Type: type,
        Event_Type_Cleaned: type,
        Event_Start_Date: toIso(start),
        Event_End_Date: end === null ? null : toIso(end),
        Der_Event_End_Date: end === null ? null : toIso(end),
        Der_Age_Event_Start_Date: startAge,
        Der_Latest_Age: latestAge,
        Der_Working_Age_Band:
          latestAge >= 65 ? '65 and above' : latestAge >= 18 ? '18 to 64' : 'Under 18',
        ...fields,
      });
    };
    let day = first + Math.floor(rand() * (last - first));
    for (let episode = 0; episode < 3; episode++) {
      const outcome = rand() < 0.15 ? pick(NFA) : pick(PROGRESS);
      add('Request', day, day, {
        Event_Outcome_Cleaned: outcome,
        Event_Outcome_Grouped: outcome.startsWith('NFA') ? 'NFA' : outcome,
        Der_Conversation: rand() < 0.2 ? 1 : null,
      });
      if (outcome.startsWith('NFA')) break;
      let next = day;
      if (rand() < 0.8) {
        next = day + Math.floor(rand() * 60);
        const progress = rand() < 0.7;
        const aOutcome = progress ? 'Progress to support planning or services' : pick(NFA);
        add('Assessment', next, next + Math.floor(rand() * 14), {
          Assessment_Type_Cleaned: rand() < 0.5 ? 'Long term assessment' : 'Short term assessment',
          Event_Outcome_Cleaned: aOutcome,
          Event_Outcome_Grouped: progress ? aOutcome : 'NFA',
        });
        if (!progress) break;
      }
      const type = pick(SERVICES);
      const start = next + Math.floor(rand() * 40);
      const end = rand() < 0.5 ? null : start + 30 + Math.floor(rand() * 300);
      add('Service', start, end, {
        Service_Type_Cleaned: type,
        Delivery_Mechanism_Cleaned:
          type.endsWith('Community') && rand() < 0.25 ? 'Direct payment' : null,
      });
      if (rand() < 0.5)
        add('Review', start + 90, start + 95, {
          Event_Outcome_Cleaned: 'Continuation of support or services',
          Event_Outcome_Grouped: 'Continuation of support or services',
        });
      if (rand() < 0.6) break;
      day = (end ?? start) + 20 + Math.floor(rand() * 400);
    }
  }
  return events;
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

async function writeCsv(events: readonly MainTableEvent[], file: string): Promise<void> {
  const out = createWriteStream(file);
  const cell = (v: unknown): string =>
    v === null
      ? ''
      : typeof v === 'string' && /[",\n]/.test(v)
        ? `"${v.replace(/"/g, '""')}"`
        : String(v);
  out.write(`${COLUMNS.join(',')}\n`);
  let chunk = '';
  for (const e of events) {
    chunk += `${COLUMNS.map((c) => cell(e[c])).join(',')}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

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

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const value = f();
  return [value, performance.now() - t];
}

async function timedAsync<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await f();
  return [value, performance.now() - t];
}

/**
 * Runs the comparison and prints its own table (median of REPEATS runs each). Throws if
 * our rows and DuckDB's differ.
 */
export async function cldDuckdbBench(): Promise<void> {
  const [events, generateMs] = timed(() => generate(ROWS));
  const prepared: PreparedClientLevelData = {
    laCode: 'X01',
    periodStart: '2023-04-01',
    periodEnd: '2025-03-31',
    events,
  };
  const heapMiB = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cld-bench-'));
  const csv = path.join(dir, 'cld.csv');
  try {
    const [, csvMs] = await timedAsync(() => writeCsv(events, csv));

    const ours: number[] = [];
    let rows: readonly WaitingTimeRow[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const [r, ms] = timed(() => waitingTimes(prepared));
      rows = r;
      ours.push(ms);
    }
    const oursAscof: number[] = [];
    let ascof = { denominator: 0, numerator: 0 };
    for (let i = 0; i < REPEATS; i++) {
      const [r, ms] = timed(() => ascofLike(events));
      ascof = r;
      oursAscof.push(ms);
    }

    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    const version = (await db.runAndReadAll('SELECT version() AS v')).getRowObjectsJson()[0]!.v;
    const loads: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const [, ms] = await timedAsync(() =>
        db.run(
          `CREATE OR REPLACE TABLE cld AS SELECT * FROM read_csv('${csv.replace(/'/g, "''")}', header = true, nullstr = '', types = {'Event_Start_Date': 'DATE', 'Der_Event_End_Date': 'DATE', 'Der_Age_Event_Start_Date': 'INTEGER', 'Der_Conversation': 'INTEGER', 'Der_Unique_Record_ID': 'BIGINT', 'row': 'BIGINT', 'ImportDate': 'VARCHAR', 'Service_Component_Cleaned': 'VARCHAR', 'Delivery_Mechanism_Cleaned': 'VARCHAR'})`,
        ),
      );
      loads.push(ms);
    }
    const duck: number[] = [];
    let duckRows: Record<string, unknown>[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const [r, ms] = await timedAsync(async () =>
        (await db.runAndReadAll(WAITING_TIMES_SQL)).getRowObjectsJson(),
      );
      duckRows = r;
      duck.push(ms);
    }
    const duckAscofMs: number[] = [];
    let duckAscof: Record<string, unknown> = {};
    for (let i = 0; i < REPEATS; i++) {
      const [r, ms] = await timedAsync(
        async () => (await db.runAndReadAll(ASCOF_LIKE_SQL)).getRowObjectsJson()[0]!,
      );
      duckAscof = r;
      duckAscofMs.push(ms);
    }
    db.closeSync();

    const same =
      JSON.stringify(rows) ===
      JSON.stringify(
        duckRows.map((r) => ({
          code: r.code,
          quarter: r.quarter,
          ageBand: r.ageBand,
          count: r.count,
          median: r.median,
        })),
      );
    const sameAscof =
      ascof.denominator === duckAscof.denominator && ascof.numerator === duckAscof.numerator;
    console.log(
      `\nCLD waiting times vs DuckDB ${String(version)} (${events.length.toLocaleString('en-GB')} main-table events; generated in ${generateMs.toFixed(0)} ms, heap ${heapMiB} MiB; CSV written in ${csvMs.toFixed(0)} ms)`,
    );
    console.table([
      {
        task: 'waitingTimes (la-assurance, rows in memory)',
        'median ms': median(ours).toFixed(1),
        runs: REPEATS,
      },
      {
        task: 'DuckDB waiting-times query (table loaded)',
        'median ms': median(duck).toFixed(1),
        runs: REPEATS,
      },
      {
        task: 'DuckDB CSV load (read_csv → table)',
        'median ms': median(loads).toFixed(1),
        runs: REPEATS,
      },
      {
        task: 'ASCOF-like snapshot (JS, rows in memory)',
        'median ms': median(oursAscof).toFixed(1),
        runs: REPEATS,
      },
      {
        task: 'ASCOF-like snapshot (DuckDB, table loaded)',
        'median ms': median(duckAscofMs).toFixed(1),
        runs: REPEATS,
      },
    ]);
    console.log(
      `Same waiting-time rows: ${same ? 'yes' : 'NO'} (${rows.length} rows, ${rows.reduce((n, r) => n + r.count, 0).toLocaleString('en-GB')} waits); same ASCOF-like counts: ${sameAscof ? 'yes' : 'NO'} (${ascof.numerator}/${ascof.denominator})`,
    );
    if (!same || !sameAscof) throw new Error('la-assurance and DuckDB disagree');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await cldDuckdbBench();
