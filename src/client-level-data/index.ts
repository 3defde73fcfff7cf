/**
 * Adult Social Care Client Level Data (CLD): the Release 2 record, its defined lists with
 * their provenance, the check of a council's file (`checkClientLevelData`) and DHSC's
 * main-table method (`prepareClientLevelData`), the input of the CLD measures.
 *
 * @module client-level-data
 */
export type {
  ClientLevelDataEvent,
  MainTableEvent,
  PreparedClientLevelData,
  CldDate,
  CldAgeBand,
  CldWorkingAgeBand,
} from './model.js';
export { checkClientLevelData } from './check.js';
export { resolveClientLevelDataHeaders } from './headers.js';
export type {
  CheckClientLevelDataOptions,
  ClientLevelDataHeaders,
  ResolveClientLevelDataHeadersOptions,
  CheckedClientLevelData,
  CldFieldQuality,
  CldIssue,
  CldIssueCode,
  CldRejection,
  CldRowAccount,
} from './check-model.js';
export { prepareClientLevelData, explainClientLevelDataRow } from './prepare.js';
export type {
  PrepareClientLevelDataOptions,
  PreparedClientLevelDataResult,
  CldPrepareInput,
  CldPrepareIssueCode,
  CldPrepareSummary,
  CldTraceCode,
  CldTraceEntry,
} from './prepare-model.js';
export { DHSC_EXCLUDED_IMPORTS, type CldSubmission } from './submissions.js';
export {
  CLD_COLUMNS,
  resolveCldColumns,
  type CldColumn,
  type CldColumnKind,
  type CldAppliesTo,
  type CldColumnResolution,
} from './columns.js';
export { sqlCollationKey } from './sql.js';
export {
  lookupCldValue,
  type CldValueResolution,
  type CldValueStatus,
  type CldOfficialLists,
} from './lists/lookup.js';
export {
  CLD_LIST_FIELDS,
  CLD_VALUE_LISTS,
  CLD_RELEASE_1_MAPPINGS,
  type CldListField,
  type CldValueList,
  type CldRelease1Mapping,
} from './lists/value-lists.js';
export {
  CLD_EVENT_OUTCOMES,
  CLD_SERVICE_TYPES,
  CLD_ETHNICITIES,
  CLD_ACCOMMODATION_STATUSES,
  CLD_EMPLOYMENT_STATUSES,
  CLD_DELIVERY_MECHANISMS,
  CLD_PRIMARY_SUPPORT_REASONS,
  INVALID_AND_NOT_MAPPED,
  RELEASE_1_ONLY_NOT_MAPPED,
  type CldEventOutcome,
  type CldServiceType,
  type CldEthnicity,
  type CldAccommodationStatus,
  type CldEmploymentStatus,
  type CldDeliveryMechanism,
  type CldPrimarySupportReason,
} from './lists/tables.js';
export {
  eventOutcomeInfo,
  eventOutcomeHierarchy,
  eventOutcomeGroup,
  serviceTypeInfo,
  serviceTypeGroup,
  ethnicityGroup,
  isSettledAccommodation,
  isInPaidEmployment,
  cleanEventType,
  reviewType,
  ageBand,
  workingAgeBand,
  type CldEventTypeCleaned,
} from './lists/groupings.js';
export { sqlAge, addMonths, dayNumber } from './sql.js';
export * from './waiting-times/index.js';
export * from './bridges/index.js';
export * from './ascof/index.js';
