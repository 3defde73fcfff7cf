/**
 * Choosing which councils CQC assesses, and when: score each council against CQC's
 * operational planning principles (weights and rules are options, the defaults modelled),
 * select the exact optimal tranche under type, region, must-include/exclude and date
 * constraints, and plan the whole programme month by month.
 *
 * @module tranche
 */
export {
  PRINCIPLES,
  CONCERN_LEVELS,
  DELIVERY_CONSTRAINT_KINDS,
  type Principle,
  type ConcernLevel,
  type DeliveryConstraintKind,
  type CouncilRef,
  type DatedActivity,
  type DeliveryConstraint,
  type CouncilProfile,
} from './model.js';
export { assessmentWindow, type AssessmentWindow, type AssessmentWindowOptions } from './window.js';
export type { IsoDate } from '../timeline/iso-date.js';
export {
  DEFAULT_PRINCIPLE_WEIGHTS,
  type PrincipleWeights,
  type ScoringRules,
  type ScoringContext,
  type PrincipleContribution,
  type WindowConflict,
  type CouncilScore,
} from './score.js';
export { scoreCouncil, safeScoreCouncil } from './score-council.js';
export {
  validateCouncilProfile,
  validateCouncilProfiles,
  type TrancheIssue,
  type TrancheIssueCode,
} from './validate-profiles.js';
export {
  selectTranche,
  safeSelectTranche,
  type TrancheOptions,
  type CountBounds,
  type TrancheSelection,
  type SelectedCouncil,
  type LeftOutCouncil,
  type LeftOutReason,
} from './select.js';
export {
  planProgramme,
  safePlanProgramme,
  type ProgrammeOptions,
  type ProgrammePlan,
  type ProgrammeTranche,
  type PlannedAssessment,
  type UnplacedCouncil,
} from './plan.js';
export { CouncilProfileSchema, DatedActivitySchema, DeliveryConstraintSchema } from './schemas.js';
export {
  LaAssuranceError,
  isLaAssuranceError,
  type ValidationIssue,
  type ValidationResult,
  type IssuePath,
} from '../errors/index.js';
