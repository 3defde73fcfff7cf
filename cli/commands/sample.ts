import { parseArgs } from 'node:util';
import { casePopulationFromClientLevelData } from 'la-assurance/client-level-data';
import {
  defaultCaseCriteria,
  safeSelectCaseSample,
  type CaseRecord,
  type CaseSample,
  type SelectedCase,
} from 'la-assurance/case-tracking';
import {
  INTAKE_HELP,
  INTAKE_OPTIONS,
  LineIndex,
  dryRun,
  openCaseRows,
  reportHeader,
  reportIntake,
} from '../case-rows.js';
import { throwIfUnreadable } from '../csv-stream.js';
import { twelveMonthsEnding } from './cld.js';
import { cldIntakeValues, dryRunClientLevelData, readClientLevelData } from '../cld-rows.js';
import {
  InputError,
  UsageError,
  csvLine,
  formatTable,
  printable,
  readJson,
  type CliIo,
} from '../io.js';

export const sampleHelp = `Usage: la-assurance sample <cases.csv | cases.json | -> --seed SEED [options]
       la-assurance sample --cld <cld.csv> --as-of YYYY-MM-DD --seed SEED [options]

Selects the case-tracking sample (50 → shortlist 10 → engage 6) reproducibly: the same
records and seed give the same sample in any row order. The default criteria are modelled.

Input: a CSV as your case-management system exports it, read as a stream (any size):
a header row naming the columns (id, age or ageBand, primarySupportReason, ethnicity,
setting, unpaidCarer, hospitalDischarge, safeguardingEnquiry, directPayment, transition,
lastAssessed, lastReviewed — or their usual headings, e.g. "Person ID", "Primary Support
Reason", or your own headings named in --map); published labels (R1 or R2 spellings),
Y/N, Yes/No, true/false or 1/0 flags; UTF-8 with or without BOM, or --encoding latin1.
Or JSON (an array of case records); '-' reads JSON from stdin.
Or, with --cld, a Client Level Data file: checked and prepared as \`la-assurance cld\` does,
then one case record per person supported in the year ending --as-of (a modelled mapping,
see docs/client-level-data.md); --map, --date-format and --dry-run then read the CLD file
as \`la-assurance cld\` does (a mapping of CLD field database names).

Exit codes: 0 the sample was drawn from valid input; 1 rows were rejected, ids duplicated,
or nothing could be sampled (the sample is still printed when one was drawn); 2 usage
or unreadable input.

Options:
  --seed SEED            Seed of the draw (required; record it to reproduce the sample)
  --size N               Sample size (default 50)
  --shortlist N          Shortlist size (default 10)
  --engage N             People to engage (default 6)
  --as-of YYYY-MM-DD     Date "recently assessed or reviewed" is measured from
  --reject-invalid       Draw nothing if any row is rejected or any id duplicated
  --cld FILE             Draw from a CLD file (needs --as-of)
  --period-start DATE    With --cld: the period prepared (default: the 12 months ending
  --period-end DATE        --as-of)
${INTAKE_HELP}
  --json                 Machine-readable output (the sample, each case with its line)
  --csv                  The sampled cases as CSV: role, order, id, line, selectedFor, satisfies
  -h, --help             This help
`;

function count(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number; got ${value}`);
  return Number(value);
}

export function sampleCommand(argv: readonly string[], io: CliIo): number | Promise<number> {
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
      cld: { type: 'string' },
      'period-start': { type: 'string' },
      'period-end': { type: 'string' },
      ...INTAKE_OPTIONS,
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(sampleHelp);
    return 0;
  }
  const cld = values.cld;
  if (cld === undefined && positionals.length !== 1)
    throw new UsageError('give one cases file (CSV or JSON, or - for JSON on stdin)');
  if (cld !== undefined && positionals.length !== 0)
    throw new UsageError('give either --cld FILE or a cases file, not both');
  if (
    cld === undefined &&
    (values['period-start'] !== undefined || values['period-end'] !== undefined)
  )
    throw new UsageError('--period-start and --period-end go with --cld');
  if (values.seed === undefined)
    throw new UsageError('--seed is required: the sample is reproducible from it');
  if (values.json && values.csv) throw new UsageError('give --json or --csv, not both');
  const file = cld ?? positionals[0]!;
  const size = count(values.size, '--size');
  const shortlistSize = count(values.shortlist, '--shortlist');
  const engageSize = count(values.engage, '--engage');
  let criteria;
  try {
    criteria = defaultCaseCriteria(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {});
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  const options = {
    seed: values.seed,
    criteria,
    onInvalid: values['reject-invalid'] ? ('reject' as const) : ('skip' as const),
    ...(size !== undefined && { size }),
    ...(shortlistSize !== undefined && { shortlistSize }),
    ...(engageSize !== undefined && { engageSize }),
  };
  const draw = (records: Iterable<unknown>) => {
    try {
      return safeSelectCaseSample(records, options);
    } catch (error) {
      // Options are checked as programmer errors by the library; here they came from the user.
      if (error instanceof RangeError || error instanceof TypeError)
        throw new UsageError(error.message);
      throw error;
    }
  };
  if (cld !== undefined) return sampleFromCld(cld, values, draw, io);
  if (!/\.csv$/i.test(file)) {
    if (values['dry-run']) throw new UsageError('--dry-run reads a CSV export; this file is JSON');
    const rows = readJson(file, io);
    if (!Array.isArray(rows)) throw new InputError(`${file}: expected an array of case records`);
    return finish(file, draw(rows), (p) => `item ${p + 1}`, undefined, values, io);
  }

  // A CSV export: streamed through the intake into the draw, one row at a time.
  const rows = openCaseRows(
    file,
    values,
    io,
    values['as-of'] !== undefined ? ['lastAssessed', 'lastReviewed'] : [],
  );
  if (values['dry-run']) return dryRun(file, rows, io);
  reportHeader(file, rows, io, false);
  const lines = new LineIndex();
  const kept = function* (): Generator<CaseRecord> {
    for (const row of rows.input) {
      const record = rows.intake.row(row.record, row.line);
      if (record !== undefined) {
        lines.push(row.line);
        yield record;
      }
    }
  };
  const result = draw(kept());
  // The library reports a throwing iterator as an unreadable list; the reader's own error
  // (not UTF-8, a quote never closed, …) is reported as such (exit 2).
  throwIfUnreadable(rows.input);
  const summary = rows.intake.summary();
  reportIntake(file, summary, rows.input.counts(), io);
  if (summary.rowsRead === 0) {
    io.stderr(`${printable(file)}: no data rows after the header: nothing to sample\n`);
    return 1;
  }
  if (summary.rowsKept === 0) {
    io.stderr(
      `${printable(file)}: all ${summary.rowsRead.toLocaleString('en-GB')} rows were rejected: nothing to sample (the issues above say why${summary.issues.length > 0 ? `; the first: ${printable(summary.issues[0]!.message)}` : ''})\n`,
    );
    return 1;
  }
  if (values['reject-invalid'] && summary.rowsRejected > 0) {
    io.stderr(
      `${printable(file)}: ${summary.rowsRejected.toLocaleString('en-GB')} rows rejected and --reject-invalid given: no sample drawn\n`,
    );
    return 1;
  }
  const status = finish(file, result, (p) => `line ${lines.at(p)}`, lines, values, io);
  if (status === 0 && summary.rowsRejected > 0) {
    io.stderr(
      `${printable(file)}: exit 1 because ${summary.rowsRejected.toLocaleString('en-GB')} row${summary.rowsRejected === 1 ? ' was' : 's were'} rejected (the sample was drawn from the ${summary.rowsKept.toLocaleString('en-GB')} rows kept); correct them or fix the mapping and run again\n`,
    );
    return 1;
  }
  return status;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `--cld`: check and prepare the CLD file, map each person to a case record (modelled), draw. */
async function sampleFromCld(
  file: string,
  values: Values & {
    readonly 'as-of'?: string | undefined;
    readonly 'period-start'?: string | undefined;
    readonly 'period-end'?: string | undefined;
    readonly map?: string | undefined;
    readonly 'date-format'?: string | undefined;
    readonly 'dry-run'?: boolean | undefined;
    readonly 'excel-dates'?: boolean | undefined;
  },
  draw: (records: Iterable<unknown>) => ReturnType<typeof safeSelectCaseSample>,
  io: CliIo,
): Promise<number> {
  const asOf = values['as-of'];
  if (asOf === undefined)
    throw new UsageError('--cld needs --as-of YYYY-MM-DD: the day the case population is taken');
  if (values['excel-dates'])
    throw new UsageError(
      '--excel-dates is for case exports; a CLD file writes dates as text (see --date-format)',
    );
  const periodEnd = values['period-end'] ?? asOf;
  const periodStart = values['period-start'] ?? twelveMonthsEnding(periodEnd);
  for (const [flag, d] of [
    ['--period-start', periodStart],
    ['--period-end', periodEnd],
  ] as const)
    if (!ISO_DATE.test(d)) throw new UsageError(`${flag} must be a date YYYY-MM-DD; got ${d}`);
  if (periodEnd < periodStart) throw new UsageError('--period-end is before --period-start');
  const intake = cldIntakeValues(values, io);
  if (values['dry-run']) return dryRunClientLevelData(file, { ...intake, maxIssues: 20 }, io);
  const read = await readClientLevelData(
    file,
    { ...intake, periodStart, periodEnd, mode: 'single', maxIssues: 20 },
    io,
  );
  if (typeof read === 'number') return read;
  const { checked, prepared } = read;
  const f = printable(file);
  const { account } = checked;
  io.stderr(
    `${f}: CLD rows read ${account.read.toLocaleString('en-GB')}: kept ${(account.kept + account.keptWithMapping).toLocaleString('en-GB')}, rejected ${account.rejected.toLocaleString('en-GB')}${account.rejected > 0 ? ' (la-assurance cld lists why)' : ''}\n`,
  );
  if (!prepared.success) {
    for (const issue of prepared.issues)
      io.stderr(`la-assurance sample: ${printable(issue.message)}\n`);
    return 1;
  }
  const population = casePopulationFromClientLevelData(prepared.data, { asOf });
  io.stderr(
    `${f}: ${population.records.length.toLocaleString('en-GB')} people supported in the year ending ${asOf} (modelled mapping), ${population.excluded.length.toLocaleString('en-GB')} left out\n`,
  );
  if (population.records.length === 0) {
    io.stderr(
      `${f}: nobody in the CLD file was supported in the year ending ${asOf}: nothing to sample\n`,
    );
    return 1;
  }
  if (values['reject-invalid'] && account.rejected > 0) {
    io.stderr(
      `${f}: ${account.rejected.toLocaleString('en-GB')} rows rejected and --reject-invalid given: no sample drawn\n`,
    );
    return 1;
  }
  const status = finish(
    file,
    draw(population.records),
    (p) => `person ${p + 1}`,
    undefined,
    values,
    io,
  );
  if (status === 0 && account.rejected > 0) {
    io.stderr(
      `${f}: exit 1 because ${account.rejected.toLocaleString('en-GB')} CLD rows were rejected (the sample was drawn from the rest)\n`,
    );
    return 1;
  }
  return status;
}

type Values = {
  readonly json?: boolean | undefined;
  readonly csv?: boolean | undefined;
  readonly 'reject-invalid'?: boolean | undefined;
};

/** Reports the library's result; the exit code (1 when the data left nothing to sample or ids were duplicated). */
function finish(
  file: string,
  result: ReturnType<typeof safeSelectCaseSample>,
  where: (position: number) => string,
  lines: LineIndex | undefined,
  values: Values,
  io: CliIo,
): number {
  const f = printable(file);
  if (!result.success) {
    throw new InputError(
      result.issues
        .map(
          (i) =>
            `${f}: ${typeof (i as { position?: unknown }).position === 'number' ? `${where((i as unknown as { position: number }).position)}: ` : ''}${printable(i.message)}`,
        )
        .join('\n'),
    );
  }
  const s = result.data;
  // Duplicated ids are reported once each, below, by line.
  for (const p of s.problems)
    if (p.code !== 'duplicate-case-id' || lines === undefined)
      io.stderr(
        `${f}: ${where(p.position)}${p.id !== undefined ? ` (id ${printable(p.id)})` : ''}: ${printable(p.message)} — skipped\n`,
      );
  if (s.suppressedProblems > 0)
    io.stderr(`${f}: … and ${s.suppressedProblems} more invalid records skipped\n`);
  for (const d of s.duplicates)
    io.stderr(
      `${f}: id ${printable(d.id)} appears at ${d.positions.map(where).join(', ')} — all left out\n`,
    );
  const withLine = (c: SelectedCase) =>
    lines === undefined ? c : { ...c, line: lines.at(c.position) };
  if (values.json) {
    const out: CaseSample | Record<string, unknown> =
      lines === undefined
        ? s
        : {
            ...s,
            sample: s.sample.map(withLine),
            shortlist: s.shortlist.map(withLine),
            engage: s.engage.map(withLine),
            reserves: s.reserves.map(withLine),
            duplicates: s.duplicates.map((d) => ({
              ...d,
              lines: d.positions.map((p) => lines.at(p)),
            })),
          };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else if (values.csv) {
    const engaged = new Set(s.engage.map((c) => c.position));
    const reserve = new Set(s.reserves.map((c) => c.position));
    io.stdout(csvLine(['role', 'order', 'id', 'line', 'selectedFor', 'satisfies']));
    s.sample.forEach((c, i) => {
      const role = engaged.has(c.position)
        ? 'engage'
        : reserve.has(c.position)
          ? 'reserve'
          : 'sample';
      io.stdout(
        csvLine([
          role,
          i + 1,
          c.id,
          lines === undefined ? '' : lines.at(c.position),
          c.selectedFor,
          c.satisfies.join(' '),
        ]),
      );
    });
  } else {
    const people = (list: readonly SelectedCase[]) =>
      list.map((c, i) => [i + 1, printable(c.id), where(c.position), c.satisfies.join(', ')]);
    io.stdout(
      `Sample of ${s.sample.length} from ${s.population.toLocaleString('en-GB')} valid records (${s.recordsRead.toLocaleString('en-GB')} read), seed "${printable(s.seed)}", criteria ${s.criteria.id} (${s.criteria.status})\n\n`,
    );
    io.stdout(
      `Engage:\n${formatTable(['#', 'Case id', 'Where', 'Quotas satisfied'], people(s.engage))}\n`,
    );
    io.stdout(
      `Reserves, in order:\n${formatTable(['#', 'Case id', 'Where', 'Quotas satisfied'], people(s.reserves))}\n`,
    );
    io.stdout(
      `Coverage:\n${formatTable(
        ['Quota', 'Population', 'Target', 'Selected', 'Shortlisted', 'Engaged'],
        s.coverage.map((c) => [
          c.quota,
          c.population,
          c.target,
          c.selected,
          c.shortlisted,
          c.engaged,
        ]),
      )}`,
    );
    if (s.shortfalls.length > 0) {
      io.stdout(
        `\nShortfalls:\n${formatTable(
          ['Quota', 'Target', 'Selected', 'Missing', 'Why'],
          s.shortfalls.map((f) => [f.quota, f.target, f.selected, f.missing, f.reason]),
        )}`,
      );
    }
  }
  if (s.sample.length === 0) {
    io.stderr(
      `${f}: the sample is empty: ${s.recordsRead === 0 ? 'the input has no records' : `none of the ${s.recordsRead.toLocaleString('en-GB')} records could be sampled (invalid or duplicated ids)`}\n`,
    );
    return 1;
  }
  if (s.duplicates.length > 0 || s.problems.length > 0 || s.suppressedProblems > 0) {
    io.stderr(
      `${f}: exit 1 because records were left out (invalid or duplicated ids); the sample was drawn from the rest\n`,
    );
    return 1;
  }
  return 0;
}
