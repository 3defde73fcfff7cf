import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { safeSelectCaseSample, type CaseRecord } from 'la-assurance/case-tracking';
import { createCaseIntake } from 'la-assurance/intake';
import { CsvParser } from '../cli/csv-parser.js';
import type { ParserAloneResult } from './csv-parse-child.js';
import { CLD_STYLE, writeExport } from '../test/support/exports.js';
import { runCliMeasured } from '../test/support/run-peak.js';

const SIZES = [200_000, 1_000_000];
/** Interleaved rounds: each round runs the CLI once (a fresh process) and every comparator once. */
const ROUNDS = 3;
const root = fileURLToPath(new URL('../', import.meta.url));

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: readonly number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
/** "median (min–max)". */
const spread = (xs: readonly number[], digits = 0, unit = '') => {
  const s = sorted(xs);
  const f = (x: number) => x.toFixed(digits);
  return `${f(median(xs))}${unit} (${f(s[0]!)}–${f(s.at(-1)!)})`;
};
const cpuMs = (from: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(from);
  return (c.user + c.system) / 1000;
};
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** One parser alone, in a fresh process (bench/csv-parse-child.ts): its CPU time and records. */
function parserAlone(
  which: 'csv-parse' | 'ours',
  file: string,
): { cpuMs: number; records: number } {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', `${root}bench/csv-parse-child.ts`, which, file],
    { cwd: root, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`the ${which} parser failed: ${r.stderr.slice(-500)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ParserAloneResult;
}

/**
 * Intake: `la-assurance sample` end to end on a CLD-style export (BOM, CRLF, blank lines,
 * multi-line notes, UK dates, R1/R2 labels) of 200,000 and 1,000,000 rows, in a child
 * process (wall and CPU time, peak RSS), beside, in interleaved rounds: the library call
 * alone on the same rows already parsed into memory (createCaseIntake + safeSelectCaseSample
 * over the rows), safeSelectCaseSample on ready case records, and the two CSV parsers alone,
 * each in a fresh process, on the file's bytes in the CLI's 256 KiB chunks (csv-parse's
 * streaming parser, which the CLI used before, and ours). Median and min–max of the rounds. Targets (issue 17): CLI within
 * 3× the library call; under 500 MB peak RSS for 1M rows.
 */
export async function intakeBench(): Promise<void> {
  if (!existsSync(`${root}dist/cli.js`)) {
    console.log('\nIntake: skipped (dist/cli.js is missing: run `npm run build` first)');
    return;
  }
  const loadBefore = load();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'la-assurance-intake-bench-'));
  try {
    const rows: Record<string, string | number>[] = [];
    for (const size of SIZES) {
      const file = path.join(dir, `cld-${size}.csv`);
      writeExport(file, {
        style: CLD_STYLE,
        rows: size,
        seed: 'bench',
        bom: true,
        crlf: true,
        blankLineEvery: 5000,
      });
      const bytes = readFileSync(file);
      // The rows for the library call, parsed beforehand (not timed), with their lines.
      let headings: readonly string[] = [];
      const parsed: { line: number; record: string[] }[] = [];
      const prep = new CsvParser((record, line) => {
        if (record.length === 1 && record[0] === '') return;
        if (line === 1) headings = record;
        else parsed.push({ line, record });
      });
      prep.push(bytes);
      prep.end();
      let records: CaseRecord[] = [];
      {
        const made = createCaseIntake(headings, { dateFormat: 'dd/mm/yyyy' });
        if (made.success) records = [...made.data.records(parsed)];
      }

      const m = {
        cliWall: [] as number[],
        cliCpu: [] as number[],
        cliRss: [] as number[],
        libWall: [] as number[],
        libCpu: [] as number[],
        ratioCpu: [] as number[],
        ratioWall: [] as number[],
        core: [] as number[],
        csvParse: [] as number[],
        ours: [] as number[],
      };
      for (let r = 0; r < ROUNDS; r++) {
        const cli = await runCliMeasured([
          'sample',
          file,
          '--seed',
          'bench',
          '--date-format',
          'dd/mm/yyyy',
          '--json',
        ]);
        if (cli.status !== 0)
          throw new Error(`the CLI failed on ${file}: ${cli.stderr.slice(-500)}`);

        const t0 = performance.now();
        const c0 = process.cpuUsage();
        const made = createCaseIntake(headings, { dateFormat: 'dd/mm/yyyy' });
        if (!made.success) throw new Error(made.issues[0]!.message);
        const result = safeSelectCaseSample(made.data.records(parsed), { seed: 'bench' });
        const libWall = performance.now() - t0;
        const libCpu = cpuMs(c0);
        if (!result.success || result.data.sample.length !== 50)
          throw new Error('the library call did not draw 50');

        const t1 = performance.now();
        safeSelectCaseSample(records, { seed: 'bench' });
        m.core.push(performance.now() - t1);

        // The parsers alone, each in a fresh process, in alternating order from round to round.
        const order =
          r % 2 === 0 ? (['csv-parse', 'ours'] as const) : (['ours', 'csv-parse'] as const);
        const counted = new Set<number>();
        for (const which of order) {
          const p = parserAlone(which, file);
          (which === 'ours' ? m.ours : m.csvParse).push(p.cpuMs);
          counted.add(p.records);
        }
        if (counted.size !== 1)
          throw new Error(`the parsers disagree: ${[...counted].join(' and ')} records`);

        m.cliWall.push(cli.ms);
        m.cliCpu.push(cli.cpuMs);
        m.cliRss.push(cli.peakRssBytes / 2 ** 20);
        m.libWall.push(libWall);
        m.libCpu.push(libCpu);
        m.ratioCpu.push(cli.cpuMs / libCpu);
        m.ratioWall.push(cli.ms / libWall);
      }
      const s = (xs: number[]) =>
        spread(
          xs.map((x) => x / 1000),
          2,
          ' s',
        );
      rows.push({
        rows: size.toLocaleString('en-GB'),
        'CLI wall': s(m.cliWall),
        'CLI CPU': s(m.cliCpu),
        'CLI peak RSS': spread(m.cliRss, 0, ' MB'),
        'library wall': s(m.libWall),
        'library CPU': s(m.libCpu),
        'CLI ÷ library, CPU': spread(m.ratioCpu, 2),
        'CLI ÷ library, wall': spread(m.ratioWall, 2),
        'sample on records': s(m.core),
        'csv-parse alone, CPU': s(m.csvParse),
        'our parser alone, CPU': s(m.ours),
      });
    }
    console.log(
      `\nIntake: \`la-assurance sample\` on a CLD-style export vs the library call on the same rows, ${ROUNDS} interleaved rounds, median (min–max); load average ${loadBefore} before, ${load()} after (target: CLI ≤ 3× library; < 500 MB at 1M rows)`,
    );
    console.table(rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
