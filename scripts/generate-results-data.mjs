// Generates src/results/data.ts from data/cqc_la_assessments.csv (CQC's published local
// authority assessment results; columns described in data/README.md and docs/results.md).
// Run: node scripts/generate-results-data.mjs   (test/results/data.test.ts checks the
// committed file is what this script produces, so edit the CSV, then re-run it.)
// Nothing is inferred: an empty cell stays absent (County Durham's blank rating stays blank).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const ROOT = new URL('../', import.meta.url);
// The nine ids in framework order, read from their one home (src/framework/quality-statements.ts).
const QS_IDS = [
  ...readFileSync(new URL('src/framework/quality-statements.ts', ROOT), 'utf8')
    .match(/QUALITY_STATEMENT_IDS = \[([^\]]*)\]/)[1]
    .matchAll(/'([a-z-]+)'/g),
].map((m) => m[1]);
if (QS_IDS.length !== 9) throw new Error(`expected 9 quality statement ids, read ${QS_IDS.length}`);
const RATINGS = {
  Inadequate: 'inadequate',
  'Requires improvement': 'requires-improvement',
  Good: 'good',
  Outstanding: 'outstanding',
};
const CONFIDENCE = ['low', 'medium', 'high'];
// The vintage (data/README.md, "CQC local authority assessment results"): the 72-record
// scrape of 3 Oct 2025 is believed complete; Norfolk was added in Dec 2026.
const COMPLETE_UP_TO = '2025-10-03';
const COMPILED = '2026-12';

function read(name) {
  return parse(readFileSync(new URL(`data/${name}`, ROOT), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
}

function kindOf(text, where) {
  if (text.startsWith('pilot')) return 'pilot';
  if (/formal assessment/.test(text)) return 'formal';
  throw new Error(`${where}: unknown assessment_type ${JSON.stringify(text)}`);
}

function resultOf(r) {
  const where = `cqc_la_assessments.csv ${r.ons_code} ${r.report_slug}`;
  if (!/^E(06|08|09|10)\d{6}$/.test(r.ons_code))
    throw new Error(`${where}: not a council ONS code`);
  const published = r.publication_date || r.publication_month || undefined;
  if (r.publication_date && !r.publication_date.startsWith(r.publication_month))
    throw new Error(`${where}: date and month disagree`);
  if (published !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(published))
    throw new Error(`${where}: bad date ${published}`);
  let rating;
  if (r.overall_rating) {
    rating = RATINGS[r.overall_rating];
    if (!rating) throw new Error(`${where}: unknown rating ${r.overall_rating}`);
  }
  const scores = {};
  QS_IDS.forEach((id, i) => {
    const cell = r[`qs${i + 1}`];
    if (!cell) return;
    const score = Number(cell);
    if (![1, 2, 3, 4].includes(score)) throw new Error(`${where}: qs${i + 1} is ${cell}`);
    scores[id] = score;
  });
  const known = Object.values(scores);
  if (known.length === 9 && Number(r.qs_total) !== known.reduce((a, b) => a + b, 0))
    throw new Error(`${where}: qs_total is not the sum`);
  if (!CONFIDENCE.includes(r.confidence))
    throw new Error(`${where}: unknown confidence ${r.confidence}`);
  if (!r.source) throw new Error(`${where}: no source`);
  return {
    council: r.ons_code,
    kind: kindOf(r.assessment_type, where),
    ...(published !== undefined ? { published } : {}),
    ...(rating ? { rating } : {}),
    scores,
    ...(r.published_overall_pct ? { publishedPercentage: Number(r.published_overall_pct) } : {}),
    ...(r.report_url ? { reportUrl: r.report_url } : {}),
    source: r.source,
    confidence: r.confidence,
    ...(r.notes ? { note: r.notes } : {}),
  };
}

const KIND_ORDER = { pilot: 0, formal: 1 };

/** The source text of src/results/data.ts. */
export function generateResultsData() {
  const results = read('cqc_la_assessments.csv')
    .map(resultOf)
    .sort((a, b) =>
      a.council === b.council
        ? KIND_ORDER[a.kind] - KIND_ORDER[b.kind]
        : a.council < b.council
          ? -1
          : 1,
    );
  const councils = read('la.csv').map((r) => r.ons_code);
  const keys = new Set();
  for (const r of results) {
    if (!councils.includes(r.council))
      throw new Error(`cqc_la_assessments.csv: ${r.council} is not in la.csv`);
    const key = `${r.council} ${r.kind}`;
    if (keys.has(key))
      throw new Error(`cqc_la_assessments.csv: two ${r.kind} results for ${r.council}`);
    keys.add(key);
  }
  const formal = results.filter((r) => r.kind === 'formal');
  const formalCodes = new Set(formal.map((r) => r.council));
  const coverage = {
    councils: councils.length,
    withFormalResult: formalCodes.size,
    withFormalRating: formal.filter((r) => r.rating).length,
    withAllNineScores: formal.filter((r) => Object.keys(r.scores).length === 9).length,
    pilots: results.length - formal.length,
    formalByConfidence: Object.fromEntries(
      CONFIDENCE.map((c) => [c, formal.filter((r) => r.confidence === c).length]),
    ),
    withoutFormalResult: councils.filter((c) => !formalCodes.has(c)).sort(),
  };
  const months = results
    .map((r) => r.published?.slice(0, 7))
    .filter((m) => m && m.length === 7)
    .sort();
  const asOf = {
    latestPublication: months.at(-1),
    completeUpTo: COMPLETE_UP_TO,
    compiled: COMPILED,
  };
  // Sources repeat (72 rows share one scrape): each is written once and referenced by index.
  const sources = [...new Set(results.map((r) => r.source))];
  const rows = results
    .map(({ source, ...rest }) => `  row(${sources.indexOf(source)}, ${JSON.stringify(rest)}),`)
    .join('\n');
  return `// GENERATED by scripts/generate-results-data.mjs from data/cqc_la_assessments.csv.
// Do not edit by hand: edit the CSV and re-run the script.
import { deepFreeze } from '../internal/deep-freeze.js';
import type { PublishedResult, ResultsAsOf, ResultsCoverage } from './model.js';

const SOURCES: readonly string[] = [
${sources.map((s) => `  ${JSON.stringify(s)},`).join('\n')}
];

function row(source: number, fields: Omit<PublishedResult, 'source'>): PublishedResult {
  return { ...fields, source: SOURCES[source]! };
}

/**
 * CQC's published local authority assessment results as far as they were found: ${results.length} rows
 * (${coverage.pilots} pilots with indicative ratings, ${formal.length} formal results, ${coverage.withAllNineScores} of them with all nine scores),
 * sorted by council code, pilot before formal. Each row names its source and a confidence.
 * Incomplete: ${coverage.withoutFormalResult.length} councils have no formal result here (see {@link RESULTS_COVERAGE}).
 *
 * @example
 * \`\`\`ts
 * import { PUBLISHED_RESULTS } from 'la-assurance/results';
 *
 * const camden = PUBLISHED_RESULTS.find((r) => r.council === 'E09000007');
 * camden?.rating;              // 'outstanding'
 * camden?.publishedPercentage; // 89
 * \`\`\`
 */
export const PUBLISHED_RESULTS: readonly PublishedResult[] = /* @__PURE__ */ deepFreeze([
${rows}
]);

/**
 * The vintage of {@link PUBLISHED_RESULTS}: formal results believed complete up to
 * ${COMPLETE_UP_TO}, partial after; latest publication month ${asOf.latestPublication}; last added to ${COMPILED}.
 *
 * @example
 * \`\`\`ts
 * import { RESULTS_AS_OF } from 'la-assurance/results';
 *
 * RESULTS_AS_OF.completeUpTo; // '${COMPLETE_UP_TO}'
 * \`\`\`
 */
export const RESULTS_AS_OF: ResultsAsOf = /* @__PURE__ */ deepFreeze(${JSON.stringify(asOf)});

/**
 * How much of England {@link PUBLISHED_RESULTS} covers (what \`resultsCoverage(PUBLISHED_RESULTS)\` returns).
 *
 * @example
 * \`\`\`ts
 * import { RESULTS_COVERAGE } from 'la-assurance/results';
 *
 * RESULTS_COVERAGE.withFormalResult; // ${coverage.withFormalResult} (of ${coverage.councils})
 * RESULTS_COVERAGE.withAllNineScores;  // ${coverage.withAllNineScores}
 * \`\`\`
 */
export const RESULTS_COVERAGE: ResultsCoverage = /* @__PURE__ */ deepFreeze(${JSON.stringify(coverage)});
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('src/results/data.ts', ROOT), generateResultsData());
  console.log('wrote src/results/data.ts');
}
