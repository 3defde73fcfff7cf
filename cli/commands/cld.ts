import { parseArgs } from 'node:util';
import {
  ascofMeasures,
  checkClientLevelData,
  prepareClientLevelData,
  waitingTimes,
  type AscofMeasureRow,
  type AscofMeasures,
  type CheckedClientLevelData,
  type PreparedClientLevelData,
  type PreparedClientLevelDataResult,
  type WaitingTimeRow,
} from 'la-assurance/client-level-data';
import { openCsv, type CsvInput } from '../csv-stream.js';
import { UsageError, csvLine, formatTable, type CliIo } from '../io.js';

export const cldHelp = `Usage: la-assurance cld <file.csv | -> --period-start YYYY-MM-DD --period-end YYYY-MM-DD [options]

Checks a council's Adult Social Care Client Level Data (CLD) file, prepares DHSC's main
table for the period and computes the measures: data quality per field, issues by row and
field, what happened to every row, ASCOF 2A, 2B, 2C, 2E, 2E LD and 3D (DHSC 2024/25-onwards
method, over the 12 months ending --period-end) and waiting-time medians (DHSC v1.1). The file is streamed (never read whole). Headings may be the
database names (Event_Start_Date) or the submission file's (Event Start Date).

Options:
  --period-start DATE    First day of the period (required)
  --period-end DATE      Last day of the period (required)
  --la-code CODE         The council, when the file holds several (or none)
  --mode single|joined   National extracts with several ImportDates: one file for the
                         period (default) or one per quarter with service cropping
  --as-of DATE           National extracts: only files loaded on or before DATE
  --ascof-year YYYY      ASCOF over the financial year starting 1 April YYYY instead
  --population-18-64 N   ONS mid-year population aged 18-64 (ASCOF 2B; without it 2B is
                         not computable)
  --population-65-plus N ONS mid-year population aged 65 and over (ASCOF 2C)
  --max-issues N         Issues to list (default 20 in text, 1000 with --json)
  --json                 One JSON object { quality, account, issues, prepared, measures,
                         notComputable, waitingTimes }
  --format text|ascof-csv  ascof-csv: the measures only, as CSV in DHSC's long format
                         (code, measure, description, ageBand, sex, numerator,
                         denominator, outcome)
  -h, --help             This help

Exit codes: 0 measures computed from valid rows; 1 rows rejected (everything computed is
still printed) or nothing to prepare; 2 usage or unreadable input.
`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function date(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`${flag} is required`);
  if (!DATE.test(value)) throw new UsageError(`${flag} must be a date YYYY-MM-DD; got ${value}`);
  return value;
}

/**
 * The CSV's rows as plain objects keyed by heading, one at a time, as `openCsv` reads them
 * (1 MiB chunks; encoding and NUL checks; progress on stderr): no row is held once the
 * check has read it. `lines` records each data row's physical line, so issues can name it.
 */
function* csvRows(input: CsvInput, lines: LineIndex): Iterable<Record<string, string>> {
  const headings = input.header.headings;
  for (const { line, record } of input) {
    lines.push(line);
    const row: Record<string, string> = {};
    for (let i = 0; i < headings.length; i++) {
      const cell = record[i];
      if (cell !== undefined) row[headings[i]!] = cell;
    }
    yield row;
  }
}

/** Data row (1-based) → physical line of the file, 4 bytes a row. */
class LineIndex {
  private lines = new Int32Array(1 << 16);
  private size = 0;
  push(line: number): void {
    if (this.size === this.lines.length) {
      const grown = new Int32Array(this.lines.length * 2);
      grown.set(this.lines);
      this.lines = grown;
    }
    this.lines[this.size++] = line;
  }
  /** The physical line of data row `row`; the header's line for row 0 (a file-level issue). */
  lineOf(row: number, headerLine: number): number {
    return row >= 1 && row <= this.size ? this.lines[row - 1]! : headerLine;
  }
}

function qualityTable(checked: CheckedClientLevelData): string {
  const rows = checked.quality.map((q) => [
    q.field,
    q.valid,
    q.blank,
    q.missing,
    q.invalid,
    q.release1,
    q.unlisted + q.spelling,
    q.notApplicable,
  ]);
  return formatTable(
    ['field', 'valid', 'blank', 'missing', 'invalid', 'release 1', 'unlisted', 'n/a'],
    rows,
  );
}

function summaryText(prepared: PreparedClientLevelDataResult): string {
  const s = prepared.summary;
  return [
    `Main table for ${prepared.laCode}, ${prepared.periodStart} to ${prepared.periodEnd} (${prepared.mode}): ${s.events.toLocaleString('en-GB')} events`,
    `  not in the period ${s.notInPeriod}, died before the period ${s.diedBeforePeriod}, no event type ${s.noEventType}, other council ${s.otherCouncil}, file not selected ${s.submissionNotSelected}, merged duplicates ${s.merged}, services cropped ${s.cropped}`,
  ].join('\n');
}

/** Options of {@link readClientLevelData}, as the user gave them. */
export interface ReadCldOptions {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly mode: 'single' | 'joined';
  readonly laCode?: string | undefined;
  readonly asOf?: string | undefined;
  readonly maxIssues: number;
  /** Print the check's failure as JSON on stdout (for --json). */
  readonly json?: boolean | undefined;
}

/** A CLD file checked and prepared, or the exit code when it could not be (the reason already printed). */
export type ReadCld =
  | {
      /** The check's report; its `events` are left empty (the main table holds what is needed). */
      readonly checked: CheckedClientLevelData;
      readonly prepared: ReturnType<typeof prepareClientLevelData>;
      /** The physical line of the file where data row `row` starts (the header's for row 0). */
      readonly lineOf: (row: number) => number;
    }
  | number;

/** Streams a CLD file (or `-`) through the check and DHSC's main-table preparation. */
export async function readClientLevelData(
  path: string,
  options: ReadCldOptions,
  io: CliIo,
  command = 'cld',
): Promise<ReadCld> {
  const laCode = options.laCode === undefined ? {} : { laCode: options.laCode };
  // Unreadable input (missing file, not UTF-8, a NUL byte, not CSV) throws
  // UnreadableInputError naming the line: the CLI prints it and exits 2.
  const input = openCsv(path, io, { progress: io.stderrIsTTY });
  const lines = new LineIndex();
  const checked = (() => {
    try {
      return checkClientLevelData(csvRows(input, lines), {
        maxIssues: options.maxIssues,
        ...laCode,
      });
    } finally {
      input.close();
    }
  })();
  if (!checked.success) {
    if (options.json)
      io.stdout(
        `${JSON.stringify({ issues: checked.issues, quality: [], measures: [], waitingTimes: [] }, null, 2)}\n`,
      );
    for (const issue of checked.issues) io.stderr(`la-assurance ${command}: ${issue.message}\n`);
    return 1;
  }
  const prepared = prepareClientLevelData(checked.data, {
    periodStart: options.periodStart,
    periodEnd: options.periodEnd,
    mode: options.mode,
    ...laCode,
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
  });
  const headerLine = input.header.line;
  // The checked events are not needed once the main table is built: drop them, so the
  // measures run without the check's copy of every row alive.
  return {
    checked: { ...checked.data, events: [] },
    prepared,
    lineOf: (row) => lines.lineOf(row, headerLine),
  };
}

/** The 12 months ending `end` (inclusive): from the day after `end`, one year back. */
export function twelveMonthsEnding(end: string): string {
  const d = new Date(`${end}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString().slice(0, 10);
}

function population(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number; got ${value}`);
  return Number(value);
}

const MEASURE_COLUMNS = [
  'code',
  'measure',
  'description',
  'ageBand',
  'sex',
  'numerator',
  'denominator',
  'outcome',
] as const;

/** The measures as CSV in DHSC's long format (header, then one line per row; null is an empty cell). */
function measuresCsv(rows: readonly AscofMeasureRow[]): string {
  return [
    csvLine(MEASURE_COLUMNS),
    ...rows.map((r) => csvLine(MEASURE_COLUMNS.map((c) => r[c] ?? ''))),
  ].join('');
}

function measuresText(ascof: AscofMeasures): string {
  const table = formatTable(
    ['code', 'measure', 'age band', 'sex', 'numerator', 'denominator', 'outcome'],
    ascof.rows.map((r) => [
      r.code,
      r.measure,
      r.ageBand,
      r.sex,
      r.numerator,
      r.denominator ?? '-',
      r.outcome ?? 'not computable',
    ]),
  );
  const notes = ascof.notComputable
    .map((n) => `  ${n.measure} not computable: ${n.reason}\n`)
    .join('');
  return `ASCOF measures, ${ascof.periodStart} to ${ascof.periodEnd} (DHSC 2024/25-onwards method)\n${table}${notes}`;
}

function waitingText(rows: readonly WaitingTimeRow[]): string {
  if (rows.length === 0) return 'Waiting times (DHSC v1.1): no waits in the period\n';
  return `Waiting times in days (DHSC v1.1, median)\n${formatTable(
    ['code', 'quarter', 'age band', 'count', 'median'],
    rows.map((r) => [r.code, r.quarter, r.ageBand, r.count, r.median]),
  )}`;
}

interface Computed {
  readonly ascof: AscofMeasures;
  readonly waits: readonly WaitingTimeRow[];
}

function compute(
  prepared: PreparedClientLevelData,
  ascofPeriod: { year: number } | { periodStart: string; periodEnd: string },
  pop: { '18 to 64'?: number; '65 and above'?: number },
): Computed {
  return {
    ascof: ascofMeasures(prepared, { ...ascofPeriod, population: pop }),
    waits: waitingTimes(prepared),
  };
}

export async function cldCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      'period-start': { type: 'string' },
      'period-end': { type: 'string' },
      'la-code': { type: 'string' },
      mode: { type: 'string' },
      'as-of': { type: 'string' },
      'ascof-year': { type: 'string' },
      'population-18-64': { type: 'string' },
      'population-65-plus': { type: 'string' },
      'max-issues': { type: 'string' },
      json: { type: 'boolean' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(cldHelp);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give one CLD file (CSV, or - for stdin)');
  const periodStart = date(values['period-start'], '--period-start');
  const periodEnd = date(values['period-end'], '--period-end');
  if (periodEnd < periodStart) throw new UsageError('--period-end is before --period-start');
  const mode = values.mode ?? 'single';
  if (mode !== 'single' && mode !== 'joined')
    throw new UsageError(`--mode must be single or joined; got ${mode}`);
  const asOf = values['as-of'] === undefined ? undefined : date(values['as-of'], '--as-of');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'ascof-csv')
    throw new UsageError(`--format must be text or ascof-csv; got ${format}`);
  if (values.json && format !== 'text')
    throw new UsageError('give --json or --format ascof-csv, not both');
  const yearText = values['ascof-year'];
  if (yearText !== undefined && !/^\d{4}$/.test(yearText))
    throw new UsageError(
      `--ascof-year must be a year YYYY (the financial year starting 1 April); got ${yearText}`,
    );
  const ascofPeriod =
    yearText !== undefined
      ? { year: Number(yearText) }
      : { periodStart: twelveMonthsEnding(periodEnd), periodEnd };
  const p1864 = population(values['population-18-64'], '--population-18-64');
  const p65 = population(values['population-65-plus'], '--population-65-plus');
  const pop = {
    ...(p1864 === undefined ? {} : { '18 to 64': p1864 }),
    ...(p65 === undefined ? {} : { '65 and above': p65 }),
  };
  const maxIssuesText = values['max-issues'];
  if (maxIssuesText !== undefined && !/^\d+$/.test(maxIssuesText))
    throw new UsageError(`--max-issues must be a whole number; got ${maxIssuesText}`);
  const maxIssues = maxIssuesText === undefined ? (values.json ? 1000 : 20) : Number(maxIssuesText);
  const path = positionals[0]!;

  const read = await readClientLevelData(
    path,
    { periodStart, periodEnd, mode, laCode: values['la-code'], asOf, maxIssues, json: values.json },
    io,
  );
  if (typeof read === 'number') return read;
  const { checked: data, prepared, lineOf } = read;
  const computed =
    prepared.success && prepared.data.events.length > 0
      ? compute(prepared.data, ascofPeriod, pop)
      : undefined;
  const { account } = data;
  if (format === 'ascof-csv') {
    if (computed !== undefined) io.stdout(measuresCsv(computed.ascof.rows));
    if (account.rejected > 0)
      io.stderr(
        `la-assurance cld: ${account.rejected.toLocaleString('en-GB')} rows rejected (run without --format to see the issues)\n`,
      );
  } else if (values.json) {
    const out = {
      quality: data.quality,
      account: { ...account, mappedRows: undefined, mappedRowCount: account.mappedRows.length },
      layout: data.layout,
      columns: data.columns,
      issueCounts: data.issueCounts,
      issues: data.issues,
      issuesOmitted: data.issuesOmitted,
      prepared: prepared.success
        ? {
            laCode: prepared.data.laCode,
            periodStart,
            periodEnd,
            mode: prepared.data.mode,
            summary: prepared.data.summary,
            submissions: prepared.data.submissions,
            warnings: prepared.data.warnings,
          }
        : { issues: prepared.issues },
      ascofPeriod:
        computed === undefined
          ? null
          : { periodStart: computed.ascof.periodStart, periodEnd: computed.ascof.periodEnd },
      measures: computed?.ascof.rows ?? [],
      notComputable: computed?.ascof.notComputable ?? [],
      unknownCounts: computed?.ascof.unknownCounts ?? [],
      waitingTimes: computed?.waits ?? [],
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const lines = [
      `Client Level Data: ${path} (${data.layout} layout)`,
      `Rows read ${account.read.toLocaleString('en-GB')}: kept ${account.kept.toLocaleString('en-GB')}, kept with a Release 1 mapping ${account.keptWithMapping.toLocaleString('en-GB')}, rejected ${account.rejected.toLocaleString('en-GB')}`,
    ];
    if (data.columns.unknown.length > 0)
      lines.push(`Columns ignored (not CLD fields): ${data.columns.unknown.join(', ')}`);
    io.stdout(`${lines.join('\n')}\n\nData quality by field\n${qualityTable(data)}\n`);
    const counts = Object.entries(data.issueCounts).map(([code, n]) => `${code} ${n}`);
    if (counts.length > 0) {
      io.stdout(`Issues: ${counts.join(', ')}\n`);
      io.stdout(
        `${formatTable(
          ['row', 'line', 'field', 'issue'],
          data.issues.map((i) => [i.row, lineOf(i.row), i.field, i.message]),
        )}`,
      );
      if (data.issuesOmitted > 0)
        io.stdout(
          `… and ${data.issuesOmitted.toLocaleString('en-GB')} more (--max-issues N to list more)\n`,
        );
      io.stdout('\n');
    }
    if (prepared.success) io.stdout(`${summaryText(prepared.data)}\n`);
    if (computed !== undefined)
      io.stdout(`\n${measuresText(computed.ascof)}\n${waitingText(computed.waits)}`);
  }
  if (!prepared.success)
    for (const issue of prepared.issues) io.stderr(`la-assurance cld: ${issue.message}\n`);
  else if (computed === undefined)
    io.stderr(
      `la-assurance cld: no events in the period ${periodStart} to ${periodEnd}: no measures computed\n`,
    );
  if (computed === undefined) return 1;
  return account.rejected > 0 ? 1 : 0;
}
