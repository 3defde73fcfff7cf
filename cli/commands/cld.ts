import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import { checkClientLevelData, prepareClientLevelData, type CheckedClientLevelData, type PreparedClientLevelDataResult } from 'la-assurance/client-level-data';
import { UsageError, formatTable, type CliIo } from '../io.js';

export const cldHelp = `Usage: la-assurance cld <file.csv | -> --period-start YYYY-MM-DD --period-end YYYY-MM-DD [options]

Checks a council's Adult Social Care Client Level Data (CLD) file and prepares DHSC's
main table for the period: data quality per field, issues by row and field, and what
happened to every row. The file is streamed (never read whole). Headings may be the
database names (Event_Start_Date) or the submission file's (Event Start Date).

Options:
  --period-start DATE    First day of the period (required)
  --period-end DATE      Last day of the period (required)
  --la-code CODE         The council, when the file holds several (or none)
  --mode single|joined   National extracts with several ImportDates: one file for the
                         period (default) or one per quarter with service cropping
  --as-of DATE           National extracts: only files loaded on or before DATE
  --max-issues N         Issues to list (default 20 in text, 1000 with --json)
  --json                 One JSON object { quality, account, issues, prepared, measures, waitingTimes }
  -h, --help             This help

Exit codes: 0 prepared from valid rows; 1 rows rejected or nothing to prepare; 2 usage or
unreadable input.
`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function date(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`${flag} is required`);
  if (!DATE.test(value)) throw new UsageError(`${flag} must be a date YYYY-MM-DD; got ${value}`);
  return value;
}

/** The CSV as an async iterable of row objects, parsed as it streams. */
function csvRows(path: string, io: CliIo): AsyncIterable<Record<string, string>> {
  const source = path === '-' ? Readable.from([io.readStdin()]) : createReadStream(path);
  const parser = parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
  source.on('error', (error: Error) => parser.destroy(error)); // pipe() does not forward a read error
  return source.pipe(parser);
}

function qualityTable(checked: CheckedClientLevelData): string {
  const rows = checked.quality.map((q) => [q.field, q.valid, q.blank, q.missing, q.invalid, q.release1, q.unlisted + q.spelling, q.notApplicable]);
  return formatTable(['field', 'valid', 'blank', 'missing', 'invalid', 'release 1', 'unlisted', 'n/a'], rows);
}

function summaryText(prepared: PreparedClientLevelDataResult): string {
  const s = prepared.summary;
  return [
    `Main table for ${prepared.laCode}, ${prepared.periodStart} to ${prepared.periodEnd} (${prepared.mode}): ${s.events.toLocaleString('en-GB')} events`,
    `  not in the period ${s.notInPeriod}, died before the period ${s.diedBeforePeriod}, no event type ${s.noEventType}, other council ${s.otherCouncil}, file not selected ${s.submissionNotSelected}, merged duplicates ${s.merged}, services cropped ${s.cropped}`,
  ].join('\n');
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
      'max-issues': { type: 'string' },
      json: { type: 'boolean' },
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
  if (mode !== 'single' && mode !== 'joined') throw new UsageError(`--mode must be single or joined; got ${mode}`);
  const asOf = values['as-of'] === undefined ? undefined : date(values['as-of'], '--as-of');
  const maxIssuesText = values['max-issues'];
  if (maxIssuesText !== undefined && !/^\d+$/.test(maxIssuesText)) throw new UsageError(`--max-issues must be a whole number; got ${maxIssuesText}`);
  const maxIssues = maxIssuesText === undefined ? (values.json ? 1000 : 20) : Number(maxIssuesText);
  const path = positionals[0]!;

  const checked = await checkClientLevelData(csvRows(path, io), {
    maxIssues,
    ...(values['la-code'] === undefined ? {} : { laCode: values['la-code'] }),
    ...(io.stderrIsTTY ? { onProgress: (n: number) => io.stderr(`\rchecking: ${n.toLocaleString('en-GB')} rows read`) } : {}),
  }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  if (checked instanceof Error) {
    const error = checked;
    io.stderr(`${io.stderrIsTTY ? '\r\x1b[K' : ''}la-assurance cld: ${path}: cannot read the file as CSV (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
    return 2;
  }
  if (io.stderrIsTTY) io.stderr('\r\x1b[K');
  if (!checked.success) {
    if (values.json) io.stdout(`${JSON.stringify({ issues: checked.issues, quality: [], measures: [], waitingTimes: [] }, null, 2)}\n`);
    for (const issue of checked.issues) io.stderr(`la-assurance cld: ${issue.message}\n`);
    return 1;
  }
  const data = checked.data;
  const prepared = prepareClientLevelData(data, {
    periodStart,
    periodEnd,
    mode,
    ...(values['la-code'] === undefined ? {} : { laCode: values['la-code'] }),
    ...(asOf === undefined ? {} : { asOf }),
  });
  const { account } = data;
  if (values.json) {
    const out = {
      quality: data.quality,
      account: { ...account, mappedRows: undefined, mappedRowCount: account.mappedRows.length },
      layout: data.layout,
      columns: data.columns,
      issueCounts: data.issueCounts,
      issues: data.issues,
      issuesOmitted: data.issuesOmitted,
      prepared: prepared.success
        ? { laCode: prepared.data.laCode, periodStart, periodEnd, mode: prepared.data.mode, summary: prepared.data.summary, submissions: prepared.data.submissions, warnings: prepared.data.warnings }
        : { issues: prepared.issues },
      measures: [],
      waitingTimes: [],
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const lines = [
      `Client Level Data: ${path} (${data.layout} layout)`,
      `Rows read ${account.read.toLocaleString('en-GB')}: kept ${account.kept.toLocaleString('en-GB')}, kept with a Release 1 mapping ${account.keptWithMapping.toLocaleString('en-GB')}, rejected ${account.rejected.toLocaleString('en-GB')}`,
    ];
    if (data.columns.unknown.length > 0) lines.push(`Columns ignored (not CLD fields): ${data.columns.unknown.join(', ')}`);
    io.stdout(`${lines.join('\n')}\n\nData quality by field\n${qualityTable(data)}\n`);
    const counts = Object.entries(data.issueCounts).map(([code, n]) => `${code} ${n}`);
    if (counts.length > 0) {
      io.stdout(`Issues: ${counts.join(', ')}\n`);
      io.stdout(`${formatTable(['row', 'field', 'issue'], data.issues.map((i) => [i.row, i.field, i.message]))}`);
      if (data.issuesOmitted > 0) io.stdout(`… and ${data.issuesOmitted.toLocaleString('en-GB')} more (--max-issues N to list more)\n`);
      io.stdout('\n');
    }
    if (prepared.success) io.stdout(`${summaryText(prepared.data)}\n`);
    else for (const issue of prepared.issues) io.stderr(`la-assurance cld: ${issue.message}\n`);
  }
  if (!prepared.success || prepared.data.events.length === 0) return 1;
  return account.rejected > 0 ? 1 : 0;
}
