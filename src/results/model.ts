import type { QualityStatementScores } from '../scoring/assessment-result.js';
import type { Rating } from '../scoring/ratings.js';

/**
 * Kinds of CQC local authority assessment: the five 2023 `'pilot'` assessments (indicative
 * ratings, not formal ratings; data/README.md) and `'formal'` assessments (from Dec 2023).
 */
export const ASSESSMENT_KINDS = ['pilot', 'formal'] as const;

/** The kind of a published assessment. */
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/**
 * How far a row can be trusted, lowest first, as the dataset grades its sources: `'high'`
 * CQC's own pages or press releases (or the scrape confirmed against one), `'medium'` a
 * third-party scrape or a council's or newspaper's report, `'low'` a rating detected by a
 * naive keyword scan.
 */
export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;

/** A row's confidence. */
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/**
 * One published CQC assessment result of one council. Everything not known is absent:
 * nothing is filled in by inference (County Durham's rating, for example, is absent though
 * its scores imply Good; {@link checkResult} says so).
 */
export interface PublishedResult {
  /** The council's ONS code (joins to `la-assurance/councils`). */
  readonly council: string;
  /** Pilot (indicative) or formal. */
  readonly kind: AssessmentKind;
  /**
   * When the report was published, as precisely as a source gives it: `'YYYY-MM-DD'`,
   * `'YYYY-MM'` (most rows: the month from the report's URL) or `'YYYY'`. Absent when unknown.
   */
  readonly published?: string;
  /** The overall rating, where a source gave one. */
  readonly rating?: Rating;
  /** The quality statement scores a source gave: all nine, some, or none. */
  readonly scores: QualityStatementScores;
  /** CQC's overall percentage, where a source quoted one (whole number). */
  readonly publishedPercentage?: number;
  /** The CQC report's address. */
  readonly reportUrl?: string;
  /** Where the row comes from. */
  readonly source: string;
  /** How far the row can be trusted. */
  readonly confidence: Confidence;
  /** What the source left unclear, or a correction made to it. */
  readonly note?: string;
}

/** The vintage of a results table. */
export interface ResultsAsOf {
  /** The latest publication month in the table (`'YYYY-MM'`). */
  readonly latestPublication: string;
  /** The day up to which the formal results are believed complete. */
  readonly completeUpTo: string;
  /** The month the table was last added to. */
  readonly compiled: string;
}

/** How much of England a results table covers. */
export interface ResultsCoverage {
  /** Councils with adult social services responsibilities (153). */
  readonly councils: number;
  /** Councils with a formal result in the table (rating known or not). */
  readonly withFormalResult: number;
  /** Councils whose formal result has a rating. */
  readonly withFormalRating: number;
  /** Councils whose formal result has all nine quality statement scores. */
  readonly withAllNineScores: number;
  /** Pilot (indicative) results. */
  readonly pilots: number;
  /** Formal results by confidence. */
  readonly formalByConfidence: Readonly<Record<Confidence, number>>;
  /** ONS codes of the councils with no formal result in the table, sorted. */
  readonly withoutFormalResult: readonly string[];
}
