// The public shapes of the ASCOF measures from CLD (reference e, DHSC 2024/25-onwards method).
import type { CldDate } from '../model.js';
import type { ASCOF_2A_SEQUEL_TYPES } from './values.js';

/** A reporting period [periodStart, periodEnd], ISO dates, both inclusive. */
export interface AscofPeriod {
  /** First day of the period. */
  readonly periodStart: CldDate;
  /** Last day of the period. */
  readonly periodEnd: CldDate;
}

/**
 * A financial year: `2024` or `'2024/25'` both mean 1 April 2024 – 31 March 2025 (the year
 * is the one the financial year starts in).
 */
export type AscofYear = number | `${number}/${number}`;

/** The measure codes of the rows (issue 12): 1a/2a are 3D for clients, 1b/2b for carers. */
export const ASCOF_CODES = [
  '2A',
  '2B',
  '2C',
  '2E',
  '2E-LD',
  '3D-1a',
  '3D-1b',
  '3D-2a',
  '3D-2b',
] as const;
/** One of {@link ASCOF_CODES}. */
export type AscofCode = (typeof ASCOF_CODES)[number];

/** DHSC's measure names, as its output tables spell them. */
export type AscofMeasureName =
  | 'ASCOF 2A'
  | 'ASCOF 2B'
  | 'ASCOF 2C'
  | 'ASCOF 2E'
  | 'ASCOF 2E LD'
  | 'ASCOF 3D (Clients)'
  | 'ASCOF 3D (Carers)';

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
  /** The measure's code (`2A`, `3D-1a`, …). */
  readonly code: AscofCode;
  /** DHSC's measure name. */
  readonly measure: AscofMeasureName;
  /** What the measure counts, in DHSC's words. */
  readonly description: string;
  /** The age group of the row. */
  readonly ageBand: AscofAgeBand;
  /** The sex of the row (`Total` except in 2E). */
  readonly sex: AscofSex;
  /** People (2A: clusters) counted in the numerator. */
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
  /** The measure. */
  readonly measure: 'ASCOF 2B' | 'ASCOF 2C' | 'ASCOF 2D';
  /** Why it could not be computed (what data it needs). */
  readonly reason: string;
}

/** The side counts DHSC publishes next to 2E and 3D (their "unknown" tables). */
export interface AscofUnknownCount {
  /** Which count. */
  readonly code:
    | '2E-unknown-accommodation'
    | '2E-LD-unknown-accommodation'
    | '3D-clients-unknown-delivery-mechanism'
    | '3D-carers-unknown-delivery-mechanism';
  /** The measure it sits beside. */
  readonly measure: AscofMeasureName;
  /** What is counted. */
  readonly description: string;
  /** How many persons. */
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
  /** The person (`Der_NHS_LA_Combined_Person_ID`). */
  readonly personId: string;
  /** Earliest start of the cluster's ST-Max rows. */
  readonly clusterStart: CldDate;
  /** Latest end of the cluster's ST-Max rows. */
  readonly clusterEnd: CldDate;
  /** The outcome of the cluster's latest-ending ST-Max row. */
  readonly clusterOutcome: string;
  /** Age band at the cluster end. */
  readonly ageBand: '18 to 64' | '65 and above' | 'Under 18' | 'Unknown';
  /** Set when the cluster is excluded before the sequel steps; then `sequelType` and `finalOutcome` are `null`. */
  readonly excluded: Ascof2AExclusion | null;
  /** The sequel step that classified the cluster (reference e.1 step 7). */
  readonly sequelType: Ascof2ASequelType | null;
  /** The final outcome counted. */
  readonly finalOutcome: string | null;
  /** Whether the cluster counts in the numerator. */
  readonly inNumerator: boolean;
  /** Whether the cluster counts in the denominator. */
  readonly inDenominator: boolean;
}

/** Options of {@link ascofMeasures}: a period (a financial `year`, or `periodStart`/`periodEnd`) and the populations. */
export type AscofMeasuresOptions = (
  | {
      /** The financial year (2024 or '2024/25' = 1 April 2024 to 31 March 2025). */
      readonly year: AscofYear;
      /** Not with `year`. */
      readonly periodStart?: undefined;
      /** Not with `year`. */
      readonly periodEnd?: undefined;
    }
  | (AscofPeriod & {
      /** Not with `periodStart`/`periodEnd`. */
      readonly year?: undefined;
    })
) & {
  /**
   * The council's ONS mid-year population estimates (all genders) for 2B (`18 to 64`) and 2C
   * (`65 and above`). Without one, that measure's outcome is `null` and it is listed in
   * `notComputable`; it is never estimated.
   */
  readonly population?: {
    /** ONS estimate of the council's population aged 18 to 64 (ASCOF 2B). */
    readonly '18 to 64'?: number;
    /** ONS estimate of the council's population aged 65 and above (ASCOF 2C). */
    readonly '65 and above'?: number;
  };
  /** Return the people behind each numerator and denominator, and every 2A cluster. Default `false`. */
  readonly explain?: boolean;
};

/** What {@link ascofMeasures} returns. */
export interface AscofMeasures {
  /** First day of the reporting period. */
  readonly periodStart: CldDate;
  /** Last day of the reporting period. */
  readonly periodEnd: CldDate;
  /** Rows in the order 2A, 2B, 2C, 2E, 2E-LD, 3D-1a, 3D-2a, 3D-1b, 3D-2b; within each, 18 to 64, 65 and above, Total (2E: Male, Female, Total within each band). */
  readonly rows: readonly AscofMeasureRow[];
  /** ASCOF 2D always (it needs SUS hospital data), and 2B/2C when their population is missing. */
  readonly notComputable: readonly AscofNotComputable[];
  /** The side counts of persons with unknown accommodation (2E) or delivery mechanism (3D). */
  readonly unknownCounts: readonly AscofUnknownCount[];
  /** Present with `explain: true`: every 2A cluster ending in the period, by person then start. */
  readonly clusters2A?: readonly Ascof2ACluster[];
}
