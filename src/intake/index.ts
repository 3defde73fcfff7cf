/**
 * Intake: rows as councils' systems export them, read into the library's records. Header
 * resolution against a field table (data: `{ field, aliases, required }`) and an optional
 * column mapping, before any row is read; values as systems write them (UK and ISO dates
 * by an explicit format, Excel serial dates, published CLD labels in their Release 1 and
 * Release 2 spellings, yes/no flags) with "did you mean" suggestions; and honest counts
 * (rows read = kept + rejected, each issue at its physical line). No I/O: give it the
 * header and the rows from any CSV parser.
 *
 * @module intake
 */
export {
  DATE_FORMATS,
  type DateFormat,
  type IntakeField,
  type ColumnMapping,
  type ColumnMatch,
  type ResolvedColumn,
  type ResolvedHeader,
  type UnusedColumn,
  type HeaderIssueCode,
  type RowIssueCode,
  type RowIssue,
  type IntakeSummary,
} from './model.js';
export { headingKey, resolveHeader } from './headings.js';
export { parseDateCell, DEFAULT_TWO_DIGIT_YEAR_PIVOT, type DateCellOptions } from './dates.js';
export { parseFlagCell } from './cells.js';
export {
  PRIMARY_SUPPORT_REASON_LABELS,
  ETHNICITY_LABELS,
  CARE_SETTING_LABELS,
  type LabelTable,
} from './labels.js';
export {
  CASE_INTAKE_FIELDS,
  CaseIntake,
  createCaseIntake,
  type CaseIntakeOptions,
  type CaseOptionalField,
} from './case-intake.js';
export { ColumnMappingSchema } from './schemas.js';
export type { ValidationIssue, ValidationResult, IssuePath } from '../errors/index.js';
