// The shapes `checkClientLevelData` returns: the cleaned events, the DQ report, the issues
// and the account of every row.
import type { ValidationIssue } from '../errors/index.js';
import type { ColumnMapping, DateFormat } from '../intake/model.js';
import type { CldColumnResolution } from './columns.js';
import type { CldOfficialLists } from './lists/lookup.js';
import type { ClientLevelDataEvent } from './model.js';

/** Stable codes of the check's issues. */
export type CldIssueCode =
  | 'missing-column'
  | 'unknown-mapping-field'
  | 'mapped-heading-not-found'
  | 'no-rows'
  | 'unknown-column'
  | 'duplicate-column'
  | 'not-an-object'
  | 'unreadable-row'
  | 'blank-row'
  | 'blank-mandatory'
  | 'invalid-value'
  | 'release-1-value'
  | 'value-spelling'
  | 'unlisted-value'
  | 'invalid-date'
  | 'invalid-number'
  | 'missing-start-date'
  | 'no-person-identifier'
  | 'missing-nhs-number'
  | 'end-before-start';

/** One problem found in a row (or, with row 0, in the file as a whole). `path` is `[row, field]`. */
export interface CldIssue extends ValidationIssue<CldIssueCode> {
  /** 1-based data row (0: the file, e.g. a column). */
  readonly row: number;
  /** The field (database name), or the heading for a column issue. */
  readonly field: string;
  /** `error`: the value was rejected or replaced by `Invalid and not mapped`; `warning`: kept as read or mapped. */
  readonly severity: 'error' | 'warning';
}

/** One issue of the check at `row` (0: the file, e.g. a column) and `field`. */
export function cldIssue(
  row: number,
  field: string,
  code: CldIssueCode,
  severity: CldIssue['severity'],
  message: string,
): CldIssue {
  return { code, path: [row, field], message, row, field, severity };
}

/**
 * One field's data-quality counts, in the shape of DHSC's DQ values (reference d.8): each
 * count is the number of rows with that validity. `valid` = Passed: Valid; `blank` =
 * Passed: Blank (Not Mandatory); `missing` = Failed: Blank (Mandatory); `invalid` = Failed:
 * Invalid; `release1` = Failed: Release 1 (mapped forward); `notApplicable` = the field does
 * not apply to the row's event type (status 0). `unlisted` counts values outside a list we
 * know only partly (not failed; DHSC would review them) and `spelling` values matched only
 * once punctuation is ignored.
 */
export interface CldFieldQuality {
  /** The field (database name). */
  readonly field: string;
  /** DHSC DQ module (reference d.8). */
  readonly module: string;
  /** Passed: Valid. */
  readonly valid: number;
  /** Passed: Blank (Not Mandatory). */
  readonly blank: number;
  /** Failed: Blank (Mandatory). */
  readonly missing: number;
  /** Failed: Invalid (cleaned to `Invalid and not mapped`). */
  readonly invalid: number;
  /** The Release 1 wording. */
  readonly release1: number;
  /** Not in a partial list (kept, warned). */
  readonly unlisted: number;
  /** Matched only ignoring punctuation and spacing (kept, warned). */
  readonly spelling: number;
  /** The field does not apply to the row's event type. */
  readonly notApplicable: number;
}

/** A row the check rejected, and why. */
export interface CldRejection {
  /** 1-based data row. */
  readonly row: number;
  /** Stable code of what happened. */
  readonly code:
    | 'not-an-object'
    | 'unreadable-row'
    | 'blank-row'
    | 'missing-start-date'
    | 'invalid-date'
    | 'no-person-identifier';
  /** What happened, for a person. */
  readonly message: string;
}

/** What happened to every row read: the counts add up (`read = kept + keptWithMapping + rejected`). */
export interface CldRowAccount {
  /** Rows read. */
  readonly read: number;
  /** Kept with every value as submitted (or blank, or `Invalid and not mapped`). */
  readonly kept: number;
  /** Kept with at least one Release 1 value mapped forward to Release 2 (or a spelling matched). */
  readonly keptWithMapping: number;
  /** Rows rejected. */
  readonly rejected: number;
  /** The rows kept with a mapping, ascending. */
  readonly mappedRows: readonly number[];
  /** Every rejected row with its reason, ascending. */
  readonly rejections: readonly CldRejection[];
}

/** The result of {@link checkClientLevelData} when the file could be read. */
export interface CheckedClientLevelData {
  /** The cleaned events, in input order (rejected rows left out). */
  readonly events: readonly ClientLevelDataEvent[];
  /** `national` when the headings include the national database's derived columns. */
  readonly layout: 'submission' | 'national';
  /** Headings recognised (with the field each one gave), unknown, and recognised but not carried (names, postcodes …). */
  readonly columns: {
    /** Headings recognised, with the field each gave. */
    readonly recognised: readonly {
      /** The heading in the file. */
      readonly heading: string;
      /** The field it gave. */
      readonly field: string;
    }[];
    /** Headings that are not CLD fields (reported once each). */
    readonly unknown: readonly string[];
    /** Recognised headings the cleaned record leaves out (names, postcodes, …). */
    readonly notCarried: readonly string[];
  };
  /** Data quality per field present in the file, in the reference's field order. */
  readonly quality: readonly CldFieldQuality[];
  /** Issues by row and field, up to `maxIssues`. */
  readonly issues: readonly CldIssue[];
  /** Issues found beyond `maxIssues` (counted, not listed). */
  readonly issuesOmitted: number;
  /** Every issue found, counted by code (listed or not). */
  readonly issueCounts: Readonly<Partial<Record<CldIssueCode, number>>>;
  /** What happened to every row read. */
  readonly account: CldRowAccount;
}

/** The header of a CLD file resolved: which heading gives which field, and the warnings. */
export interface ClientLevelDataHeaders {
  /** The headings resolved to CLD columns (how each matched, unknown and duplicate headings, the layout). */
  readonly resolution: CldColumnResolution;
  /** Warnings about the headings, each reported once at row 0: `unknown-column`, `duplicate-column`. */
  readonly warnings: readonly CldIssue[];
}

/** Options of {@link resolveClientLevelDataHeaders}. */
export interface ResolveClientLevelDataHeadersOptions {
  /**
   * Column mapping: CLD field database name → the heading in the file, e.g.
   * `{ "Event_Start_Date": "Start Date" }`. Validate JSON with `ColumnMappingSchema`
   * (`la-assurance/intake`) first. A mapped field is read from its mapped heading only
   * (written exactly so, else ignoring case, spaces and punctuation), whatever other
   * headings match its name or aliases. A field name that is not a CLD column
   * (`unknown-mapping-field`) or a heading the file does not have
   * (`mapped-heading-not-found`) stops the check before any row is read. Default:
   * headings matched by name and alias only.
   */
  readonly mapping?: ColumnMapping;
}

/** Options of {@link checkClientLevelData}. */
export interface CheckClientLevelDataOptions extends ResolveClientLevelDataHeadersOptions {
  /**
   * How the file writes dates, for every date column (and the date part of `ImportDate`):
   * `'yyyy-mm-dd'`, `'dd/mm/yyyy'` (day and month may have one digit) or `'d/m/yy'`. A
   * cell in another form is an invalid date for its field (`invalid-date`). Default: none
   * — each cell is read as ISO `YYYY-MM-DD` or UK `DD/MM/YYYY`, whichever it looks like
   * (the behaviour before this option; a file mixing both is read without complaint).
   */
  readonly dateFormat?: DateFormat;
  /**
   * With `dateFormat: 'd/m/yy'`: two-digit years below it are 20yy, the rest 19yy.
   * Default 70 (the intake layer's `DEFAULT_TWO_DIGIT_YEAR_PIVOT`, modelled on POSIX
   * `strptime %y`: `1/3/69` is 2069-03-01, `1/3/70` is 1970-03-01).
   */
  readonly twoDigitYearPivot?: number;
  /**
   * Official defined lists (field database name → Release 2 values). A list given here is
   * treated as complete: a value outside it becomes `Invalid and not mapped` with an error,
   * where our partial list would only warn. Fields without a list of ours (e.g.
   * `Request_Route_of_Access`) become checked too.
   */
  readonly lists?: CldOfficialLists;
  /**
   * The file's headings, in order, when rows are given as arrays of cells in that order
   * (what a CSV parser gives without column names; it saves making an object per row).
   * Rows may then be arrays or objects (read by heading as usual); a cell past the end of
   * a short array is blank. Without it, an array row is rejected as `not-an-object`.
   */
  readonly headings?: readonly string[];
  /** How many issues to list; the rest are counted in `issuesOmitted`. Default 1000. */
  readonly maxIssues?: number;
  /** `LA_Code` for rows that have none (a council's own file often has no LA code column). */
  readonly laCode?: string;
  /** Called every `progressEvery` rows (default 100,000) with the number of rows read. */
  readonly onProgress?: (rowsRead: number) => void;
  /** Rows between `onProgress` calls; default 100,000. */
  readonly progressEvery?: number;
}
