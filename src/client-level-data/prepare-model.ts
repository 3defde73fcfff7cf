// The shapes `prepareClientLevelData` takes and returns.
import type { ValidationIssue } from '../errors/index.js';
import type { CheckedClientLevelData } from './check-model.js';
import type { PreparedClientLevelData } from './model.js';
import type { CldSubmission } from './submissions.js';

/** Why a row is not in the main table (or which row it was merged into). */
export type CldTraceCode =
  | 'rejected-by-check'
  | 'other-council'
  | 'submission-not-selected'
  | 'no-event-type'
  | 'not-in-period'
  | 'died-before-period'
  | 'duplicate-event';

/** What happened to one input row that is not itself in the prepared events. */
export interface CldTraceEntry {
  /** 1-based data row. */
  readonly row: number;
  /** Stable code of what happened. */
  readonly code: CldTraceCode;
  /** For `duplicate-event`: the row kept for the same event (reference d.6). */
  readonly mergedInto: number | null;
  /** What happened, for a person. */
  readonly message: string;
}

/** Counts of the preparation; `rowsRead = events + dropped + merged`. */
export interface CldPrepareSummary {
  /** Rows the check read (or events given, when no account was passed). */
  readonly rowsRead: number;
  /** Rows the check rejected. */
  readonly rejectedByCheck: number;
  /** Rows for another council. */
  readonly otherCouncil: number;
  /** Rows in a file not selected for the period (d.2). */
  readonly submissionNotSelected: number;
  /** Dropped by the period filter (reference d.3), by reason. */
  readonly noEventType: number;
  /** Rows not in the period (d.3). */
  readonly notInPeriod: number;
  /** Rows removed by the death filter (d.3 step 4). */
  readonly diedBeforePeriod: number;
  /** Rows merged into another row of the same event (reference d.6). */
  readonly merged: number;
  /** Open services whose end was cropped to their reference period's end (reference d.5 step 2). */
  readonly cropped: number;
  /** Rows in the main table. */
  readonly events: number;
}

/** The result of {@link prepareClientLevelData}: DHSC's main table, with its trace. */
export interface PreparedClientLevelDataResult extends PreparedClientLevelData {
  /** `single`: one file (or one selected file per period); `joined`: per-quarter reference periods with service cropping. */
  readonly mode: 'single' | 'joined';
  /** Every input row not in `events`, ascending by row: why it was dropped or which row it was merged into. */
  readonly trace: readonly CldTraceEntry[];
  /** Counts of what happened to the rows. */
  readonly summary: CldPrepareSummary;
  /** The files found (national layout, several `ImportDate`s), with derived periods and selection; empty for one file. */
  readonly submissions: readonly CldSubmission[];
  /** Warnings that did not stop the preparation (e.g. a quarter no file qualified for). */
  readonly warnings: readonly ValidationIssue<'reference-period-without-file'>[];
}

/** Issue codes of {@link prepareClientLevelData}. */
export type CldPrepareIssueCode =
  | 'multiple-la-codes'
  | 'no-la-code'
  | 'no-submission-for-period'
  | 'invalid-period';

/** What {@link prepareClientLevelData} reads: the check's result, or at least its events. */
export type CldPrepareInput = Pick<CheckedClientLevelData, 'events'> &
  Partial<Pick<CheckedClientLevelData, 'account'>>;

/** Options of {@link prepareClientLevelData}. */
export interface PrepareClientLevelDataOptions {
  /** First day of the period (ISO date). */
  readonly periodStart: string;
  /** Last day of the period (ISO date). */
  readonly periodEnd: string;
  /** The council to prepare; required when the rows carry several `LA_Code`s; fills rows without one. */
  readonly laCode?: string;
  /**
   * With several `ImportDate`s (national layout): `single` (default) selects one file for the
   * whole period (DHSC's single-submissions table); `joined` selects a file per quarter,
   * gives each its reference period and crops open services (DHSC's joined table, which
   * the ASCOF measures use). Ignored for a single file.
   */
  readonly mode?: 'single' | 'joined';
  /** Whether files qualify by their derived (default, as DHSC does) or stated reporting period (reference d.2). */
  readonly basis?: 'derived' | 'stated';
  /** Only files loaded on or before this date count (reference d.2 "as-of"); default: no limit. */
  readonly asOf?: string;
  /** ImportDates never selected; default DHSC's hard-coded exclusion (`DHSC_EXCLUDED_IMPORTS`). */
  readonly excludedImports?: readonly string[];
}
