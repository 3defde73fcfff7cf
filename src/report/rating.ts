import type { AssessmentScore } from '../scoring/assessment-result.js';
import type { ScoringOptions } from '../scoring/options.js';
import { scoreAssessment } from '../scoring/score-assessment.js';
import type { Report } from './model.js';

/**
 * The report's rating, computed afresh from its current scores with `scoreAssessment`
 * (the rating is never stored, so an amended score always shows in it).
 *
 * @example
 * ```ts
 * import { replayReport, reportRating } from 'la-assurance/report';
 *
 * const replayed = replayReport([
 *   { type: 'assessment-scored', date: '2024-11-04', council: 'Example Council', scores: { safeguarding: 2, 'assessing-needs': 3 } },
 *   { type: 'quality-assurance-completed', date: '2024-11-18' },
 *   { type: 'calibration-panel-held', date: '2024-12-02' },
 *   { type: 'draft-report-sent', date: '2024-12-20' }, // a Friday, before Christmas
 * ]);
 * if (!replayed.success) throw new Error(replayed.issues[0]?.message);
 * const report = replayed.data;
 * reportRating(report).rating; // 'good' (2 + 3 = 5 of 8)
 * reportRating(report).roundedPercentage; // 63
 * ```
 */
export function reportRating(report: Report, options?: ScoringOptions): AssessmentScore {
  return scoreAssessment(report.scores, options);
}
