/**
 * Case tracking: the one case-record model of the library (shared with the information
 * return's case list) and a reproducible, explainable selection of the pilots' 50 → 10 → 6
 * case sample — deterministic, order-invariant, streaming, with a coverage table,
 * shortfalls and, for every selected case, the quotas it satisfies.
 *
 * @module case-tracking
 */
export {
  PRIMARY_SUPPORT_REASONS,
  ETHNIC_GROUPS,
  CARE_SETTINGS,
  AGE_BANDS,
  CASE_FLAGS,
  CASE_AGE_RANGE,
  CASE_ID_MAX_LENGTH,
  ageBandOf,
  caseAgeBand,
  safeParseCaseRecord,
  isCaseRecord,
  type PrimarySupportReason,
  type EthnicGroup,
  type CareSetting,
  type AgeBand,
  type CaseFlag,
  type CaseRecord,
  type CaseRecordIssueCode,
} from './case-record.js';
export {
  CASE_DIMENSION_FIELDS,
  CASE_DIMENSION_CATEGORIES,
  defaultCaseCriteria,
  type CaseDimensionField,
  type CaseDimensionCategory,
  type CaseCriteria,
  type CaseCriteriaDimension,
  type CaseCriteriaCategory,
  type CaseMustIncludeRule,
  type CaseRuleMatch,
  type DefaultCaseCriteriaOptions,
} from './criteria.js';
export { casePriority } from './priority.js';
export { safeSelectCaseSample, selectCaseSample } from './select.js';
export { prepareCasePopulation, CasePopulation } from './population.js';
export {
  CASE_SAMPLE_ALGORITHM,
  type CaseSampleOptions,
  type CaseSample,
  type CaseSampleIssueCode,
  type CaseRecordProblem,
  type DuplicateCaseId,
  type SelectedCase,
  type CaseCoverageRow,
  type CaseShortfall,
} from './case-sample.js';
export { CaseRecordSchema, CaseCriteriaSchema } from './schemas.js';
export {
  LaAssuranceError,
  isLaAssuranceError,
  type ValidationIssue,
  type ValidationResult,
  type IssuePath,
} from '../errors/index.js';
export type { IsoDate } from '../timeline/iso-date.js';
