import { COUNCILS } from '../councils/data.js';
import { QUALITY_STATEMENTS } from '../framework/quality-statements.js';
import {
  CONFIDENCE_LEVELS,
  type Confidence,
  type PublishedResult,
  type ResultsCoverage,
} from './model.js';

/** Whether a row has all nine quality statement scores. */
export function hasAllNineScores(result: PublishedResult): boolean {
  return QUALITY_STATEMENTS.every((q) => result.scores[q.id] !== undefined);
}

/**
 * How much of England a results table covers: councils with a formal result, with a
 * formal rating, with all nine scores; pilots; formal results by confidence; and the
 * councils with no formal result.
 *
 * @example
 * ```ts
 * import { PUBLISHED_RESULTS, resultsCoverage } from 'la-assurance/results';
 *
 * resultsCoverage(PUBLISHED_RESULTS).withoutFormalResult.length; // 52
 * ```
 */
export function resultsCoverage(results: readonly PublishedResult[]): ResultsCoverage {
  const formal = results.filter((r) => r.kind === 'formal');
  const withResult = new Set(formal.map((r) => r.council));
  const byConfidence = Object.fromEntries(
    CONFIDENCE_LEVELS.map((c) => [c, formal.filter((r) => r.confidence === c).length]),
  ) as Record<Confidence, number>;
  return Object.freeze({
    councils: COUNCILS.length,
    withFormalResult: withResult.size,
    withFormalRating: new Set(formal.filter((r) => r.rating !== undefined).map((r) => r.council))
      .size,
    withAllNineScores: new Set(formal.filter(hasAllNineScores).map((r) => r.council)).size,
    pilots: results.filter((r) => r.kind === 'pilot').length,
    formalByConfidence: Object.freeze(byConfidence),
    withoutFormalResult: Object.freeze(
      COUNCILS.map((c) => c.code)
        .filter((c) => !withResult.has(c))
        .sort(),
    ),
  });
}
