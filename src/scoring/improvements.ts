import { QUALITY_STATEMENTS, type QualityStatementId } from '../framework/quality-statements.js';
import { scoreAssessment } from './score-assessment.js';
import type { QualityStatementScores } from './assessment-result.js';
import { RATINGS, bandOf, type QualityStatementScore, type Rating } from './ratings.js';
import type { ScoringOptions } from './options.js';
import { bandFraction } from './percentage.js';

/** A quality statement that could carry some of the raises. */
export interface ImprovementCandidate {
  /** The quality statement. */
  readonly id: QualityStatementId;
  /** Its current score. */
  readonly currentScore: QualityStatementScore;
  /** How many one-point raises it can take (4 − score). */
  readonly headroom: number;
}

/** The smallest improvement that lifts the rating one band. */
export interface ImprovementToNextRating {
  /** The current rating. */
  readonly from: Rating;
  /** The next rating up. */
  readonly to: Rating;
  /** The fewest one-point raises (across any scored statements) that reach `to`. */
  readonly raisesNeeded: number;
  /** The total after those raises. */
  readonly targetTotal: number;
  /** The rounded percentage after those raises. */
  readonly targetPercentage: number;
  /** Statements with headroom, lowest score first then framework order; any of them can carry raises. */
  readonly candidates: readonly ImprovementCandidate[];
  /** One sentence saying what it would take. */
  readonly explanation: string;
}

/**
 * The smallest number of one-point quality-statement raises that lifts the rating to the
 * next band, and which statements could carry them (each raise is +1 on a statement
 * scored below 4; all statements weigh the same, so any combination of that many raises
 * over the candidates works). `undefined` when the rating is already Outstanding.
 *
 * @throws {@link LaAssuranceError} when the scores are invalid (as {@link scoreAssessment}).
 * @example
 * ```ts
 * import { improvementsToNextRating } from 'la-assurance/scoring';
 *
 * // Norfolk, Dec 2025: 20 of 36 = 56%, Requires improvement.
 * const next = improvementsToNextRating({
 *   'assessing-needs': 2, 'supporting-people-to-live-healthier-lives': 2,
 *   'equity-in-experience-and-outcomes': 2, 'care-provision-integration-and-continuity': 2,
 *   'partnerships-and-communities': 3, 'safe-systems-pathways-and-transitions': 2,
 *   safeguarding: 2, 'governance-management-and-sustainability': 2,
 *   'learning-improvement-and-innovation': 3,
 * });
 * next?.raisesNeeded; // 3 (23 of 36 = 64%, Good)
 * ```
 */
export function improvementsToNextRating(
  scores: QualityStatementScores,
  options?: ScoringOptions,
): ImprovementToNextRating | undefined {
  const current = scoreAssessment(scores, options);
  const index = RATINGS.indexOf(current.rating);
  if (index === RATINGS.length - 1) return undefined;
  const { total, maximum } = current;
  const ratingAfter = (raises: number): Rating =>
    bandFraction(total + raises, maximum, current.rounding).band.rating;
  let raises = 1;
  // Always terminates: all statements at 4 gives 100%, Outstanding.
  while (RATINGS.indexOf(ratingAfter(raises)) <= index) raises++;
  const to = ratingAfter(raises);
  const candidates = QUALITY_STATEMENTS.flatMap(({ id }) => {
    const score = current.scores[id];
    return score !== undefined && score < 4
      ? [Object.freeze({ id, currentScore: score, headroom: 4 - score })]
      : [];
  }).sort((a, b) => a.currentScore - b.currentScore);
  const targetPercentage = bandFraction(
    total + raises,
    maximum,
    current.rounding,
  ).roundedPercentage;
  const band = bandOf(to);
  return Object.freeze({
    from: current.rating,
    to,
    raisesNeeded: raises,
    targetTotal: total + raises,
    targetPercentage,
    candidates: Object.freeze(candidates),
    explanation: `${raises} one-point raise${raises === 1 ? '' : 's'} (total ${total} → ${total + raises} of ${maximum}, ${targetPercentage}%) would reach ${band.label} (from ${band.min}%), on any of ${candidates.length} statements scored below 4.`,
  });
}
