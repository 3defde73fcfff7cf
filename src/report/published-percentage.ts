import type { ScoringOptions } from '../scoring/options.js';
import type { Report } from './model.js';
import { reportRating } from './rating.js';

/** CQC's published percentage set against the percentage of the report's scores. */
export interface PublishedPercentageCheck {
  /** The percentage CQC printed ("Overall rating: NN%"). */
  readonly published: number;
  /** 100 × total ÷ maximum of the report's current scores, not rounded. */
  readonly fromScores: number;
  /** `fromScores` rounded half up, as CQC rounds (York, 5 Dec 2025: 14 of 36 = 38.9 %, published 39 %). */
  readonly roundedFromScores: number;
  /** Whether they differ by more than rounding (more than half a point). */
  readonly differs: boolean;
  /** A sentence saying so, for a person. */
  readonly explanation: string;
}

/**
 * Checks the percentage CQC published on a report (recorded with `report-published`'s
 * `publishedPercentage`) against the percentage of its scores. Some 2025 reports quote a
 * percentage no whole-number total over 36 gives (Wakefield 62 with scores totalling 22 =
 * 61.1 %; North Somerset 59 with 21 = 58.3 %; Leeds 70; Newham 62, Dec 2025 — probably
 * scored by evidence category); such a report is flagged (`differs`), while the rating is
 * still the band of the scores. Returns `null` when no published percentage was recorded.
 *
 * @example
 * ```ts
 * import { publishedPercentageCheck, replayReport } from 'la-assurance/report';
 *
 * // Wakefield (published 3 Sep 2025): scores 2,2,2,3,3,2,2,3,3 = 22/36 = 61.1 %, quoted as 62 %.
 * const wakefield = replayReport([
 *   {
 *     type: 'assessment-scored', date: '2025-06-02', council: 'Wakefield',
 *     scores: {
 *       'assessing-needs': 2, 'supporting-people-to-live-healthier-lives': 2,
 *       'equity-in-experience-and-outcomes': 2, 'care-provision-integration-and-continuity': 3,
 *       'partnerships-and-communities': 3, 'safe-systems-pathways-and-transitions': 2,
 *       safeguarding: 2, 'governance-management-and-sustainability': 3,
 *       'learning-improvement-and-innovation': 3,
 *     },
 *   },
 *   { type: 'quality-assurance-completed', date: '2025-06-16' },
 *   { type: 'calibration-panel-held', date: '2025-06-30' },
 *   { type: 'draft-report-sent', date: '2025-07-14' },
 *   { type: 'factual-accuracy-check-concluded', date: '2025-07-29' },
 *   { type: 'report-published', date: '2025-09-03', publishedPercentage: 62 },
 * ]);
 * wakefield.success && publishedPercentageCheck(wakefield.data)?.differs; // true
 * ```
 */
export function publishedPercentageCheck(
  report: Report,
  options?: ScoringOptions,
): PublishedPercentageCheck | null {
  const published = report.publishedPercentage;
  if (published === null) return null;
  const score = reportRating(report, options);
  const differs = Math.abs(published - score.percentage) > 0.5;
  const fromScores = Math.round(score.percentage * 10) / 10;
  const explanation = differs
    ? `CQC published ${published}%, but the scores total ${score.total} of ${score.maximum} = ${fromScores}%: more than rounding apart (perhaps scored by evidence category); the rating remains the band of the scores.`
    : `CQC published ${published}%, which is the scores' ${score.total} of ${score.maximum} = ${fromScores}% rounded.`;
  return Object.freeze({
    published,
    fromScores: score.percentage,
    roundedFromScores: score.roundedPercentage,
    differs,
    explanation,
  });
}
