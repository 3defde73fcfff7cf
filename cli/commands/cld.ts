import { parseArgs } from 'node:util';
import {
  ascofMeasures,
  waitingTimes,
  type AscofMeasureRow,
  type AscofMeasures,
  type CheckedClientLevelData,
  type PreparedClientLevelData,
  type PreparedClientLevelDataResult,
  type WaitingTimeRow,
} from 'la-assurance/client-level-data';
import { CSV_HELP, DRY_RUN_HELP, INTAKE_OPTIONS, dateFormatHelp, mapHelp } from '../case-rows.js';
import {
  CLD_MAPPING_EXAMPLE,
  cldIntakeValues,
  dryRunClientLevelData,
  readClientLevelData,
} from '../cld-rows.js';
import { UsageError, csvLine, formatTable, type CliIo } from '../io.js';

export const cldHelp = `Usage: la-assurance cld <file.csv | -> --period-start YYYY-MM-DD --period-end YYYY-MM-DD [options]

Checks a council's Adult Social Care Client Level Data (CLD) file, prepares DHSC's main
table for the period and computes the measures: data quality per field, issues by row and
field, what happened to every row, ASCOF 2A, 2B, 2C, 2E, 2E LD and 3D (DHSC 2024/25-onwards
method, over the 12 months ending --period-end) and waiting-time medians (DHSC v1.1). The file is streamed (never read whole). Headings may be the
database names (Event_Start_Date) or the submission file's (Event Start Date), in any
case, or your system's own headings named in --map.

Options:
  --period-start DATE    First day of the period (required, but for --dry-run)
  --period-end DATE      Last day of the period (required, but for --dry-run)
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
${mapHelp(`${CLD_MAPPING_EXAMPLE} (CLD field database
                         names, as in docs/client-level-data.md)`)}
${dateFormatHelp(`none:
                         each date read as yyyy-mm-dd or dd/mm/yyyy, whichever it looks like`)}
                         With d/m/yy, two-digit years below 70 are 20yy, the rest 19yy
${DRY_RUN_HELP}
${CSV_HELP}
  -h, --help             This help

Exit codes: 0 measures computed from valid rows (--dry-run: no row rejected in the rows
read); 1 rows rejected (everything computed is still printed), a column missing, a
--map field or heading not found, or nothing to prepare; 2 usage (a bad --date-format)
or unreadable input (a --map file that is not a JSON column mapping).
`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function date(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`${flag} is required`);
  if (!DATE.test(value)) throw new UsageError(`${flag} must be a date YYYY-MM-DD; got ${value}`);
  return value;
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
      map: INTAKE_OPTIONS.map,
      'date-format': INTAKE_OPTIONS['date-format'],
      'dry-run': INTAKE_OPTIONS['dry-run'],
      encoding: INTAKE_OPTIONS.encoding,
      progress: INTAKE_OPTIONS.progress,
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(cldHelp);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give one CLD file (CSV, or - for stdin)');
  const path = positionals[0]!;
  const maxIssuesText = values['max-issues'];
  if (maxIssuesText !== undefined && !/^\d+$/.test(maxIssuesText))
    throw new UsageError(`--max-issues must be a whole number; got ${maxIssuesText}`);
  const maxIssues = maxIssuesText === undefined ? (values.json ? 1000 : 20) : Number(maxIssuesText);
  const laCode = values['la-code'];
  if (values['dry-run']) {
    if (values.json || values.format !== undefined)
      throw new UsageError('--dry-run prints a text report: give it without --json or --format');
    return dryRunClientLevelData(path, { ...cldIntakeValues(values, io), laCode, maxIssues }, io);
  }
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
  const intake = cldIntakeValues(values, io);

  const read = await readClientLevelData(
    path,
    { ...intake, periodStart, periodEnd, mode, laCode, asOf, maxIssues, json: values.json },
    io,
  );
  if (typeof read === 'number') return read;
  const { checked: data, prepared, lineOf } = read;
  const computed =
    prepared.success && prepared.data.summary.events > 0
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
