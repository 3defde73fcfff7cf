import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { safeSelectCaseSample, type CaseRecord } from 'la-assurance/case-tracking';
import { createCaseIntake } from 'la-assurance/intake';
import { CLD_STYLE, writeExport } from '../test/support/exports.js';
import { runCliMeasured } from '../test/support/run-peak.js';

const SIZES = [200_000, 1_000_000];
const REPEATS = 3;
const root = fileURLToPath(new URL('../', import.meta.url));

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const perSecond = (rows: number, ms: number) =>
  Math.round((rows / ms) * 1000).toLocaleString('en-GB');

/**
 * Intake: `la-assurance sample` end to end on a CLD-style export (BOM, CRLF, blank lines,
 * multi-line notes, UK dates, R1/R2 labels) of 200,000 and 1,000,000 rows, in a child
 * process (wall and CPU time, peak RSS), beside the library call alone on the same rows already
 * parsed into memory (createCaseIntake + safeSelectCaseSample over the rows, median of 3) and
 * safeSelectCaseSample on ready case records, and csv-parse alone parsing the file in memory
 * (the floor of any CLI built on it). Targets (issue 17): CLI within 3× the library call;
 * under 500 MB peak RSS for 1M rows.
 */
export async function intakeBench(): Promise<void> {
  if (!existsSync(`${root}dist/cli.js`)) {
    console.log('\nIntake: skipped (dist/cli.js is missing: run `npm run build` first)');
    return;
  }
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
      const cli = await runCliMeasured([
        'sample',
        file,
        '--seed',
        'bench',
        '--date-format',
        'dd/mm/yyyy',
        '--json',
      ]);
      if (cli.status !== 0) throw new Error(`the CLI failed on ${file}: ${cli.stderr.slice(-500)}`);

      // The same rows, parsed beforehand (timed apart: csv-parse's own cost), with their lines.
      const bytes = readFileSync(file);
      const p0 = process.cpuUsage();
      const table = parse(bytes, {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
      }) as string[][];
      const p1 = process.cpuUsage(p0);
      const headings = table[0]!;
      const parsed = table.slice(1).map((record, i) => ({ line: i + 2, record }));
      const libraryMs: number[] = [];
      const libraryCpuMs: number[] = [];
      let records: CaseRecord[] = [];
      for (let r = 0; r < REPEATS; r++) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        const made = createCaseIntake(headings, { dateFormat: 'dd/mm/yyyy' });
        if (!made.success) throw new Error(made.issues[0]!.message);
        const result = safeSelectCaseSample(made.data.records(parsed), { seed: 'bench' });
        libraryMs.push(performance.now() - t0);
        const c1 = process.cpuUsage(c0);
        libraryCpuMs.push((c1.user + c1.system) / 1000);
        if (!result.success || result.data.sample.length !== 50)
          throw new Error('the library call did not draw 50');
        if (r === 0) {
          const again = createCaseIntake(headings, { dateFormat: 'dd/mm/yyyy' });
          if (again.success) records = [...again.data.records(parsed)];
        }
      }
      const coreMs: number[] = [];
      for (let r = 0; r < REPEATS; r++) {
        const t0 = performance.now();
        safeSelectCaseSample(records, { seed: 'bench' });
        coreMs.push(performance.now() - t0);
      }
      const lib = median(libraryMs);
      const libCpu = median(libraryCpuMs);
      rows.push({
        rows: size.toLocaleString('en-GB'),
        'CLI wall (ms)': Math.round(cli.ms),
        'CLI CPU (ms)': Math.round(cli.cpuMs),
        'CLI rows/s (wall)': perSecond(size, cli.ms),
        'CLI peak RSS': mb(cli.peakRssBytes),
        'library wall (ms)': Math.round(lib),
        'library CPU (ms)': Math.round(libCpu),
        'library rows/s (wall)': perSecond(size, lib),
        'CLI ÷ library, wall': (cli.ms / lib).toFixed(2),
        'CLI ÷ library, CPU': (cli.cpuMs / libCpu).toFixed(2),
        'sample on records (ms)': Math.round(median(coreMs)),
        'csv-parse alone, CPU (ms)': Math.round((p1.user + p1.system) / 1000),
      });
    }
    console.log(
      '\nIntake: `la-assurance sample` on a CLD-style export vs the library call on the same rows (target: CLI ≤ 3× library; < 500 MB at 1M rows)',
    );
    console.table(rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
