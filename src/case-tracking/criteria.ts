import { describeValue, quoted } from '../internal/describe.js';
import { arrayOption } from '../internal/options.js';
import { isIsoDate, notAnIsoDate, toDayNumber, fromDayNumber } from '../timeline/iso-date.js';

/** More dimensions, categories or rules than this in a criteria set is a mistake. */
const MAX_CRITERIA_ENTRIES = 1000;
import {
  AGE_BANDS,
  CARE_SETTINGS,
  CASE_FLAGS,
  ETHNIC_GROUPS,
  PRIMARY_SUPPORT_REASONS,
  type AgeBand,
  type CareSetting,
  type CaseFlag,
  type EthnicGroup,
  type PrimarySupportReason,
} from './case-record.js';

/**
 * The case-record fields a criteria dimension can split the population by.
 *
 * @example
 * ```ts
 * import { CASE_DIMENSION_FIELDS } from 'la-assurance/case-tracking';
 *
 * CASE_DIMENSION_FIELDS; // ['ageBand', 'primarySupportReason', 'ethnicity', 'setting']
 * ```
 */
export const CASE_DIMENSION_FIELDS = [
  'ageBand',
  'primarySupportReason',
  'ethnicity',
  'setting',
] as const;

/**
 * A field a criteria dimension can split by.
 */
export type CaseDimensionField = (typeof CASE_DIMENSION_FIELDS)[number];

/**
 * The category ids of each dimension field.
 */
export type CaseDimensionCategory<F extends CaseDimensionField = CaseDimensionField> =
  F extends 'ageBand'
    ? AgeBand
    : F extends 'primarySupportReason'
      ? PrimarySupportReason
      : F extends 'ethnicity'
        ? EthnicGroup
        : CareSetting;

/**
 * The categories of each dimension field, in their documented order.
 *
 * @example
 * ```ts
 * import { CASE_DIMENSION_CATEGORIES } from 'la-assurance/case-tracking';
 *
 * CASE_DIMENSION_CATEGORIES.setting; // ['community', 'residential', 'nursing']
 * ```
 */
export const CASE_DIMENSION_CATEGORIES: {
  readonly [F in CaseDimensionField]: readonly CaseDimensionCategory<F>[];
} = {
  ageBand: AGE_BANDS,
  primarySupportReason: PRIMARY_SUPPORT_REASONS,
  ethnicity: ETHNIC_GROUPS,
  setting: CARE_SETTINGS,
};

/**
 * One category of a dimension and the least number of sampled cases it must have.
 */
export interface CaseCriteriaCategory {
  /** The category id (a value of the dimension's field). */
  readonly id: string;
  /** Minimum number of sampled cases in this category (coverage), a whole number ≥ 0. */
  readonly minimum: number;
}

/**
 * A dimension of the criteria: a field, the categories that carry quotas, and whether
 * the sample should follow the council's own population mix on it.
 */
export interface CaseCriteriaDimension {
  /** The case-record field. Each field appears in at most one dimension. */
  readonly field: CaseDimensionField;
  /** Categories with quotas; categories not listed have no quota (their cases can still be drawn). */
  readonly categories: readonly CaseCriteriaCategory[];
  /**
   * Allocate the sample to the categories in proportion to the population (largest
   * remainder), each category's target being the larger of its share and its minimum.
   * Default `false`.
   */
  readonly proportional?: boolean;
}

/**
 * What a must-include rule matches: cases with a flag set, or cases assessed or reviewed
 * on or after a date.
 */
export type CaseRuleMatch =
  | {
      /** Cases with this flag set. */
      readonly flag: CaseFlag;
    }
  | {
      /** Cases whose `lastAssessed` or `lastReviewed` is on or after this `YYYY-MM-DD` date. */
      readonly assessedOrReviewedSince: string;
    };

/**
 * A must-include rule, e.g. "at least 5 cases with a s42 safeguarding enquiry".
 */
export interface CaseMustIncludeRule {
  /** Stable kebab-case id, unique within the criteria. */
  readonly id: string;
  /** What the rule asks for, in words. */
  readonly title: string;
  /** Minimum number of sampled cases matching the rule, a whole number ≥ 0. */
  readonly minimum: number;
  /** Which cases match. */
  readonly match: CaseRuleMatch;
}

/**
 * A case-sampling criteria set. Use {@link defaultCaseCriteria} (modelled) or supply
 * CQC's own (`status: 'official'`).
 */
export interface CaseCriteria {
  /** Id of the criteria set, echoed in results. */
  readonly id: string;
  /** A title for reports. */
  readonly title: string;
  /** `'official'` when it is CQC's published or supplied criteria, else `'modelled'`. */
  readonly status: 'official' | 'modelled';
  /** Dimensions with category quotas, in the order their quotas are filled. */
  readonly dimensions: readonly CaseCriteriaDimension[];
  /** Must-include rules, filled first, in this order. */
  readonly mustInclude: readonly CaseMustIncludeRule[];
}

/**
 * Options of {@link defaultCaseCriteria}.
 */
export interface DefaultCaseCriteriaOptions {
  /**
   * "Today" for the recent-assessment rule (5 cases assessed or reviewed in the 365 days up
   * to and including `asOf`). Without it the rule is left out (the library has no clock).
   */
  readonly asOf?: string;
  /** Dimensions allocated in proportion to the council's population. Default `['ageBand']`. */
  readonly proportionalTo?: readonly CaseDimensionField[];
}

const flagRule = (
  id: string,
  title: string,
  minimum: number,
  flag: CaseFlag,
): CaseMustIncludeRule => ({ id, title, minimum, match: { flag } });

/**
 * The default criteria. [modelled] CQC did not publish its pilot criteria (domain
 * README §5); these use the dimensions councils already record in their statutory returns:
 *
 * - must include (filled first): 5 with a s42 safeguarding enquiry, 5 with an unpaid carer,
 *   5 after hospital discharge, 5 on a direct payment, 3 in transition from children's
 *   services, and (with `asOf`) 5 assessed or reviewed in the last 365 days;
 * - coverage minimums: age band 18–25: 3, other bands 2 each; every SALT primary support
 *   reason 2; every ONS ethnic group 1 (not stated 0); community, residential, nursing 2 each;
 * - proportional to the council's population on age band (change with `proportionalTo`).
 *
 * @throws RangeError when `asOf` is not a `YYYY-MM-DD` date.
 * @example
 * ```ts
 * import { defaultCaseCriteria } from 'la-assurance/case-tracking';
 *
 * const criteria = defaultCaseCriteria({ asOf: '2025-01-15' });
 * criteria.status; // 'modelled'
 * criteria.id; // 'la-assurance-modelled-2024@2025-01-15'
 * criteria.mustInclude.map((rule) => rule.minimum); // [5, 5, 5, 5, 3, 5]
 * criteria.dimensions.filter((d) => d.proportional).map((d) => d.field); // ['ageBand']
 * ```
 */
export function defaultCaseCriteria(options: DefaultCaseCriteriaOptions = {}): CaseCriteria {
  const proportional = new Set<string>(
    options.proportionalTo === undefined
      ? ['ageBand']
      : arrayOption(options.proportionalTo, 'proportionalTo', MAX_CRITERIA_ENTRIES),
  );
  for (const field of proportional) {
    if (!(CASE_DIMENSION_FIELDS as readonly string[]).includes(field))
      throw new RangeError(
        `proportionalTo: unknown dimension field ${quoted(field)}; use one of ${CASE_DIMENSION_FIELDS.join(', ')}`,
      );
  }
  const dimension = (
    field: CaseDimensionField,
    minimum: (category: string) => number,
  ): CaseCriteriaDimension => ({
    field,
    categories: CASE_DIMENSION_CATEGORIES[field].map((id) => ({ id, minimum: minimum(id) })),
    proportional: proportional.has(field),
  });
  const mustInclude = [
    flagRule('safeguarding-enquiry', 's42 safeguarding enquiry', 5, 'safeguardingEnquiry'),
    flagRule('unpaid-carer', 'Unpaid carer involved', 5, 'unpaidCarer'),
    flagRule('hospital-discharge', 'Hospital discharge', 5, 'hospitalDischarge'),
    flagRule('direct-payment', 'Direct payment', 5, 'directPayment'),
    flagRule('transition', "Transition from children's services", 3, 'transition'),
  ];
  if (options.asOf !== undefined) {
    if (!isIsoDate(options.asOf)) throw notAnIsoDate(options.asOf, 'asOf, a date');
    mustInclude.push({
      id: 'recent-assessment-or-review',
      title: 'Assessed or reviewed in the last 365 days',
      minimum: 5,
      match: { assessedOrReviewedSince: fromDayNumber(toDayNumber(options.asOf) - 364) },
    });
  }
  return {
    id:
      options.asOf === undefined
        ? 'la-assurance-modelled-2024'
        : `la-assurance-modelled-2024@${options.asOf}`,
    title: 'Modelled case-tracking criteria (CQC has not published its own)',
    status: 'modelled',
    mustInclude,
    dimensions: [
      dimension('ageBand', (band) => (band === '18-25' ? 3 : 2)),
      dimension('primarySupportReason', () => 2),
      dimension('ethnicity', (group) => (group === 'not-stated' ? 0 : 1)),
      dimension('setting', () => 2),
    ],
  };
}

/**
 * Checks a criteria set for programmer errors (it is an option, not data).
 * @throws RangeError naming the first problem.
 * @internal
 */
export function assertCaseCriteria(criteria: CaseCriteria): void {
  if (typeof criteria !== 'object' || criteria === null)
    throw new RangeError(
      `criteria must be a criteria set (see defaultCaseCriteria); got ${describeValue(criteria)}`,
    );
  const fail = (message: string): never => {
    throw new RangeError(`criteria ${quoted(criteria.id)}: ${message}`);
  };
  // Shapes first (an option built by hand may lack a list), lengths before any walk.
  const list = <T>(value: readonly T[], where: string): readonly T[] => {
    if (!Array.isArray(value)) return fail(`${where} must be a list; got ${describeValue(value)}`);
    if (value.length > MAX_CRITERIA_ENTRIES)
      fail(`${where} has ${value.length} entries; at most ${MAX_CRITERIA_ENTRIES}`);
    return value;
  };
  const object = (value: unknown, where: string): void => {
    if (typeof value !== 'object' || value === null)
      fail(`${where} must be an object; got ${describeValue(value)}`);
  };
  const wholeMinimum = (value: number, where: string) => {
    if (!Number.isInteger(value) || value < 0)
      fail(`${where}: minimum must be a whole number ≥ 0; got ${describeValue(value)}`);
  };
  const fields = new Set<string>();
  for (const [d, dimension] of list(criteria.dimensions, 'dimensions').entries()) {
    object(dimension, `dimensions[${d}]`);
    if (!(CASE_DIMENSION_FIELDS as readonly string[]).includes(dimension.field))
      fail(
        `unknown dimension field ${quoted(dimension.field)}; use one of ${CASE_DIMENSION_FIELDS.join(', ')}`,
      );
    if (fields.has(dimension.field)) fail(`dimension ${dimension.field} appears twice`);
    fields.add(dimension.field);
    const allowed = CASE_DIMENSION_CATEGORIES[dimension.field] as readonly string[];
    const seen = new Set<string>();
    for (const [c, category] of list(
      dimension.categories,
      `${dimension.field}.categories`,
    ).entries()) {
      object(category, `${dimension.field}.categories[${c}]`);
      if (!allowed.includes(category.id))
        fail(
          `${dimension.field}: unknown category ${quoted(category.id)}; use one of ${allowed.join(', ')}`,
        );
      if (seen.has(category.id)) fail(`${dimension.field}: category ${category.id} appears twice`);
      seen.add(category.id);
      wholeMinimum(category.minimum, `${dimension.field}:${category.id}`);
    }
  }
  const ruleIds = new Set<string>();
  for (const [r, rule] of list(criteria.mustInclude, 'mustInclude').entries()) {
    object(rule, `mustInclude[${r}]`);
    if (typeof rule.id !== 'string')
      fail(`mustInclude[${r}].id must be a string; got ${describeValue(rule.id)}`);
    if (ruleIds.has(rule.id)) fail(`must-include rule ${rule.id} appears twice`);
    ruleIds.add(rule.id);
    wholeMinimum(rule.minimum, `must-include ${rule.id}`);
    object(rule.match, `must-include ${rule.id}: match`);
    if ('flag' in rule.match) {
      if (!(CASE_FLAGS as readonly string[]).includes(rule.match.flag))
        fail(`must-include ${rule.id}: unknown flag ${quoted(rule.match.flag)}`);
    } else if (!isIsoDate(rule.match.assessedOrReviewedSince)) {
      fail(
        `must-include ${rule.id}: assessedOrReviewedSince must be a date written YYYY-MM-DD; got ${describeValue(rule.match.assessedOrReviewedSince)}`,
      );
    }
  }
}
