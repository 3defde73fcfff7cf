/**
 * Scoring and ratings: quality statement scores (1–4) → overall percentage → rating,
 * by CQC's published bands, with the rounding rule made explicit, the evidence-category
 * method of the Dec 2023 guidance, and what it would take to reach the next rating.
 *
 * @module scoring
 */
export {
  RATINGS,
  RATING_BANDS,
  QUALITY_STATEMENT_SCORES,
  bandOf,
  type Rating,
  type RatingBand,
  type QualityStatementScore,
} from './ratings.js';
export type { RoundingRule, BandCutPoint, ScoringOptions } from './options.js';
export type { QualityStatementScores, AssessmentScore, ThemeScore } from './assessment-result.js';
export type { ScoringIssue, ScoringIssueCode } from './validate-scores.js';
export { ratingForPercentage } from './rating-for-percentage.js';
export {
  scoreAssessment,
  safeScoreAssessment,
  validateQualityStatementScores,
} from './score-assessment.js';
export {
  scoreEvidenceCategories,
  safeScoreEvidenceCategories,
  validateEvidenceCategoryScores,
  type EvidenceCategoryScores,
  type EvidenceCategoryScoresByStatement,
  type EvidenceCategoryScoringOptions,
  type EvidenceCategoryAssessment,
  type DerivedQualityStatementScore,
} from './evidence-category-method.js';
export {
  improvementsToNextRating,
  type ImprovementToNextRating,
  type ImprovementCandidate,
} from './improvements.js';
export {
  QualityStatementScoreSchema,
  QualityStatementScoresSchema,
  EvidenceCategoryScoresByStatementSchema,
  RatingSchema,
} from './schemas.js';
export {
  LaAssuranceError,
  isLaAssuranceError,
  type ValidationIssue,
  type ValidationResult,
  type IssuePath,
} from '../errors/index.js';
