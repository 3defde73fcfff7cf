/**
 * Information returns: versioned, template-driven item lists (documents, data, narrative,
 * tables and case lists, each tagged with the quality statements it evidences), validation
 * of a council's submission with messages an officer can act on, a completeness report per
 * quality statement and theme, and a JSON Schema for teams not on TypeScript. CQC's own
 * item list is not public: the shipped templates are **modelled**; load the official one
 * with `defineInformationReturnTemplate`.
 *
 * @module information-return
 */
export {
  TEMPLATE_STATUSES,
  ITEM_KINDS,
  VALUE_TYPES,
  FORBIDDEN_KEYS,
  TEXT_LIMITS,
  valueBounds,
  type TemplateStatus,
  type ItemKind,
  type ValueTypeName,
  type NumericValueType,
  type DateValueType,
  type EnumValueType,
  type ValueType,
  type TemplateItemBase,
  type DocumentItem,
  type NarrativeItem,
  type DataItem,
  type TableColumn,
  type TableItem,
  type CaseListItem,
  type TemplateItem,
  type TemplateSection,
  type InformationReturnTemplate,
} from './model.js';
export type {
  DocumentReference,
  NotHeldResponse,
  DocumentResponse,
  ValueResponse,
  NarrativeResponse,
  TableRow,
  TableResponse,
  CaseListResponse,
  ItemResponse,
  InformationReturnSubmission,
  InformationReturnIssueCode,
  InformationReturnIssue,
  ValidatedInformationReturn,
  InformationReturnValidation,
  ValidateInformationReturnOptions,
} from './submission.js';
export {
  informationReturnCompleteness,
  type ItemAnswerStatus,
  type ItemCompleteness,
  type QualityStatementEvidence,
  type ThemeEvidence,
  type CompletenessReport,
} from './completeness.js';
export { validateInformationReturn, parseInformationReturn } from './validate.js';
export {
  MODELLED_FORMAL_TEMPLATE,
  MODELLED_PILOT_TEMPLATE,
  MODELLED_TEMPLATES,
} from './templates.js';
export { itemThemes } from './item-themes.js';
export {
  defineInformationReturnTemplate,
  safeDefineInformationReturnTemplate,
  type TemplateIssueCode,
} from './define-template.js';
export {
  informationReturnJsonSchema,
  type JsonSchema,
  type InformationReturnJsonSchemaOptions,
} from './json-schema.js';
export {
  InformationReturnTemplateSchema,
  TemplateItemSchema,
  TemplateSectionSchema,
  TableColumnSchema,
  ValueTypeSchema,
} from './schemas.js';
export {
  LaAssuranceError,
  isLaAssuranceError,
  type ValidationIssue,
  type ValidationResult,
  type IssuePath,
} from '../errors/index.js';
