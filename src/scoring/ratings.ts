/** Ratings from lowest to highest. */
export const RATINGS = ['inadequate', 'requires-improvement', 'good', 'outstanding'] as const;

/** An overall rating. */
export type Rating = (typeof RATINGS)[number];

/** A quality statement score: 1 significant shortfalls … 4 exceptional standard. */
export type QualityStatementScore = 1 | 2 | 3 | 4;

/** The valid quality statement scores, ascending. */
export const QUALITY_STATEMENT_SCORES = [
  1, 2, 3, 4,
] as const satisfies readonly QualityStatementScore[];

/** The percentage range of one rating band (whole percentages, inclusive). */
export interface RatingBand {
  /** The rating this band gives. */
  readonly rating: Rating;
  /** The rating as CQC writes it. */
  readonly label: string;
  /** Lowest percentage in the band. */
  readonly min: number;
  /** Highest percentage in the band. */
  readonly max: number;
  /** The quality statement score that corresponds to this band (1–4). */
  readonly score: QualityStatementScore;
  /** What that score means, as CQC words it. */
  readonly scoreMeaning: string;
}

/**
 * CQC's published rating bands, lowest first: 25–38% Inadequate, 39–62% Requires
 * improvement, 63–87% Good, 88%+ Outstanding (CQC, "How we determine ratings"). The
 * same bands turn an evidence-category percentage into a quality statement score.
 *
 * @example
 * ```ts
 * import { RATING_BANDS } from 'la-assurance/scoring';
 *
 * RATING_BANDS.find((b) => b.rating === 'good')?.min; // 63
 * RATING_BANDS.find((b) => b.rating === 'good')?.max; // 87
 * ```
 */
export const RATING_BANDS: readonly RatingBand[] = Object.freeze([
  Object.freeze({
    rating: 'inadequate',
    label: 'Inadequate',
    min: 25,
    max: 38,
    score: 1,
    scoreMeaning: 'Evidence shows significant shortfalls',
  }),
  Object.freeze({
    rating: 'requires-improvement',
    label: 'Requires improvement',
    min: 39,
    max: 62,
    score: 2,
    scoreMeaning: 'Evidence shows some shortfalls',
  }),
  Object.freeze({
    rating: 'good',
    label: 'Good',
    min: 63,
    max: 87,
    score: 3,
    scoreMeaning: 'Evidence shows a good standard',
  }),
  Object.freeze({
    rating: 'outstanding',
    label: 'Outstanding',
    min: 88,
    max: 100,
    score: 4,
    scoreMeaning: 'Evidence shows an exceptional standard',
  }),
] as const satisfies readonly RatingBand[]);

/**
 * The band of a rating.
 *
 * @example
 * ```ts
 * import { bandOf } from 'la-assurance/scoring';
 *
 * bandOf('requires-improvement').min; // 39
 * ```
 */
export function bandOf(rating: Rating): RatingBand {
  return RATING_BANDS[RATINGS.indexOf(rating)]!;
}
