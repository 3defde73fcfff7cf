import {
  LOCAL_AUTHORITY_EVIDENCE_CATEGORY_IDS,
  EVIDENCE_CATEGORY_IDS,
  type LocalAuthorityEvidenceCategoryId,
} from '../framework/evidence-categories.js';
import { QUALITY_STATEMENTS, type QualityStatementId } from '../framework/quality-statements.js';
import { LaAssuranceError, type ValidationResult } from '../errors/index.js';
import { describeValue, isPlainObject } from '../internal/describe.js';
import { dottedPath } from '../internal/issue-path.js';
import {
  buildAssessmentScore,
  type AssessmentScore,
  type QualityStatementScores,
} from './assessment-result.js';
import { resolveScoringOptions, type ScoringOptions } from './options.js';
import { bandFraction } from './percentage.js';
import type { QualityStatementScore } from './ratings.js';
import {
  isScore,
  scoreIssue,
  walkQualityStatements,
  type ScoringIssue,
  type ScoringIssueCode,
} from './validate-scores.js';

/** Scores for the evidence categories used in local authority assessments, for one quality statement. */
export type EvidenceCategoryScores = {
  readonly [C in LocalAuthorityEvidenceCategoryId]?: QualityStatementScore;
};

/** Evidence-category scores keyed by quality statement id (all nine, or a subset). */
export type EvidenceCategoryScoresByStatement = {
  readonly [Id in QualityStatementId]?: EvidenceCategoryScores;
};

/** Options of {@link scoreEvidenceCategories}. */
export interface EvidenceCategoryScoringOptions extends ScoringOptions {
  /**
   * What the overall percentage is computed from (modelled; CQC's Dec 2023 guidance does
   * not say):
   * - `'evidence-categories'` (default): every evidence-category score, summed, over 4 × their
   *   number. This reproduces early published percentages that the quality statement
   *   scores cannot (Wakefield: 62% with a quality statement total of 22, i.e. 61%).
   * - `'quality-statement-scores'`: the derived quality statement scores, as in the current method.
   */
  readonly aggregate?: 'evidence-categories' | 'quality-statement-scores';
}

/** How one quality statement's score was derived from its evidence categories. */
export interface DerivedQualityStatementScore {
  /** The quality statement. */
  readonly id: QualityStatementId;
  /** Its evidence-category scores. */
  readonly categories: EvidenceCategoryScores;
  /** Sum of the category scores. */
  readonly total: number;
  /** 4 × number of categories scored. */
  readonly maximum: number;
  /** 100 × total ÷ maximum, exact. */
  readonly percentage: number;
  /** The percentage rounded half-up. */
  readonly roundedPercentage: number;
  /** The quality statement score from the rating bands (25–38 → 1, 39–62 → 2, 63–87 → 3, 88+ → 4). */
  readonly score: QualityStatementScore;
}

/** The result of the evidence-category method: the overall result plus each statement's derivation. */
export interface EvidenceCategoryAssessment extends AssessmentScore {
  /** Per scored quality statement, in framework order, how its score was derived. */
  readonly qualityStatements: readonly DerivedQualityStatementScore[];
}

const LA_CATEGORIES: ReadonlySet<string> = new Set(LOCAL_AUTHORITY_EVIDENCE_CATEGORY_IDS);
const ALL_CATEGORIES: ReadonlySet<string> = new Set(EVIDENCE_CATEGORY_IDS);

function checkCategories(
  id: QualityStatementId,
  value: unknown,
  issues: ScoringIssue[],
  out: Record<string, EvidenceCategoryScores>,
): void {
  const path = ['scores', id];
  if (!isPlainObject(value) || Object.keys(value).length === 0) {
    issues.push({
      code: isPlainObject(value) ? 'no-scores' : 'invalid-input',
      path,
      message: `${dottedPath(path)}: expected evidence-category scores such as { "peoples-experience": 3, "processes": 2 }; got ${isPlainObject(value) ? 'no categories' : describeValue(value)}`,
    });
    return;
  }
  const categories: Partial<Record<string, QualityStatementScore>> = {};
  for (const key of Object.keys(value)) {
    const keyPath = [...path, key];
    if (!LA_CATEGORIES.has(key)) {
      issues.push(
        ALL_CATEGORIES.has(key)
          ? {
              code: 'evidence-category-not-used',
              path: keyPath,
              message: `${dottedPath(keyPath)}: ${JSON.stringify(key)} is not used in local authority assessments; use ${LOCAL_AUTHORITY_EVIDENCE_CATEGORY_IDS.join(', ')}`,
            }
          : {
              code: 'unknown-evidence-category',
              path: keyPath,
              message: `${dottedPath(keyPath)}: ${JSON.stringify(key)} is not an evidence category; use ${LOCAL_AUTHORITY_EVIDENCE_CATEGORY_IDS.join(', ')}`,
            },
      );
      continue;
    }
    const score = value[key];
    if (isScore(score)) categories[key] = score;
    else issues.push(scoreIssue(keyPath, score));
  }
  out[id] = categories as EvidenceCategoryScores;
}

/** Validates evidence-category scores from untrusted data. Never throws. */
export function validateEvidenceCategoryScores(
  input: unknown,
): ValidationResult<EvidenceCategoryScoresByStatement, ScoringIssueCode> {
  const out: Record<string, EvidenceCategoryScores> = {};
  const issues = walkQualityStatements(input, ['scores'], (id, value, found) =>
    checkCategories(id, value, found, out),
  );
  return issues.length > 0
    ? { success: false, issues }
    : { success: true, data: out as EvidenceCategoryScoresByStatement };
}

function scoreValid(
  input: EvidenceCategoryScoresByStatement,
  options?: EvidenceCategoryScoringOptions,
): EvidenceCategoryAssessment {
  const resolved = resolveScoringOptions(options);
  const aggregate = options?.aggregate ?? 'evidence-categories';
  if (aggregate !== 'evidence-categories' && aggregate !== 'quality-statement-scores') {
    throw new TypeError(
      `options.aggregate must be 'evidence-categories' or 'quality-statement-scores'; got ${describeValue(aggregate)}`,
    );
  }
  const derived: DerivedQualityStatementScore[] = [];
  const scores: Partial<Record<QualityStatementId, QualityStatementScore>> = {};
  let categoryTotal = 0;
  let categoryMaximum = 0;
  let statementTotal = 0;
  for (const { id } of QUALITY_STATEMENTS) {
    const categories = input[id];
    if (categories === undefined) continue;
    const ordered: Partial<Record<LocalAuthorityEvidenceCategoryId, QualityStatementScore>> = {};
    let total = 0;
    for (const c of LOCAL_AUTHORITY_EVIDENCE_CATEGORY_IDS) {
      const s = categories[c];
      if (s !== undefined) {
        ordered[c] = s;
        total += s;
      }
    }
    const maximum = 4 * Object.keys(ordered).length;
    const banded = bandFraction(total, maximum, resolved.rounding);
    const score = banded.band.score;
    scores[id] = score;
    categoryTotal += total;
    categoryMaximum += maximum;
    statementTotal += score;
    derived.push(
      Object.freeze({
        id,
        categories: Object.freeze(ordered),
        total,
        maximum,
        percentage: banded.percentage,
        roundedPercentage: banded.roundedPercentage,
        score,
      }),
    );
  }
  const fraction =
    aggregate === 'evidence-categories'
      ? { total: categoryTotal, maximum: categoryMaximum, subject: 'Evidence-category' }
      : { total: statementTotal, maximum: 4 * derived.length, subject: 'Quality statement' };
  const note = `Evidence-category method (Dec 2023 guidance): each quality statement scored from its evidence categories by the rating bands; overall from the ${aggregate === 'evidence-categories' ? 'evidence-category scores' : 'derived quality statement scores'} (a modelled choice).`;
  const result = buildAssessmentScore(
    'evidence-category',
    scores as QualityStatementScores,
    fraction,
    resolved,
    [note],
  );
  return Object.freeze({ ...result, qualityStatements: Object.freeze(derived) });
}

/**
 * Scores an assessment by the evidence-category method of CQC's December 2023 guidance:
 * each used evidence category (people's experience, feedback from staff and leaders,
 * feedback from partners, processes) is scored 1–4 per quality statement; the statement's
 * percentage gives its score by the rating bands; the overall percentage gives the rating.
 *
 * @throws {@link LaAssuranceError} with code `'invalid-scores'` when the input is invalid.
 * @example
 * ```ts
 * import { scoreEvidenceCategories } from 'la-assurance/scoring';
 *
 * const r = scoreEvidenceCategories({
 *   safeguarding: { 'peoples-experience': 3, 'feedback-from-staff-and-leaders': 3, 'feedback-from-partners': 2, processes: 3 },
 * });
 * r.qualityStatements[0]?.score; // 3 (11 of 16 = 69%)
 * ```
 */
export function scoreEvidenceCategories(
  scores: EvidenceCategoryScoresByStatement,
  options?: EvidenceCategoryScoringOptions,
): EvidenceCategoryAssessment {
  const checked = validateEvidenceCategoryScores(scores);
  if (!checked.success)
    throw new LaAssuranceError(
      'invalid-scores',
      checked.issues,
      'Cannot score the evidence categories:',
    );
  return scoreValid(checked.data, options);
}

/**
 * {@link scoreEvidenceCategories} for untrusted input; never throws on bad data.
 *
 * @example
 * ```ts
 * import { safeScoreEvidenceCategories } from 'la-assurance/scoring';
 *
 * safeScoreEvidenceCategories({ safeguarding: { observation: 3 } }).success; // false
 * ```
 */
export function safeScoreEvidenceCategories(
  input: unknown,
  options?: EvidenceCategoryScoringOptions,
): ValidationResult<EvidenceCategoryAssessment, ScoringIssueCode> {
  const checked = validateEvidenceCategoryScores(input);
  return checked.success ? { success: true, data: scoreValid(checked.data, options) } : checked;
}
