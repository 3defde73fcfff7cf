import { describeValue } from '../internal/describe.js';
import { toDayNumber, type IsoDate } from '../timeline/iso-date.js';
import {
  PRINCIPLES,
  type ConcernLevel,
  type CouncilProfile,
  type DatedActivity,
  type Principle,
} from './model.js';
import { overlapsWindow, type AssessmentWindow, type AssessmentWindowOptions } from './window.js';

/**
 * Points each principle can contribute (all modelled: CQC publishes the principles, not
 * weights). A principle's contribution is its weight times a factor from the rules:
 * 0–1 for the principles that bring an assessment forward, 0 or −1 for the two that
 * hold it back.
 */
export type PrincipleWeights = Readonly<Record<Principle, number>>;

/**
 * Default weights (modelled): existing concerns 40, innovation 20, ICS alignment 10, time
 * since last assessment 10, other regulatory activity 30, delivery constraints 30.
 *
 * @example
 * ```ts
 * import { DEFAULT_PRINCIPLE_WEIGHTS } from 'la-assurance/tranche';
 *
 * DEFAULT_PRINCIPLE_WEIGHTS['existing-concerns']; // 40
 * ```
 */
export const DEFAULT_PRINCIPLE_WEIGHTS: PrincipleWeights = Object.freeze({
  'existing-concerns': 40,
  innovation: 20,
  'ics-alignment': 10,
  'time-since-last-assessment': 10,
  'regulatory-activity': 30,
  'delivery-constraints': 30,
});

/** The rules that turn signals into factors. All modelled; every field has a default. */
export interface ScoringRules {
  /** Factor per concern level (each from −1,000 to 1,000). Default none 0, low 0.25, medium 0.5, high 1. */
  readonly concernFactors?: Readonly<Record<ConcernLevel, number>>;
  /** An ICS assessment starting within this many days of the notification (either side) aligns. Default 91. */
  readonly icsAlignmentDays?: number;
  /** Factor (−1,000 to 1,000) for an aligned ICS assessment when the council is not coterminous with its ICB. Default 0.5 (coterminous: 1). */
  readonly nonCoterminousAlignmentFactor?: number;
  /** Days after which a previous assessment counts in full towards reassessment. Default 1096 (3 years). */
  readonly reassessmentDays?: number;
}

/**
 * The context a council is scored in: the tranche's notification date, and the weights,
 * rules and window durations to use.
 */
export interface ScoringContext {
  /** The date councils in the tranche would be notified (`YYYY-MM-DD`). */
  readonly notificationDate: string;
  /** Weights per principle, each from −1,000,000 to 1,000,000; missing ones take {@link DEFAULT_PRINCIPLE_WEIGHTS}. */
  readonly weights?: Partial<PrincipleWeights>;
  /** Rules; missing ones take their defaults. */
  readonly rules?: ScoringRules;
  /** Assessment window durations (defaults: the published ones). */
  readonly window?: AssessmentWindowOptions;
}

/** One principle's part in a council's score. */
export interface PrincipleContribution {
  /** The principle. */
  readonly principle: Principle;
  /** Points it adds (negative: holds the assessment back), to hundredths. */
  readonly contribution: number;
  /** Why, in a sentence. */
  readonly reason: string;
}

/** A dated activity that overlaps the council's assessment window. */
export interface WindowConflict {
  /** Which list it comes from. */
  readonly source: 'regulatoryActivity' | 'deliveryConstraints';
  /** Its index in that list. */
  readonly index: number;
  /** The activity. */
  readonly activity: DatedActivity;
}

/** A council's planning score. */
export interface CouncilScore {
  /** The profile's council. */
  readonly council: CouncilProfile['council'];
  /** Sum of the contributions (points, to hundredths). Higher: assess sooner. */
  readonly total: number;
  /** One entry per principle, in {@link PRINCIPLES} order. */
  readonly principles: readonly PrincipleContribution[];
  /** The assessment window the score was computed for. */
  readonly window: AssessmentWindow;
  /** Activities overlapping the window; a tranche never includes a council that has any. */
  readonly conflicts: readonly WindowConflict[];
}

/** Resolved weights and rules, checked once per call. */
interface ResolvedScoring {
  readonly weights: PrincipleWeights;
  readonly concernFactors: Readonly<Record<ConcernLevel, number>>;
  readonly icsAlignmentDays: number;
  readonly nonCoterminousAlignmentFactor: number;
  readonly reassessmentDays: number;
}

const DEFAULT_CONCERN_FACTORS: Readonly<Record<ConcernLevel, number>> = Object.freeze({
  none: 0,
  low: 0.25,
  medium: 0.5,
  high: 1,
});

// Bounds that keep every total finite and exact in hundredths (a weight of 1e308 would
// give Infinity, and Infinity − Infinity NaN, which no ranking can use).
const MAX_WEIGHT = 1e6;
const MAX_FACTOR = 1e3;

function finite(value: unknown, name: string, limit = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new RangeError(`${name} must be a finite number; got ${describeValue(value)}`);
  if (Math.abs(value) > limit)
    throw new RangeError(
      `${name} must be from −${limit} to ${limit} so that scores stay finite; got ${value}`,
    );
  return value;
}

function objectOption(value: unknown, name: string): void {
  if (value !== undefined && (typeof value !== 'object' || value === null))
    throw new TypeError(`${name} must be an object; got ${describeValue(value)}`);
}

/** Applies defaults to weights and rules; a wrong option is a programmer error (`RangeError`). */
export function resolveScoring(
  context: Pick<ScoringContext, 'weights' | 'rules'>,
): ResolvedScoring {
  objectOption(context.weights, 'weights');
  objectOption(context.rules, 'rules');
  const weights = { ...DEFAULT_PRINCIPLE_WEIGHTS, ...context.weights };
  for (const p of PRINCIPLES) finite(weights[p], `weights['${p}']`, MAX_WEIGHT);
  const rules = context.rules ?? {};
  objectOption(rules.concernFactors, 'rules.concernFactors');
  const concernFactors = { ...DEFAULT_CONCERN_FACTORS, ...rules.concernFactors };
  for (const [level, f] of Object.entries(concernFactors))
    finite(f, `rules.concernFactors.${level}`, MAX_FACTOR);
  const icsAlignmentDays = finite(rules.icsAlignmentDays ?? 91, 'rules.icsAlignmentDays');
  const reassessmentDays = finite(rules.reassessmentDays ?? 1096, 'rules.reassessmentDays');
  if (reassessmentDays <= 0) throw new RangeError('rules.reassessmentDays must be more than 0');
  return {
    weights,
    concernFactors,
    icsAlignmentDays,
    nonCoterminousAlignmentFactor: finite(
      rules.nonCoterminousAlignmentFactor ?? 0.5,
      'rules.nonCoterminousAlignmentFactor',
      MAX_FACTOR,
    ),
    reassessmentDays,
  };
}

const hundredths = (x: number): number => Math.round(x * 100) / 100 + 0; // + 0 turns -0 into 0

function part(
  principle: Principle,
  weight: number,
  factor: number,
  reason: string,
): PrincipleContribution {
  const contribution = hundredths(weight * factor);
  return Object.freeze({
    principle,
    contribution,
    reason: `${reason} (${contribution >= 0 ? '+' : ''}${contribution}).`,
  });
}

function listed(activities: readonly DatedActivity[]): string {
  return activities.map((a) => `${a.label} (${a.start} to ${a.end})`).join('; ');
}

/** Scores a profile already validated, in a resolved context. */
export function scoreValidProfile(
  profile: CouncilProfile,
  window: AssessmentWindow,
  r: ResolvedScoring,
): CouncilScore {
  const w = r.weights;
  const level = profile.concernLevel ?? 'none';
  const concerns = profile.concerns ? `: ${profile.concerns}` : '';
  const notified = toDayNumber(window.notification);
  const principles: PrincipleContribution[] = [];
  principles.push(
    part(
      'existing-concerns',
      w['existing-concerns'],
      r.concernFactors[level],
      level === 'none' ? 'No known concerns' : `Known concerns: ${level}${concerns}`,
    ),
  );
  principles.push(
    part(
      'innovation',
      w.innovation,
      profile.innovation ? 1 : 0,
      profile.innovation
        ? `Innovation worth understanding: ${profile.innovation}`
        : 'No innovation or new model of care noted',
    ),
  );
  let ics: PrincipleContribution;
  if (profile.icsAssessment === undefined)
    ics = part('ics-alignment', w['ics-alignment'], 0, 'No ICS assessment planned');
  else {
    const gap = Math.abs(toDayNumber(profile.icsAssessment as IsoDate) - notified);
    const coterminous = profile.council.coterminous === true;
    const aligned = gap <= r.icsAlignmentDays;
    ics = part(
      'ics-alignment',
      w['ics-alignment'],
      aligned ? (coterminous ? 1 : r.nonCoterminousAlignmentFactor) : 0,
      aligned
        ? `ICS assessment from ${profile.icsAssessment}, ${gap} days from notification${coterminous ? ', with coterminous boundaries' : ''}: assessing together aligns them`
        : `ICS assessment from ${profile.icsAssessment} is ${gap} days from notification, too far to align`,
    );
  }
  principles.push(ics);
  if (profile.lastAssessment === undefined) {
    principles.push(
      part('time-since-last-assessment', w['time-since-last-assessment'], 1, 'Not assessed before'),
    );
  } else {
    const since = notified - toDayNumber(profile.lastAssessment as IsoDate);
    principles.push(
      part(
        'time-since-last-assessment',
        w['time-since-last-assessment'],
        Math.min(1, Math.max(0, since) / r.reassessmentDays),
        `Last assessed ${profile.lastAssessment}, ${since} days before notification`,
      ),
    );
  }
  const conflicts: WindowConflict[] = [];
  for (const source of ['regulatoryActivity', 'deliveryConstraints'] as const) {
    (profile[source] ?? []).forEach((activity, index) => {
      if (overlapsWindow(activity, window))
        conflicts.push(Object.freeze({ source, index, activity }));
    });
  }
  const regulatory = conflicts
    .filter((c) => c.source === 'regulatoryActivity')
    .map((c) => c.activity);
  const delivery = conflicts
    .filter((c) => c.source === 'deliveryConstraints')
    .map((c) => c.activity);
  const period = `the assessment window (${window.conflictFrom} to ${window.conflictTo})`;
  principles.push(
    part(
      'regulatory-activity',
      w['regulatory-activity'],
      regulatory.length > 0 ? -1 : 0,
      regulatory.length > 0
        ? `Other regulatory activity overlaps ${period}: ${listed(regulatory)}`
        : `No other regulatory activity in ${period}`,
    ),
  );
  principles.push(
    part(
      'delivery-constraints',
      w['delivery-constraints'],
      delivery.length > 0 ? -1 : 0,
      delivery.length > 0
        ? `Delivery constraints overlap ${period}: ${listed(delivery)}`
        : `No delivery constraint in ${period}`,
    ),
  );
  const total = hundredths(principles.reduce((sum, p) => sum + p.contribution, 0));
  return Object.freeze({
    council: profile.council,
    total,
    principles: Object.freeze(principles),
    window,
    conflicts: Object.freeze(conflicts),
  });
}
