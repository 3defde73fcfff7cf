import { LaAssuranceError, type ValidationResult } from '../errors/index.js';
import {
  civilFromDays,
  daysFromCivil,
  fromDayNumber,
  isIsoDate,
  isoWeekday,
  notAnIsoDate,
  toDayNumber,
  type IsoDate,
} from '../timeline/iso-date.js';
import { wholeNumberOption } from '../internal/options.js';
import type { CouncilProfile, CouncilRef } from './model.js';
import {
  resolveScoring,
  scoreValidProfile,
  type CouncilScore,
  type ScoringContext,
} from './score.js';
import { validateCouncilProfiles, type TrancheIssueCode } from './validate-profiles.js';
import { assessmentWindow } from './window.js';

/** Options of {@link planProgramme}. */
export interface ProgrammeOptions extends Omit<ScoringContext, 'notificationDate'> {
  /** The first tranche's notification date (`YYYY-MM-DD`). Later tranches follow monthly on the same day of the month. */
  readonly start: string;
  /** Number of monthly tranches in the programme, 1 to 1,200. Default 24 (all 153 "within about two years"). */
  readonly months?: number;
  /** Councils notified per month at most. Default 7 (153 over 22 months; modelled). */
  readonly capacityPerMonth?: number;
}

/** One council's planned assessment. */
export interface PlannedAssessment {
  /** The council. */
  readonly council: CouncilRef;
  /** Which monthly tranche (0 = the first). */
  readonly tranche: number;
  /** Notification (and information return request). */
  readonly notificationDate: IsoDate;
  /** Information return due. */
  readonly informationReturnDue: IsoDate;
  /** Planned on-site window: first day. */
  readonly onSiteFrom: IsoDate;
  /** Planned on-site window: last day. */
  readonly onSiteTo: IsoDate;
  /** Its score for that tranche's window. */
  readonly score: CouncilScore;
}

/** One monthly tranche of the programme. */
export interface ProgrammeTranche {
  /** 0 = the first. */
  readonly index: number;
  /** Notification date of its councils. */
  readonly notificationDate: IsoDate;
  /** Its councils, highest score first. */
  readonly assessments: readonly PlannedAssessment[];
}

/** A council the programme period could not fit. */
export interface UnplacedCouncil {
  /** The council. */
  readonly council: CouncilRef;
  /** `'constraint-windows'`: every month's window overlapped one of its activities; `'capacity'`: months it could take were full. */
  readonly reason: 'constraint-windows' | 'capacity';
  /** The reason, in a sentence. */
  readonly why: string;
}

/** A whole programme: every council exactly once, in `assessments` or in `unplaced`. */
export interface ProgrammePlan {
  /** Monthly tranches, in date order (months with no council are listed, empty). */
  readonly tranches: readonly ProgrammeTranche[];
  /** Every planned assessment, by notification date, then highest score first. */
  readonly assessments: readonly PlannedAssessment[];
  /** Councils that did not fit the period. */
  readonly unplaced: readonly UnplacedCouncil[];
}

/** A programme longer than a century is a mistake (and would run past the year 9999). */
const MAX_MONTHS = 1200;

/** `start` plus `months` calendar months, the day clamped to the month's length, a weekend moved to the Monday after. */
function monthlyDate(start: IsoDate, months: number): IsoDate {
  const { year, month, day } = civilFromDays(toDayNumber(start));
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last =
    daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
  let n = daysFromCivil(y, m, Math.min(day, last));
  const weekday = isoWeekday(n);
  if (weekday > 5) n += 8 - weekday;
  return fromDayNumber(n);
}

/**
 * Plans the whole programme: splits the councils into monthly tranches from
 * `options.start`, at most `capacityPerMonth` a month, higher scores earlier, each council
 * exactly once, never in a month whose assessment window overlaps one of its delivery
 * constraints or other regulatory activity. Each month takes the highest-scoring councils
 * still to place whose window is clear (scored for that month; ties by ONS code). Councils
 * that do not fit the period are listed in `unplaced` with the reason.
 *
 * @throws {@link LaAssuranceError} `'invalid-profiles'` for invalid profiles (see
 * {@link safePlanProgramme}); `RangeError` for malformed options.
 * @example
 * ```ts
 * import { COUNCILS } from 'la-assurance/councils';
 * import { planProgramme } from 'la-assurance/tranche';
 *
 * const profiles = COUNCILS.map((council) => ({ council }));
 * const plan = planProgramme(profiles, { start: '2023-12-04', capacityPerMonth: 7, months: 24 });
 * plan.assessments.length; // 153
 * plan.assessments[0]?.notificationDate; // '2023-12-04'
 * plan.unplaced; // []
 * ```
 */
export function planProgramme(
  profiles: readonly CouncilProfile[],
  options: ProgrammeOptions,
): ProgrammePlan {
  const result = safePlanProgramme(profiles, options);
  if (!result.success)
    throw new LaAssuranceError('invalid-profiles', result.issues, 'Cannot plan the programme:');
  return result.data;
}

/**
 * {@link planProgramme} for untrusted profiles: never throws on bad data.
 *
 * @example
 * ```ts
 * import { safePlanProgramme } from 'la-assurance/tranche';
 *
 * safePlanProgramme('nope', { start: '2023-12-04' }).success; // false
 * ```
 */
export function safePlanProgramme(
  profiles: unknown,
  options: ProgrammeOptions,
): ValidationResult<ProgrammePlan, TrancheIssueCode> {
  if (!isIsoDate(options.start)) throw notAnIsoDate(options.start, 'start, a date');
  const months = wholeNumberOption(options.months ?? 24, 'months', 1, MAX_MONTHS);
  const capacity = wholeNumberOption(options.capacityPerMonth ?? 7, 'capacityPerMonth', 1);
  const scoring = resolveScoring(options);
  assessmentWindow(options.start, options.window); // checks the window options once
  const checked = validateCouncilProfiles(profiles);
  if (!checked.success) return checked;
  const valid = checked.data;

  let remaining = valid
    .map((_, i) => i)
    .sort((a, b) => (valid[a]!.council.code < valid[b]!.council.code ? -1 : 1));
  const everClear = new Set<number>();
  const tranches: ProgrammeTranche[] = [];
  for (let month = 0; month < months; month++) {
    const notificationDate = monthlyDate(options.start, month);
    const window = assessmentWindow(notificationDate, options.window);
    const scored = remaining
      .map((p) => ({ p, score: scoreValidProfile(valid[p]!, window, scoring) }))
      .filter((s) => s.score.conflicts.length === 0);
    for (const s of scored) everClear.add(s.p);
    // Stable sort: equal scores stay in ONS code order.
    const taken = scored.sort((a, b) => b.score.total - a.score.total).slice(0, capacity);
    const placed = new Set(taken.map((t) => t.p));
    remaining = remaining.filter((p) => !placed.has(p));
    tranches.push(
      Object.freeze({
        index: month,
        notificationDate,
        assessments: Object.freeze(
          taken.map(({ p, score }) =>
            Object.freeze({
              council: valid[p]!.council,
              tranche: month,
              notificationDate,
              informationReturnDue: window.informationReturnDue,
              onSiteFrom: window.onSiteFrom,
              onSiteTo: window.onSiteTo,
              score,
            }),
          ),
        ),
      }),
    );
  }
  const unplaced = remaining.map((p): UnplacedCouncil => {
    const clear = everClear.has(p);
    return Object.freeze({
      council: valid[p]!.council,
      reason: clear ? 'capacity' : 'constraint-windows',
      why: clear
        ? `Every month whose window was clear for it already had ${capacity} higher-scoring councils`
        : `Its delivery constraints or other regulatory activity overlap every window in the ${months}-month period`,
    });
  });
  return {
    success: true,
    data: Object.freeze({
      tranches: Object.freeze(tranches),
      assessments: Object.freeze(tranches.flatMap((t) => t.assessments)),
      unplaced: Object.freeze(unplaced),
    }),
  };
}
