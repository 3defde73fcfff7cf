import { QUALITY_STATEMENTS } from '../framework/quality-statements.js';
import type { ScoringOptions } from '../scoring/options.js';
import { bandFraction } from '../scoring/percentage.js';
import { ratingForPercentage } from '../scoring/rating-for-percentage.js';
import { scoreAssessment } from '../scoring/score-assessment.js';
import { bandOf } from '../scoring/ratings.js';
import { resolveScoringOptions } from '../scoring/options.js';
import { hasAllNineScores } from './coverage.js';
import type { AssessmentKind, PublishedResult } from './model.js';

/**
 * What {@link checkResult} can find:
 * - `'rating-differs-from-scores'`: the rating is not the band of the nine scores (inconsistency);
 * - `'rating-missing'`: no rating, though the row has all nine scores (the rating is not filled in);
 * - `'percentage-unreachable'`: the published percentage is not total ÷ 36 for any whole total
 *   (Wakefield 62, North Somerset 59, Leeds 70, Newham 62: probably evidence-category scoring);
 * - `'percentage-differs-from-scores'`: the published percentage is not the nine scores' total ÷ 36;
 * - `'percentage-differs-from-rating'`: the published percentage falls in another band than the rating;
 * - `'band-gap'`: total ÷ 36 lies between two bands' whole-number edges (York: 14 of 36 = 38.9%),
 *   so the rating depends on the rounding rule;
 * - `'secretary-of-state-notified'`: a statement scored 1 (s50 Health and Social Care Act 2008);
 * - `'scores-incomplete'`: some but not all nine scores are known.
 */
export type ResultFindingCode =
  | 'rating-differs-from-scores'
  | 'rating-missing'
  | 'percentage-unreachable'
  | 'percentage-differs-from-scores'
  | 'percentage-differs-from-rating'
  | 'band-gap'
  | 'secretary-of-state-notified'
  | 'scores-incomplete';

/** One finding about a published result. */
export interface ResultFinding {
  /** What was found. */
  readonly code: ResultFindingCode;
  /** `'inconsistency'`: two published facts disagree; `'notice'`: a fact worth knowing (a gap, a notification). */
  readonly severity: 'inconsistency' | 'notice';
  /** The council's ONS code. */
  readonly council: string;
  /** The assessment kind. */
  readonly kind: AssessmentKind;
  /** What was found, in a sentence. */
  readonly message: string;
}

const NINE = QUALITY_STATEMENTS.length;
const MAXIMUM = 4 * NINE;

/** The whole percentages CQC's method can give for nine statements: round-half-up of t/36 for t = 9…36 (the scoring module's rounding). */
function reachablePercentages(): ReadonlySet<number> {
  const out = new Set<number>();
  for (let total = NINE; total <= MAXIMUM; total++)
    out.add(bandFraction(total, MAXIMUM, 'half-up').roundedPercentage);
  return out;
}

/**
 * Checks one published result for consistency with CQC's scoring method (CQC, "How we
 * determine ratings"; the scoring itself is `scoreAssessment`): the rating against the band
 * of the nine scores; the published percentage against total ÷ 36 and against the rating;
 * the 38–39 gap; statements scored 1 (the Secretary of State is notified). Flags, never
 * corrects: the row is not changed. Never throws on a row's data.
 *
 * @example
 * ```ts
 * import { checkResult, PUBLISHED_RESULTS } from 'la-assurance/results';
 *
 * const wakefield = PUBLISHED_RESULTS.find((r) => r.council === 'E08000036')!;
 * checkResult(wakefield).map((f) => f.code); // ['percentage-unreachable', 'percentage-differs-from-scores']
 * ```
 */
export function checkResult(
  result: PublishedResult,
  options?: ScoringOptions,
): readonly ResultFinding[] {
  const { rounding } = resolveScoringOptions(options);
  const findings: ResultFinding[] = [];
  const { council, kind } = result;
  const add = (code: ResultFindingCode, severity: ResultFinding['severity'], message: string) =>
    findings.push(Object.freeze({ code, severity, council, kind, message }));
  const known = QUALITY_STATEMENTS.filter((q) => result.scores[q.id] !== undefined).length;
  const score = hasAllNineScores(result) ? scoreAssessment(result.scores, options) : undefined;
  if (score && result.rating !== undefined && score.rating !== result.rating) {
    add(
      'rating-differs-from-scores',
      'inconsistency',
      `${council}: rated ${bandOf(result.rating).label}, but its scores total ${score.total} of 36 (${score.roundedPercentage}%), which is ${score.band.label}.`,
    );
  }
  if (result.rating === undefined && score) {
    add(
      'rating-missing',
      'notice',
      `${council}: no published rating was found; its scores (${score.total} of 36, ${score.roundedPercentage}%) imply ${score.band.label}, but the rating is not filled in.`,
    );
  }
  const published = result.publishedPercentage;
  if (published !== undefined) {
    if (!reachablePercentages().has(published)) {
      add(
        'percentage-unreachable',
        'inconsistency',
        `${council}: the published ${published}% is not total ÷ 36 for any whole total of nine scores (probably evidence-category scoring).`,
      );
    }
    if (score && score.roundedPercentage !== published) {
      add(
        'percentage-differs-from-scores',
        'inconsistency',
        `${council}: the published ${published}% differs from its scores' ${score.total} of 36 = ${score.roundedPercentage}%.`,
      );
    }
    if (
      result.rating !== undefined &&
      published >= 25 &&
      ratingForPercentage(published, options) !== result.rating
    ) {
      add(
        'percentage-differs-from-rating',
        'inconsistency',
        `${council}: the published ${published}% is in the ${bandOf(ratingForPercentage(published, options)).label} band, but the rating is ${bandOf(result.rating).label}.`,
      );
    }
  }
  if (score?.inBandGap) {
    const other = scoreAssessment(result.scores, {
      rounding: rounding === 'half-up' ? 'none' : 'half-up',
    });
    add(
      'band-gap',
      'notice',
      `${council}: ${score.total} of 36 = ${score.percentage.toFixed(1)}% lies between two bands; rounded half-up it is ${score.rounding === 'half-up' ? score.band.label : other.band.label}, unrounded ${score.rounding === 'none' ? score.band.label : other.band.label}${result.rating ? ` (published: ${bandOf(result.rating).label})` : ''}.`,
    );
  }
  const ones = QUALITY_STATEMENTS.filter((q) => result.scores[q.id] === 1);
  if (ones.length > 0) {
    add(
      'secretary-of-state-notified',
      'notice',
      `${council}: ${ones.map((q) => `QS${q.number} ${q.name}`).join(', ')} scored 1, so CQC notifies the Secretary of State (s50 Health and Social Care Act 2008).`,
    );
  }
  if (known > 0 && known < NINE) {
    add(
      'scores-incomplete',
      'notice',
      `${council}: only ${known} of 9 quality statement scores are known; the row is left out of score-based comparisons.`,
    );
  }
  return Object.freeze(findings);
}

/**
 * {@link checkResult} over a whole table, in table order.
 *
 * @example
 * ```ts
 * import { checkResults, PUBLISHED_RESULTS } from 'la-assurance/results';
 *
 * checkResults(PUBLISHED_RESULTS).filter((f) => f.severity === 'inconsistency').length; // 5
 * ```
 */
export function checkResults(
  results: readonly PublishedResult[],
  options?: ScoringOptions,
): readonly ResultFinding[] {
  return Object.freeze(results.flatMap((r) => checkResult(r, options)));
}
