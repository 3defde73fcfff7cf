import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  COUNCIL_TYPES,
  REGIONS,
  REGION_NAMES,
  resolveCouncil,
  type CouncilType,
  type Region,
} from 'la-assurance/councils';
import { QUALITY_STATEMENTS } from 'la-assurance/framework';
import {
  CONFIDENCE_LEVELS,
  PUBLISHED_RESULTS,
  RESULTS_AS_OF,
  checkResult,
  compareCouncil,
  compareWithBandAbove,
  comparisonChartSvg,
  heatMapSvg,
  leagueTable,
  mergeResults,
  resultsCoverage,
  resultsFromCsvRows,
  safeParseResults,
  type Confidence,
  type LeagueTableColumn,
  type LeagueTableOptions,
  type LeagueTableRow,
  type PublishedResult,
} from 'la-assurance/results';
import { bandOf, improvementsToNextRating } from 'la-assurance/scoring';
import { openCsv } from '../csv-stream.js';
import { InputError, UsageError, formatTable, readJson, type CliIo } from '../io.js';

export const resultsHelp = `Usage: la-assurance results [council] [options]

Without a council: the league table of CQC's published local authority assessment results
(formal results; ${PUBLISHED_RESULTS.length} rows shipped, as of ${RESULTS_AS_OF.latestPublication}; believed complete to
${RESULTS_AS_OF.completeUpTo}, partial after). With a council (name or ONS code): where it stands among
England, its region, its type and its peers, statement by statement.

Filters (league table):
  --region <region>         e.g. london, "South East"
  --type <type>             unitary, metropolitan-district, london-borough, county
  --since <date>            YYYY-MM-DD, YYYY-MM or YYYY (rows dated too loosely are left out and counted)
  --until <date>            YYYY-MM-DD, YYYY-MM or YYYY
  --min-confidence <level>  low (default), medium, high
  --pilots                  include the 2023 pilots (indicative ratings)
  --sort <column>           name, type, region, published, rating, total, percentage (default),
                            publishedPercentage, confidence, or QS1..QS9
  --order asc|desc

Comparison:
  --peers <codes>           comma-separated ONS codes of the peer group (default: same type and region)
  --min-group-size <n>      smallest group given a percentile (default 5)

Data and output:
  --data <file>             a newer table (CSV in the shipped column layout, or JSON rows)
                            merged over the shipped one; every changed value is reported
  --json                    machine-readable output
  --csv                     the league table as CSV
  --svg <file>              write the heat map (league table) or the comparison chart
  --force                   let --svg overwrite an existing file
  -h, --help                this help
`;

function regionOf(text: string): Region {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[^a-z]+/g, '-');
  const found = REGIONS.find(
    (r) => r === key || REGION_NAMES[r].toLowerCase() === text.trim().toLowerCase(),
  );
  if (!found)
    throw new UsageError(`--region: unknown region ${text}; one of ${REGIONS.join(', ')}`);
  return found;
}

function typeOf(text: string): CouncilType {
  const found = COUNCIL_TYPES.find((t) => t === text.trim().toLowerCase());
  if (!found)
    throw new UsageError(
      `--type: unknown council type ${text}; one of ${COUNCIL_TYPES.join(', ')}`,
    );
  return found;
}

function sortColumn(text: string): LeagueTableColumn {
  const qs = /^qs([1-9])$/i.exec(text);
  if (qs) return QUALITY_STATEMENTS[Number(qs[1]) - 1]!.id;
  return text as LeagueTableColumn;
}

/** A results CSV as row objects keyed by heading (cells trimmed; empty cells left out). */
function readCsvObjects(file: string, io: CliIo): Record<string, string>[] {
  const csv = openCsv(file, io, { progress: false });
  const rows: Record<string, string>[] = [];
  try {
    for (const { record } of csv) {
      const row: Record<string, string> = {};
      csv.header.headings.forEach((heading, i) => {
        const cell = record[i]?.trim();
        if (cell) row[heading.trim()] = cell;
      });
      rows.push(row);
    }
  } finally {
    csv.close();
  }
  return rows;
}

function loadTable(file: string, io: CliIo): readonly PublishedResult[] {
  if (/\.csv$/i.test(file)) {
    const parsed = resultsFromCsvRows(readCsvObjects(file, io));
    if (!parsed.success)
      throw new InputError(parsed.issues.map((i) => `${file}: ${i.message}`).join('\n'));
    return parsed.data;
  }
  const input = readJson(file, io);
  const rows =
    typeof input === 'object' && input !== null && !Array.isArray(input) && 'results' in input
      ? (input as { results: unknown }).results
      : input;
  const parsed = safeParseResults(rows);
  if (!parsed.success)
    throw new InputError(parsed.issues.map((i) => `${file}: ${i.message}`).join('\n'));
  return parsed.data;
}

function csvCell(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function leagueCsv(rows: readonly LeagueTableRow[]): string {
  const header = [
    'ons_code',
    'name',
    'type',
    'region',
    'kind',
    'published',
    'rating',
    'qs_total',
    'percentage',
    'published_percentage',
    ...QUALITY_STATEMENTS.map((q) => `qs${q.number}`),
    'confidence',
    'source',
    'report_url',
  ];
  const lines = rows.map((r) =>
    [
      r.council,
      r.name,
      r.type,
      r.region,
      r.kind,
      r.published,
      r.rating && bandOf(r.rating).label,
      r.total,
      r.percentage,
      r.publishedPercentage,
      ...QUALITY_STATEMENTS.map((q) => r.scores[q.id]),
      r.confidence,
      r.source,
      r.reportUrl,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}

function writeSvg(file: string, svg: string, force: boolean): void {
  try {
    writeFileSync(file, svg, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new UsageError(`--svg: ${file} exists; add --force to overwrite it`);
    throw new InputError(`--svg: cannot write ${file} (${code ?? String(error)})`);
  }
}

function fmt(value: number | undefined, digits = 1): string {
  return value === undefined ? '—' : value.toFixed(digits);
}

export function resultsCommand(argv: readonly string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      region: { type: 'string' },
      type: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      'min-confidence': { type: 'string' },
      pilots: { type: 'boolean' },
      sort: { type: 'string' },
      order: { type: 'string' },
      peers: { type: 'string' },
      'min-group-size': { type: 'string' },
      data: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      svg: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(resultsHelp);
    return 0;
  }
  if (values.json && values.csv) throw new UsageError('give --json or --csv, not both');
  const confidence = values['min-confidence'];
  if (confidence !== undefined && !(CONFIDENCE_LEVELS as readonly string[]).includes(confidence)) {
    throw new UsageError(`--min-confidence must be one of ${CONFIDENCE_LEVELS.join(', ')}`);
  }
  let results: readonly PublishedResult[] = PUBLISHED_RESULTS;
  if (values.data !== undefined) {
    const merged = mergeResults(PUBLISHED_RESULTS, loadTable(values.data, io));
    results = merged.results;
    io.stderr(
      `${values.data}: ${merged.added} added, ${merged.replaced} replaced, ${merged.conflicts.length} changed value${merged.conflicts.length === 1 ? '' : 's'}\n`,
    );
    for (const c of merged.conflicts)
      io.stderr(`  ${c.council} ${c.kind} ${c.field}: ${c.before} → ${c.after ?? '(none)'}\n`);
  }
  const options: LeagueTableOptions = {
    ...(values.region !== undefined && { region: regionOf(values.region) }),
    ...(values.type !== undefined && { type: typeOf(values.type) }),
    ...(values.since !== undefined && { since: values.since }),
    ...(values.until !== undefined && { until: values.until }),
    ...(confidence !== undefined && { minConfidence: confidence as Confidence }),
    ...(values.pilots && { kind: 'any' as const }),
    ...(values.sort !== undefined && { sortBy: sortColumn(values.sort) }),
    ...(values.order !== undefined && { order: values.order as 'asc' | 'desc' }),
  };
  try {
    if (positionals.length > 1)
      throw new UsageError('give at most one council (quote names with spaces)');
    return positionals.length === 1
      ? comparison(positionals[0]!, results, values, io)
      : league(results, options, values, io);
  } catch (error) {
    // The library checks options as programmer errors; here they came from the user.
    if (error instanceof RangeError || error instanceof TypeError)
      throw new UsageError(error.message);
    throw error;
  }
}

type Values = {
  json?: boolean;
  csv?: boolean;
  svg?: string;
  force?: boolean;
  peers?: string;
  'min-group-size'?: string;
};

function league(
  results: readonly PublishedResult[],
  options: LeagueTableOptions,
  values: Values,
  io: CliIo,
): number {
  const table = leagueTable(results, options);
  if (values.svg !== undefined)
    writeSvg(values.svg, heatMapSvg(results, options), values.force === true);
  if (values.json) io.stdout(`${JSON.stringify(table, null, 2)}\n`);
  else if (values.csv) io.stdout(leagueCsv(table.rows));
  else {
    const coverage = resultsCoverage(results);
    io.stdout(
      `CQC local authority assessment results: ${table.rows.length} shown. Coverage: ${coverage.withFormalResult} of ${coverage.councils} councils have a formal result, ` +
        `${coverage.withAllNineScores} with all nine scores; believed complete to ${RESULTS_AS_OF.completeUpTo}, partial after.\n\n`,
    );
    io.stdout(
      formatTable(
        [
          'Council',
          'Region',
          'Published',
          'Rating',
          'Total',
          '%',
          'CQC %',
          ...QUALITY_STATEMENTS.map((q) => `QS${q.number}`),
          'Confidence',
        ],
        table.rows.map((r) => [
          r.name,
          REGION_NAMES[r.region],
          r.published ?? '—',
          r.rating ? bandOf(r.rating).label : '—',
          r.total ?? '—',
          r.percentage ?? '—',
          r.publishedPercentage ?? '—',
          ...QUALITY_STATEMENTS.map((q) => r.scores[q.id] ?? '·'),
          r.confidence + (r.kind === 'pilot' ? ' (pilot)' : ''),
        ]),
      ),
    );
    if (table.uncertainDate.length > 0)
      io.stdout(
        `\nLeft out, publication date too imprecise for the date filter: ${table.uncertainDate.join(', ')}\n`,
      );
  }
  if (values.svg !== undefined) io.stderr(`wrote ${values.svg}\n`);
  if (table.rows.length === 0) {
    io.stderr('no results match the filters\n');
    return 1;
  }
  return 0;
}

function comparison(
  name: string,
  results: readonly PublishedResult[],
  values: Values,
  io: CliIo,
): number {
  const found = resolveCouncil(name);
  if (found.status !== 'found') {
    const options = found.candidates.map((c) => `${c.name} (${c.code})`).join(', ');
    throw new InputError(
      found.status === 'ambiguous'
        ? `"${name}" is ambiguous: ${options}`
        : `"${name}" is not a council`,
    );
  }
  const council = found.candidates[0]!;
  const peers = values.peers
    ?.split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const minGroupSize = values['min-group-size'];
  if (minGroupSize !== undefined && !/^\d+$/.test(minGroupSize))
    throw new UsageError(`--min-group-size must be a whole number; got ${minGroupSize}`);
  const compared = compareCouncil(council.code, {
    results,
    ...(peers && { peers }),
    ...(minGroupSize !== undefined && { minGroupSize: Number(minGroupSize) }),
  });
  if (!compared.success) throw new InputError(compared.issues.map((i) => i.message).join('\n'));
  const c = compared.data;
  const above = compareWithBandAbove(council.code, { results });
  const findings = checkResult(c.result);
  const next = improvementsToNextRating(c.score.scores);
  if (values.svg !== undefined) writeSvg(values.svg, comparisonChartSvg(c), values.force === true);
  if (values.json) {
    io.stdout(
      `${JSON.stringify({ comparison: c, bandAbove: above.success ? above.data : undefined, improvementsToNextRating: next, findings }, null, 2)}\n`,
    );
  } else {
    const r = c.result;
    io.stdout(
      `${c.council.name} (${c.council.code}): ${c.score.total} of 36 = ${c.score.roundedPercentage}%, ${c.score.band.label}` +
        `${r.rating && r.rating !== c.score.rating ? ` (published rating: ${bandOf(r.rating).label})` : ''}; published ${r.published ?? 'date unknown'}; confidence ${r.confidence}.\n` +
        `Source: ${r.source}\n\n`,
    );
    io.stdout(
      formatTable(
        ['Group', 'Councils with scores', 'Without scores', 'Rank', 'Percentile'],
        c.groups.map((g) => [
          g.label,
          g.size,
          g.notScored.length,
          `${g.rank} of ${g.size}`,
          g.percentile === undefined ? `— (fewer than ${c.minGroupSize})` : g.percentile.toFixed(0),
        ]),
      ),
    );
    io.stdout('\n');
    io.stdout(
      formatTable(
        ['QS', 'Quality statement', 'Score', ...c.groups.map((g) => `${g.label} mean`)],
        QUALITY_STATEMENTS.map((q, i) => [
          `QS${q.number}`,
          q.name,
          c.groups[0]!.statements[i]!.score,
          ...c.groups.map((g) => fmt(g.statements[i]!.mean)),
        ]),
      ),
    );
    for (const f of findings) io.stdout(`! ${f.message}\n`);
    if (above.success && above.data.nextRating && above.data.statements.length > 0) {
      const a = above.data;
      const label = bandOf(a.nextRating!).label;
      const top = a.statements
        .slice(0, 3)
        .map(
          (s) =>
            `QS${QUALITY_STATEMENTS.findIndex((q) => q.id === s.id) + 1} (${s.higher} of ${a.councilsAbove.length})`,
        );
      io.stdout(
        `\nCompared with the ${a.councilsAbove.length} councils whose scores give ${label}: they most often score higher on ${top.join(', ')}.\n`,
      );
    }
    if (next) io.stdout(`→ ${next.explanation}\n`);
  }
  if (values.svg !== undefined) io.stderr(`wrote ${values.svg}\n`);
  return 0;
}
