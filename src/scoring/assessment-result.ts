import { QUALITY_STATEMENTS, type QualityStatementId } from '../framework/quality-statements.js';
import { THEMES, type ThemeId } from '../framework/themes.js';
import { explainRating } from './explain.js';
import { bandFraction, cutPointLabel } from './percentage.js';
import type { ResolvedScoringOptions, RoundingRule } from './options.js';
import type { QualityStatementScore, Rating, RatingBand } from './ratings.js';

/** Quality statement scores keyed by id; all nine, or a subset for a partial assessment. */
export type QualityStatementScores = {
  readonly [Id in QualityStatementId]?: QualityStatementScore;
};

/** Totals for one theme. */
export interface ThemeScore {
  /** The theme. */
  readonly theme: ThemeId;
  /** Quality statements of the theme that were scored. */
  readonly assessed: number;
  /** Sum of their scores. */
  readonly total: number;
  /** 4 × assessed. */
  readonly maximum: number;
  /** 100 × total ÷ maximum, exact; `undefined` when no statement of the theme was scored. */
  readonly percentage: number | undefined;
}

/** The scored assessment: the overall percentage and rating, and why. */
export interface AssessmentScore {
  /** Which scoring method produced the result. */
  readonly method: 'quality-statement' | 'evidence-category';
  /** The quality statement scores the result is based on, in framework order. */
  readonly scores: QualityStatementScores;
  /** Number of quality statements scored. */
  readonly assessed: number;
  /** Whether fewer than all nine quality statements were scored. */
  readonly partial: boolean;
  /** Sum of the scores the percentage is computed from. */
  readonly total: number;
  /** Highest possible total (4 per score). */
  readonly maximum: number;
  /** 100 × total ÷ maximum, exact (not rounded), in [25, 100]. */
  readonly percentage: number;
  /** The percentage rounded half-up to a whole number, as CQC publishes it. */
  readonly roundedPercentage: number;
  /** The rounding rule used for banding. */
  readonly rounding: RoundingRule;
  /** The overall rating. */
  readonly rating: Rating;
  /** The band the rating comes from. */
  readonly band: RatingBand;
  /** Where the banded percentage sits in its band: 0 at the lower edge, 1 at the upper. */
  readonly bandPosition: number;
  /** The label of the band cut point reached, when cut points were given in the options. */
  readonly bandPositionLabel: string | undefined;
  /** Whether the exact percentage lies in an unstated gap between bands (e.g. 38.9%). */
  readonly inBandGap: boolean;
  /** Totals per theme, in framework order. */
  readonly themes: readonly ThemeScore[];
  /** Quality statements scored 1, in framework order. */
  readonly scoredOne: readonly QualityStatementId[];
  /**
   * Whether CQC notifies the Secretary of State: a quality statement scored 1
   * (s50 Health and Social Care Act 2008) or an inadequate rating.
   */
  readonly notifySecretaryOfState: boolean;
  /** Sentences explaining the result. */
  readonly explanation: readonly string[];
}

/** Copies scores into a fresh frozen object in framework order. */
function orderedScores(scores: QualityStatementScores): QualityStatementScores {
  const out: { [Id in QualityStatementId]?: QualityStatementScore } = {};
  for (const { id } of QUALITY_STATEMENTS) {
    const score = scores[id];
    if (score !== undefined) out[id] = score;
  }
  return Object.freeze(out);
}

function themeScores(scores: QualityStatementScores): ThemeScore[] {
  return THEMES.map(({ id: theme }) => {
    let assessed = 0;
    let total = 0;
    for (const qs of QUALITY_STATEMENTS) {
      const score = qs.theme === theme ? scores[qs.id] : undefined;
      if (score !== undefined) {
        assessed++;
        total += score;
      }
    }
    const maximum = 4 * assessed;
    return Object.freeze({
      theme,
      assessed,
      total,
      maximum,
      percentage: assessed ? (100 * total) / maximum : undefined,
    });
  });
}

/**
 * Builds the result from already-validated quality statement scores and the fraction
 * the overall percentage comes from (the QS scores themselves, or evidence-category scores).
 */
export function buildAssessmentScore(
  method: AssessmentScore['method'],
  scores: QualityStatementScores,
  fraction: { readonly total: number; readonly maximum: number; readonly subject: string },
  options: ResolvedScoringOptions,
  extraExplanation: readonly string[] = [],
): AssessmentScore {
  const ordered = orderedScores(scores);
  const assessed = Object.keys(ordered).length;
  const { total, maximum } = fraction;
  const banded = bandFraction(total, maximum, options.rounding);
  const scoredOne = QUALITY_STATEMENTS.filter((q) => ordered[q.id] === 1).map((q) => q.id);
  const explanation = [
    ...extraExplanation,
    ...explainRating(fraction.subject, total, maximum, banded, options.rounding, scoredOne),
  ];
  if (assessed < QUALITY_STATEMENTS.length) {
    explanation.unshift(
      `Partial assessment: ${assessed} of ${QUALITY_STATEMENTS.length} quality statements scored, each weighted equally.`,
    );
  }
  return Object.freeze({
    method,
    scores: ordered,
    assessed,
    partial: assessed < QUALITY_STATEMENTS.length,
    total,
    maximum,
    percentage: banded.percentage,
    roundedPercentage: banded.roundedPercentage,
    rounding: options.rounding,
    rating: banded.band.rating,
    band: banded.band,
    bandPosition: banded.bandPosition,
    bandPositionLabel: cutPointLabel(banded.bandPosition, options.bandCutPoints),
    inBandGap: banded.inBandGap,
    themes: Object.freeze(themeScores(ordered)),
    scoredOne: Object.freeze(scoredOne),
    notifySecretaryOfState: scoredOne.length > 0 || banded.band.rating === 'inadequate',
    explanation: Object.freeze(explanation),
  });
}
