import { COUNCILS } from '../councils/data.js';
import { REGIONS, type Region } from '../councils/model.js';
import { QUALITY_STATEMENTS, type QualityStatementId } from '../framework/quality-statements.js';
import { RATINGS, type Rating } from '../scoring/ratings.js';
import type { PublishedResult } from './model.js';
import { selectResults, type JoinedRow, type ResultAnalysisOptions } from './select.js';

/** How many councils scored 1, 2, 3 and 4. */
export type ScoreCounts = readonly [ones: number, twos: number, threes: number, fours: number];

/** The distribution of one quality statement's scores. */
export interface StatementDistribution {
  /** The quality statement. */
  readonly id: QualityStatementId;
  /** Councils counted (those with all nine scores). */
  readonly councils: number;
  /** How many scored 1, 2, 3, 4. */
  readonly counts: ScoreCounts;
  /** Mean score; `undefined` when no council is counted. */
  readonly mean: number | undefined;
}

/** Counts of 1–4 and the mean of a list of scores. */
export function distributionOf(scores: readonly number[]): {
  readonly counts: ScoreCounts;
  readonly mean: number | undefined;
} {
  const counts = [0, 0, 0, 0];
  let sum = 0;
  for (const s of scores) {
    counts[s - 1]!++;
    sum += s;
  }
  return {
    counts: Object.freeze(counts) as unknown as ScoreCounts,
    mean: scores.length ? sum / scores.length : undefined,
  };
}

function scored(rows: readonly JoinedRow[]): JoinedRow[] {
  return rows.filter((r) => r.score !== undefined);
}

/**
 * Per quality statement, how the councils with all nine published scores scored: counts of
 * 1–4 and the mean. Rows with some scores missing are left out of every statement (so each
 * statement counts the same councils).
 *
 * @example
 * ```ts
 * import { PUBLISHED_RESULTS, qualityStatementDistribution } from 'la-assurance/results';
 *
 * const d = qualityStatementDistribution(PUBLISHED_RESULTS);
 * d[0]?.councils; // 75
 * ```
 */
export function qualityStatementDistribution(
  results: readonly PublishedResult[],
  options?: ResultAnalysisOptions,
): readonly StatementDistribution[] {
  const rows = scored(selectResults(results, options).rows);
  return Object.freeze(
    QUALITY_STATEMENTS.map(({ id }) =>
      Object.freeze({
        id,
        councils: rows.length,
        ...distributionOf(rows.map((r) => r.result.scores[id]!)),
      }),
    ),
  );
}

/** How often one statement is a council's weakest. */
export interface WeakestStatementCount {
  /** The quality statement. */
  readonly id: QualityStatementId;
  /** Councils whose lowest score is on this statement (ties count for every statement sharing the lowest score). */
  readonly weakest: number;
  /** Councils whose lowest score is on this statement alone. */
  readonly soleWeakest: number;
}

/**
 * How often each quality statement is a council's weakest (its lowest score), over the
 * councils with all nine scores. A council with its lowest score on several statements counts
 * for each in `weakest`, and for none in `soleWeakest`.
 *
 * @example
 * ```ts
 * import { PUBLISHED_RESULTS, weakestStatements } from 'la-assurance/results';
 *
 * const w = weakestStatements(PUBLISHED_RESULTS);
 * w.reduce((n, s) => n + s.soleWeakest, 0) <= 75; // true
 * ```
 */
export function weakestStatements(
  results: readonly PublishedResult[],
  options?: ResultAnalysisOptions,
): readonly WeakestStatementCount[] {
  const rows = scored(selectResults(results, options).rows);
  const weakest = new Map<QualityStatementId, number>();
  const sole = new Map<QualityStatementId, number>();
  for (const { result } of rows) {
    const min = Math.min(...QUALITY_STATEMENTS.map((q) => result.scores[q.id]!));
    const at = QUALITY_STATEMENTS.filter((q) => result.scores[q.id] === min);
    for (const q of at) weakest.set(q.id, (weakest.get(q.id) ?? 0) + 1);
    if (at.length === 1) sole.set(at[0]!.id, (sole.get(at[0]!.id) ?? 0) + 1);
  }
  return Object.freeze(
    QUALITY_STATEMENTS.map(({ id }) =>
      Object.freeze({ id, weakest: weakest.get(id) ?? 0, soleWeakest: sole.get(id) ?? 0 }),
    ),
  );
}

/** Ratings in one region. */
export interface RegionRatings {
  /** The region. */
  readonly region: Region;
  /** Councils in the region (of the 153). */
  readonly councils: number;
  /** Councils with a result the filter keeps. */
  readonly withResult: number;
  /** Results by rating. */
  readonly ratings: Readonly<Record<Rating, number>>;
  /** Results whose rating is not known. */
  readonly ratingUnknown: number;
  /** Councils with no result the filter keeps. */
  readonly withoutResult: number;
}

function ratingCounts(rows: readonly JoinedRow[]): {
  ratings: Readonly<Record<Rating, number>>;
  ratingUnknown: number;
} {
  const ratings = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;
  let ratingUnknown = 0;
  for (const { result } of rows) {
    if (result.rating === undefined) ratingUnknown++;
    else ratings[result.rating]++;
  }
  return { ratings: Object.freeze(ratings), ratingUnknown };
}

/**
 * Ratings by ONS region: per region, its councils, how many have a result, counts by rating,
 * results with no rating known, and councils with no result (never guessed).
 *
 * @example
 * ```ts
 * import { PUBLISHED_RESULTS, ratingsByRegion } from 'la-assurance/results';
 *
 * const london = ratingsByRegion(PUBLISHED_RESULTS).find((r) => r.region === 'london');
 * london?.ratings.outstanding; // 3
 * ```
 */
export function ratingsByRegion(
  results: readonly PublishedResult[],
  options?: ResultAnalysisOptions,
): readonly RegionRatings[] {
  const { rows } = selectResults(results, options);
  return Object.freeze(
    REGIONS.map((region) => {
      const inRegion = rows.filter((r) => r.council.region === region);
      const councils = COUNCILS.filter((c) => c.region === region).length;
      const withResult = new Set(inRegion.map((r) => r.council.code)).size;
      return Object.freeze({
        region,
        councils,
        withResult,
        ...ratingCounts(inRegion),
        withoutResult: councils - withResult,
      });
    }),
  );
}

/** Results published in one month. */
export interface MonthResults {
  /** `'YYYY-MM'`. */
  readonly month: string;
  /** Results published in the month. */
  readonly published: number;
  /** Results published up to the end of the month. */
  readonly cumulative: number;
  /** The month's results by rating. */
  readonly ratings: Readonly<Record<Rating, number>>;
  /** The month's results with no rating known. */
  readonly ratingUnknown: number;
  /** The month's results with all nine scores. */
  readonly scored: number;
  /** Mean of their exact percentages (total ÷ 36 × 100); `undefined` if none. */
  readonly meanPercentage: number | undefined;
}

/** Results by publication month. */
export interface ResultsOverTime {
  /** Every month from the first to the last with a result, in order (months with none included). */
  readonly months: readonly MonthResults[];
  /** Results dated only by year, or not at all (not in any month). */
  readonly undated: readonly string[];
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Change over time: results by publication month (counts by rating, mean percentage of the
 * scored ones, running total). Rows dated only by year or not at all are listed in `undated`.
 *
 * @example
 * ```ts
 * import { PUBLISHED_RESULTS, resultsOverTime } from 'la-assurance/results';
 *
 * const t = resultsOverTime(PUBLISHED_RESULTS);
 * t.months[0]?.month; // '2024-05'
 * t.undated.length;   // 2 (Barking and Dagenham: 2025 only; Calderdale: no date)
 * ```
 */
export function resultsOverTime(
  results: readonly PublishedResult[],
  options?: ResultAnalysisOptions,
): ResultsOverTime {
  const { rows } = selectResults(results, options);
  const byMonth = new Map<string, JoinedRow[]>();
  const undated: string[] = [];
  for (const row of rows) {
    const month = row.result.published?.slice(0, 7);
    if (month === undefined || month.length < 7) {
      undated.push(row.council.code);
      continue;
    }
    byMonth.set(month, [...(byMonth.get(month) ?? []), row]);
  }
  const sorted = [...byMonth.keys()].sort();
  const months: MonthResults[] = [];
  let cumulative = 0;
  if (sorted.length > 0) {
    for (let month = sorted[0]!; month <= sorted.at(-1)!; month = nextMonth(month)) {
      const inMonth = byMonth.get(month) ?? [];
      cumulative += inMonth.length;
      const withScores = scored(inMonth);
      months.push(
        Object.freeze({
          month,
          published: inMonth.length,
          cumulative,
          ...ratingCounts(inMonth),
          scored: withScores.length,
          meanPercentage: withScores.length
            ? withScores.reduce((s, r) => s + r.score!.percentage, 0) / withScores.length
            : undefined,
        }),
      );
    }
  }
  return Object.freeze({ months: Object.freeze(months), undated: Object.freeze(undated) });
}
