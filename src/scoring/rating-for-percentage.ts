import { describeValue } from '../internal/describe.js';
import { RATING_BANDS, type Rating } from './ratings.js';
import { resolveScoringOptions, type ScoringOptions } from './options.js';

/**
 * The rating for an overall percentage, using CQC's bands (25–38 Inadequate, 39–62
 * Requires improvement, 63–87 Good, 88+ Outstanding) after the rounding rule.
 *
 * @param percentage - 0 to 100. Anything else (or NaN) is a programmer error: `RangeError`.
 * @example
 * ```ts
 * import { ratingForPercentage } from 'la-assurance/scoring';
 *
 * ratingForPercentage(89);                         // 'outstanding'
 * ratingForPercentage(38.9);                       // 'requires-improvement' (rounds to 39)
 * ratingForPercentage(38.9, { rounding: 'none' }); // 'inadequate'
 * ```
 */
export function ratingForPercentage(percentage: number, options?: ScoringOptions): Rating {
  if (typeof percentage !== 'number' || !(percentage >= 0 && percentage <= 100)) {
    throw new RangeError(
      `percentage must be a number from 0 to 100; got ${describeValue(percentage)}`,
    );
  }
  const { rounding } = resolveScoringOptions(options);
  const banded = rounding === 'half-up' ? Math.floor(percentage + 0.5) : percentage;
  for (let i = RATING_BANDS.length - 1; i > 0; i--) {
    const band = RATING_BANDS[i]!;
    if (banded >= band.min) return band.rating;
  }
  return 'inadequate';
}
