import type { Council } from '../councils/model.js';

/**
 * CQC's operational planning principles that the score weighs (domain README §8), in
 * the order results list them. The principle "council types, structures and location"
 * is not scored: `selectTranche` meets it with per-type and per-region bounds.
 */
export const PRINCIPLES = [
  'existing-concerns',
  'innovation',
  'ics-alignment',
  'time-since-last-assessment',
  'regulatory-activity',
  'delivery-constraints',
] as const;

/** One scored planning principle. */
export type Principle = (typeof PRINCIPLES)[number];

/** How much concern is known about a council, lowest first. */
export const CONCERN_LEVELS = ['none', 'low', 'medium', 'high'] as const;

/** A level of known concern. */
export type ConcernLevel = (typeof CONCERN_LEVELS)[number];

/** Kinds of delivery constraint. */
export const DELIVERY_CONSTRAINT_KINDS = ['major-event', 'pre-election', 'other'] as const;

/** A kind of delivery constraint: a major event straining transport and accommodation, a pre-election period, or other. */
export type DeliveryConstraintKind = (typeof DELIVERY_CONSTRAINT_KINDS)[number];

/** What a profile needs to know about its council: a `Council` from `la-assurance/councils` fits. */
export type CouncilRef = Pick<Council, 'code' | 'name' | 'type' | 'region'> & {
  /** Whether one ICB covers exactly this council (strengthens ICS alignment). Default `false`. */
  readonly coterminous?: boolean;
};

/** A dated period of other activity at a council, inclusive of both dates (ISO `YYYY-MM-DD`). */
export interface DatedActivity {
  /** What it is, e.g. "Ofsted ILACS inspection". */
  readonly label: string;
  /** First day. */
  readonly start: string;
  /** Last day (on or after `start`). */
  readonly end: string;
}

/** A period when an assessment would be hard to deliver at a council. */
export interface DeliveryConstraint extends DatedActivity {
  /** What kind of constraint. Default `'other'`. */
  readonly kind?: DeliveryConstraintKind;
}

/**
 * What is known about a council for planning its assessment: one signal per planning
 * principle. Dates are ISO `YYYY-MM-DD` strings.
 */
export interface CouncilProfile {
  /** The council (code, name, type, region; a full `Council` record fits). */
  readonly council: CouncilRef;
  /** Known concerns that may call for an earlier assessment. Default `'none'`. */
  readonly concernLevel?: ConcernLevel;
  /** What the concerns are, for the explanation. */
  readonly concerns?: string;
  /** Innovation or new models of care worth understanding, in a sentence; absent when none. */
  readonly innovation?: string;
  /** When the integrated care system's own assessment starts, if planned. */
  readonly icsAssessment?: string;
  /** Other regulatory activity at the council (e.g. an Ofsted inspection). */
  readonly regulatoryActivity?: readonly DatedActivity[];
  /** Delivery constraints (major events, pre-election periods). */
  readonly deliveryConstraints?: readonly DeliveryConstraint[];
  /** When the council's last CQC assessment was published; absent if never assessed. */
  readonly lastAssessment?: string;
}
