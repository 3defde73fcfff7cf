// The one home of the assessment's published durations (issue 18: "one home for each
// published rule"). Timeline, tranche and report import them from here.

/**
 * Where a rule comes from:
 * - `'published'`: stated by CQC (or the law) in a public document;
 * - `'observed'`: what councils report of their own assessments (2024–26);
 * - `'modelled'`: our choice where nothing is published (configurable).
 */
export type Provenance = 'published' | 'observed' | 'modelled';

/** A rule's provenance: its basis and the source it comes from, in words. */
export interface RuleSource {
  /** Published, observed or modelled. */
  readonly basis: Provenance;
  /** The public source (document, date) or, for a modelled rule, why we chose it. */
  readonly source: string;
}

/** A duration with its provenance. */
export interface DurationRule extends RuleSource {
  /** How many units. */
  readonly value: number;
  /** The unit: calendar weeks or England & Wales working days. */
  readonly unit: 'weeks' | 'working days';
}

/** The published durations of an assessment, each with its provenance (see {@link ASSESSMENT_DURATION_RULES}). */
export interface AssessmentDurationRules {
  /** Weeks from notification to the information return deadline (3, published). */
  readonly informationReturnWeeks: DurationRule;
  /** Weeks from notification to the earliest expected on-site day (9, published estimate). */
  readonly onSiteEarliestWeeks: DurationRule;
  /** Weeks from notification to the latest expected on-site day (11, published estimate). */
  readonly onSiteLatestWeeks: DurationRule;
  /** Minimum weeks of notice of the on-site dates (6, modelled within the published 6–8). */
  readonly onSiteNoticeWeeks: DurationRule;
  /** Working days from the draft report email to the factual accuracy deadline (10, published). */
  readonly factualAccuracyWorkingDays: DurationRule;
  /** Working days from publication to the rating process review request deadline (15, published). */
  readonly ratingReviewWorkingDays: DurationRule;
}

const NOV_2023 =
  "CQC, 'Local authority assessments: what to expect' and seed Q&A, November 2023 (domain reference §6)";

/**
 * The durations of a council's assessment as CQC published them, each with its
 * provenance (domain reference §6):
 * - `informationReturnWeeks` — the information return is due 3 weeks after notification;
 * - `onSiteEarliestWeeks`, `onSiteLatestWeeks` — on site about 9–11 weeks after
 *   notification (CQC's plan, November 2023; in 2025 it was 4–6 months, see
 *   `NOTICE_PERIOD_PRESETS`);
 * - `onSiteNoticeWeeks` — the on-site dates are given at least 6–8 weeks ahead (6, the low
 *   end, is modelled);
 * - `factualAccuracyWorkingDays` — factual accuracy comments are due 10 working days from
 *   the date of the draft report email;
 * - `ratingReviewWorkingDays` — a rating process review is requested within 15 working
 *   days of publication.
 *
 * @example
 * ```ts
 * import { ASSESSMENT_DURATION_RULES } from 'la-assurance/timeline';
 *
 * ASSESSMENT_DURATION_RULES.factualAccuracyWorkingDays.value; // 10
 * ASSESSMENT_DURATION_RULES.onSiteNoticeWeeks.basis;          // 'modelled'
 * ```
 */
export const ASSESSMENT_DURATION_RULES: AssessmentDurationRules = /* @__PURE__ */ Object.freeze({
  informationReturnWeeks: Object.freeze({
    value: 3,
    unit: 'weeks',
    basis: 'published',
    source: NOV_2023,
  }),
  onSiteEarliestWeeks: Object.freeze({
    value: 9,
    unit: 'weeks',
    basis: 'published',
    source: `${NOV_2023}: on site about 9–11 weeks after notification`,
  }),
  onSiteLatestWeeks: Object.freeze({
    value: 11,
    unit: 'weeks',
    basis: 'published',
    source: `${NOV_2023}: on site about 9–11 weeks after notification`,
  }),
  onSiteNoticeWeeks: Object.freeze({
    value: 6,
    unit: 'weeks',
    basis: 'modelled',
    source: `${NOV_2023} gives the on-site dates 6–8 weeks ahead; 6, the low end, is our threshold`,
  }),
  factualAccuracyWorkingDays: Object.freeze({
    value: 10,
    unit: 'working days',
    basis: 'published',
    source:
      'CQC, factual accuracy check guidance: 10 working days from the date of the draft report email (domain reference §6)',
  }),
  ratingReviewWorkingDays: Object.freeze({
    value: 15,
    unit: 'working days',
    basis: 'published',
    source:
      'CQC, rating process review guidance: within 15 working days of publication (domain reference §7)',
  }),
});
