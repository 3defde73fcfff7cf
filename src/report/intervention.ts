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
export const INTERVENTION_LEVELS = ['council-led-improvement', 'enhanced-support-and-monitoring', 'statutory-intervention'] as const;

/** A level of the DHSC intervention framework. */
export type InterventionLevel = (typeof INTERVENTION_LEVELS)[number];

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
}

/**
 * The default mapping — modelled, not DHSC's or CQC's rule: Inadequate → enhanced
 * support and monitoring (Blackpool, the first Inadequate council, Aug 2025, received an
 * improvement adviser); every other rating, and a statement scored 1 on its own →
 * council-led improvement. Statutory intervention depends on evidence beyond a rating,
 * so it is never suggested by default; give your own mapping to change any of this.
 *
 * @example
 * ```ts
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
  /** Sentences explaining the signals. */
  readonly explanation: readonly string[];
}

const LEVEL_LABELS: { readonly [L in InterventionLevel]: string } = {
  'council-led-improvement': 'council-led improvement',
  'enhanced-support-and-monitoring': 'non-statutory enhanced support and monitoring',
  'statutory-intervention': 'statutory intervention (Care Act s72A)',
};

function checkedMapping(mapping: InterventionMapping): InterventionMapping {
  const levels: readonly unknown[] = INTERVENTION_LEVELS;
  const ok = typeof mapping === 'object' && mapping !== null && levels.includes(mapping.withScoreOfOne) && RATINGS.every((r) => levels.includes(mapping.byRating?.[r]));
  if (!ok) throw new TypeError(`options.mapping needs a level (${INTERVENTION_LEVELS.join(', ')}) for withScoreOfOne and for each rating in byRating`);
  return mapping;
}

/**
 * The intervention signals of a report: quality statements scored 1 and an Inadequate
 * rating (each leads to notification of the Secretary of State — firm), and a suggested
 * level of the DHSC intervention framework from a configurable mapping (modelled: no
 * published rule maps a rating to a level).
 *
 * @example
 * ```ts
 * const s = interventionSignals(report);
 * s.notifySecretaryOfState; // true when a statement is scored 1 or the rating is Inadequate
 * s.suggestedLevel;         // e.g. 'council-led-improvement' (modelled)
 * ```
 */
export function interventionSignals(report: Report, options?: InterventionOptions): InterventionSignals {
  const mapping = checkedMapping(options?.mapping ?? MODELLED_INTERVENTION_MAPPING);
  const score = reportRating(report, options?.scoring);
  const byRating = mapping.byRating[score.rating];
  const suggestedLevel =
    score.scoredOne.length > 0 && INTERVENTION_LEVELS.indexOf(mapping.withScoreOfOne) > INTERVENTION_LEVELS.indexOf(byRating) ? mapping.withScoreOfOne : byRating;
  const inadequate = score.rating === 'inadequate';
  const provisional = report.publishedOn === null;
  const explanation: string[] = [];
  if (provisional) explanation.push('The report is not yet published: its scores may still change.');
  if (score.scoredOne.length > 0) explanation.push(`Scored 1 (significant shortfalls): ${score.scoredOne.join(', ')}; CQC notifies the Secretary of State.`);
  if (inadequate) explanation.push('The overall rating is Inadequate; CQC notifies the Secretary of State.');
  if (!score.notifySecretaryOfState) explanation.push('No quality statement is scored 1 and the rating is not Inadequate: no notification of the Secretary of State.');
  explanation.push(`Suggested DHSC intervention level: ${LEVEL_LABELS[suggestedLevel]} — a modelled suggestion; no published rule maps a rating to a level.`);
  return Object.freeze({
    rating: score.rating,
    scoredOne: score.scoredOne,
    inadequate,
    notifySecretaryOfState: score.notifySecretaryOfState,
    provisional,
    suggestedLevel,
    suggestionBasis: 'modelled',
    explanation: Object.freeze(explanation),
  });
}
