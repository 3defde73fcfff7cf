// The public shapes of the ASCOF measures from CLD (reference e, DHSC 2024/25-onwards method).
import type { CldDate } from '../model.js';
import type { ASCOF_2A_SEQUEL_TYPES } from './values.js';

/** A reporting period [periodStart, periodEnd], ISO dates, both inclusive. */
export interface AscofPeriod {
  readonly periodStart: CldDate;
  readonly periodEnd: CldDate;
}

/**
 * A financial year: `2024` or `'2024/25'` both mean 1 April 2024 – 31 March 2025 (the year
 * is the one the financial year starts in).
 */
export type AscofYear = number | `${number}/${number}`;

/** The measure codes of the rows (issue 12): 1a/2a are 3D for clients, 1b/2b for carers. */
export const ASCOF_CODES = ['2A', '2B', '2C', '2E', '2E-LD', '3D-1a', '3D-1b', '3D-2a', '3D-2b'] as const;
/** One of {@link ASCOF_CODES}. */
export type AscofCode = (typeof ASCOF_CODES)[number];

/** DHSC's measure names, as its output tables spell them. */
export type AscofMeasureName = 'ASCOF 2A' | 'ASCOF 2B' | 'ASCOF 2C' | 'ASCOF 2E' | 'ASCOF 2E LD' | 'ASCOF 3D (Clients)' | 'ASCOF 3D (Carers)';

/** The age disaggregation of a row. */
export type AscofAgeBand = '18 to 64' | '65 and above' | 'Total';
/** The sex disaggregation of a row (ASCOF 2E only; the others are `Total`). */
export type AscofSex = 'Male' | 'Female' | 'Total';

/** The people behind a row, for "why is this person in the denominator" (with `explain: true`). */
export interface AscofRowPeople {
  /** Person ids (`Der_NHS_LA_Combined_Person_ID`) counted in the numerator, sorted. For 2A one entry per counted cluster, so a person with two clusters appears twice. */
  readonly numerator: readonly string[];
  /** Person ids counted in the denominator, sorted; `null` for 2B/2C, whose denominator is the ONS population. */
  readonly denominator: readonly string[] | null;
}

/** One output row of a measure, in DHSC's long format. */
export interface AscofMeasureRow {
  readonly code: AscofCode;
  readonly measure: AscofMeasureName;
  readonly description: string;
  readonly ageBand: AscofAgeBand;
  readonly sex: AscofSex;
  readonly numerator: number;
  /** For 2B/2C the ONS population supplied by the caller; `null` when it was not supplied. */
  readonly denominator: number | null;
  /** SQL `ROUND(x, 1)` of 100·N/D (2B/2C: 100,000·N/P); 0 when the denominator is 0; `null` when not computable (2B/2C without a population). */
  readonly outcome: number | null;
  /** Present with `explain: true`. */
  readonly people?: AscofRowPeople;
}

/** A measure that could not be computed, and why. */
export interface AscofNotComputable {
  readonly measure: 'ASCOF 2B' | 'ASCOF 2C' | 'ASCOF 2D';
  readonly reason: string;
}

/** The side counts DHSC publishes next to 2E and 3D (their "unknown" tables). */
export interface AscofUnknownCount {
  readonly code: '2E-unknown-accommodation' | '2E-LD-unknown-accommodation' | '3D-clients-unknown-delivery-mechanism' | '3D-carers-unknown-delivery-mechanism';
  readonly measure: AscofMeasureName;
  readonly description: string;
  readonly count: number;
  /** Present with `explain: true`: the persons counted, sorted. */
  readonly people?: readonly string[];
}

/** ASCOF 2A sequel types (lists/ascof2a_sequel_types.csv). */
export type Ascof2ASequelType = (typeof ASCOF_2A_SEQUEL_TYPES)[number];

/** Why an ST-Max cluster ending in the period is not counted at all (reference e.1 steps 5–6). */
export type Ascof2AExclusion = 'under 18' | 'died before cluster start' | 'existing client';

/** One ST-Max (reablement) cluster ending in the period, as ASCOF 2A classified it. */
export interface Ascof2ACluster {
  readonly personId: string;
  readonly clusterStart: CldDate;
  readonly clusterEnd: CldDate;
  /** The outcome of the cluster's latest-ending ST-Max row. */
  readonly clusterOutcome: string;
  readonly ageBand: '18 to 64' | '65 and above' | 'Under 18' | 'Unknown';
  /** Set when the cluster is excluded before the sequel steps; then `sequelType` and `finalOutcome` are `null`. */
  readonly excluded: Ascof2AExclusion | null;
  readonly sequelType: Ascof2ASequelType | null;
  readonly finalOutcome: string | null;
  readonly inNumerator: boolean;
  readonly inDenominator: boolean;
}

/** Options of {@link ascofMeasures}: a period (a financial `year`, or `periodStart`/`periodEnd`) and the populations. */
export type AscofMeasuresOptions = (
  | { readonly year: AscofYear; readonly periodStart?: undefined; readonly periodEnd?: undefined }
  | (AscofPeriod & { readonly year?: undefined })
) & {
  /**
   * The council's ONS mid-year population estimates (all genders) for 2B (`18 to 64`) and 2C
   * (`65 and above`). Without one, that measure's outcome is `null` and it is listed in
   * `notComputable`; it is never estimated.
   */
  readonly population?: { readonly '18 to 64'?: number; readonly '65 and above'?: number };
  /** Return the people behind each numerator and denominator, and every 2A cluster. Default `false`. */
  readonly explain?: boolean;
};

/** What {@link ascofMeasures} returns. */
export interface AscofMeasures {
  readonly periodStart: CldDate;
  readonly periodEnd: CldDate;
  /** Rows in the order 2A, 2B, 2C, 2E, 2E-LD, 3D-1a, 3D-2a, 3D-1b, 3D-2b; within each, 18 to 64, 65 and above, Total (2E: Male, Female, Total within each band). */
  readonly rows: readonly AscofMeasureRow[];
  /** ASCOF 2D always (it needs SUS hospital data), and 2B/2C when their population is missing. */
  readonly notComputable: readonly AscofNotComputable[];
  readonly unknownCounts: readonly AscofUnknownCount[];
  /** Present with `explain: true`: every 2A cluster ending in the period, by person then start. */
  readonly clusters2A?: readonly Ascof2ACluster[];
}
