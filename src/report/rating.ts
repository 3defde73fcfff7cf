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
 * import { reportRating } from 'la-assurance/report';
 *
 * reportRating(report).rating;            // e.g. 'good'
 * reportRating(report).roundedPercentage; // e.g. 69
 * ```
 */
export function reportRating(report: Report, options?: ScoringOptions): AssessmentScore {
  return scoreAssessment(report.scores, options);
}
