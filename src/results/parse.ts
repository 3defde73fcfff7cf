import { COUNCILS } from '../councils/data.js';
import { LaAssuranceError, type ValidationIssue, type ValidationResult } from '../errors/index.js';
import { QUALITY_STATEMENT_IDS } from '../framework/quality-statements.js';
import { RATING_BANDS } from '../scoring/ratings.js';
import type { PublishedResult } from './model.js';
import { PublishedResultsSchema } from './schemas.js';

/** Stable codes of the issues {@link safeParseResults} returns. */
export type ResultsParseIssueCode = 'invalid-result' | 'unknown-council' | 'duplicate-result';

type Issue = ValidationIssue<ResultsParseIssueCode>;

const COUNCIL_CODES: ReadonlySet<string> = /* @__PURE__ */ new Set(COUNCILS.map((c) => c.code));

/**
 * Reads a results table from untrusted data (your own scrape, a JSON file, rows converted
 * from a CSV with {@link resultsFromCsvRows}) without throwing: an array of
 * {@link PublishedResult} rows. Every row is checked: its shape, that its council code is one
 * of the 153 councils, and that no council has two results of the same kind (combine tables
 * with {@link mergeResults}, which says what a later row replaces). Returns a frozen copy.
 *
 * @example
 * ```ts
 * import { safeParseResults } from 'la-assurance/results';
 *
 * const r = safeParseResults([{ council: 'E06000014', kind: 'formal', rating: 'requires-improvement', scores: {}, source: 'my scrape', confidence: 'high' }]);
 * r.success; // true
 * const bad = safeParseResults([{ council: 'E06009999', kind: 'formal', scores: {}, source: 's', confidence: 'high' }]);
 * !bad.success && bad.issues[0]?.code; // 'unknown-council'
 * ```
 */
export function safeParseResults(
  input: unknown,
): ValidationResult<readonly PublishedResult[], ResultsParseIssueCode> {
  const shape = PublishedResultsSchema.safeParse(input);
  if (!shape.success) {
    const issues = shape.error.issues.map((i): Issue => {
      const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      return {
        code: 'invalid-result',
        path,
        message: `results${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}: ${i.message}`,
      };
    });
    return { success: false, issues };
  }
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  shape.data.forEach((row, i) => {
    if (!COUNCIL_CODES.has(row.council)) {
      issues.push({
        code: 'unknown-council',
        path: [i, 'council'],
        message: `results[${i}].council: ${row.council} is not one of the 153 councils with adult social services responsibilities`,
      });
    }
    const key = `${row.council} ${row.kind}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({
        code: 'duplicate-result',
        path: [i],
        message: `results[${i}]: a second ${row.kind} result for ${row.council} (first at results[${earlier}]); put the newer row in a second table and combine them with mergeResults`,
      });
    } else seen.set(key, i);
  });
  if (issues.length > 0) return { success: false, issues };
  return {
    success: true,
    data: Object.freeze(
      shape.data.map((row) => Object.freeze({ ...row, scores: Object.freeze({ ...row.scores }) })),
    ),
  };
}

/**
 * {@link safeParseResults} that throws `LaAssuranceError` (code `'invalid-results'`) with every issue.
 *
 * @example
 * ```ts
 * import { parseResults, PUBLISHED_RESULTS } from 'la-assurance/results';
 *
 * const table = parseResults(JSON.parse(JSON.stringify(PUBLISHED_RESULTS)));
 * table.length === PUBLISHED_RESULTS.length; // true
 * ```
 */
export function parseResults(input: unknown): readonly PublishedResult[] {
  const r = safeParseResults(input);
  if (!r.success)
    throw new LaAssuranceError('invalid-results', r.issues, 'Cannot read the results table:');
  return r.data;
}

// CQC's wording of ratings, as the CSV columns hold them.
const RATING_BY_LABEL: ReadonlyMap<string, string> = /* @__PURE__ */ new Map(
  RATING_BANDS.map((b) => [b.label.toLowerCase(), b.rating]),
);

function kindOf(text: string): string {
  if (/^pilot/i.test(text)) return 'pilot';
  if (/formal/i.test(text)) return 'formal';
  return text;
}

/**
 * Reads rows in the column layout of the shipped `cqc_la_assessments.csv` (`ons_code`,
 * `assessment_type`, `publication_month`, `publication_date`, `overall_rating`, `qs1`…`qs9`,
 * `published_overall_pct`, `report_url`, `source`, `confidence`, `notes`; other columns are
 * ignored, empty cells are absent) and validates them with {@link safeParseResults}. Parse
 * the CSV text with any CSV reader that gives one object per row keyed by header.
 *
 * @example
 * ```ts
 * import { resultsFromCsvRows } from 'la-assurance/results';
 *
 * const r = resultsFromCsvRows([{ ons_code: 'E06000014', assessment_type: 'initial formal assessment',
 *   publication_date: '2025-12-05', overall_rating: 'Requires improvement', qs1: '1', source: 'CQC', confidence: 'high' }]);
 * r.success && r.data[0]?.scores; // { 'assessing-needs': 1 }
 * ```
 */
export function resultsFromCsvRows(
  rows: readonly Readonly<Record<string, string | undefined>>[],
): ValidationResult<readonly PublishedResult[], ResultsParseIssueCode> {
  const cell = (
    row: Readonly<Record<string, string | undefined>>,
    column: string,
  ): string | undefined => {
    const text = row[column]?.trim();
    return text ? text : undefined;
  };
  const converted = rows.map((row) => {
    const scores: Record<string, unknown> = {};
    QUALITY_STATEMENT_IDS.forEach((id, i) => {
      const text = cell(row, `qs${i + 1}`);
      if (text !== undefined) scores[id] = /^\d+$/.test(text) ? Number(text) : text;
    });
    const rating = cell(row, 'overall_rating');
    const percentage = cell(row, 'published_overall_pct');
    const out: Record<string, unknown> = {
      council: cell(row, 'ons_code'),
      kind: kindOf(cell(row, 'assessment_type') ?? ''),
      published: cell(row, 'publication_date') ?? cell(row, 'publication_month'),
      rating:
        rating === undefined ? undefined : (RATING_BY_LABEL.get(rating.toLowerCase()) ?? rating),
      scores,
      publishedPercentage:
        percentage === undefined
          ? undefined
          : /^\d+(\.\d+)?$/.test(percentage)
            ? Number(percentage)
            : percentage,
      reportUrl: cell(row, 'report_url'),
      source: cell(row, 'source'),
      confidence: cell(row, 'confidence'),
      note: cell(row, 'notes'),
    };
    for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
    return out;
  });
  return safeParseResults(converted);
}
