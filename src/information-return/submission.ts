import type { CaseRecord } from '../case-tracking/case-record.js';
import type { ValidationIssue } from '../errors/index.js';
import type { IsoDate } from '../timeline/iso-date.js';
import type { CompletenessReport } from './completeness.js';

/**
 * Where a document is: a title plus a link or a file name (or both), and optionally a
 * pointer to the relevant part of it. A council need not write a document per item.
 */
export interface DocumentReference {
  /** The document's title. */
  readonly title: string;
  /** A public `http://` or `https://` address. */
  readonly link?: string;
  /** The name of a file sent with the return. */
  readonly fileName?: string;
  /** The part of the document that answers the item. */
  readonly section?: string;
}

/**
 * The answer "we do not hold this", with the reason. Accepted for any item.
 */
export interface NotHeldResponse {
  /** Always `true`. */
  readonly notHeld: true;
  /** Why it is not held (and when it will be, if known). */
  readonly reason: string;
}

/**
 * The answer to a document item.
 */
export interface DocumentResponse {
  /** The document. */
  readonly document: DocumentReference;
}

/**
 * The answer to a data item: a number for numeric types, a `YYYY-MM-DD` string for dates,
 * one of the options for enums.
 */
export interface ValueResponse {
  /** The value. */
  readonly value: number | string;
}

/**
 * The answer to a narrative item.
 */
export interface NarrativeResponse {
  /** The text. */
  readonly text: string;
}

/**
 * A row of a table answer, keyed by column id.
 */
export type TableRow = Readonly<Record<string, number | string>>;

/**
 * The answer to a table item.
 */
export interface TableResponse {
  /** The rows. */
  readonly rows: readonly TableRow[];
}

/**
 * The answer to a case-list item: case records as `la-assurance/case-tracking` defines
 * them. Extra fields of a row must be text (up to `TEXT_LIMITS.cell`), numbers, booleans
 * or `null`; they are kept.
 */
export interface CaseListResponse {
  /** The case records (the validated output holds the input's row objects, not copies). */
  readonly cases: readonly CaseRecord[];
}

/**
 * Any answer to an item.
 */
export type ItemResponse =
  | NotHeldResponse
  | DocumentResponse
  | ValueResponse
  | NarrativeResponse
  | TableResponse
  | CaseListResponse;

/**
 * A validated information return: which template it answers, and the answers keyed by
 * item id (answered items only).
 */
export interface InformationReturnSubmission {
  /** The template answered. */
  readonly template: {
    /** The template's id. */
    readonly id: string;
    /** The template's version. */
    readonly version: string;
  };
  /** The council's name. */
  readonly council?: string;
  /** Date of submission. */
  readonly submittedOn?: IsoDate;
  /** The answers, keyed by item id. */
  readonly responses: Readonly<Record<string, ItemResponse>>;
}

/**
 * Stable codes of the issues `validateInformationReturn` reports.
 *
 * Shape: `not-an-object`, `unknown-field`, `forbidden-key` (`__proto__`, `constructor`,
 * `prototype`), `missing-field`, `invalid-field`, `unsupported-value` (a function, symbol
 * or BigInt), `cyclic-reference`. Template: `template-mismatch`, `unknown-item`,
 * `missing-required-item`, `invalid-response` (not one of the answers the item takes).
 * Values: `invalid-document`, `invalid-value`, `value-out-of-range`, `text-too-short`,
 * `text-too-long`, `too-few-rows`, `too-many-rows`. Case rows: the codes of
 * `safeParseCaseRecord` (`case-…`) plus `case-extra-field-invalid`. Input that cannot be read
 * (a getter or proxy that throws): `input-unreadable`; `stack-overflow`.
 */
export type InformationReturnIssueCode =
  | 'not-an-object'
  | 'unknown-field'
  | 'forbidden-key'
  | 'missing-field'
  | 'invalid-field'
  | 'unsupported-value'
  | 'cyclic-reference'
  | 'template-mismatch'
  | 'unknown-item'
  | 'missing-required-item'
  | 'invalid-response'
  | 'invalid-document'
  | 'invalid-value'
  | 'value-out-of-range'
  | 'text-too-short'
  | 'text-too-long'
  | 'too-few-rows'
  | 'too-many-rows'
  | 'case-not-object'
  | 'case-missing-field'
  | 'case-invalid-field'
  | 'case-missing-age'
  | 'case-age-band-mismatch'
  | 'case-extra-field-invalid'
  | 'input-unreadable'
  | 'stack-overflow';

/**
 * One problem in a submission: a {@link ValidationIssue} plus the id of the template item
 * it concerns, where it concerns one.
 */
export interface InformationReturnIssue extends ValidationIssue<InformationReturnIssueCode> {
  /** The template item concerned, if any. */
  readonly itemId?: string;
}

/**
 * A valid submission with its completeness report.
 */
export interface ValidatedInformationReturn {
  /** The typed submission (new, frozen objects; case rows are the input's own objects). */
  readonly submission: InformationReturnSubmission;
  /** What is answered and missing, and the evidence per quality statement and theme. */
  readonly completeness: CompletenessReport;
}

/**
 * What `validateInformationReturn` returns: the validated submission, or every issue
 * found up to the cap, with the number of issues beyond it. Never thrown.
 */
export type InformationReturnValidation =
  | {
      /** The submission is valid. */
      readonly success: true;
      /** The submission and its completeness report. */
      readonly data: ValidatedInformationReturn;
    }
  | {
      /** The submission is not valid. */
      readonly success: false;
      /** The issues found, at most `maxIssues`, in input order. */
      readonly issues: readonly InformationReturnIssue[];
      /** How many further issues were found but not listed (0 when all are listed). */
      readonly suppressedIssues: number;
    };

/**
 * Options of `validateInformationReturn` (and, where they change what is accepted, of
 * `informationReturnJsonSchema`).
 */
export interface ValidateInformationReturnOptions {
  /**
   * Accept a return that leaves required items unanswered (a draft); the completeness
   * report lists them. Default `false`: each one is a `missing-required-item` issue.
   */
  readonly allowIncomplete?: boolean;
  /** Most issues listed (a whole number ≥ 1); the rest are only counted. Default 100. */
  readonly maxIssues?: number;
}
