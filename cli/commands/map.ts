import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CASE_INTAKE_FIELDS, resolveHeader } from 'la-assurance/intake';
import { openCsv } from '../csv-stream.js';
import { UnreadableInputError, UsageError, printable, type CliIo } from '../io.js';

export const mapHelp = `Usage: la-assurance map init <export.csv> [--out mapping.json] [options]

Writes a starter column mapping from an export's header row: each case-record field with
the heading that feeds it (found by name or usual heading), and a placeholder for each
required field that was not found — replace it with your heading, then pass the file
with --map to 'sample' or 'validate'. Only the header row is read.

Options:
  --out FILE             Write the mapping to FILE (default: standard output)
  --force                Overwrite FILE if it exists
  --encoding E           utf8 (default) or latin1
  -h, --help             This help
`;

/** The placeholder for a field with no heading, shaped so that using it unchanged fails clearly. */
const placeholder = (field: string): string => `<your heading for ${field}>`;

export function mapCommand(argv: readonly string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      force: { type: 'boolean' },
      encoding: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(mapHelp);
    return 0;
  }
  if (positionals[0] !== 'init' || positionals.length !== 2)
    throw new UsageError("give 'init' and one export file");
  const file = positionals[1]!;
  if (values.encoding !== undefined && !['utf8', 'latin1'].includes(values.encoding))
    throw new UsageError(`--encoding must be utf8 or latin1; got ${values.encoding}`);
  if (values.out !== undefined && existsSync(values.out) && values.force !== true)
    throw new UsageError(`${values.out} exists: give --force to overwrite it`);
  const input = openCsv(file, io, {
    encoding: values.encoding === 'latin1' ? 'latin1' : 'utf8',
    progress: false,
  });
  input.close();
  const headings = input.header.headings;
  // Resolve each field on its own, so one missing or doubled column does not hide the rest.
  const mapping: Record<string, string> = {};
  const notes: string[] = [];
  for (const f of CASE_INTAKE_FIELDS) {
    const one = resolveHeader(headings, [{ ...f, required: true }]);
    if (one.success) {
      mapping[f.field] = one.data.columns[0]!.heading;
    } else if (one.issues[0]?.code === 'duplicate-column') {
      mapping[f.field] = placeholder(f.field);
      notes.push(`${f.field}: ${printable(one.issues[0].message)}`);
    } else if (f.required === true) {
      mapping[f.field] = placeholder(f.field);
      notes.push(`${f.field}: no heading found; replace the placeholder with yours`);
    }
  }
  if (mapping.age === undefined && mapping.ageBand === undefined) {
    mapping.age = placeholder('age (or ageBand)');
    notes.push('age: no heading for age or ageBand found; give one of them');
  }
  const unused = headings.filter((h) => !Object.values(mapping).includes(h));
  const json = `${JSON.stringify(mapping, null, 2)}\n`;
  if (values.out !== undefined) {
    try {
      writeFileSync(values.out, json);
    } catch (error) {
      throw new UnreadableInputError(
        `${values.out}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      );
    }
    io.stderr(`wrote ${printable(values.out)}: ${Object.keys(mapping).length} fields\n`);
  } else {
    io.stdout(json);
  }
  for (const n of notes) io.stderr(`${n}\n`);
  if (unused.length > 0)
    io.stderr(`headings not used: ${unused.map((h) => printable(JSON.stringify(h))).join(', ')}\n`);
  return 0;
}
