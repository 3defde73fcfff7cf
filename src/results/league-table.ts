import type { CouncilType, Region } from '../councils/model.js';
import { QUALITY_STATEMENT_IDS, type QualityStatementId } from '../framework/quality-statements.js';
import type { QualityStatementScores } from '../scoring/assessment-result.js';
import { RATINGS, type Rating } from '../scoring/ratings.js';
import {
  CONFIDENCE_LEVELS,
  type AssessmentKind,
  type Confidence,
  type PublishedResult,
} from './model.js';
import { periodBounds, selectResults, type ResultAnalysisOptions } from './select.js';

/** One row of the league table: a published result joined to its council. */
export interface LeagueTableRow {
  /** ONS code. */
  readonly council: string;
  /** ONS name. */
  readonly name: string;
  /** Council type. */
  readonly type: CouncilType;
  /** ONS region. */
  readonly region: Region;
  /** Pilot or formal. */
  readonly kind: AssessmentKind;
  /** Publication date, month or year, as precisely as known. */
  readonly published: string | undefined;
  /** The published rating, where known. */
  readonly rating: Rating | undefined;
  /** Sum of the nine scores, when all nine are known. */
  readonly total: number | undefined;
  /** total ÷ 36 rounded as `scoreAssessment` rounds it, when all nine are known. */
  readonly percentage: number | undefined;
  /** CQC's percentage where a source quoted one (may differ from `percentage`; see `checkResult`). */
  readonly publishedPercentage: number | undefined;
  /** The scores known. */
  readonly scores: QualityStatementScores;
  /** The row's confidence. */
  readonly confidence: Confidence;
  /** The row's source. */
  readonly source: string;
  /** The CQC report's address, where known. */
  readonly reportUrl: string | undefined;
}

/** Columns the league table sorts by: the row's fields, or a quality statement's score. */
export type LeagueTableColumn =
  | 'name'
  | 'council'
  | 'type'
  | 'region'
  | 'published'
  | 'rating'
  | 'total'
  | 'percentage'
  | 'publishedPercentage'
  | 'confidence'
  | QualityStatementId;

/** Options of {@link leagueTable}: which rows (the filter) and their order. */
export interface LeagueTableOptions extends ResultAnalysisOptions {
  /** Column to sort by. Default `'percentage'`. */
  readonly sortBy?: LeagueTableColumn;
  /** Default `'desc'` for numbers, ratings, dates and confidence; `'asc'` for names, codes, types and regions. */
  readonly order?: 'asc' | 'desc';
}

/** The league table and what it leaves out. */
export interface LeagueTable {
  /** The rows, sorted; rows without a value in the sort column come last, whatever the order; ties by name. */
  readonly rows: readonly LeagueTableRow[];
  /** Councils left out because their publication date is too imprecise (or unknown) for the date filter. */
  readonly uncertainDate: readonly string[];
  /** Codes of rows naming no known council (left out). */
  readonly unknownCouncil: readonly string[];
}

const TEXT_COLUMNS: ReadonlySet<LeagueTableColumn> = new Set(['name', 'council', 'type', 'region']);

function sortKey(row: LeagueTableRow, column: LeagueTableColumn): string | number | undefined {
  switch (column) {
    case 'name':
    case 'council':
    case 'type':
    case 'region':
    case 'total':
    case 'percentage':
    case 'publishedPercentage':
      return row[column];
    case 'published':
      return row.published === undefined ? undefined : periodBounds(row.published)[0];
    case 'rating':
      return row.rating === undefined ? undefined : RATINGS.indexOf(row.rating);
    case 'confidence':
      return CONFIDENCE_LEVELS.indexOf(row.confidence);
    default:
      return row.scores[column];
  }
}

function compareKeys(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number'
    ? a - b
    : String(a).localeCompare(String(b), 'en');
}

/**
 * The league table users ask for: every published result (formal by default) with its
 * council's name, type and region, rating, total and percentage from the nine scores, CQC's
 * quoted percentage, scores, confidence and source; filtered by region, type, date range,
 * confidence and kind, sorted by any column. Nothing is filled in: unknown values stay
 * `undefined` and sort last.
 *
 * @example
 * ```ts
 * import { leagueTable, PUBLISHED_RESULTS } from 'la-assurance/results';
 *
 * const top = leagueTable(PUBLISHED_RESULTS, { sortBy: 'percentage' }).rows[0];
 * top?.percentage; // 89 (Camden and Kensington and Chelsea, 32 of 36)
 * leagueTable(PUBLISHED_RESULTS, { region: 'london', minConfidence: 'high' }).rows.map((r) => r.name); // ['Camden', 'Barnet']
 * ```
 */
export function leagueTable(
  results: readonly PublishedResult[],
  options: LeagueTableOptions = {},
): LeagueTable {
  const column = options.sortBy ?? 'percentage';
  const known = [
    'name',
    'council',
    'type',
    'region',
    'published',
    'rating',
    'total',
    'percentage',
    'publishedPercentage',
    'confidence',
  ];
  if (!known.includes(column) && !(QUALITY_STATEMENT_IDS as readonly string[]).includes(column)) {
    throw new RangeError(`options.sortBy: unknown column ${String(column)}`);
  }
  const order = options.order ?? (TEXT_COLUMNS.has(column) ? 'asc' : 'desc');
  if (order !== 'asc' && order !== 'desc')
    throw new RangeError(`options.order must be asc or desc`);
  const { rows, uncertainDate, unknownCouncil } = selectResults(results, options);
  const table = rows.map(
    ({ result, council, score }): LeagueTableRow =>
      Object.freeze({
        council: council.code,
        name: council.name,
        type: council.type,
        region: council.region,
        kind: result.kind,
        published: result.published,
        rating: result.rating,
        total: score?.total,
        percentage: score?.roundedPercentage,
        publishedPercentage: result.publishedPercentage,
        scores: result.scores,
        confidence: result.confidence,
        source: result.source,
        reportUrl: result.reportUrl,
      }),
  );
  const sign = order === 'asc' ? 1 : -1;
  table.sort((a, b) => {
    const ka = sortKey(a, column);
    const kb = sortKey(b, column);
    if (ka === undefined || kb === undefined) {
      if (ka !== kb) return ka === undefined ? 1 : -1;
    } else {
      const c = compareKeys(ka, kb);
      if (c !== 0) return sign * c;
    }
    return (
      a.name.localeCompare(b.name, 'en') || (a.kind === b.kind ? 0 : a.kind === 'pilot' ? -1 : 1)
    );
  });
  return Object.freeze({
    rows: Object.freeze(table),
    uncertainDate: Object.freeze([...uncertainDate]),
    unknownCouncil: Object.freeze([...unknownCouncil]),
  });
}
