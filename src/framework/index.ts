/**
 * The framework CQC assesses councils against: 4 themes, 9 quality statements and the
 * evidence categories, as ordered, readonly data, with label lookup for reading CQC's
 * press-release tables.
 *
 * @module framework
 */
export { THEMES, THEME_IDS, type Theme, type ThemeId } from './themes.js';
export {
  QUALITY_STATEMENTS,
  QUALITY_STATEMENT_IDS,
  getQualityStatement,
  qualityStatementsOfTheme,
  type QualityStatement,
  type QualityStatementId,
} from './quality-statements.js';
export {
  EVIDENCE_CATEGORIES,
  EVIDENCE_CATEGORY_IDS,
  LOCAL_AUTHORITY_EVIDENCE_CATEGORY_IDS,
  type EvidenceCategory,
  type EvidenceCategoryId,
  type LocalAuthorityEvidenceCategoryId,
} from './evidence-categories.js';
export { findQualityStatement, findTheme } from './find.js';
export { ThemeIdSchema, QualityStatementIdSchema, EvidenceCategoryIdSchema } from './schemas.js';
