// Reading a Client Level Data file in the CLI: streamed row by row through the library's
// check, with the user's intake options (--map, --date-format: the option pieces of
// case-rows.ts), the header resolved before any row is read, and --dry-run. Used by `cld`
// and `sample --cld`.
import {
  checkClientLevelData,
  prepareClientLevelData,
  resolveClientLevelDataHeaders,
  type CheckedClientLevelData,
  type ClientLevelDataHeaders,
} from 'la-assurance/client-level-data';
import type { ColumnMapping, DateFormat } from 'la-assurance/intake';
import {
  DRY_RUN_ROWS,
  LineIndex,
  csvOptions,
  dateFormatOption,
  dryRunVerdict,
  readMapping,
  writeColumnsMatched,
} from './case-rows.js';
import { openCsv, type CsvInput, type CsvOptions } from './csv-stream.js';
import { printable, type CliIo } from './io.js';

/** A CLD column mapping, for help and messages. */
export const CLD_MAPPING_EXAMPLE = '{"Event_Start_Date": "Start Date"}';

/** How to read a CLD file, as the user gave it. */
export interface CldIntakeOptions {
  /** --map: CLD field database names → the file's headings. */
  readonly mapping?: ColumnMapping | undefined;
  /** --date-format. */
  readonly dateFormat?: DateFormat | undefined;
  /** --la-code: the council of rows without one. */
  readonly laCode?: string | undefined;
  /** Issues to list. */
  readonly maxIssues: number;
  /** --encoding and --progress. */
  readonly csv?: CsvOptions | undefined;
}

/**
 * --map and --date-format of a CLD command: the format checked (UsageError, exit 2), the
 * mapping file read and validated by the library's schema (UnreadableInputError, exit 2).
 * Whether the mapping's fields and headings exist is the header's question (exit 1).
 */
export function cldIntakeValues(
  values: {
    readonly map?: string | undefined;
    readonly 'date-format'?: string | undefined;
    readonly encoding?: string | undefined;
    readonly progress?: boolean | undefined;
  },
  io: CliIo,
): Pick<CldIntakeOptions, 'mapping' | 'dateFormat' | 'csv'> {
  const dateFormat = dateFormatOption(values['date-format']);
  const csv = csvOptions(values, io);
  const mapping =
    values.map === undefined ? undefined : readMapping(values.map, io, CLD_MAPPING_EXAMPLE);
  return {
    ...(mapping !== undefined && { mapping }),
    ...(dateFormat !== undefined && { dateFormat }),
    csv,
  };
}

/**
 * The CSV's records (arrays of cells in the header's order, read with the check's
 * `headings` option), one at a time, as `openCsv` reads them (1 MiB chunks; encoding and
 * NUL checks; progress on stderr): no row is held once the check has read it. `lines`
 * records each data row's physical line, so issues can name it. Stops after `limit` rows.
 */
function* csvRows(
  input: CsvInput,
  lines: LineIndex,
  ragged: RaggedRows,
  limit = Number.POSITIVE_INFINITY,
): Iterable<readonly string[]> {
  const headings = input.header.headings;
  for (const { line, record } of input) {
    lines.push(line);
    // A short row's missing cells are blank, cells past the last heading unread (the check).
    if (record.length !== headings.length) ragged.add(line, record.length);
    yield record;
    if (lines.size >= limit) return;
  }
}

/** Rows whose number of cells differs from the header's: counted, the first few kept to name. */
class RaggedRows {
  count = 0;
  readonly first: { readonly line: number; readonly cells: number }[] = [];
  add(line: number, cells: number): void {
    this.count++;
    if (this.first.length < 5) this.first.push({ line, cells });
  }
  /** Says on stderr which rows were ragged and how they were read (nothing when none was). */
  report(path: string, headings: number, io: CliIo): void {
    if (this.count === 0) return;
    const n = this.count.toLocaleString('en-GB');
    const where = this.first.map((r) => `line ${r.line}: ${r.cells} cells`).join('; ');
    io.stderr(
      `${printable(path)}: ${n} row${this.count === 1 ? ' has' : 's have'} a number of cells other than the header's ${headings} (${where}${this.count > this.first.length ? '; …' : ''}); missing cells were read as empty and cells beyond the last heading were ignored.\n`,
    );
  }
}

/** The physical line of data row `row` (1-based); the header's for row 0 (a file-level issue). */
function lineOfRow(lines: LineIndex, row: number, headerLine: number): number {
  return row >= 1 && row <= lines.size ? lines.at(row - 1) : headerLine;
}

function checkOptions(options: CldIntakeOptions, input: CsvInput) {
  return {
    headings: input.header.headings,
    maxIssues: options.maxIssues,
    ...(options.laCode !== undefined && { laCode: options.laCode }),
    ...(options.mapping !== undefined && { mapping: options.mapping }),
    ...(options.dateFormat !== undefined && { dateFormat: options.dateFormat }),
  };
}

/** Writes why the check could not start (the header's issues, the headings found); exit 1. */
function headerFailed(
  path: string,
  input: CsvInput,
  issues: readonly { readonly code: string; readonly message: string }[],
  options: CldIntakeOptions & { readonly json?: boolean | undefined },
  io: CliIo,
): 1 {
  if (options.json)
    io.stdout(
      `${JSON.stringify({ issues, quality: [], measures: [], waitingTimes: [] }, null, 2)}\n`,
    );
  const where = `${printable(path)}: header (line ${input.header.line})`;
  for (const issue of issues) io.stderr(`${where}: ${printable(issue.message)}\n`);
  if (options.mapping === undefined && issues.some((i) => i.code === 'missing-column'))
    io.stderr(
      `If your system uses its own headings, name them in a column mapping (CLD field database names to your headings, e.g. ${CLD_MAPPING_EXAMPLE}) and give --map mapping.json.\n`,
    );
  io.stderr('No rows were read.\n');
  return 1;
}

/** Opens a CLD file and resolves its header; the exit code when the header stops it (said why). */
function openCld(
  path: string,
  options: CldIntakeOptions & { readonly json?: boolean | undefined },
  io: CliIo,
): { readonly input: CsvInput; readonly header: ClientLevelDataHeaders } | 1 {
  // Unreadable input (missing file, not UTF-8, a NUL byte, not CSV) throws
  // UnreadableInputError naming the line: the CLI prints it and exits 2.
  const input = openCsv(path, io, options.csv ?? { progress: io.stderrIsTTY });
  const header = resolveClientLevelDataHeaders(
    input.header.headings,
    options.mapping === undefined ? {} : { mapping: options.mapping },
  );
  if (header.success) return { input, header: header.data };
  input.close();
  return headerFailed(path, input, header.issues, options, io);
}

/** Options of {@link readClientLevelData}, as the user gave them. */
export interface ReadCldOptions extends CldIntakeOptions {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly mode: 'single' | 'joined';
  readonly asOf?: string | undefined;
  /** Print the check's failure as JSON on stdout (for --json). */
  readonly json?: boolean | undefined;
}

/** A CLD file checked and prepared, or the exit code when it could not be (the reason already printed). */
export type ReadCld =
  | {
      /** The check's report (read its `events` only if needed: they are made as objects on first read). */
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
): Promise<ReadCld> {
  const opened = openCld(path, options, io);
  if (opened === 1) return 1;
  const { input } = opened;
  const lines = new LineIndex();
  const ragged = new RaggedRows();
  const checked = (() => {
    try {
      return checkClientLevelData(csvRows(input, lines, ragged), checkOptions(options, input));
    } finally {
      input.close();
    }
  })();
  ragged.report(path, input.header.headings.length, io);
  if (!checked.success) return headerFailed(path, input, checked.issues, options, io);
  const prepared = prepareClientLevelData(checked.data, {
    periodStart: options.periodStart,
    periodEnd: options.periodEnd,
    mode: options.mode,
    ...(options.laCode === undefined ? {} : { laCode: options.laCode }),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
  });
  const headerLine = input.header.line;
  // `checked.data.events` is made only if read (the main table reads the check's columns).
  return {
    checked: checked.data,
    prepared,
    lineOf: (row) => lineOfRow(lines, row, headerLine),
  };
}

/**
 * --dry-run: how the headings were matched, then the first {@link DRY_RUN_ROWS} rows
 * through the check, their issues at their physical lines and the account; nothing more
 * is read. Exit 0 when no row was rejected and one was kept, else 1 (as `sample --dry-run`).
 */
export function dryRunClientLevelData(path: string, options: CldIntakeOptions, io: CliIo): number {
  const opened = openCld(path, options, io);
  if (opened === 1) return 1;
  const { input, header } = opened;
  const { headings } = input.header;
  writeColumnsMatched(
    path,
    input.header,
    header.resolution.columns.map((c) => ({
      field: c.column.field,
      heading: c.heading,
      index: headings.indexOf(c.heading),
      match: c.match,
    })),
    io,
  );
  const lines = new LineIndex();
  const ragged = new RaggedRows();
  const checked = (() => {
    try {
      return checkClientLevelData(
        csvRows(input, lines, ragged, DRY_RUN_ROWS),
        checkOptions(options, input),
      );
    } finally {
      input.close();
    }
  })();
  ragged.report(path, input.header.headings.length, io);
  if (!checked.success) return headerFailed(path, input, checked.issues, options, io);
  const f = printable(path);
  const n = (x: number) => x.toLocaleString('en-GB');
  const { account, issues, issuesOmitted } = checked.data;
  const rejected = new Set(account.rejections.map((r) => r.row));
  for (const i of issues) {
    if (i.row === 0) io.stderr(`${f}: header: ${printable(i.message)}\n`);
    else
      io.stderr(
        `${f}: line ${lineOfRow(lines, i.row, input.header.line)}: ${printable(i.message)} — ${rejected.has(i.row) ? 'row rejected' : i.severity === 'error' ? 'row kept' : 'warning, row kept'}\n`,
      );
  }
  if (issuesOmitted > 0)
    io.stderr(`${f}: … and ${n(issuesOmitted)} more issues (--max-issues N to list more)\n`);
  const kept = account.kept + account.keptWithMapping;
  io.stderr(
    `${f}: ${n(account.read)} rows read: ${n(kept)} kept, ${n(account.rejected)} rejected${account.keptWithMapping > 0 ? ` (${n(account.keptWithMapping)} with a Release 1 value mapped)` : ''}\n`,
  );
  io.stdout(dryRunVerdict(account.read, account.rejected));
  return account.rejected === 0 && kept > 0 ? 0 : 1;
}
