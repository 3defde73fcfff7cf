import type { IssuePath, ValidationIssue } from '../errors/index.js';

// The intake model: how rows exported by a council's system are matched to the library's
// fields (a field table and a column mapping, both data) and what an intake reports.
// No zod here: the schema of a column mapping is in ./schemas.ts.

/**
 * One field a module takes from rows: its name in the library, the headings it is known
 * by in exports, and whether a file without it cannot be read at all.
 */
export interface IntakeField {
  /** The library's name for the field (also accepted as a heading). */
  readonly field: string;
  /** Headings it is known by; matched ignoring case, spaces and punctuation. */
  readonly aliases?: readonly string[];
  /** A file without this column stops before any row is read. Default `false`. */
  readonly required?: boolean;
}

/**
 * A column mapping: the library's field names to the headings of a council's export, e.g.
 * `{ "id": "Person ID", "lastAssessed": "Last Assessment Date" }`. Kept as JSON next to
 * the export; a mapped field is matched only by its mapped heading.
 */
export type ColumnMapping = Readonly<Record<string, string>>;

/**
 * How a field was matched to a column: by the mapping, by an alias, or by its own name.
 */
export type ColumnMatch = 'mapping' | 'alias' | 'name';

/**
 * A field matched to a column of the file.
 */
export interface ResolvedColumn {
  /** The library's field name. */
  readonly field: string;
  /** 0-based index of the column. */
  readonly index: number;
  /** The heading as written in the file. */
  readonly heading: string;
  /** How it was matched. */
  readonly match: ColumnMatch;
}

/**
 * A column no field uses.
 */
export interface UnusedColumn {
  /** 0-based index of the column. */
  readonly index: number;
  /** The heading as written in the file. */
  readonly heading: string;
}

/**
 * The outcome of header resolution: which column feeds which field, and the headings no
 * field uses (each reported once, as a warning).
 */
export interface ResolvedHeader {
  /** The headings as found, in file order. */
  readonly headings: readonly string[];
  /** The fields found, in field-table order. */
  readonly columns: readonly ResolvedColumn[];
  /** Headings no field uses, with their 0-based index. */
  readonly unused: readonly UnusedColumn[];
  /** Problems that do not stop the intake (unknown or duplicated unused headings, optional fields absent). */
  readonly warnings: readonly ValidationIssue<HeaderIssueCode>[];
}

/**
 * Issue codes of header resolution.
 *
 * - `missing-column`: a required field has no column (stops the intake).
 * - `duplicate-column`: two columns feed the same field (stops the intake).
 * - `mapped-heading-not-found`: the mapping names a heading the file does not have (stops).
 * - `unknown-mapping-field`: the mapping names a field the table does not have (stops).
 * - `empty-header`: the file has no headings at all (stops).
 * - `unused-column`: headings no field uses (warning, reported once).
 * - `duplicate-heading`: a heading repeated among unused columns (warning).
 * - `optional-column-absent`: an optional field has no column (warning).
 */
export type HeaderIssueCode =
  | 'missing-column'
  | 'duplicate-column'
  | 'mapped-heading-not-found'
  | 'unknown-mapping-field'
  | 'empty-header'
  | 'unused-column'
  | 'duplicate-heading'
  | 'optional-column-absent';

/**
 * How dates are written in an export: given once for the whole file, never guessed per
 * row. `yyyy-mm-dd` is ISO 8601; `dd/mm/yyyy` is the UK form (day and month may have one
 * digit); `d/m/yy` has a two-digit year (see `twoDigitYearPivot`).
 *
 * @example
 * ```ts
 * import { DATE_FORMATS } from 'la-assurance/intake';
 *
 * DATE_FORMATS.includes('dd/mm/yyyy'); // true
 * ```
 */
export const DATE_FORMATS = ['yyyy-mm-dd', 'dd/mm/yyyy', 'd/m/yy'] as const;

/**
 * A date format of {@link DATE_FORMATS}.
 */
export type DateFormat = (typeof DATE_FORMATS)[number];

/**
 * Issue codes of row intake.
 *
 * - `missing-value`: a required cell is empty (the row is rejected).
 * - `invalid-value`: a cell cannot be read as its field's type or list (rejected when the
 *   field is required or used, else a warning and the value is left out).
 * - `extra-cells`: the row has non-empty cells beyond the header (rejected: the columns
 *   have shifted, e.g. an unquoted comma).
 * - `short-row`: the row has fewer cells than the header (warning; the missing cells are empty).
 * - `invalid-record`: the values read do not make a valid record (e.g. age and age band disagree).
 */
export type RowIssueCode =
  | 'missing-value'
  | 'invalid-value'
  | 'extra-cells'
  | 'short-row'
  | 'invalid-record';

/**
 * A problem with one row, at its physical line in the file.
 */
export interface RowIssue extends ValidationIssue<RowIssueCode> {
  /** 1-based physical line where the row starts (blank lines and line breaks inside quoted cells counted). */
  readonly line: number;
  /** The path names the field. */
  readonly path: IssuePath;
}

/**
 * What an intake read, with counts that add up: `rowsRead = rowsKept + rowsRejected`.
 * Rows whose every cell is empty are not rows: they are counted in `blankRows` only.
 */
export interface IntakeSummary {
  /** Rows read (not counting the header and blank rows). */
  readonly rowsRead: number;
  /** Rows that made a valid record. */
  readonly rowsKept: number;
  /** Rows rejected (each has at least one issue, listed or counted). */
  readonly rowsRejected: number;
  /** Rows with every cell empty (e.g. a line of commas), skipped. */
  readonly blankRows: number;
  /** The first issues of rejected rows, in file order (at most `maxIssues`). */
  readonly issues: readonly RowIssue[];
  /** Issues of rejected rows not listed. */
  readonly suppressedIssues: number;
  /** The first warnings (kept rows), in file order (at most `maxIssues`). */
  readonly warnings: readonly RowIssue[];
  /** Warnings not listed. */
  readonly suppressedWarnings: number;
  /** Kept rows with at least one warning. */
  readonly warningRows: number;
}
