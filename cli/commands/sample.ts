import { parseArgs } from 'node:util';
import { CASE_FLAGS, defaultCaseCriteria, safeSelectCaseSample, type SelectedCase } from 'la-assurance/case-tracking';
import { InputError, UsageError, formatTable, readCsv, readJson, type CliIo } from '../io.js';

export const sampleHelp = `Usage: la-assurance sample <cases.csv | cases.json | -> --seed SEED [options]

Selects the case-tracking sample (50 → shortlist 10 → engage 6) reproducibly: the same
records and seed give the same sample in any row order. The default criteria are modelled.

Input: a CSV as councils export it (header row: id, age or ageBand, primarySupportReason,
ethnicity, setting, unpaidCarer, hospitalDischarge, safeguardingEnquiry, directPayment,
transition, lastAssessed, lastReviewed; yes/no or true/false flags; UTF-8, BOM or not),
or JSON (an array of case records). '-' reads JSON from stdin.

Options:
  --seed SEED            Seed of the draw (required; record it to reproduce the sample)
  --size N               Sample size (default 50)
  --shortlist N          Shortlist size (default 10)
  --engage N             People to engage (default 6)
  --as-of YYYY-MM-DD     Date "recently assessed or reviewed" is measured from
  --reject-invalid       Fail on any invalid record (default: skip it and report it)
  --json                 Machine-readable output
  -h, --help             This help
`;

const FLAG_VALUES: Readonly<Record<string, boolean>> = { true: true, yes: true, y: true, '1': true, false: false, no: false, n: false, '0': false };

/** CSV cells are text: turn the numeric and yes/no columns into the record's types, leaving anything unreadable for validation to report. */
function fromCsvRow(row: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row };
  if (row['age'] !== undefined && /^\d+$/.test(row['age'])) out['age'] = Number(row['age']);
  for (const flag of CASE_FLAGS) {
    const cell = row[flag];
    if (cell !== undefined) out[flag] = FLAG_VALUES[cell.toLowerCase()] ?? cell;
  }
  return out;
}

function count(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number; got ${value}`);
  return Number(value);
}

/**
 * The rows, passed through a running count on a terminal's stderr for long inputs; the
 * array itself otherwise (the library reads an array faster than a generator).
 */
function withProgress<T>(rows: readonly T[], io: CliIo): Iterable<T> {
  return io.stderrIsTTY && rows.length >= 50_000 ? counting(rows, io) : rows;
}

function* counting<T>(rows: readonly T[], io: CliIo): Generator<T> {
  for (let i = 0; i < rows.length; i++) {
    if (i % 50_000 === 0) io.stderr(`\rselecting: ${i.toLocaleString('en-GB')} of ${rows.length.toLocaleString('en-GB')} records read`);
    yield rows[i]!;
  }
  io.stderr('\r\x1b[K');
}

export function sampleCommand(argv: readonly string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      size: { type: 'string' },
      shortlist: { type: 'string' },
      engage: { type: 'string' },
      'as-of': { type: 'string' },
      'reject-invalid': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(sampleHelp);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give one cases file (CSV or JSON, or - for JSON on stdin)');
  if (values.seed === undefined) throw new UsageError('--seed is required: the sample is reproducible from it');
  const file = positionals[0]!;
  const csv = /\.csv$/i.test(file);
  const rows: unknown[] = csv ? readCsv(file, io).map(fromCsvRow) : (readJson(file, io) as unknown[]);
  if (!Array.isArray(rows)) throw new InputError(`${file}: expected an array of case records`);
  const where = (position: number) => (csv ? `line ${position + 2}` : `item ${position + 1}`);
  const size = count(values.size, '--size');
  const shortlistSize = count(values.shortlist, '--shortlist');
  const engageSize = count(values.engage, '--engage');
  let result;
  try {
    result = safeSelectCaseSample(withProgress(rows, io), {
      seed: values.seed,
      criteria: defaultCaseCriteria(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
      onInvalid: values['reject-invalid'] ? 'reject' : 'skip',
      ...(size !== undefined && { size }),
      ...(shortlistSize !== undefined && { shortlistSize }),
      ...(engageSize !== undefined && { engageSize }),
    });
  } catch (error) {
    // Options are checked as programmer errors by the library; here they came from the user.
    if (error instanceof RangeError || error instanceof TypeError) throw new UsageError(error.message);
    throw error;
  }
  if (!result.success) {
    throw new InputError(result.issues.map((i) => `${file}: ${typeof (i as { position?: unknown }).position === 'number' ? `${where((i as unknown as { position: number }).position)}: ` : ''}${i.message}`).join('\n'));
  }
  const s = result.data;
  for (const p of s.problems) io.stderr(`${file}: ${where(p.position)}${p.id !== undefined ? ` (id ${p.id})` : ''}: ${p.message} — skipped\n`);
  if (s.suppressedProblems > 0) io.stderr(`${file}: … and ${s.suppressedProblems} more invalid records skipped\n`);
  for (const d of s.duplicates) io.stderr(`${file}: id ${d.id} appears at ${d.positions.map(where).join(', ')} — left out\n`);
  if (values.json) {
    io.stdout(`${JSON.stringify(s, null, 2)}\n`);
    return 0;
  }
  const people = (list: readonly SelectedCase[]) => list.map((c, i) => [i + 1, c.id, where(c.position), c.satisfies.join(', ')]);
  io.stdout(`Sample of ${s.sample.length} from ${s.population.toLocaleString('en-GB')} valid records (${s.recordsRead.toLocaleString('en-GB')} read), seed "${s.seed}", criteria ${s.criteria.id} (${s.criteria.status})\n\n`);
  io.stdout(`Engage:\n${formatTable(['#', 'Case id', 'Where', 'Quotas satisfied'], people(s.engage))}\n`);
  io.stdout(`Reserves, in order:\n${formatTable(['#', 'Case id', 'Where', 'Quotas satisfied'], people(s.reserves))}\n`);
  io.stdout(`Coverage:\n${formatTable(['Quota', 'Population', 'Target', 'Selected', 'Shortlisted', 'Engaged'], s.coverage.map((c) => [c.quota, c.population, c.target, c.selected, c.shortlisted, c.engaged]))}`);
  if (s.shortfalls.length > 0) {
    io.stdout(`\nShortfalls:\n${formatTable(['Quota', 'Target', 'Selected', 'Missing', 'Why'], s.shortfalls.map((f) => [f.quota, f.target, f.selected, f.missing, f.reason]))}`);
  }
  return 0;
}
