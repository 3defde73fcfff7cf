import { LaAssuranceError, type ValidationResult } from '../errors/index.js';
import {
  buildAssessmentScore,
  type AssessmentScore,
  type QualityStatementScores,
} from './assessment-result.js';
import { resolveScoringOptions, type ScoringOptions } from './options.js';
import type { QualityStatementScore } from './ratings.js';
import {
  isScore,
  scoreIssue,
  walkQualityStatements,
  type ScoringIssueCode,
} from './validate-scores.js';

/**
 * Validates quality-statement scores from untrusted data (a form, JSON, a spreadsheet).
 * Never throws. Issues name the field and the problem: unknown id, a score of 0, 2.5 or
 * `"3"`, no scores at all.
 */
export function validateQualityStatementScores(
  input: unknown,
): ValidationResult<QualityStatementScores, ScoringIssueCode> {
  const scores: Partial<Record<string, QualityStatementScore>> = {};
  const issues = walkQualityStatements(input, ['scores'], (id, value, found) => {
    if (isScore(value)) scores[id] = value;
    else found.push(scoreIssue(['scores', id], value));
  });
  return issues.length > 0
    ? { success: false, issues }
    : { success: true, data: scores as QualityStatementScores };
}

function scoreValid(scores: QualityStatementScores, options?: ScoringOptions): AssessmentScore {
  const resolved = resolveScoringOptions(options);
  let total = 0;
  let assessed = 0;
  for (const score of Object.values(scores)) {
    total += score;
    assessed++;
  }
  return buildAssessmentScore(
    'quality-statement',
    scores,
    { total, maximum: 4 * assessed, subject: 'Quality statement' },
    resolved,
  );
}

/**
 * Scores an assessment from its quality statement scores (CQC's current method: each
 * statement scored 1–4 directly, all weighted equally). Returns the exact and rounded
 * percentage, the rating, where it sits in its band, per-theme totals, the statements
 * scored 1, and sentences explaining the result.
 *
 * @throws {@link LaAssuranceError} with code `'invalid-scores'` and every issue found, if the
 * scores are not valid (use {@link safeScoreAssessment} to get the issues without a throw).
 * @example
 * ```ts
 * import { scoreAssessment } from 'la-assurance/scoring';
 *
 * // Camden, published 28 Feb 2025: 32 of 36 = 89%, Outstanding.
 * const result = scoreAssessment({
 *   'assessing-needs': 3, 'supporting-people-to-live-healthier-lives': 3,
 *   'equity-in-experience-and-outcomes': 4, 'care-provision-integration-and-continuity': 3,
 *   'partnerships-and-communities': 4, 'safe-systems-pathways-and-transitions': 4,
 *   safeguarding: 3, 'governance-management-and-sustainability': 4,
 *   'learning-improvement-and-innovation': 4,
 * });
 * result.rating;            // 'outstanding'
 * result.roundedPercentage; // 89
 * ```
 */
export function scoreAssessment(
  scores: QualityStatementScores,
  options?: ScoringOptions,
): AssessmentScore {
  const checked = validateQualityStatementScores(scores);
  if (!checked.success)
    throw new LaAssuranceError('invalid-scores', checked.issues, 'Cannot score the assessment:');
  return scoreValid(checked.data, options);
}

/**
 * {@link scoreAssessment} for untrusted input: never throws on bad data, returns
 * `{ success: true, data }` or `{ success: false, issues }`.
 *
 * @example
 * ```ts
 * import { safeScoreAssessment } from 'la-assurance/scoring';
 *
 * const r = safeScoreAssessment({ safeguarding: '3' });
 * !r.success && r.issues[0]?.code; // 'invalid-score'
 * !r.success && r.issues[0]?.path; // ['scores', 'safeguarding']
 * // message: 'scores.safeguarding: a score must be a whole number from 1 to 4; got "3" (a string)'
 * ```
 */
export function safeScoreAssessment(
  input: unknown,
  options?: ScoringOptions,
): ValidationResult<AssessmentScore, ScoringIssueCode> {
  const checked = validateQualityStatementScores(input);
  return checked.success ? { success: true, data: scoreValid(checked.data, options) } : checked;
}
