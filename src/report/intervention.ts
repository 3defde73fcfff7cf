import type { QualityStatementId } from '../framework/quality-statements.js';
import type { ScoringOptions } from '../scoring/options.js';
import { RATINGS, type Rating } from '../scoring/ratings.js';
import type { Report } from './model.js';
import { reportRating } from './rating.js';

/**
 * The DHSC intervention framework's levels (8 Aug 2023), lowest first: council-led (or
 * sector-led) improvement with Partners in Care and Health support; non-statutory
 * enhanced support and monitoring (which may include a DHSC-appointed improvement
 * adviser); statutory intervention (Care Act s72A directions, including a nominee
 * exercising the council's functions).
 */
export const INTERVENTION_LEVELS = [
  'council-led-improvement',
  'enhanced-support-and-monitoring',
  'statutory-intervention',
] as const;

/** A level of the DHSC intervention framework. */
export type InterventionLevel = (typeof INTERVENTION_LEVELS)[number];

/**
 * The routes of section 50 of the Health and Social Care Act 2008, least first: none; a
 * notice to the council (failing, but not substantially: the respects, the action, the
 * time), with the Secretary of State informed; informing the Secretary of State and
 * recommending special measures (failing to discharge its adult social services functions
 * to an acceptable standard). The law is firm; which reports lead to which route is not
 * published, so the route a report points to is modelled.
 */
export const SECTION_50_ROUTES = ['none', 'notice', 'recommend-special-measures'] as const;

/** A route of section 50 of the Health and Social Care Act 2008. */
export type Section50Route = (typeof SECTION_50_ROUTES)[number];

/**
 * Which intervention level to suggest (modelled: no published rule maps a rating to a
 * level). The suggestion is the higher of `byRating[rating]` and, when any quality
 * statement is scored 1, `withScoreOfOne`.
 */
export interface InterventionMapping {
  /** The level suggested for each rating. */
  readonly byRating: Readonly<Record<Rating, InterventionLevel>>;
  /** The least level suggested when a quality statement is scored 1. */
  readonly withScoreOfOne: InterventionLevel;
  /** The section 50 route each rating points to, and the least route for a statement scored 1. Default: the modelled one. */
  readonly section50?: {
    /** The route each rating points to. */
    readonly byRating: Readonly<Record<Rating, Section50Route>>;
    /** The least route when a quality statement is scored 1. */
    readonly withScoreOfOne: Section50Route;
  };
}

/**
 * The default mapping — modelled, not DHSC's or CQC's rule: Inadequate → enhanced
 * support and monitoring (Blackpool, the first Inadequate council, Aug 2025, received an
 * improvement adviser); every other rating, and a statement scored 1 on its own →
 * council-led improvement. Statutory intervention depends on evidence beyond a rating,
 * so it is never suggested by default. Section 50 routes: Inadequate → recommend special
 * measures; a statement scored 1 → a notice; otherwise none (modelled: no published rule
 * maps a rating to either route). Give your own mapping to change any of this.
 *
 * @example
 * ```ts
 * import { MODELLED_INTERVENTION_MAPPING } from 'la-assurance/report';
 *
 * MODELLED_INTERVENTION_MAPPING.byRating.inadequate; // 'enhanced-support-and-monitoring'
 * ```
 */
export const MODELLED_INTERVENTION_MAPPING: InterventionMapping = Object.freeze({
  byRating: Object.freeze({
    inadequate: 'enhanced-support-and-monitoring',
    'requires-improvement': 'council-led-improvement',
    good: 'council-led-improvement',
    outstanding: 'council-led-improvement',
  }),
  withScoreOfOne: 'council-led-improvement',
  // Modelled: an Inadequate rating is read as failing to an acceptable standard (recommend
  // special measures); a statement scored 1 alone as failing in some respects (a notice).
  section50: Object.freeze({
    byRating: Object.freeze({
      inadequate: 'recommend-special-measures',
      'requires-improvement': 'none',
      good: 'none',
      outstanding: 'none',
    }),
    withScoreOfOne: 'notice',
  }),
});

/** Options of {@link interventionSignals}. */
export interface InterventionOptions {
  /** The rating-to-level mapping. Default {@link MODELLED_INTERVENTION_MAPPING} (modelled). */
  readonly mapping?: InterventionMapping;
  /** Options for computing the rating (see `la-assurance/scoring`). */
  readonly scoring?: ScoringOptions;
}

/** What a report signals to the Secretary of State and DHSC. */
export interface InterventionSignals {
  /** The rating, recomputed from the report's current scores. */
  readonly rating: Rating;
  /** Quality statements scored 1, in framework order (each leads to notification of the Secretary of State; firm). */
  readonly scoredOne: readonly QualityStatementId[];
  /** Whether the rating is Inadequate (firm: leads to notification of the Secretary of State). */
  readonly inadequate: boolean;
  /** Whether CQC notifies the Secretary of State: a statement scored 1 or an Inadequate rating (firm). */
  readonly notifySecretaryOfState: boolean;
  /** Whether the report is not yet published, so its scores may still change. */
  readonly provisional: boolean;
  /** The intervention level the mapping suggests — a modelled suggestion, not a published rule. */
  readonly suggestedLevel: InterventionLevel;
  /** Always `'modelled'`: a reminder that `suggestedLevel` is not DHSC's or CQC's rule. */
  readonly suggestionBasis: 'modelled';
  /** The section 50 route the report points to — modelled (the law is firm; the mapping is not published). */
  readonly section50Route: Section50Route;
  /** What the report records under section 50: the notices given and whether special measures were recommended (firm: recorded events). */
  readonly section50Recorded: {
    /** How many section 50 notices the report records. */
    readonly notices: number;
    /** Whether it records a recommendation of special measures. */
    readonly specialMeasuresRecommended: boolean;
  };
  /** Sentences explaining the signals. */
  readonly explanation: readonly string[];
}

const LEVEL_LABELS: { readonly [L in InterventionLevel]: string } = {
  'council-led-improvement': 'council-led improvement',
  'enhanced-support-and-monitoring': 'non-statutory enhanced support and monitoring',
  'statutory-intervention': 'statutory intervention (Care Act s72A)',
};

const ROUTE_LABELS: { readonly [R in Section50Route]: string } = {
  none: 'none',
  notice:
    'a notice to the council (failing in some respects, not substantially), the Secretary of State informed',
  'recommend-special-measures': 'inform the Secretary of State and recommend special measures',
};

function checkedMapping(mapping: InterventionMapping): InterventionMapping {
  const levels: readonly unknown[] = INTERVENTION_LEVELS;
  const ok =
    typeof mapping === 'object' &&
    mapping !== null &&
    levels.includes(mapping.withScoreOfOne) &&
    RATINGS.every((r) => levels.includes(mapping.byRating?.[r]));
  if (!ok)
    throw new TypeError(
      `options.mapping needs a level (${INTERVENTION_LEVELS.join(', ')}) for withScoreOfOne and for each rating in byRating`,
    );
  const routes: readonly unknown[] = SECTION_50_ROUTES;
  const s50 = mapping.section50;
  if (
    s50 !== undefined &&
    !(
      typeof s50 === 'object' &&
      s50 !== null &&
      routes.includes(s50.withScoreOfOne) &&
      RATINGS.every((r) => routes.includes(s50.byRating?.[r]))
    )
  ) {
    throw new TypeError(
      `options.mapping.section50 needs a route (${SECTION_50_ROUTES.join(', ')}) for withScoreOfOne and for each rating in byRating`,
    );
  }
  return mapping;
}

const higher = <T extends string>(order: readonly T[], a: T, b: T): T =>
  order.indexOf(a) >= order.indexOf(b) ? a : b;

/**
 * The intervention signals of a report: quality statements scored 1 and an Inadequate
 * rating (each leads to notification of the Secretary of State — firm), and a suggested
 * level of the DHSC intervention framework from a configurable mapping (modelled: no
 * published rule maps a rating to a level).
 *
 * @example
 * ```ts
 * import { interventionSignals, replayReport } from 'la-assurance/report';
 *
 * const replayed = replayReport([
 *   { type: 'assessment-scored', date: '2024-11-04', council: 'Example Council', scores: { safeguarding: 2, 'assessing-needs': 3 } },
 *   { type: 'quality-assurance-completed', date: '2024-11-18' },
 *   { type: 'calibration-panel-held', date: '2024-12-02' },
 *   { type: 'draft-report-sent', date: '2024-12-20' }, // a Friday, before Christmas
 * ]);
 * if (!replayed.success) throw new Error(replayed.issues[0]?.message);
 * const report = replayed.data;
 * const s = interventionSignals(report); // safeguarding 2, assessing needs 3: 5 of 8 = 63 %, Good
 * s.notifySecretaryOfState; // false (no statement scored 1, not Inadequate)
 * s.suggestedLevel; // 'council-led-improvement' (modelled)
 * ```
 */
export function interventionSignals(
  report: Report,
  options?: InterventionOptions,
): InterventionSignals {
  const mapping = checkedMapping(options?.mapping ?? MODELLED_INTERVENTION_MAPPING);
  const score = reportRating(report, options?.scoring);
  const byRating = mapping.byRating[score.rating];
  const suggestedLevel =
    score.scoredOne.length > 0 &&
    INTERVENTION_LEVELS.indexOf(mapping.withScoreOfOne) > INTERVENTION_LEVELS.indexOf(byRating)
      ? mapping.withScoreOfOne
      : byRating;
  const inadequate = score.rating === 'inadequate';
  const provisional = report.publishedOn === null;
  const s50 = mapping.section50 ?? MODELLED_INTERVENTION_MAPPING.section50!;
  const section50Route =
    score.scoredOne.length > 0
      ? higher(SECTION_50_ROUTES, s50.byRating[score.rating], s50.withScoreOfOne)
      : s50.byRating[score.rating];
  const section50Recorded = Object.freeze({
    notices: report.section50Notices.length,
    specialMeasuresRecommended: report.specialMeasuresRecommendation !== null,
  });
  const explanation: string[] = [];
  if (provisional)
    explanation.push('The report is not yet published: its scores may still change.');
  if (score.scoredOne.length > 0) {
    explanation.push(
      `Scored 1 (significant shortfalls): ${score.scoredOne.join(', ')}; CQC notifies the Secretary of State (a section 50(2) notification letter, as for Warrington's safeguarding score of 1, 22 May 2025).`,
    );
  }
  if (inadequate)
    explanation.push('The overall rating is Inadequate; CQC notifies the Secretary of State.');
  if (!score.notifySecretaryOfState)
    explanation.push(
      'No quality statement is scored 1 and the rating is not Inadequate: no notification of the Secretary of State.',
    );
  explanation.push(
    `Suggested DHSC intervention level: ${LEVEL_LABELS[suggestedLevel]} — a modelled suggestion; no published rule maps a rating to a level.`,
  );
  explanation.push(
    `Section 50 route the report points to: ${ROUTE_LABELS[section50Route]} — modelled; no published rule maps a rating to a route.`,
  );
  if (section50Recorded.notices > 0)
    explanation.push(`Section 50 notices recorded: ${section50Recorded.notices}.`);
  if (section50Recorded.specialMeasuresRecommended)
    explanation.push('CQC has recommended special measures to the Secretary of State (recorded).');
  return Object.freeze({
    rating: score.rating,
    scoredOne: score.scoredOne,
    inadequate,
    notifySecretaryOfState: score.notifySecretaryOfState,
    provisional,
    suggestedLevel,
    suggestionBasis: 'modelled',
    section50Route,
    section50Recorded,
    explanation: Object.freeze(explanation),
  });
}
