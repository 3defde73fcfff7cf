import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkClientLevelData, prepareClientLevelData } from 'la-assurance/client-level-data';
import {
  generateClientLevelData,
  type ClientLevelDataCsvRow,
} from '../src/testing/client-level-data.js';

const ROWS = 1_000_000;
const PERIOD = { periodStart: '2023-04-01', periodEnd: '2025-03-31' } as const; // about two years of a large county
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const seconds = (usage: NodeJS.CpuUsage) => `${((usage.user + usage.system) / 1e6).toFixed(2)} s`;
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en-GB')} MB`;

async function writeCsv(rows: readonly ClientLevelDataCsvRow[], file: string): Promise<void> {
  const out = createWriteStream(file);
  const headings = Object.keys(rows[0]!);
  const cell = (v: string) =>
    v.includes(',') || v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v;
  let chunk = `${headings.map(cell).join(',')}\n`;
  for (const row of rows) {
    chunk += `${headings.map((h) => cell(row[h] ?? '')).join(',')}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/**
 * Client Level Data: `checkClientLevelData` then `prepareClientLevelData` on 1,000,000
 * generated rows held in memory (as a CSV parser would give them), with the process's peak
 * memory; then the CLI end to end from a CSV file (`la-assurance cld`, streamed), with its
 * wall time and peak RSS from /usr/bin/time. Prints its own table.
 */
export async function clientLevelDataBench(): Promise<void> {
  const rows: ClientLevelDataCsvRow[] = [];
  for (const row of generateClientLevelData({ seed: 'bench', people: 400_000, ...PERIOD }).rows) {
    rows.push(row);
    if (rows.length === ROWS) break;
  }
  const heapBefore = process.memoryUsage().heapUsed;
  let t = performance.now();
  let cpu = process.cpuUsage();
  const checked = checkClientLevelData(rows);
  const checkMs = performance.now() - t;
  const checkCpu = process.cpuUsage(cpu);
  if (!checked.success) throw new Error(checked.issues[0]!.message);
  const heapChecked = process.memoryUsage().heapUsed;
  t = performance.now();
  cpu = process.cpuUsage();
  const prepared = prepareClientLevelData(checked.data, PERIOD);
  const prepareMs = performance.now() - t;
  const prepareCpu = process.cpuUsage(cpu);
  if (!prepared.success) throw new Error(prepared.issues[0]!.message);
  const heapPrepared = process.memoryUsage().heapUsed;
  const peakRss = process.resourceUsage().maxRSS * 1024;

  const table: Record<string, string>[] = [
    {
      task: `checkClientLevelData, ${rows.length.toLocaleString('en-GB')} rows in memory`,
      time: `${(checkMs / 1000).toFixed(2)} s`,
      cpu: seconds(checkCpu),
      memory: `+${mb(heapChecked - heapBefore)} heap (events)`,
    },
    {
      task: `prepareClientLevelData → ${prepared.data.events.length.toLocaleString('en-GB')} events`,
      time: `${(prepareMs / 1000).toFixed(2)} s`,
      cpu: seconds(prepareCpu),
      memory: `+${mb(heapPrepared - heapChecked)} heap (main table)`,
    },
    {
      task: 'check + prepare',
      time: `${((checkMs + prepareMs) / 1000).toFixed(2)} s`,
      cpu: '',
      memory: `peak RSS ${mb(peakRss)} (rows, events and main table held)`,
    },
  ];

  const cli = path.join(root, 'dist/cli.js');
  if (existsSync(cli) && existsSync('/usr/bin/time')) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cld-bench-'));
    const file = path.join(dir, 'cld.csv');
    await writeCsv(rows, file);
    rows.length = 0; // the child process reads the file; free this process's copy
    const run = spawnSync(
      '/usr/bin/time',
      [
        '-f',
        'TIME %e %U %M',
        process.execPath,
        cli,
        'cld',
        file,
        '--period-start',
        PERIOD.periodStart,
        '--period-end',
        PERIOD.periodEnd,
        '--json',
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    // Exit 1 (rows rejected) is measured too: /usr/bin/time reports on stderr either way.
    table.push(timeRow(run.stderr));
    rmSync(dir, { recursive: true, force: true });
  } else
    table.push({
      task: 'la-assurance cld (CLI, from CSV)',
      time: 'skipped: run npm run build first',
      cpu: '',
      memory: '',
    });
  print(table);
}

function timeRow(stderr: string): Record<string, string> {
  const m = /TIME ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
  return {
    task: 'la-assurance cld file.csv --json (CLI end to end, streamed)',
    time: m ? `${Number(m[1]).toFixed(2)} s` : '?',
    cpu: m ? `${Number(m[2]).toFixed(2)} s` : '',
    memory: m ? `peak RSS ${mb(Number(m[3]) * 1024)}` : stderr.slice(0, 80),
  };
}

function print(table: readonly Record<string, string>[]): void {
  console.log(
    `\nClient Level Data, ${ROWS.toLocaleString('en-GB')} generated rows, ${PERIOD.periodStart}..${PERIOD.periodEnd}, load average ${os.loadavg()[0]!.toFixed(2)}`,
  );
  console.table(table);
}
