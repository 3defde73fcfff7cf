import { describeValue } from '../internal/describe.js';
import { arrayOption } from '../internal/options.js';

/**
 * How a percentage is turned into a whole number before it is banded.
 * - `'half-up'` (default, modelled): round to the nearest whole percentage, halves up,
 *   then band. Reproduces every published rating (Camden 32/36 = 88.9% → 89% Outstanding)
 *   and puts 14/36 = 38.9% in Requires improvement.
 * - `'none'`: band the exact percentage; the lower edge of each band is a threshold
 *   (≥ 39 requires improvement, ≥ 63 good, ≥ 88 outstanding), so 38.9% is Inadequate.
 *
 * CQC publishes whole-number percentages but not its rounding rule.
 */
export type RoundingRule = 'half-up' | 'none';

/** A named point inside a rating band, e.g. `{ from: 0.5, label: 'upper' }`. */
export interface BandCutPoint {
  /** Band position (0–1) from which the label applies. */
  readonly from: number;
  /** The label, e.g. "upper threshold". */
  readonly label: string;
}

/** Options shared by the scoring functions. */
export interface ScoringOptions {
  /** How percentages are rounded before banding. Default `'half-up'` (modelled). */
  readonly rounding?: RoundingRule;
  /**
   * Named positions inside a band, for wording such as "upper" or "nearing the next
   * rating". CQC defines none, so the default is none: results carry only the numeric
   * `bandPosition`. The label of the last cut point whose `from` ≤ the position applies.
   */
  readonly bandCutPoints?: readonly BandCutPoint[];
}

/** Options with their defaults applied. */
export interface ResolvedScoringOptions {
  readonly rounding: RoundingRule;
  readonly bandCutPoints: readonly BandCutPoint[];
}

const ROUNDING_RULES: readonly RoundingRule[] = ['half-up', 'none'];
/** More cut points than this is a mistake (a band has room for a handful of labels). */
const MAX_BAND_CUT_POINTS = 1000;

/** Applies defaults; a wrong option is a programmer error (`TypeError`/`RangeError`). */
export function resolveScoringOptions(options: ScoringOptions | undefined): ResolvedScoringOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null))
    throw new TypeError(`options must be an object; got ${describeValue(options)}`);
  const rounding = options?.rounding ?? 'half-up';
  if (!ROUNDING_RULES.includes(rounding)) {
    throw new TypeError(
      `options.rounding must be one of ${ROUNDING_RULES.join(', ')}; got ${describeValue(rounding)}`,
    );
  }
  const given = arrayOption(options?.bandCutPoints, 'options.bandCutPoints', MAX_BAND_CUT_POINTS);
  given.forEach((cut, i) => {
    if (
      typeof cut !== 'object' ||
      cut === null ||
      typeof cut.from !== 'number' ||
      !(cut.from >= 0 && cut.from <= 1) ||
      typeof cut.label !== 'string'
    ) {
      throw new RangeError(
        `options.bandCutPoints[${i}] needs a 'from' between 0 and 1 and a string 'label'; got ${describeValue(cut)}`,
      );
    }
  });
  // Checked before sorting, so the index in the message is the caller's.
  const bandCutPoints = [...given].sort((a, b) => a.from - b.from);
  return { rounding, bandCutPoints };
}
