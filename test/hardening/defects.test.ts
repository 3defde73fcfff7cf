// Regression tests for the defects the attack run of issue 15 found, one `describe` per defect.
import { describe, expect, it } from 'vitest';
import {
  safeScoreAssessment,
  safeScoreEvidenceCategories,
  ratingForPercentage,
  validateQualityStatementScores,
} from '../../src/scoring/index.js';
import { createWorkingDayCalendar, isoDate } from '../../src/timeline/index.js';
import {
  safeParseCaseRecord,
  defaultCaseCriteria,
  prepareCasePopulation,
  safeSelectCaseSample,
} from '../../src/case-tracking/index.js';
import {
  safePlanProgramme,
  safeScoreCouncil,
  safeSelectTranche,
  selectTranche,
  validateCouncilProfile,
  validateCouncilProfiles,
  type CouncilProfile,
} from '../../src/tranche/index.js';
import { isLaAssuranceError } from '../../src/errors/index.js';
import { describeValue } from '../../src/internal/describe.js';
import { generateCasePopulation } from '../../src/testing/index.js';
import { plainProfiles } from '../tranche/profiles.js';
import {
  cyclic,
  hugeSparseArray,
  HOSTILE,
  revokedProxy,
  throwingGetter,
  throwingProxy,
  transparentProxy,
} from './hostile.js';

const DATE = '2023-12-04';
const CAMDEN = {
  council: { code: 'E09000007', name: 'Camden', type: 'london-borough', region: 'london' },
} as const;

/** The three unreadable inputs of the issue: a throwing getter on a known key, a throwing Proxy, a revoked Proxy. */
const unreadable = (key: string): [string, () => unknown][] => [
  ['a throwing getter on a known key', () => throwingGetter(key)],
  ['a Proxy whose traps throw', throwingProxy],
  ['a revoked Proxy (a stale Immer draft)', () => revokedProxy()],
];

function codesOf(result: { success: boolean; issues?: readonly { code: string }[] }): string[] {
  return result.success ? [] : result.issues!.map((i) => i.code);
}

describe('unreadable input is an input-unreadable issue, never a throw', () => {
  it.each(unreadable('safeguarding'))('scoring: %s', (_, make) => {
    expect(codesOf(safeScoreAssessment(make()))).toEqual(['input-unreadable']);
    expect(codesOf(validateQualityStatementScores(make()))).toEqual(['input-unreadable']);
    expect(codesOf(safeScoreEvidenceCategories(make()))).toEqual(['input-unreadable']);
  });

  it('scoring: the issue names the input and says what to send instead', () => {
    const r = safeScoreAssessment(throwingGetter('safeguarding'));
    expect(!r.success && r.issues[0]).toEqual({
      code: 'input-unreadable',
      path: ['scores'],
      message:
        'scores: reading the scores failed (a getter or Proxy threw, or the Proxy was revoked); send plain JSON data',
    });
  });

  it('scoring: a transparent Proxy over valid scores is read like the scores themselves', () => {
    const scores = { safeguarding: 3, 'assessing-needs': 4 };
    expect(safeScoreAssessment(transparentProxy(scores))).toEqual(safeScoreAssessment(scores));
  });

  it.each(unreadable('council'))('tranche: %s as a profile, or in the list', (_, make) => {
    expect(codesOf(validateCouncilProfile(make()))).toEqual(['input-unreadable']);
    expect(codesOf(validateCouncilProfiles([CAMDEN, make()]))).toEqual(['input-unreadable']);
    expect(codesOf(safeScoreCouncil(make(), { notificationDate: DATE }))).toEqual([
      'input-unreadable',
    ]);
    expect(codesOf(safeSelectTranche([make()], { notificationDate: DATE, size: 1 }))).toEqual([
      'input-unreadable',
    ]);
    expect(codesOf(safePlanProgramme([make()], { start: DATE }))).toEqual(['input-unreadable']);
  });

  it('tranche: a revoked Proxy as the list itself', () => {
    expect(codesOf(validateCouncilProfiles(revokedProxy(true)))).toEqual(['input-unreadable']);
    expect(codesOf(safeSelectTranche(revokedProxy(true), { notificationDate: DATE }))).toEqual([
      'input-unreadable',
    ]);
  });

  it.each(unreadable('id'))(
    'case tracking: %s as a row is reported, the other rows still drawn',
    (_, make) => {
      expect(safeParseCaseRecord(make(), ['cases', 0])).toMatchObject({
        issues: [{ code: 'input-unreadable', path: ['cases', 0] }],
      });
      const rows = [...generateCasePopulation({ size: 20, seed: 'h' }), make()];
      const r = safeSelectCaseSample(rows, { seed: 'S', size: 12 });
      expect(r.success).toBe(true);
      if (!r.success) return;
      expect(r.data.problems.map((p) => [p.code, p.position])).toEqual([['input-unreadable', 20]]);
      const fromPopulation = safeSelectCaseSample(prepareCasePopulation(rows), {
        seed: 'S',
        size: 12,
      });
      expect(fromPopulation).toEqual(r);
    },
  );

  it('case tracking: a list whose iterator throws is one input-unreadable issue at the record it reached', () => {
    function* rows() {
      yield* generateCasePopulation({ size: 3, seed: 'h' });
      throw new Error('export connection dropped');
    }
    expect(safeSelectCaseSample(rows(), { seed: 'S' })).toMatchObject({
      success: false,
      issues: [{ code: 'input-unreadable', path: [3] }],
    });
  });
});

describe('option lists are measured before they are copied', () => {
  it('createWorkingDayCalendar rejects a sparse add or remove of length 10⁹ at once (no out-of-memory)', () => {
    const started = performance.now();
    expect(() => createWorkingDayCalendar({ add: hugeSparseArray() as never })).toThrow(
      /options\.add has 1000000000 entries; at most 81084/,
    );
    expect(() => createWorkingDayCalendar({ remove: hugeSparseArray() as never })).toThrow(
      RangeError,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('the tranche lists and scoring cut points too', () => {
    expect(() =>
      safeSelectTranche([], { notificationDate: DATE, mustInclude: hugeSparseArray() as never }),
    ).toThrow(/mustInclude has 1000000000 entries/);
    expect(() =>
      safeScoreAssessment({ safeguarding: 3 }, { bandCutPoints: hugeSparseArray() as never }),
    ).toThrow(RangeError);
    expect(() => defaultCaseCriteria({ proportionalTo: hugeSparseArray() as never })).toThrow(
      new RangeError('proportionalTo has 1000000000 entries; at most 1000 are allowed'),
    );
    expect(() => defaultCaseCriteria({ proportionalTo: ['age'] as never })).toThrow(
      new RangeError(
        'proportionalTo: unknown dimension field "age"; use one of ageBand, primarySupportReason, ethnicity, setting',
      ),
    );
  });

  it('a long data list is an issue, not a long walk: profiles and activities', () => {
    expect(validateCouncilProfiles(hugeSparseArray())).toMatchObject({
      success: false,
      issues: [{ code: 'invalid-input', path: ['profiles'] }],
    });
    const r = validateCouncilProfile({ ...CAMDEN, deliveryConstraints: hugeSparseArray() });
    expect(!r.success && r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['invalid-field', 'profile.deliveryConstraints'],
    ]);
  });

  it('a hole in a profile list is reported, not skipped', () => {
    // eslint-disable-next-line no-sparse-arrays
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point of the test
    const r = validateCouncilProfiles([CAMDEN, , CAMDEN]);
    expect(codesOf(r)).toEqual(['invalid-profile', 'duplicate-council']);
  });
});

describe('error paths never crash and use the documented class', () => {
  it('isoDate(10n) and isoDate(cyclic) throw RangeError describing the value', () => {
    expect(() => isoDate(10n as never)).toThrow(
      new RangeError(
        'Expected a calendar date written YYYY-MM-DD; got 10n (a BigInt). Check untrusted dates with isIsoDate or IsoDateSchema first.',
      ),
    );
    expect(() => isoDate(cyclic() as never)).toThrow(
      /^Expected a calendar date written YYYY-MM-DD; got an object\./,
    );
    expect(() => isoDate(Symbol('d') as never)).toThrow(RangeError);
  });

  it('ratingForPercentage(Object.create(null)) throws RangeError', () => {
    expect(() => ratingForPercentage(Object.create(null) as never)).toThrow(
      new RangeError('percentage must be a number from 0 to 100; got an object'),
    );
  });

  it("safeSelectCaseSample(x, { seed: 'S', criteria: {} }) throws RangeError as documented, naming the missing list", () => {
    expect(() => safeSelectCaseSample([], { seed: 'S', criteria: {} as never })).toThrow(
      new RangeError('criteria nothing: dimensions must be a list; got nothing'),
    );
    expect(() =>
      safeSelectCaseSample([], {
        seed: 'S',
        criteria: { id: 'x', dimensions: [], mustInclude: [null] } as never,
      }),
    ).toThrow(/criteria "x": mustInclude\[0\] must be an object; got null/);
    expect(() =>
      safeSelectCaseSample([], {
        seed: 'S',
        criteria: {
          id: 10n,
          dimensions: [{ field: 'setting', categories: [{ id: 'nursing', minimum: 1.5 }] }],
          mustInclude: [],
        } as never,
      }),
    ).toThrow(
      /criteria 10n \(a BigInt\): setting:nursing: minimum must be a whole number ≥ 0; got 1\.5/,
    );
  });

  it('describing any value never throws (the helper behind every message)', () => {
    for (const [name, make] of Object.entries(HOSTILE))
      expect(typeof describeValue(make()), name).toBe('string');
    expect(describeValue(revokedProxy())).toBe('an unreadable object (a revoked Proxy)');
    expect(describeValue(Object.create(null))).toBe('an object');
  });
});

describe('tranche: each impossible request is a typed error naming the problem', () => {
  const profiles = plainProfiles();

  it('infeasible bounds: a minimum above its maximum names both', () => {
    const r = safeSelectTranche(profiles, {
      notificationDate: DATE,
      regionBounds: { london: { min: 5, max: 2 } },
    });
    expect(!r.success && r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['conflicting-constraint', 'regionBounds.london.max'],
      ['conflicting-constraint', 'regionBounds.london.min'],
    ]);
  });

  it('a size larger than the candidates names the size and how many profiles there are', () => {
    const five = profiles.slice(0, 5);
    expect(() => selectTranche(five, { notificationDate: DATE, size: 6 })).toThrow(
      expect.objectContaining({ code: 'infeasible-tranche' }),
    );
    const r = safeSelectTranche(five, { notificationDate: DATE, size: 6 });
    expect(!r.success && r.issues).toEqual([
      {
        code: 'conflicting-constraint',
        path: ['size'],
        message: 'size: exactly 6 councils (5 in the profiles)',
      },
    ]);
  });

  it('NaN or infinite scores cannot arise: NaN, infinite and overflowing weights or factors are RangeErrors naming the option', () => {
    expect(() =>
      safeSelectTranche(profiles, { notificationDate: DATE, weights: { innovation: Number.NaN } }),
    ).toThrow(new RangeError("weights['innovation'] must be a finite number; got NaN"));
    expect(() =>
      safeSelectTranche(profiles, {
        notificationDate: DATE,
        weights: { 'existing-concerns': Infinity },
      }),
    ).toThrow(/weights\['existing-concerns'\] must be a finite number; got Infinity/);
    // 1e308 is finite, but two of them overflow to Infinity and Infinity − Infinity is NaN.
    expect(() =>
      safeSelectTranche(profiles, {
        notificationDate: DATE,
        weights: { innovation: 1e308, 'existing-concerns': 1e308 },
      }),
    ).toThrow(/weights\['existing-concerns'\] must be from −1000000 to 1000000/);
    expect(() =>
      safePlanProgramme(profiles, {
        start: DATE,
        rules: { concernFactors: { high: -Infinity } as never },
      }),
    ).toThrow(/rules\.concernFactors\.high must be a finite number/);
    expect(() =>
      safeScoreCouncil(CAMDEN, {
        notificationDate: DATE,
        rules: { nonCoterminousAlignmentFactor: 1e9 },
      }),
    ).toThrow(/rules\.nonCoterminousAlignmentFactor must be from −1000 to 1000/);
  });

  it('the largest weights allowed still give finite totals, exact in hundredths', () => {
    const weights = {
      'existing-concerns': 1e6,
      innovation: 1e6,
      'ics-alignment': 1e6,
      'time-since-last-assessment': 1e6,
      'regulatory-activity': 1e6,
      'delivery-constraints': 1e6,
    };
    const r = safeScoreCouncil(
      { ...CAMDEN, concernLevel: 'high', innovation: 'x' },
      {
        notificationDate: DATE,
        weights,
        rules: { concernFactors: { none: 0, low: 0, medium: 0, high: 1000 } },
      },
    );
    // concerns 1e6 × 1000 + innovation 1e6 + never assessed 1e6 = 1,002,000,000
    expect(r.success && r.data.total).toBe(1_002_000_000);
  });

  it('duplicate councils name the first profile', () => {
    const r = safeSelectTranche([CAMDEN, profiles[0], CAMDEN] as CouncilProfile[], {
      notificationDate: DATE,
    });
    expect(!r.success && r.issues).toEqual([
      {
        code: 'duplicate-council',
        path: ['profiles', 2, 'council', 'code'],
        message:
          'profiles.2.council.code: E09000007 already has a profile (profiles.0); give each council one profile',
      },
    ]);
  });

  it('unknown councils in the lists are named with the code given', () => {
    const r = safeSelectTranche(profiles, {
      notificationDate: DATE,
      mustInclude: ['E06009999'],
      mustExclude: [profiles[0]!.council.code, 'nonsense'],
    });
    expect(!r.success && r.issues).toEqual([
      {
        code: 'unknown-council',
        path: ['mustInclude', 0],
        message: 'mustInclude.0: no profile has council code "E06009999"',
      },
      {
        code: 'unknown-council',
        path: ['mustExclude', 1],
        message: 'mustExclude.1: no profile has council code "nonsense"',
      },
    ]);
    expect(() =>
      selectTranche(profiles, { notificationDate: DATE, mustInclude: [10n] as never }),
    ).toThrow(new TypeError('mustInclude[0] must be an ONS code (a string); got 10n (a BigInt)'));
    try {
      selectTranche(profiles, { notificationDate: DATE, mustInclude: ['E06009999'] });
    } catch (error) {
      expect(isLaAssuranceError(error) && error.code).toBe('invalid-profiles');
    }
  });
});
