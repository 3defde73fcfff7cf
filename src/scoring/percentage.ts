import { RATING_BANDS, type RatingBand } from './ratings.js';
import type { BandCutPoint, RoundingRule } from './options.js';

/** `total / maximum` as a percentage, banded. Integer arithmetic: no floating-point edge errors. */
export interface BandedFraction {
  readonly percentage: number;
  readonly roundedPercentage: number;
  readonly band: RatingBand;
  readonly bandPosition: number;
  readonly inBandGap: boolean;
}

/** Round-half-up of 100·total/maximum, exactly. */
function roundHalfUp(total: number, maximum: number): number {
  return Math.floor((200 * total + maximum) / (2 * maximum));
}

/** The band whose lower edge the fraction reaches under the rounding rule. */
function bandOfFraction(total: number, maximum: number, rounding: RoundingRule): RatingBand {
  const rounded = roundHalfUp(total, maximum);
  for (let i = RATING_BANDS.length - 1; i > 0; i--) {
    const band = RATING_BANDS[i]!;
    const reaches =
      rounding === 'half-up' ? rounded >= band.min : 100 * total >= band.min * maximum;
    if (reaches) return band;
  }
  return RATING_BANDS[0]!;
}

/** Whether 100·total/maximum lies strictly between two bands' whole-number edges (e.g. 38 < p < 39). */
function inGap(total: number, maximum: number): boolean {
  return RATING_BANDS.slice(1).some((band) => {
    const below = band.min - 1;
    return 100 * total > below * maximum && 100 * total < band.min * maximum;
  });
}

export function bandFraction(
  total: number,
  maximum: number,
  rounding: RoundingRule,
): BandedFraction {
  const percentage = (100 * total) / maximum;
  const roundedPercentage = roundHalfUp(total, maximum);
  const band = bandOfFraction(total, maximum, rounding);
  const banded = rounding === 'half-up' ? roundedPercentage : percentage;
  const bandPosition = Math.min(1, Math.max(0, (banded - band.min) / (band.max - band.min)));
  return { percentage, roundedPercentage, band, bandPosition, inBandGap: inGap(total, maximum) };
}

export function cutPointLabel(position: number, cuts: readonly BandCutPoint[]): string | undefined {
  let label: string | undefined;
  for (const cut of cuts) if (cut.from <= position) label = cut.label;
  return label;
}
