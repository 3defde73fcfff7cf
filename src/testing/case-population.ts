import {
  AGE_BANDS,
  CARE_SETTINGS,
  ETHNIC_GROUPS,
  PRIMARY_SUPPORT_REASONS,
  type AgeBand,
  type CareSetting,
  type CaseFlag,
  type CaseRecord,
  type EthnicGroup,
  type PrimarySupportReason,
} from '../case-tracking/case-record.js';
import { casePriority } from '../case-tracking/priority.js';
import { fromDayNumber, isoDate, toDayNumber } from '../timeline/iso-date.js';
import { mulberry32 } from './mulberry32.js';

/**
 * The make-up of a synthetic case population: relative weights per category (need not sum
 * to 1) and, for each flag, the probability that it is set.
 */
export interface CasePopulationMix {
  /** Weight of each age band. */
  readonly ageBand: Readonly<Record<AgeBand, number>>;
  /** Weight of each SALT primary support reason. */
  readonly primarySupportReason: Readonly<Record<PrimarySupportReason, number>>;
  /** Weight of each ethnic group. */
  readonly ethnicity: Readonly<Record<EthnicGroup, number>>;
  /** Weight of each care setting. */
  readonly setting: Readonly<Record<CareSetting, number>>;
  /** Probability (0–1) of each flag; `transition` applies to the 18–25 band only. */
  readonly flags: Readonly<Record<CaseFlag, number>>;
}

/**
 * The default population mix. [modelled] Rounded from the general shape of English
 * councils' long-term adult social care caseloads (SALT 2022–23 and Census 2021); it is
 * not any council's data. Override any part with `mix`.
 *
 * @example
 * ```ts
 * import { DEFAULT_CASE_POPULATION_MIX } from 'la-assurance/testing';
 *
 * DEFAULT_CASE_POPULATION_MIX.setting.community; // 0.7
 * ```
 */
export const DEFAULT_CASE_POPULATION_MIX: CasePopulationMix = {
  ageBand: { '18-25': 0.07, '26-64': 0.33, '65-84': 0.35, '85+': 0.25 },
  primarySupportReason: {
    'physical-support': 0.52,
    'sensory-support': 0.02,
    'support-with-memory-and-cognition': 0.12,
    'learning-disability-support': 0.17,
    'mental-health-support': 0.11,
    'social-support': 0.06,
  },
  ethnicity: {
    white: 0.82,
    asian: 0.07,
    black: 0.04,
    mixed: 0.015,
    other: 0.015,
    'not-stated': 0.04,
  },
  setting: { community: 0.7, residential: 0.2, nursing: 0.1 },
  flags: {
    unpaidCarer: 0.35,
    hospitalDischarge: 0.15,
    safeguardingEnquiry: 0.05,
    directPayment: 0.12,
    transition: 0.5,
  },
};

/**
 * Options of {@link generateCasePopulation}.
 */
export interface CasePopulationOptions {
  /** Seed of the generator: the same seed and options give the same population everywhere. */
  readonly seed: string;
  /** Number of records (a whole number ≥ 0). */
  readonly size: number;
  /** Population mix; missing parts come from {@link DEFAULT_CASE_POPULATION_MIX}. */
  readonly mix?: Partial<CasePopulationMix>;
  /** Prefix of the generated ids `<prefix><7-digit number>`; default `'C-'`. */
  readonly idPrefix?: string;
  /** Reference date: assessment and review dates fall in the 3 years before it; default `'2024-04-01'`. */
  readonly asOf?: string;
}

function picker<K extends string>(
  keys: readonly K[],
  weights: Readonly<Record<K, number>>,
): (u: number) => K {
  const total = keys.reduce((sum, k) => sum + weights[k], 0);
  if (!(total > 0) || keys.some((k) => !(weights[k] >= 0)))
    throw new RangeError('Population mix weights must be ≥ 0 with a positive total');
  const cumulative = keys.map(
    (
      (sum) => (k: K) =>
        (sum += weights[k] / total)
    )(0),
  );
  return (u) => {
    for (let i = 0; i < keys.length; i++) if (u < cumulative[i]!) return keys[i]!;
    return keys[keys.length - 1]!;
  };
}

const AGE_LIMITS: Readonly<Record<AgeBand, readonly [number, number]>> = {
  '18-25': [18, 25],
  '26-64': [26, 64],
  '65-84': [65, 84],
  '85+': [85, 100],
};

/**
 * Generates a realistic synthetic case population, one record at a time (so a million
 * records need not be held twice). Deterministic: no `Math.random`; the PRNG is mulberry32
 * seeded from `casePriority(seed, 'case-population')`, drawing per record, in this order:
 * age band, age within band, primary support reason, ethnicity, setting, the five flags,
 * whether assessed (90%) and days before `asOf` (0–1094), whether reviewed (70%) and days
 * (0–729). Ids are `<idPrefix>0000001`, `…0000002`, …; every record carries `age`.
 *
 * @throws RangeError on bad options (size not a whole number ≥ 0, bad weights or date).
 * @example
 * ```ts
 * import { generateCasePopulation } from 'la-assurance/testing';
 *
 * const cases = [...generateCasePopulation({ seed: 'demo', size: 1000 })];
 * cases[0]?.id; // 'C-0000001'
 * ```
 */
export function* generateCasePopulation(
  options: CasePopulationOptions,
): Generator<CaseRecord, void, undefined> {
  const { seed, size, idPrefix = 'C-' } = options;
  if (!Number.isInteger(size) || size < 0)
    throw new RangeError(`size must be a whole number ≥ 0; got ${size}`);
  const mix = { ...DEFAULT_CASE_POPULATION_MIX, ...options.mix };
  const asOf = toDayNumber(isoDate(options.asOf ?? '2024-04-01'));
  const band = picker(AGE_BANDS, mix.ageBand);
  const reason = picker(PRIMARY_SUPPORT_REASONS, mix.primarySupportReason);
  const ethnicity = picker(ETHNIC_GROUPS, mix.ethnicity);
  const setting = picker(CARE_SETTINGS, mix.setting);
  // The PRNG state starts at the low 32 bits of `casePriority(seed, 'case-population')`.
  const random = mulberry32(casePriority(seed, 'case-population') >>> 0);
  for (let i = 1; i <= size; i++) {
    const ageBand = band(random());
    const [low, high] = AGE_LIMITS[ageBand];
    const age = low + Math.floor(random() * (high - low + 1));
    const record: {
      -readonly [K in keyof CaseRecord]: CaseRecord[K];
    } = {
      id: `${idPrefix}${String(i).padStart(7, '0')}`,
      age,
      primarySupportReason: reason(random()),
      ethnicity: ethnicity(random()),
      setting: setting(random()),
      unpaidCarer: random() < mix.flags.unpaidCarer,
      hospitalDischarge: random() < mix.flags.hospitalDischarge,
      safeguardingEnquiry: random() < mix.flags.safeguardingEnquiry,
      directPayment: random() < mix.flags.directPayment,
      transition: random() < mix.flags.transition && ageBand === '18-25',
    };
    const assessed = random() < 0.9;
    const assessedDaysAgo = Math.floor(random() * 1095);
    if (assessed) record.lastAssessed = fromDayNumber(asOf - assessedDaysAgo);
    const reviewed = random() < 0.7;
    const reviewedDaysAgo = Math.floor(random() * 730);
    if (reviewed) record.lastReviewed = fromDayNumber(asOf - reviewedDaysAgo);
    yield record;
  }
}
