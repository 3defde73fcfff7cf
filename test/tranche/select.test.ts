import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNCIL_TYPES, REGIONS, findCouncil } from '../../src/councils/index.js';
import {
  isLaAssuranceError,
  safeSelectTranche,
  scoreCouncil,
  selectTranche,
  type CouncilProfile,
  type TrancheOptions,
} from '../../src/tranche/index.js';
import { deepFreeze } from '../support/published-results.js';
import { lpOptimum } from './lp-model.js';
import { plainProfiles, variedProfiles } from './profiles.js';

const DATE = '2023-12-04'; // first tranche notified in December 2023 (domain README §6)
const code = (name: string) => findCouncil(name)!.code;

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('selectTranche', () => {
  it('selects exactly 20 councils (the first tranche) and reports the optimum, matching an independent LP solver', () => {
    const profiles = variedProfiles();
    const options: TrancheOptions = {
      notificationDate: DATE,
      typeBounds: { county: { min: 3, max: 6 }, 'london-borough': { min: 2, max: 5 } },
      regionBounds: { london: { max: 4 }, 'north-east': { min: 1 } },
      leftOutCount: 153,
    };
    const t = selectTranche(profiles, options);
    expect(t.size).toBe(20);
    expect(t.selected).toHaveLength(20);
    expect(t.byType.county).toBeGreaterThanOrEqual(3);
    expect(t.byType.county).toBeLessThanOrEqual(6);
    expect(t.byRegion.london).toBeLessThanOrEqual(4);
    expect(t.byRegion['north-east']).toBeGreaterThanOrEqual(1);
    const items = profiles.map((p, i) => {
      const s =
        t.selected.find((x) => x.council.code === p.council.code)?.score.total ??
        t.leftOut.find((x) => x.council.code === p.council.code)?.score.total;
      return {
        row: COUNCIL_TYPES.indexOf(p.council.type),
        column: REGIONS.indexOf(p.council.region),
        score: Math.round((s ?? scoreOf(p)) * 100),
        forced: false,
        order: i,
      };
    });
    const lp = lpOptimum(items, {
      size: 20,
      rowMin: [0, 0, 2, 3],
      rowMax: [Infinity, Infinity, 5, 6],
      columnMin: [1, 0, 0, 0, 0, 0, 0, 0, 0],
      columnMax: [
        Infinity,
        Infinity,
        Infinity,
        Infinity,
        Infinity,
        Infinity,
        4,
        Infinity,
        Infinity,
      ],
    });
    expect(Math.round(t.objective * 100)).toBe(lp);
    expect(t.selected.reduce((s, x) => s + x.score.total, 0)).toBeCloseTo(t.objective, 6);
    // Highest score first, and each says why.
    for (let i = 1; i < t.selected.length; i++)
      expect(t.selected[i - 1]!.score.total).toBeGreaterThanOrEqual(t.selected[i]!.score.total);
    expect(t.selected[0]!.why).toMatch(/^Scored \d+/);
  });

  it('breaks ties by ONS code: with equal scores and no bounds, the 20 earliest codes', () => {
    const profiles = plainProfiles();
    const t = selectTranche(profiles, { notificationDate: DATE });
    expect(t.selected.map((s) => s.council.code)).toEqual(
      profiles
        .map((p) => p.council.code)
        .sort()
        .slice(0, 20),
    );
    expect(t.leftOut[0]).toMatchObject({ reason: 'tie-break' });
  });

  it('never selects a council whose delivery constraint or other regulatory activity overlaps its window', () => {
    const profiles = variedProfiles().map((p): CouncilProfile => {
      if (p.council.name === 'Somerset')
        return {
          ...p,
          concernLevel: 'high',
          deliveryConstraints: [
            {
              label: 'Glastonbury Festival',
              kind: 'major-event',
              start: '2024-02-01',
              end: '2024-02-05',
            },
          ],
        };
      if (p.council.name === 'Kent')
        return {
          ...p,
          concernLevel: 'high',
          regulatoryActivity: [
            { label: 'Ofsted ILACS inspection', start: '2023-11-20', end: '2023-12-04' },
          ],
        };
      return p;
    });
    const t = selectTranche(profiles, { notificationDate: DATE, leftOutCount: 153 });
    const names = t.selected.map((s) => s.council.name);
    expect(names).not.toContain('Somerset');
    expect(names).not.toContain('Kent');
    expect(t.leftOut.find((l) => l.council.name === 'Somerset')).toMatchObject({
      reason: 'window-conflict',
    });
    expect(t.leftOut.find((l) => l.council.name === 'Kent')?.why).toContain(
      'Ofsted ILACS inspection (2023-11-20 to 2023-12-04)',
    );
  });

  it('respects must-include and must-exclude lists', () => {
    const profiles = variedProfiles();
    const low = profiles.filter((p) => (p.concernLevel ?? 'none') === 'none' && !p.innovation)[0]!
      .council.code;
    const high = profiles.find((p) => p.concernLevel === 'high' && p.innovation)!.council.code;
    const t = selectTranche(profiles, {
      notificationDate: DATE,
      mustInclude: [low],
      mustExclude: [high],
      leftOutCount: 153,
    });
    expect(t.selected.find((s) => s.council.code === low)?.mustInclude).toBe(true);
    expect(t.selected.some((s) => s.council.code === high)).toBe(false);
    expect(t.leftOut.find((l) => l.council.code === high)?.reason).toBe('must-exclude');
  });

  it('says which maximum kept a high scorer out', () => {
    const t = selectTranche(variedProfiles(), {
      notificationDate: DATE,
      typeBounds: { county: { max: 0 } },
      regionBounds: { london: { max: 1 } },
      leftOutCount: 153,
    });
    const reasons = new Set(t.leftOut.map((l) => l.reason));
    expect(reasons.has('type-maximum')).toBe(true);
    expect(reasons.has('region-maximum')).toBe(true);
    expect(
      t.leftOut
        .filter((l) => l.reason === 'type-maximum')
        .every((l) => l.council.type === 'county'),
    ).toBe(true);
  });

  it('throws a typed error naming exactly the conflicting bounds (county min 3 vs max 2)', () => {
    const error = errorOf(() =>
      selectTranche(plainProfiles(), {
        notificationDate: DATE,
        typeBounds: { county: { min: 3, max: 2 } },
        regionBounds: { london: { max: 4 } },
      }),
    );
    expect(isLaAssuranceError(error) && error.code).toBe('infeasible-tranche');
    if (!isLaAssuranceError(error)) return;
    expect(error.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'typeBounds.county.max',
      'typeBounds.county.min',
    ]);
    expect(error.issues.every((i) => i.code === 'conflicting-constraint')).toBe(true);
  });

  it('names the size and every type maximum when the maximums cannot reach the size', () => {
    const r = safeSelectTranche(plainProfiles(), {
      notificationDate: DATE,
      typeBounds: {
        county: { max: 4 },
        unitary: { max: 4 },
        'metropolitan-district': { max: 4 },
        'london-borough': { max: 3 },
      },
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'size',
      'typeBounds.county.max',
      'typeBounds.london-borough.max',
      'typeBounds.metropolitan-district.max',
      'typeBounds.unitary.max',
    ]);
    expect(r.issues.find((i) => i.path[0] === 'size')?.message).toBe(
      'size: exactly 20 councils (153 in the profiles)',
    );
  });

  it('names a must-include council and the activity that makes it unavailable', () => {
    const profiles = plainProfiles().map(
      (p): CouncilProfile =>
        p.council.name === 'Somerset'
          ? {
              ...p,
              deliveryConstraints: [
                { label: 'Glastonbury Festival', start: '2024-02-01', end: '2024-02-05' },
              ],
            }
          : p,
    );
    const i = profiles.findIndex((p) => p.council.name === 'Somerset');
    const r = safeSelectTranche(profiles, {
      notificationDate: DATE,
      mustInclude: [code('Somerset')],
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((x) => x.path.join('.'))).toEqual([
      `profiles.${i}.deliveryConstraints.0`,
      'mustInclude.0',
    ]);
    expect(r.issues[0]!.message).toContain(
      'Glastonbury Festival (2024-02-01 to 2024-02-05) overlaps its assessment window (2023-12-04 to 2024-02-19)',
    );
  });

  it('names a council on both lists', () => {
    const r = safeSelectTranche(plainProfiles(), {
      notificationDate: DATE,
      mustInclude: [code('Camden')],
      mustExclude: [code('Leeds'), code('Camden')],
    });
    expect(!r.success && r.issues.map((x) => x.path.join('.'))).toEqual([
      'mustExclude.1',
      'mustInclude.0',
    ]);
  });

  it('names an irreducible conflicting set: those constraints alone conflict, and without any one of them the rest can be met', () => {
    const boundsArb = <K extends string>(keys: readonly K[], maxMin: number, maxSpan: number) =>
      fc.dictionary(
        fc.constantFrom(...keys),
        fc.record(
          { min: fc.integer({ min: 0, max: maxMin }), max: fc.integer({ min: 0, max: maxSpan }) },
          { requiredKeys: [] },
        ),
        { maxKeys: keys.length },
      ) as fc.Arbitrary<Partial<Record<K, { min?: number; max?: number }>>>;
    const profiles = variedProfiles();
    const codes = profiles.map((p) => p.council.code);
    let checkedDrops = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 40 }),
        boundsArb(COUNCIL_TYPES, 12, 10),
        boundsArb(REGIONS, 5, 4),
        fc.uniqueArray(fc.constantFrom(...codes), { maxLength: 4 }),
        fc.uniqueArray(fc.constantFrom(...codes), { maxLength: 4 }),
        (size, typeBounds, regionBounds, mustInclude, mustExclude) => {
          const original: TrancheOptions = {
            notificationDate: DATE,
            size,
            typeBounds,
            regionBounds,
            mustInclude,
            mustExclude,
          };
          const r = safeSelectTranche(profiles, original);
          if (r.success) return;
          const named = r.issues.map((i) => i.path);
          expect(r.issues.every((i) => i.code === 'conflicting-constraint')).toBe(true);
          // Only the named constraints (the size is always an option): still no tranche.
          const only = keepOnly(original, named);
          expect(safeSelectTranche(profiles, only).success).toBe(false);
          // The size is in the set: drop any other one and a tranche exists.
          if (!named.some((p) => p[0] === 'size')) return;
          for (const path of named) {
            if (path[0] === 'size') continue;
            checkedDrops++;
            expect(
              safeSelectTranche(
                profiles,
                keepOnly(
                  original,
                  named.filter((p) => p !== path),
                ),
              ).success,
            ).toBe(true);
          }
        },
      ),
      { numRuns: 150, seed: 7 },
    );
    expect(checkedDrops).toBeGreaterThan(10);
  });

  it('does not mutate its input, and is deterministic and independent of profile order', () => {
    const profiles = deepFreeze(variedProfiles());
    const options = deepFreeze({
      notificationDate: DATE,
      size: 15,
      typeBounds: { county: { min: 2 } },
      regionBounds: { london: { max: 3 } },
    });
    const first = selectTranche(profiles, options);
    fc.assert(
      fc.property(fc.shuffledSubarray(profiles, { minLength: profiles.length }), (shuffled) => {
        const again = selectTranche(shuffled, options);
        expect(again.selected.map((s) => s.council.code)).toEqual(
          first.selected.map((s) => s.council.code),
        );
        expect(again.objective).toBe(first.objective);
      }),
      { numRuns: 20 },
    );
    expect(Object.isFrozen(first.selected)).toBe(true);
  });

  it('returns issues for invalid profiles and unknown codes, and throws RangeError for malformed options', () => {
    const bad = safeSelectTranche(
      [{ council: { code: 'X', name: 'X', type: 'city', region: 'north' } }],
      { notificationDate: DATE },
    );
    expect(!bad.success && bad.issues.map((i) => i.path.join('.'))).toEqual([
      'profiles.0.council.code',
      'profiles.0.council.type',
      'profiles.0.council.region',
    ]);
    const unknown = safeSelectTranche(plainProfiles().slice(0, 30), {
      notificationDate: DATE,
      mustInclude: ['E10000019'],
    });
    expect(!unknown.success && unknown.issues[0]).toMatchObject({
      code: 'unknown-council',
      path: ['mustInclude', 0],
    });
    expect(() => selectTranche(plainProfiles(), { notificationDate: DATE, size: 2.5 })).toThrow(
      RangeError,
    );
    expect(() => selectTranche(plainProfiles(), { notificationDate: '4 Dec 2023' })).toThrow(
      RangeError,
    );
    expect(() =>
      selectTranche(plainProfiles(), {
        notificationDate: DATE,
        typeBounds: { city: { max: 1 } } as never,
      }),
    ).toThrow(TypeError);
    expect(safeSelectTranche('profiles', { notificationDate: DATE }).success).toBe(false);
  });
});

function scoreOf(profile: CouncilProfile): number {
  return scoreCouncil(profile, { notificationDate: DATE }).total;
}

/** The options with only the listed constraints (paths as the issues give them) kept; the size always stays. */
function keepOnly(
  options: TrancheOptions,
  paths: readonly (readonly (string | number)[])[],
): TrancheOptions {
  const has = (...path: (string | number)[]) => paths.some((p) => p.join('.') === path.join('.'));
  const bounds = (head: 'typeBounds' | 'regionBounds') =>
    Object.fromEntries(
      Object.entries((options[head] ?? {}) as Record<string, { min?: number; max?: number }>).map(
        ([key, b]) => [
          key,
          {
            ...(has(head, key, 'min') ? { min: b.min } : {}),
            ...(has(head, key, 'max') ? { max: b.max } : {}),
          },
        ],
      ),
    );
  return {
    notificationDate: options.notificationDate,
    size: options.size,
    typeBounds: bounds('typeBounds'),
    regionBounds: bounds('regionBounds'),
    mustInclude: (options.mustInclude ?? []).filter((_, i) => has('mustInclude', i)),
    mustExclude: (options.mustExclude ?? []).filter((_, i) => has('mustExclude', i)),
  };
}
