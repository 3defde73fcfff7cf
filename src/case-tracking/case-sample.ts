import type { ValidationIssue } from '../errors/index.js';
import type { CaseRecord } from './case-record.js';
import type { CaseCriteria } from './criteria.js';

// The options and the result of `safeSelectCaseSample` (select.ts): the case-sample model.

/**
 * Version of the selection algorithm, echoed in every result. It changes whenever the same
 * input could give a different sample (the golden vectors in the tests pin it).
 *
 * @example
 * ```ts
 * import { CASE_SAMPLE_ALGORITHM } from 'la-assurance/case-tracking';
 *
 * CASE_SAMPLE_ALGORITHM; // 'la-assurance/case-sample@1'
 * ```
 */
export const CASE_SAMPLE_ALGORITHM = 'la-assurance/case-sample@1';

/**
 * Options of `safeSelectCaseSample`.
 */
export interface CaseSampleOptions {
  /** Seed of the draw: record it with the result; the same seed and records give the same sample. */
  readonly seed: string;
  /** Number of cases to sample (the council's list). Default 50. */
  readonly size?: number;
  /** Criteria. Default `defaultCaseCriteria()` [modelled]. */
  readonly criteria?: CaseCriteria;
  /** Number of cases shortlisted from the sample (CQC's cut). Default 10. */
  readonly shortlistSize?: number;
  /** Number of shortlisted people to approach first; the rest are reserves. Default 6. */
  readonly engageSize?: number;
  /**
   * What to do with invalid records and duplicated ids: `'skip'` (default) leaves them out
   * and reports them in `problems`; `'reject'` returns `success: false` with the issues.
   */
  readonly onInvalid?: 'skip' | 'reject';
  /**
   * Detect duplicated ids (default `true`). Costs 24 bytes per record while the records are
   * read (an array's ids are read back from the array), and when `cases` is not an array
   * also each id: about 5 bytes plus one byte per character for ASCII ids (31 bytes per
   * record in all for 9-character ids, measured), the id itself otherwise. Turn it off only
   * when the ids are known to be unique, to keep memory proportional to the sample.
   */
  readonly checkDuplicateIds?: boolean;
  /** Most problems reported one by one (default 100); the rest are counted in `suppressedProblems`. */
  readonly maxProblems?: number;
}

/**
 * Issue codes of `safeSelectCaseSample`: those of `safeParseCaseRecord`, plus
 * `duplicate-case-id` (two or more records share an id; all of them are left out).
 */
export type CaseSampleIssueCode =
  | 'case-not-object'
  | 'case-missing-field'
  | 'case-invalid-field'
  | 'case-missing-age'
  | 'case-age-band-mismatch'
  | 'input-unreadable'
  | 'duplicate-case-id';

/**
 * A problem with one input record: the issue (path starts with the record's position in
 * the input) plus the position and, when readable, the id.
 */
export interface CaseRecordProblem extends ValidationIssue<CaseSampleIssueCode> {
  /** 0-based position of the record in the input. */
  readonly position: number;
  /** The record's id, when it has a string id. */
  readonly id?: string;
}

/**
 * An id shared by several records, and where they are.
 */
export interface DuplicateCaseId {
  /** The shared id. */
  readonly id: string;
  /** 0-based positions of every record with that id, ascending. */
  readonly positions: readonly number[];
}

/**
 * One sampled case and why it is in the sample.
 */
export interface SelectedCase {
  /** The case id. */
  readonly id: string;
  /** 0-based position of the record in the input. */
  readonly position: number;
  /** The record's priority (see `casePriority`): lower is drawn first. */
  readonly priority: number;
  /** The record as given (extra fields included). */
  readonly record: CaseRecord;
  /** The quota whose step drew it (e.g. `'must-include:safeguarding-enquiry'`, `'ethnicity:asian'`), or `'fill'`. */
  readonly selectedFor: string;
  /** Every quota (with a target above 0) it counts toward, in quota order. */
  readonly satisfies: readonly string[];
}

/**
 * One row of the coverage table: a category quota or a must-include rule.
 */
export interface CaseCoverageRow {
  /** `'<field>:<category>'` or `'must-include:<rule id>'`. */
  readonly quota: string;
  /** Category of a dimension, or a must-include rule. */
  readonly kind: 'category' | 'must-include';
  /** Population records (valid, unique ids) matching it. */
  readonly population: number;
  /** The criteria's minimum. */
  readonly minimum: number;
  /** The proportional share of the sample, for proportional dimensions. */
  readonly proportionalShare?: number;
  /** What the selection aimed for: the minimum, or the larger of minimum and share. */
  readonly target: number;
  /** Sampled cases matching it. */
  readonly selected: number;
  /** Shortlisted cases matching it. */
  readonly shortlisted: number;
  /** Cases to engage matching it. */
  readonly engaged: number;
}

/**
 * A quota the sample does not meet, by how much, and why: the population has too few
 * matching records, the sample filled up with other quotas first, or records with
 * duplicated ids took candidate places.
 */
export interface CaseShortfall {
  /** The quota id, as in the coverage table. */
  readonly quota: string;
  /** What the selection aimed for. */
  readonly target: number;
  /** What it got. */
  readonly selected: number;
  /** `target − selected`. */
  readonly missing: number;
  /** Why. */
  readonly reason: 'population-too-small' | 'sample-full' | 'duplicates-excluded';
}

/**
 * The result of `safeSelectCaseSample`. Frozen.
 */
export interface CaseSample {
  /** {@link CASE_SAMPLE_ALGORITHM}. */
  readonly algorithm: typeof CASE_SAMPLE_ALGORITHM;
  /** The seed used. */
  readonly seed: string;
  /** Id of the criteria used, and whether they are official or modelled. */
  readonly criteria: {
    /** The criteria's id. */
    readonly id: string;
    /** `'official'` or `'modelled'`. */
    readonly status: 'official' | 'modelled';
  };
  /** Records read from the input. */
  readonly recordsRead: number;
  /** Valid records with unique ids (the population sampled). */
  readonly population: number;
  /** The sample, in the order drawn (min(size, population) cases). */
  readonly sample: readonly SelectedCase[];
  /** The shortlist, in coverage order (each adds the most uncovered quotas). */
  readonly shortlist: readonly SelectedCase[];
  /** The first `engageSize` of the shortlist: the people to approach. */
  readonly engage: readonly SelectedCase[];
  /** The rest of the shortlist, in order: approach the next when someone declines. */
  readonly reserves: readonly SelectedCase[];
  /** Per quota: population, target, selected, shortlisted, engaged. */
  readonly coverage: readonly CaseCoverageRow[];
  /** Quotas the sample does not meet. */
  readonly shortfalls: readonly CaseShortfall[];
  /** Records left out (invalid or with a duplicated id), the first `maxProblems`. */
  readonly problems: readonly CaseRecordProblem[];
  /** Problems not listed in `problems`. */
  readonly suppressedProblems: number;
  /** Ids shared by several records (all copies left out). */
  readonly duplicates: readonly DuplicateCaseId[];
}
