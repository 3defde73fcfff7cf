// Reading a council's case export in the CLI: the intake options every row-taking command
// shares (--map, --date-format, --excel-dates, --encoding, --dry-run, --progress), opening
// the file through the streaming reader and the library's intake, and reporting what the
// intake found. Used by `sample` and `validate --cases`; `cld` shares the option pieces
// (--map, --date-format, --dry-run), whose rows go through the CLD check instead.
import {
  ColumnMappingSchema,
  DATE_FORMATS,
  createCaseIntake,
  type CaseIntake,
  type CaseOptionalField,
  type ColumnMapping,
  type DateFormat,
  type IntakeSummary,
  type ResolvedColumn,
} from 'la-assurance/intake';
import {
  openCsv,
  type CsvCounts,
  type CsvHeader,
  type CsvInput,
  type CsvOptions,
} from './csv-stream.js';
import {
  InputError,
  UnreadableInputError,
  UsageError,
  printable,
  readJson,
  type CliIo,
} from './io.js';

/** The parseArgs options of row intake. */
export const INTAKE_OPTIONS = {
  map: { type: 'string' },
  'date-format': { type: 'string' },
  'excel-dates': { type: 'boolean' },
  encoding: { type: 'string' },
  'dry-run': { type: 'boolean' },
  progress: { type: 'boolean' },
} as const;

/** Rows read by --dry-run. */
export const DRY_RUN_ROWS = 1000;

/** Help of --map, with an example mapping of the command's fields. */
export const mapHelp = (
  example: string,
) => `  --map FILE             Column mapping: JSON from field names to your export's headings,
                         e.g. ${example}`;

/** Help of --date-format, with the command's default. */
export const dateFormatHelp = (byDefault: string): string =>
  `  --date-format F        How the file writes dates: ${DATE_FORMATS.join(', ')} (default ${byDefault})`;

/** Help of --dry-run. */
export const DRY_RUN_HELP = `  --dry-run              Report how the headings were matched and the issues in the first
                         ${DRY_RUN_ROWS.toLocaleString('en-GB')} rows; read nothing more`;

/** Help of --encoding and --progress. */
export const CSV_HELP = `  --encoding E           utf8 (default) or latin1 (Latin-1 / Windows-1252, Excel's "CSV" on Windows)
  --progress             Show progress on stderr even when it is not a terminal`;

/** Help lines of row intake. */
export const INTAKE_HELP = `${mapHelp(`{"id": "Person ID"} (start one with 'la-assurance map init')`)}
${dateFormatHelp('yyyy-mm-dd')}
  --excel-dates          Also read whole numbers in date columns as Excel serial dates
${DRY_RUN_HELP}
${CSV_HELP}`;

interface IntakeValues {
  readonly map?: string | undefined;
  readonly 'date-format'?: string | undefined;
  readonly 'excel-dates'?: boolean | undefined;
  readonly encoding?: string | undefined;
  readonly progress?: boolean | undefined;
}

/** A case export opened for reading: its rows, and the intake that reads them. */
export interface CaseRows {
  readonly input: CsvInput;
  readonly intake: CaseIntake;
}

/**
 * Reads a --map file and validates it with the library's `ColumnMappingSchema`.
 * Throws UnreadableInputError (exit 2) when it cannot be read or is not a mapping;
 * `example` is a mapping of the command's fields, for the message.
 */
export function readMapping(
  path: string,
  io: CliIo,
  example = '{"id": "Person ID"}',
): ColumnMapping {
  let json: unknown;
  try {
    json = readJson(path, io);
  } catch (error) {
    throw new UnreadableInputError((error as Error).message);
  }
  const parsed = ColumnMappingSchema.safeParse(json);
  if (!parsed.success) {
    throw new UnreadableInputError(
      `${path}: not a column mapping (a JSON object from field names to headings, e.g. ${example}): ${parsed.error.issues.map((i) => `${i.path.join('.') || '(the mapping)'}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** --encoding and --progress, checked (UsageError, exit 2): how openCsv reads the file. */
export function csvOptions(
  values: { readonly encoding?: string | undefined; readonly progress?: boolean | undefined },
  io: CliIo,
): CsvOptions {
  const encoding = values.encoding;
  if (
    encoding !== undefined &&
    !['utf8', 'utf-8', 'latin1', 'windows-1252', 'cp1252'].includes(encoding.toLowerCase())
  )
    throw new UsageError(`--encoding must be utf8 or latin1; got ${encoding}`);
  return {
    encoding:
      encoding !== undefined && !encoding.toLowerCase().startsWith('utf') ? 'latin1' : 'utf8',
    progress: values.progress === true || io.stderrIsTTY,
  };
}

/** The --date-format given, checked; UsageError (exit 2) when it is not one of DATE_FORMATS. */
export function dateFormatOption(format: string | undefined): DateFormat | undefined {
  if (format !== undefined && !(DATE_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--date-format must be one of ${DATE_FORMATS.join(', ')}; got ${format}`);
  return format as DateFormat | undefined;
}

/**
 * Opens a case export and resolves its header. Throws UsageError for bad options,
 * UnreadableInputError (exit 2) when the file cannot be read, InputError (exit 1) when
 * its header lacks a required column — naming it and the headings found.
 */
export function openCaseRows(
  file: string,
  values: IntakeValues,
  io: CliIo,
  usedFields: readonly CaseOptionalField[],
): CaseRows {
  const format = dateFormatOption(values['date-format']);
  const csv = csvOptions(values, io);
  const mapping = values.map !== undefined ? readMapping(values.map, io) : undefined;
  const input = openCsv(file, io, csv);
  const made = createCaseIntake(input.header.headings, {
    ...(mapping !== undefined && { mapping }),
    ...(format !== undefined && { dateFormat: format }),
    ...(values['excel-dates'] === true && { excelSerialDates: true }),
    usedFields,
  });
  if (!made.success) {
    input.close();
    const hint =
      made.issues.some((i) => i.code === 'missing-column') && values.map === undefined
        ? `\nIf your system uses its own headings, write a mapping: la-assurance map init ${file} --out mapping.json (then edit it), and give --map mapping.json.`
        : '';
    throw new InputError(
      `${made.issues.map((i) => `${file}: header (line ${input.header.line}): ${printable(i.message)}`).join('\n')}\nNo rows were read.${printable(hint)}`,
    );
  }
  return { input, intake: made.data };
}

/** Writes (for --dry-run) where the header is and which heading gives each field, and how it matched. */
export function writeColumnsMatched(
  file: string,
  header: CsvHeader,
  columns: readonly ResolvedColumn[],
  io: CliIo,
): void {
  io.stdout(
    `${printable(file)}: header on line ${header.line}${header.bom ? ' (after a UTF-8 byte-order mark)' : ''}; columns matched:\n`,
  );
  const width = Math.max(20, ...columns.map((c) => c.field.length));
  for (const c of columns)
    io.stdout(
      `  ${c.field.padEnd(width)} ← ${printable(JSON.stringify(c.heading))} (column ${c.index + 1}, by ${c.match})\n`,
    );
}

/** The last line of --dry-run: how much was read, and whether any row was rejected. */
export function dryRunVerdict(read: number, rejected: number): string {
  return `Dry run: ${read < DRY_RUN_ROWS ? 'the whole file' : `the first ${DRY_RUN_ROWS.toLocaleString('en-GB')} rows`} read; ${rejected === 0 ? 'no row rejected' : `${rejected} rejected`}.\n`;
}

/** Writes how the headings were matched (for --dry-run) and the header's warnings. */
export function reportHeader(file: string, rows: CaseRows, io: CliIo, verbose: boolean): void {
  const header = rows.intake.header;
  if (verbose) writeColumnsMatched(file, rows.input.header, header.columns, io);
  for (const w of header.warnings)
    io.stderr(`${printable(file)}: header: ${printable(w.message)}\n`);
}

/** Writes the intake's issues and warnings (capped, the rest counted) and its counts to stderr. */
export function reportIntake(
  file: string,
  summary: IntakeSummary,
  counts: CsvCounts,
  io: CliIo,
): void {
  const f = printable(file);
  for (const i of summary.issues) io.stderr(`${f}: ${printable(i.message)} — row rejected\n`);
  if (summary.suppressedIssues > 0)
    io.stderr(
      `${f}: … and ${summary.suppressedIssues.toLocaleString('en-GB')} more issues in rejected rows\n`,
    );
  for (const w of summary.warnings)
    io.stderr(`${f}: ${printable(w.message)} — warning, row kept\n`);
  if (summary.suppressedWarnings > 0)
    io.stderr(`${f}: … and ${summary.suppressedWarnings.toLocaleString('en-GB')} more warnings\n`);
  io.stderr(`${f}: ${describeCounts(summary, counts)}\n`);
}

/** "200,000 rows read: 199,990 kept, 10 rejected; 3 blank rows and 2 empty lines skipped". */
function describeCounts(summary: IntakeSummary, counts: CsvCounts): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const skipped = [
    summary.blankRows > 0
      ? `${n(summary.blankRows)} blank row${summary.blankRows === 1 ? '' : 's'}`
      : '',
    counts.emptyLines > 0
      ? `${n(counts.emptyLines)} empty line${counts.emptyLines === 1 ? '' : 's'}`
      : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return `${n(summary.rowsRead)} rows read: ${n(summary.rowsKept)} kept, ${n(summary.rowsRejected)} rejected${summary.warningRows > 0 ? ` (${n(summary.warningRows)} kept with warnings)` : ''}${skipped ? `; ${skipped} skipped` : ''}`;
}

/** --dry-run: the header, then the first rows through the intake; exit 0 when none is rejected. */
export function dryRun(file: string, rows: CaseRows, io: CliIo): number {
  reportHeader(file, rows, io, true);
  let n = 0;
  for (const row of rows.input) {
    rows.intake.row(row.record, row.line);
    if (++n >= DRY_RUN_ROWS) break;
  }
  rows.input.close();
  const summary = rows.intake.summary();
  reportIntake(file, summary, rows.input.counts(), io);
  io.stdout(dryRunVerdict(n, summary.rowsRejected));
  return summary.rowsRejected === 0 && summary.rowsKept > 0 ? 0 : 1;
}

/** Physical lines of rows (the kept rows, or every row read), by position (4 bytes a row). */
export class LineIndex {
  private lines = new Uint32Array(1024);
  private count = 0;

  push(line: number): void {
    if (this.count === this.lines.length) {
      const grown = new Uint32Array(this.lines.length * 2);
      grown.set(this.lines);
      this.lines = grown;
    }
    this.lines[this.count++] = line;
  }

  /** The line of the row at `position`. */
  at(position: number): number {
    return this.lines[position]!;
  }

  /** Rows recorded. */
  get size(): number {
    return this.count;
  }
}
