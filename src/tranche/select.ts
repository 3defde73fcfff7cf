import { LaAssuranceError, type ValidationResult } from '../errors/index.js';
import { assertNever } from '../internal/assert-never.js';
import { describeValue, quoted } from '../internal/describe.js';
import { arrayOption, wholeNumberOption } from '../internal/options.js';
import {
  COUNCIL_TYPES,
  REGIONS,
  REGION_NAMES,
  type CouncilType,
  type Region,
} from '../councils/model.js';
import { conflictingConstraints, type SelectionConstraint } from './conflicts.js';
import type { CouncilProfile, CouncilRef } from './model.js';
import { solveSelection, type OptimumItem } from './optimum.js';
import {
  resolveScoring,
  scoreValidProfile,
  type CouncilScore,
  type ScoringContext,
} from './score.js';
import {
  validateCouncilProfiles,
  type TrancheIssue,
  type TrancheIssueCode,
} from './validate-profiles.js';
import { assessmentWindow, type AssessmentWindow } from './window.js';

/** A minimum and/or maximum count (whole numbers ≥ 0). */
export interface CountBounds {
  /** At least this many. Default 0. */
  readonly min?: number;
  /** At most this many. Default no limit. */
  readonly max?: number;
}

/** Options of {@link selectTranche}: the scoring context plus the tranche's constraints. */
export interface TrancheOptions extends ScoringContext {
  /** How many councils to select. Default 20 (the size of CQC's first tranche). */
  readonly size?: number;
  /** Bounds per council type, e.g. `{ county: { min: 3, max: 6 } }`. Default none. */
  readonly typeBounds?: Readonly<Partial<Record<CouncilType, CountBounds>>>;
  /** Bounds per region, e.g. `{ london: { max: 4 } }`. Default none. */
  readonly regionBounds?: Readonly<Partial<Record<Region, CountBounds>>>;
  /** ONS codes of councils that must be selected. */
  readonly mustInclude?: readonly string[];
  /** ONS codes of councils that must not be selected. */
  readonly mustExclude?: readonly string[];
  /** How many of the best councils left out to report. Default 10. */
  readonly leftOutCount?: number;
}

/** A selected council and why. */
export interface SelectedCouncil {
  /** The council. */
  readonly council: CouncilRef;
  /** Its score breakdown for this tranche's window. */
  readonly score: CouncilScore;
  /** Whether it was on the must-include list. */
  readonly mustInclude: boolean;
  /** Why it was chosen, in a sentence. */
  readonly why: string;
}

/** Why a council was left out of the tranche. */
export type LeftOutReason =
  | 'must-exclude'
  | 'window-conflict'
  | 'outscored'
  | 'tie-break'
  | 'type-maximum'
  | 'region-maximum'
  | 'balance';

/** A council left out, and the constraint that kept it out. */
export interface LeftOutCouncil {
  /** The council. */
  readonly council: CouncilRef;
  /** Its score breakdown. */
  readonly score: CouncilScore;
  /**
   * `'must-exclude'`: on the must-exclude list. `'window-conflict'`: another activity
   * overlaps its assessment window (see `score.conflicts`). `'outscored'`: it scored
   * below every council chosen on merit. `'tie-break'`: level with the lowest chosen
   * score, and ties go to the earlier ONS code. `'type-maximum'` / `'region-maximum'`:
   * its type / region already has its maximum. `'balance'`: it outscored some chosen
   * councils, which were needed to meet type or region minimums.
   */
  readonly reason: LeftOutReason;
  /** The reason, in a sentence. */
  readonly why: string;
}

/** The exact optimal tranche. */
export interface TrancheSelection {
  /** The assessment window of the tranche. */
  readonly window: AssessmentWindow;
  /** Number of councils selected. */
  readonly size: number;
  /** The maximised total score of the selected councils (to hundredths). */
  readonly objective: number;
  /** The selected councils, highest score first (then by ONS code). */
  readonly selected: readonly SelectedCouncil[];
  /** The best councils left out (up to `leftOutCount`), highest score first. */
  readonly leftOut: readonly LeftOutCouncil[];
  /** Selected councils per type. */
  readonly byType: Readonly<Record<CouncilType, number>>;
  /** Selected councils per region. */
  readonly byRegion: Readonly<Record<Region, number>>;
}

const TYPE_LABELS: Readonly<Record<CouncilType, string>> = {
  unitary: 'unitary',
  'metropolitan-district': 'metropolitan district',
  'london-borough': 'London borough',
  county: 'county',
};

/** More codes than this in a must-include or must-exclude list is a mistake (there are 153 councils). */
const MAX_CODES = 10_000;

function count(value: unknown, name: string, fallback: number): number {
  return value === undefined ? fallback : wholeNumberOption(value, name, 0);
}

function boundsOf<K extends string>(
  keys: readonly K[],
  bounds: Readonly<Partial<Record<K, CountBounds>>> | undefined,
  name: string,
): { min: number[]; max: number[] } {
  if (bounds !== undefined && (typeof bounds !== 'object' || bounds === null))
    throw new TypeError(`${name} must be an object; got ${describeValue(bounds)}`);
  for (const key of Object.keys(bounds ?? {})) {
    if (!(keys as readonly string[]).includes(key))
      throw new TypeError(`${name}: unknown key "${key}"; use ${keys.join(', ')}`);
  }
  return {
    min: keys.map((k) => count(bounds?.[k]?.min, `${name}.${k}.min`, 0)),
    max: keys.map((k) => count(bounds?.[k]?.max, `${name}.${k}.max`, Infinity)),
  };
}

function codeList(value: readonly string[] | undefined, name: string): readonly string[] {
  const codes = arrayOption(value, name, MAX_CODES);
  for (let i = 0; i < codes.length; i++) {
    if (typeof codes[i] !== 'string')
      throw new TypeError(
        `${name}[${i}] must be an ONS code (a string); got ${describeValue(codes[i])}`,
      );
  }
  return codes;
}

const points = (n: number): string => `${n >= 0 ? '+' : ''}${n}`;

function whyChosen(score: CouncilScore, mustInclude: boolean): string {
  const parts = score.principles
    .filter((p) => p.contribution !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .map((p) => `${p.principle.replace(/-/g, ' ')} ${points(p.contribution)}`);
  return `${mustInclude ? 'On the must-include list; s' : 'S'}cored ${score.total}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

interface Prepared {
  readonly profiles: readonly CouncilProfile[];
  readonly scores: readonly CouncilScore[];
  /** Profile indices in ONS code order. */
  readonly order: readonly number[];
  readonly window: AssessmentWindow;
}

function validateCodes(
  codes: readonly string[],
  known: ReadonlyMap<string, number>,
  name: string,
  issues: TrancheIssue[],
): void {
  codes.forEach((code, i) => {
    if (!known.has(code))
      issues.push({
        code: 'unknown-council',
        path: [name, i],
        message: `${name}.${i}: no profile has council code ${quoted(code)}`,
      });
  });
}

/**
 * Selects the tranche: exactly `size` councils that maximise the total score, subject to
 * per-type and per-region minimums and maximums, the must-include and must-exclude lists,
 * and no selected council having a delivery constraint or other regulatory activity that
 * overlaps its assessment window (from `notificationDate` and the standard durations).
 *
 * The result is the exact optimum (a min-cost flow, see docs/tranche.md), with a
 * deterministic tie-break: of two selections with the same total, the one that contains
 * the council with the earliest ONS code on which they differ. Scores are compared in
 * hundredths of a point, as `scoreCouncil` reports them.
 *
 * @throws {@link LaAssuranceError} `'invalid-profiles'` for invalid profiles or unknown
 * codes in the lists, `'infeasible-tranche'` when no tranche meets the constraints (its
 * issues name an irreducible set of constraints in conflict); use
 * {@link safeSelectTranche} for the issues without a throw. `RangeError`/`TypeError` for
 * malformed options (programmer errors).
 * @example
 * ```ts
 * import { COUNCILS } from 'la-assurance/councils';
 * import { selectTranche } from 'la-assurance/tranche';
 *
 * const profiles = COUNCILS.map((council) => ({ council, concernLevel: council.type === 'county' ? 'high' as const : 'none' as const }));
 * const tranche = selectTranche(profiles, {
 *   notificationDate: '2023-12-04',
 *   size: 20,
 *   typeBounds: { county: { min: 3 }, 'london-borough': { min: 3, max: 5 } },
 *   regionBounds: { london: { max: 5 } },
 * });
 * tranche.selected.length; // 20
 * tranche.selected.filter((s) => s.council.region === 'london').length <= 5; // true
 * ```
 */
export function selectTranche(
  profiles: readonly CouncilProfile[],
  options: TrancheOptions,
): TrancheSelection {
  const result = safeSelectTranche(profiles, options);
  if (result.success) return result.data;
  const infeasible = result.issues.some((i) => i.code === 'conflicting-constraint');
  throw new LaAssuranceError(
    infeasible ? 'infeasible-tranche' : 'invalid-profiles',
    result.issues,
    infeasible
      ? 'No tranche meets these constraints together (without any one of them, the rest could be met):'
      : 'Cannot select a tranche:',
  );
}

/**
 * {@link selectTranche} for untrusted profiles: never throws on bad data; returns the
 * selection, or the validation issues, or (code `conflicting-constraint`) the constraints
 * in conflict.
 *
 * @example
 * ```ts
 * import { COUNCILS } from 'la-assurance/councils';
 * import { safeSelectTranche } from 'la-assurance/tranche';
 *
 * const profiles = COUNCILS.map((council) => ({ council }));
 * // England has 21 county councils: a tranche cannot hold 25.
 * const r = safeSelectTranche(profiles, { notificationDate: '2023-12-04', size: 20, typeBounds: { county: { min: 25 } } });
 * !r.success && r.issues[0]?.code; // 'conflicting-constraint'
 * !r.success && r.issues[0]?.path; // ['typeBounds', 'county', 'min']
 * ```
 */
export function safeSelectTranche(
  profiles: unknown,
  options: TrancheOptions,
): ValidationResult<TrancheSelection, TrancheIssueCode> {
  const size = count(options.size, 'size', 20);
  const leftOutCount = count(options.leftOutCount, 'leftOutCount', 10);
  const types = boundsOf(COUNCIL_TYPES, options.typeBounds, 'typeBounds');
  const regions = boundsOf(REGIONS, options.regionBounds, 'regionBounds');
  const mustInclude = codeList(options.mustInclude, 'mustInclude');
  const mustExclude = codeList(options.mustExclude, 'mustExclude');
  const window = assessmentWindow(options.notificationDate, options.window);
  const scoring = resolveScoring(options);

  const checked = validateCouncilProfiles(profiles);
  if (!checked.success) return checked;
  const valid = checked.data;
  const byCode = new Map(valid.map((p, i) => [p.council.code, i]));
  const issues: TrancheIssue[] = [];
  validateCodes(mustInclude, byCode, 'mustInclude', issues);
  validateCodes(mustExclude, byCode, 'mustExclude', issues);
  if (issues.length > 0) return { success: false, issues };

  const scores = valid.map((p) => scoreValidProfile(p, window, scoring));
  const order = valid
    .map((_, i) => i)
    .sort((a, b) => (valid[a]!.council.code < valid[b]!.council.code ? -1 : 1));
  const prepared: Prepared = { profiles: valid, scores, order, window };
  const included = new Set(mustInclude.map((c) => byCode.get(c)!));
  const excluded = new Set(mustExclude.map((c) => byCode.get(c)!));

  // Items in ONS code order: `order` is the tie-break preference.
  const all = order.map((p, rank) => ({
    row: COUNCIL_TYPES.indexOf(valid[p]!.council.type),
    column: REGIONS.indexOf(valid[p]!.council.region),
    score: Math.round(scores[p]!.total * 100),
    order: rank,
  }));
  const available: OptimumItem[] = [];
  const profileOf: number[] = [];
  order.forEach((p, rank) => {
    if (excluded.has(p) || scores[p]!.conflicts.length > 0) return;
    available.push({ ...all[rank]!, forced: included.has(p) });
    profileOf.push(p);
  });
  const bounds = {
    size,
    rowMin: types.min,
    rowMax: types.max,
    columnMin: regions.min,
    columnMax: regions.max,
  };
  const chosen = [...included].every((p) => !excluded.has(p) && scores[p]!.conflicts.length === 0)
    ? solveSelection(available, bounds, 'optimum')
    : undefined;
  if (chosen === undefined) {
    return {
      success: false,
      issues: explainConflict(prepared, all, bounds, mustInclude, mustExclude, byCode),
    };
  }
  const selectedProfiles = new Set(chosen.map((i) => profileOf[i]!));
  return {
    success: true,
    data: buildSelection(
      prepared,
      selectedProfiles,
      included,
      excluded,
      types.max,
      regions.max,
      leftOutCount,
    ),
  };
}

function explainConflict(
  prepared: Prepared,
  items: readonly Omit<OptimumItem, 'forced'>[],
  bounds: {
    size: number;
    rowMin: number[];
    rowMax: number[];
    columnMin: number[];
    columnMax: number[];
  },
  mustInclude: readonly string[],
  mustExclude: readonly string[],
  byCode: ReadonlyMap<string, number>,
): TrancheIssue[] {
  const { profiles, scores, order } = prepared;
  const rankOf = new Map(order.map((p, rank) => [p, rank]));
  // Causes of exclusion: index < mustExclude.length → mustExclude[index]; beyond → a window conflict.
  const windowCauses: { profile: number; conflict: number }[] = [];
  const constraints: SelectionConstraint[] = [];
  mustExclude.forEach((code, cause) =>
    constraints.push({ kind: 'exclude', item: rankOf.get(byCode.get(code)!)!, cause }),
  );
  scores.forEach((s, p) =>
    s.conflicts.forEach((_, conflict) => {
      constraints.push({
        kind: 'exclude',
        item: rankOf.get(p)!,
        cause: mustExclude.length + windowCauses.length,
      });
      windowCauses.push({ profile: p, conflict });
    }),
  );
  const includes = new Map<number, number>();
  mustInclude.forEach((code, i) => {
    const item = rankOf.get(byCode.get(code)!)!;
    if (!includes.has(item)) includes.set(item, i);
  });
  for (const item of includes.keys()) constraints.push({ kind: 'include', item });
  REGIONS.forEach((_, column) => {
    if (bounds.columnMax[column] !== Infinity) constraints.push({ kind: 'column-max', column });
    if (bounds.columnMin[column]! > 0) constraints.push({ kind: 'column-min', column });
  });
  COUNCIL_TYPES.forEach((_, row) => {
    if (bounds.rowMax[row] !== Infinity) constraints.push({ kind: 'row-max', row });
    if (bounds.rowMin[row]! > 0) constraints.push({ kind: 'row-min', row });
  });
  constraints.push({ kind: 'size' });
  const conflict = conflictingConstraints({ items, ...bounds }, constraints) ?? constraints;

  const ofType = (row: number) =>
    profiles.filter((p) => p.council.type === COUNCIL_TYPES[row]).length;
  const inRegion = (column: number) =>
    profiles.filter((p) => p.council.region === REGIONS[column]).length;
  const name = (item: number) => {
    const c = profiles[order[item]!]!.council;
    return `${c.name} (${c.code})`;
  };
  return conflict.map((c): TrancheIssue => {
    switch (c.kind) {
      case 'size':
        return {
          code: 'conflicting-constraint',
          path: ['size'],
          message: `size: exactly ${bounds.size} councils (${profiles.length} in the profiles)`,
        };
      case 'row-min':
      case 'row-max': {
        const type = COUNCIL_TYPES[c.row]!;
        const min = c.kind === 'row-min';
        return {
          code: 'conflicting-constraint',
          path: ['typeBounds', type, min ? 'min' : 'max'],
          message: `typeBounds.${type}.${min ? 'min' : 'max'}: at ${min ? 'least' : 'most'} ${min ? bounds.rowMin[c.row] : bounds.rowMax[c.row]} ${TYPE_LABELS[type]} councils (${ofType(c.row)} in the profiles)`,
        };
      }
      case 'column-min':
      case 'column-max': {
        const region = REGIONS[c.column]!;
        const min = c.kind === 'column-min';
        return {
          code: 'conflicting-constraint',
          path: ['regionBounds', region, min ? 'min' : 'max'],
          message: `regionBounds.${region}.${min ? 'min' : 'max'}: at ${min ? 'least' : 'most'} ${min ? bounds.columnMin[c.column] : bounds.columnMax[c.column]} councils in ${REGION_NAMES[region]} (${inRegion(c.column)} in the profiles)`,
        };
      }
      case 'include': {
        const i = includes.get(c.item)!;
        return {
          code: 'conflicting-constraint',
          path: ['mustInclude', i],
          message: `mustInclude.${i}: must include ${name(c.item)}`,
        };
      }
      case 'exclude': {
        if (c.cause < mustExclude.length) {
          return {
            code: 'conflicting-constraint',
            path: ['mustExclude', c.cause],
            message: `mustExclude.${c.cause}: must exclude ${name(c.item)}`,
          };
        }
        const { profile, conflict: k } = windowCauses[c.cause - mustExclude.length]!;
        const hit = scores[profile]!.conflicts[k]!;
        const path = ['profiles', profile, hit.source, hit.index];
        return {
          code: 'conflicting-constraint',
          path,
          message: `${path.join('.')}: ${name(c.item)} is unavailable: ${hit.activity.label} (${hit.activity.start} to ${hit.activity.end}) overlaps its assessment window (${prepared.window.conflictFrom} to ${prepared.window.conflictTo})`,
        };
      }
      default:
        return assertNever(c, 'selection constraint');
    }
  });
}

/** Orders profile indices highest score first, then by ONS code. */
function byScoreThenCode(prepared: Prepared): (a: number, b: number) => number {
  const { profiles, scores } = prepared;
  return (a, b) =>
    scores[b]!.total - scores[a]!.total ||
    (profiles[a]!.council.code < profiles[b]!.council.code ? -1 : 1);
}

/** Phase 1: counts the chosen councils per type and per region. */
function tallyChosen(
  prepared: Prepared,
  chosen: readonly number[],
): { byType: Record<CouncilType, number>; byRegion: Record<Region, number> } {
  const { profiles } = prepared;
  const byType = Object.fromEntries(COUNCIL_TYPES.map((t) => [t, 0])) as Record<
    CouncilType,
    number
  >;
  const byRegion = Object.fromEntries(REGIONS.map((r) => [r, 0])) as Record<Region, number>;
  for (const p of chosen) {
    byType[profiles[p]!.council.type]++;
    byRegion[profiles[p]!.council.region]++;
  }
  return { byType, byRegion };
}

/** What {@link whyLeftOut} compares a left-out council against. */
interface LeftOutContext {
  readonly excluded: ReadonlySet<number>;
  /** The lowest score of a council chosen on merit (not on the must-include list); `Infinity` if none. */
  readonly lowest: number;
  readonly byType: Readonly<Record<CouncilType, number>>;
  readonly byRegion: Readonly<Record<Region, number>>;
  readonly typeMax: readonly number[];
  readonly regionMax: readonly number[];
}

/** Phase 2: the first reason that applies to profile `p` being left out, in words. */
function whyLeftOut(
  prepared: Prepared,
  p: number,
  context: LeftOutContext,
): [LeftOutReason, string] {
  const { excluded, lowest, byType, byRegion, typeMax, regionMax } = context;
  const score = prepared.scores[p]!;
  const { type, region } = prepared.profiles[p]!.council;
  if (excluded.has(p)) return ['must-exclude', 'On the must-exclude list'];
  if (score.conflicts.length > 0)
    return [
      'window-conflict',
      `Unavailable: ${score.conflicts.map((c) => `${c.activity.label} (${c.activity.start} to ${c.activity.end})`).join('; ')} overlaps its assessment window`,
    ];
  if (score.total < lowest)
    return [
      'outscored',
      `Scored ${score.total}, below every council chosen on merit (lowest ${lowest})`,
    ];
  if (byType[type] >= typeMax[COUNCIL_TYPES.indexOf(type)]!)
    return [
      'type-maximum',
      `Its type (${TYPE_LABELS[type]}) already has its maximum of ${byType[type]}`,
    ];
  if (byRegion[region] >= regionMax[REGIONS.indexOf(region)]!)
    return [
      'region-maximum',
      `Its region (${REGION_NAMES[region]}) already has its maximum of ${byRegion[region]}`,
    ];
  if (score.total === lowest)
    return [
      'tie-break',
      `Scored ${score.total}, level with the lowest chosen; ties go to the earlier ONS code`,
    ];
  return [
    'balance',
    `Scored ${score.total}, more than some chosen councils, which were needed to meet type or region minimums`,
  ];
}

/** Phase 3: the best `leftOutCount` councils not selected, highest score first, each with why. */
function leftOutCouncils(
  prepared: Prepared,
  selected: ReadonlySet<number>,
  leftOutCount: number,
  context: LeftOutContext,
): LeftOutCouncil[] {
  return prepared.order
    .filter((p) => !selected.has(p))
    .sort(byScoreThenCode(prepared))
    .slice(0, leftOutCount)
    .map((p): LeftOutCouncil => {
      const [reason, why] = whyLeftOut(prepared, p, context);
      return Object.freeze({
        council: prepared.profiles[p]!.council,
        score: prepared.scores[p]!,
        reason,
        why,
      });
    });
}

/** Describes the solved selection: the chosen councils ranked, the counts, the objective and the best left out. */
function buildSelection(
  prepared: Prepared,
  selected: ReadonlySet<number>,
  included: ReadonlySet<number>,
  excluded: ReadonlySet<number>,
  typeMax: readonly number[],
  regionMax: readonly number[],
  leftOutCount: number,
): TrancheSelection {
  const { profiles, scores, order } = prepared;
  const chosen = order.filter((p) => selected.has(p)).sort(byScoreThenCode(prepared));
  const { byType, byRegion } = tallyChosen(prepared, chosen);
  const merit = chosen.filter((p) => !included.has(p)).map((p) => scores[p]!.total);
  const lowest = merit.length > 0 ? Math.min(...merit) : Infinity;
  const leftOut = leftOutCouncils(prepared, selected, leftOutCount, {
    excluded,
    lowest,
    byType,
    byRegion,
    typeMax,
    regionMax,
  });
  // The objective in hundredths of a point, as the solver maximised it.
  const objective =
    Math.round(chosen.reduce((sum, p) => sum + Math.round(scores[p]!.total * 100), 0)) / 100;
  return Object.freeze({
    window: prepared.window,
    size: chosen.length,
    objective,
    selected: Object.freeze(
      chosen.map((p) =>
        Object.freeze({
          council: profiles[p]!.council,
          score: scores[p]!,
          mustInclude: included.has(p),
          why: whyChosen(scores[p]!, included.has(p)),
        }),
      ),
    ),
    leftOut: Object.freeze(leftOut),
    byType: Object.freeze(byType),
    byRegion: Object.freeze(byRegion),
  });
}
