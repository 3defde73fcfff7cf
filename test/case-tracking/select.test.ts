import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CASE_SAMPLE_ALGORITHM,
  casePriority,
  defaultCaseCriteria,
  safeSelectCaseSample,
  selectCaseSample,
  isLaAssuranceError,
  type LaAssuranceError,
  type CaseCriteria,
  type CaseRecord,
  type CaseSample,
  type CaseSampleOptions,
} from '../../src/case-tracking/index.js';
import { caseRecordArbitrary } from '../../src/testing/arbitraries/index.js';
import { generateCasePopulation } from '../../src/testing/case-population.js';
import { deepFreeze } from '../support/published-results.js';

const NO_QUOTAS: CaseCriteria = {
  id: 'none',
  title: 'No quotas',
  status: 'modelled',
  dimensions: [],
  mustInclude: [],
};

function sample(cases: Iterable<unknown>, options: CaseSampleOptions): CaseSample {
  const result = safeSelectCaseSample(cases, options);
  if (!result.success) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.data;
}
const ids = (list: readonly { id: string }[]) => list.map((c) => c.id);
/** Everything a reader of the result sees, as plain ordered data. */
const view = (s: CaseSample) => ({
  sample: ids(s.sample),
  selectedFor: s.sample.map((c) => c.selectedFor),
  shortlist: ids(s.shortlist),
  engage: ids(s.engage),
  reserves: ids(s.reserves),
  coverage: s.coverage,
  shortfalls: s.shortfalls,
  population: s.population,
});

const population = fc.uniqueArray(caseRecordArbitrary(), {
  selector: (r) => r.id,
  minLength: 0,
  maxLength: 250,
  size: 'medium',
});
/** Populations larger than the sample, so that some records are left out. */
const largerPopulation = fc.uniqueArray(caseRecordArbitrary(), {
  selector: (r) => r.id,
  minLength: 30,
  maxLength: 150,
});
const small = { size: 20, shortlistSize: 8, engageSize: 4 } as const;

describe('casePriority golden vectors (independent Python reference in docs/case-tracking.md)', () => {
  it.each([
    ['', '', 4446763975410778],
    ['2024-pilot', 'C-0000001', 4208843228669331],
    ['2024-pilot', 'C-0000002', 7522298483846210],
    ['Anyshire 2025-01', 'C-0000001', 1906007127148503],
    ['seed', 'Zoë-ø', 5436098752263952],
    ['seed', 'id-😀', 5131394278197416],
    ['a', 'b\u0000c', 227351303141491],
  ])('casePriority(%j, %j) = %d', (seed, id, expected) => {
    expect(casePriority(seed, id)).toBe(expected);
  });

  it('is a whole number below 2^53', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (seed, id) => {
        const p = casePriority(seed, id);
        expect(Number.isSafeInteger(p) && p >= 0).toBe(true);
      }),
    );
  });
});

describe('safeSelectCaseSample golden vectors (algorithm la-assurance/case-sample@1)', () => {
  const row = (id: string): CaseRecord => ({
    ...[...generateCasePopulation({ seed: 'x', size: 1 })][0]!,
    id,
  });

  it('without quotas takes the lowest priorities: golden A < D < B < C < E (Python reference)', () => {
    const s = sample(['A', 'B', 'C', 'D', 'E'].map(row), {
      seed: 'golden',
      size: 3,
      shortlistSize: 2,
      engageSize: 1,
      criteria: NO_QUOTAS,
    });
    expect(s.algorithm).toBe(CASE_SAMPLE_ALGORITHM);
    expect(ids(s.sample)).toEqual(['A', 'D', 'B']);
    expect(s.sample.map((c) => c.selectedFor)).toEqual(['fill', 'fill', 'fill']);
    expect(ids(s.shortlist)).toEqual(['A', 'D']);
    expect(ids(s.engage)).toEqual(['A']);
    expect(ids(s.reserves)).toEqual(['D']);
  });

  it('default criteria on the pinned synthetic population (seed "golden", 5,000 records)', () => {
    const cases = [...generateCasePopulation({ seed: 'golden', size: 5000 })];
    expect(cases[0]).toEqual({
      id: 'C-0000001',
      age: 94,
      primarySupportReason: 'physical-support',
      ethnicity: 'white',
      setting: 'community',
      unpaidCarer: true,
      hospitalDischarge: true,
      safeguardingEnquiry: true,
      directPayment: false,
      transition: false,
      lastAssessed: '2023-11-07',
      lastReviewed: '2023-05-19',
    });
    const s = sample(cases, {
      seed: 'golden-2024',
      criteria: defaultCaseCriteria({ asOf: '2024-04-01' }),
    });
    expect(ids(s.sample)).toEqual([
      'C-0004708',
      'C-0002448',
      'C-0000531',
      'C-0004363',
      'C-0003770',
      'C-0001543',
      'C-0002555',
      'C-0000893',
      'C-0004663',
      'C-0002591',
      'C-0002909',
      'C-0001265',
      'C-0002514',
      'C-0002257',
      'C-0004777',
      'C-0002124',
      'C-0001173',
      'C-0003730',
      'C-0000639',
      'C-0001209',
      'C-0002632',
      'C-0000105',
      'C-0003741',
      'C-0001879',
      'C-0001397',
      'C-0001913',
      'C-0003648',
      'C-0004082',
      'C-0002724',
      'C-0003641',
      'C-0000787',
      'C-0000162',
      'C-0003922',
      'C-0000319',
      'C-0001651',
      'C-0004396',
      'C-0003216',
      'C-0000784',
      'C-0001575',
      'C-0000286',
      'C-0001535',
      'C-0004003',
      'C-0004240',
      'C-0001856',
      'C-0001693',
      'C-0003193',
      'C-0001773',
      'C-0002726',
      'C-0003217',
      'C-0000354',
    ]);
    expect(ids(s.shortlist)).toEqual([
      'C-0002448',
      'C-0001265',
      'C-0001913',
      'C-0004777',
      'C-0003217',
      'C-0002555',
      'C-0000639',
      'C-0003741',
      'C-0000105',
      'C-0004663',
    ]);
    expect(ids(s.engage)).toEqual([
      'C-0002448',
      'C-0001265',
      'C-0001913',
      'C-0004777',
      'C-0003217',
      'C-0002555',
    ]);
    expect(s.shortfalls).toEqual([]);
  });
});

describe('safeSelectCaseSample laws', () => {
  it('takes exactly min(size, population) cases, without duplicates', () => {
    fc.assert(
      fc.property(population, fc.string(), (cases, seed) => {
        const s = sample(cases, { seed, ...small });
        expect(s.sample).toHaveLength(Math.min(20, cases.length));
        expect(new Set(ids(s.sample)).size).toBe(s.sample.length);
      }),
    );
  });

  it('meets every quota or reports the shortfall, by how much and why', () => {
    fc.assert(
      fc.property(population, fc.string(), (cases, seed) => {
        const s = sample(cases, {
          seed,
          ...small,
          criteria: defaultCaseCriteria({ asOf: '2024-04-01' }),
        });
        for (const row of s.coverage) {
          const shortfall = s.shortfalls.find((f) => f.quota === row.quota);
          if (row.selected >= row.target) expect(shortfall).toBeUndefined();
          else {
            expect(shortfall).toEqual({
              quota: row.quota,
              target: row.target,
              selected: row.selected,
              missing: row.target - row.selected,
              reason: expect.any(String),
            });
            if (row.population < row.target) expect(shortfall?.reason).toBe('population-too-small');
            else expect(shortfall?.reason).toBe('sample-full');
          }
        }
      }),
    );
  });

  it('counts each sampled case toward the quotas it lists (coverage.selected agrees with satisfies)', () => {
    fc.assert(
      fc.property(population, fc.string(), (cases, seed) => {
        const s = sample(cases, { seed, ...small });
        for (const row of s.coverage.filter((r) => r.target > 0)) {
          expect(s.sample.filter((c) => c.satisfies.includes(row.quota)).length).toBe(row.selected);
        }
      }),
    );
  });

  it('is order-invariant: shuffled input gives the identical result', () => {
    fc.assert(
      fc.property(population, fc.string(), fc.integer(), (cases, seed, shuffleSeed) => {
        const shuffled = fc.sample(
          fc.shuffledSubarray(cases, { minLength: cases.length, maxLength: cases.length }),
          { seed: shuffleSeed, numRuns: 1 },
        )[0]!;
        expect(view(sample(shuffled, { seed, ...small }))).toEqual(
          view(sample(cases, { seed, ...small })),
        );
      }),
    );
  });

  it('is order-invariant with duplicated ids too (every copy is left out)', () => {
    const withDuplicates = fc
      .array(caseRecordArbitrary(), { maxLength: 120 })
      .chain((cases) =>
        fc
          .tuple(
            fc.constant(cases),
            fc.array(fc.nat({ max: Math.max(0, cases.length - 1) }), { maxLength: 10 }),
          )
          .map(([rows, copies]) => [
            ...rows,
            ...copies
              .filter(() => rows.length > 0)
              .map((i) => ({ ...rows[i]!, age: 40, ageBand: undefined })),
          ]),
      );
    fc.assert(
      fc.property(withDuplicates, fc.string(), fc.integer(), (cases, seed, shuffleSeed) => {
        const shuffled = fc.sample(
          fc.shuffledSubarray(cases, { minLength: cases.length, maxLength: cases.length }),
          { seed: shuffleSeed, numRuns: 1 },
        )[0]!;
        const a = sample(cases, { seed, ...small });
        const b = sample(shuffled, { seed, ...small });
        expect(view(b)).toEqual(view(a));
        expect(b.duplicates.map((d) => d.id).sort()).toEqual(a.duplicates.map((d) => d.id).sort());
      }),
    );
  });

  it('gives different samples for different seeds', () => {
    const cases = [...generateCasePopulation({ seed: 'seeds', size: 400 })];
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b);
        expect(ids(sample(cases, { seed: a, ...small }).sample)).not.toEqual(
          ids(sample(cases, { seed: b, ...small }).sample),
        );
      }),
      { numRuns: 30 },
    );
  });

  it('nests the lists: engage ⊂ shortlist ⊂ sample, reserves = the rest of the shortlist in order', () => {
    fc.assert(
      fc.property(population, fc.string(), (cases, seed) => {
        const s = sample(cases, { seed, ...small });
        const inSample = new Set(ids(s.sample));
        expect(ids(s.shortlist).every((id) => inSample.has(id))).toBe(true);
        expect(new Set(ids(s.shortlist)).size).toBe(s.shortlist.length);
        expect(s.shortlist).toHaveLength(Math.min(8, s.sample.length));
        expect([...ids(s.engage), ...ids(s.reserves)]).toEqual(ids(s.shortlist));
        expect(s.engage).toHaveLength(Math.min(4, s.shortlist.length));
      }),
    );
  });

  it('is stable: removing a record that was not sampled changes nothing while no proportional share moves', () => {
    fc.assert(
      fc.property(largerPopulation, fc.string(), fc.nat(), (cases, seed, pick) => {
        const before = sample(cases, { seed, ...small });
        const sampled = new Set(ids(before.sample));
        const others = cases.filter((c) => !sampled.has(c.id));
        fc.pre(others.length > 1 && cases.length - 1 > small.size);
        const removed = others[pick % others.length]!;
        const after = sample(
          cases.filter((c) => c !== removed),
          { seed, ...small },
        );
        const shares = (s: CaseSample) => s.coverage.map((r) => r.proportionalShare);
        if (JSON.stringify(shares(before)) === JSON.stringify(shares(after))) {
          const { coverage: _a, shortfalls: _b, population: _c, ...rest } = view(after);
          const { coverage: _d, shortfalls: _e, population: _f, ...was } = view(before);
          expect(rest).toEqual(was);
        }
      }),
    );
  });

  it('without proportional dimensions, adding or removing an unsampled record never changes the lists', () => {
    const criteria = defaultCaseCriteria({ proportionalTo: [] });
    fc.assert(
      fc.property(largerPopulation, fc.string(), fc.nat(), (cases, seed, pick) => {
        const before = sample(cases, { seed, ...small, criteria });
        const sampled = new Set(ids(before.sample));
        const others = cases.filter((c) => !sampled.has(c.id));
        fc.pre(others.length > 0 && cases.length - 1 > small.size);
        const without = sample(
          cases.filter((c) => c !== others[pick % others.length]),
          { seed, ...small, criteria },
        );
        expect(ids(without.sample)).toEqual(ids(before.sample));
        expect(ids(without.shortlist)).toEqual(ids(before.shortlist));
      }),
    );
  });

  it('reads any iterable: a generator gives the same result as an array', () => {
    const array = [...generateCasePopulation({ seed: 'stream', size: 3000 })];
    const streamed = sample(generateCasePopulation({ seed: 'stream', size: 3000 }), { seed: 's' });
    expect(view(streamed)).toEqual(view(sample(array, { seed: 's' })));
  });

  it('honours an array whose iterator is its own, and reads holes as missing records', () => {
    const array = [...generateCasePopulation({ seed: 'own-iterator', size: 400 })];
    class Reversed<T> extends Array<T> {
      override *[Symbol.iterator](): ArrayIterator<T> {
        for (let i = this.length - 1; i >= 0; i--) yield this[i]!;
      }
    }
    const reversed = Reversed.from(array);
    const viaIterator = sample(reversed, { seed: 'r' });
    // Same set of records, so the same selection; positions follow the iterator (reversed).
    expect(view(viaIterator)).toEqual(view(sample(array, { seed: 'r' })));
    expect(viaIterator.sample[0]!.position).toBe(
      array.length - 1 - array.findIndex((c) => c.id === viaIterator.sample[0]!.id),
    );

    const holey = [...array];
    delete holey[7];
    const s = sample(holey, { seed: 'r' });
    expect(s.recordsRead).toBe(400);
    expect(s.problems.map((p) => [p.code, p.position])).toEqual([['case-not-object', 7]]);
  });

  it('never mutates frozen input and returns a frozen result', () => {
    const cases = deepFreeze([...generateCasePopulation({ seed: 'frozen', size: 500 })]);
    const criteria = deepFreeze(defaultCaseCriteria());
    const s = sample(cases, { seed: 'f', criteria });
    expect(
      Object.isFrozen(s) &&
        Object.isFrozen(s.sample) &&
        Object.isFrozen(s.sample[0]) &&
        Object.isFrozen(s.coverage[0]),
    ).toBe(true);
  });

  it('never throws on arbitrary input rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.anything(), caseRecordArbitrary())),
        fc.constantFrom('skip' as const, 'reject' as const),
        (rows, onInvalid) => {
          const result = safeSelectCaseSample(rows, { seed: 'x', ...small, onInvalid });
          expect(typeof result.success).toBe('boolean');
        },
      ),
    );
  });
});

describe('safeSelectCaseSample bad records', () => {
  const cases = [...generateCasePopulation({ seed: 'bad', size: 100 })];
  const { setting: _omit, ...noSetting } = cases[3]!;
  const input = [
    ...cases.slice(0, 3),
    noSetting,
    'not a record',
    { ...cases[10]!, age: 12 },
    ...cases.slice(4),
    { ...cases[20]!, age: 40 },
  ];

  it('skips them by default and reports position, id and field', () => {
    const s = sample(input, { seed: 'b' });
    expect(s.recordsRead).toBe(103);
    expect(s.problems.map((p) => [p.code, p.path, p.position, p.id])).toEqual([
      ['case-missing-field', [3, 'setting'], 3, 'C-0000004'],
      ['case-not-object', [4], 4, undefined],
      ['case-invalid-field', [5, 'age'], 5, 'C-0000011'],
      ['duplicate-case-id', [22, 'id'], 22, 'C-0000021'],
    ]);
    expect(s.problems[0]?.message).toBe(
      "record 3 (id \"C-0000004\"): setting: missing; give one of 'community', 'residential', 'nursing'",
    );
    // The invalid copy of C-0000011 (position 5) is left out as invalid, so C-0000011 is not a duplicate.
    expect(s.duplicates).toEqual([{ id: 'C-0000021', positions: [22, 102] }]);
    // 99 valid distinct ids (C-0000001…C-0000100 but C-0000004, which lost its setting), less C-0000021, both of whose copies are left out.
    expect(s.population).toBe(98);
    expect(ids(s.sample)).not.toContain('C-0000021');
  });

  it('finds every duplicated id in a large export, and nothing else (checked against a Map)', () => {
    const base = [...generateCasePopulation({ seed: 'many-dups', size: 60_000 })];
    // Copy 500 records (some of them twice) to pseudo-random later positions.
    const rows: CaseRecord[] = [...base];
    for (let k = 0; k < 600; k++)
      rows.splice((k * 7919) % rows.length, 0, { ...base[(k * 104729) % 500]! });
    const expected = new Map<string, number[]>();
    rows.forEach((r, i) => expected.set(r.id, [...(expected.get(r.id) ?? []), i]));
    const want = [...expected]
      .filter(([, p]) => p.length > 1)
      .map(([id, positions]) => ({ id, positions }))
      .sort((a, b) => a.positions[0]! - b.positions[0]!);
    const s = sample(rows, { seed: 'd', maxProblems: 0 });
    expect(s.duplicates).toEqual(want);
    expect(s.population).toBe(60_000 - want.length);
    const streamed = sample(
      (function* () {
        yield* rows;
      })(),
      { seed: 'd', maxProblems: 0 },
    );
    expect(streamed.duplicates).toEqual(want);
  });

  it('tells ids apart exactly when read from a stream: non-ASCII, lone surrogates, equal hashes', () => {
    // 'x\uD800' and 'x\uD801' are different ids whose UTF-8 (with U+FFFD for the lone
    // surrogate) and so whose hashes are equal: they must not be reported as duplicates.
    // 'Zoë' twice and 'C-1' twice are duplicates (positions counted by hand).
    const base = generateCasePopulation({ seed: 'ids', size: 6 }).next().value as CaseRecord;
    const withIds = ['x\uD800', 'Zoë', 'C-1', 'x\uD801', 'Zoë', 'C-1', 'C-2'].map((id) => ({
      ...base,
      id,
    }));
    for (const rows of [
      withIds,
      (function* () {
        yield* withIds;
      })(),
    ]) {
      expect(sample(rows, { seed: 's' }).duplicates).toEqual([
        { id: 'Zoë', positions: [1, 4] },
        { id: 'C-1', positions: [2, 5] },
      ]);
    }
  });

  it('a draw started while another reads its records (from a getter) disturbs neither', () => {
    // The duplicate check reuses its buffers from one draw to the next: a nested draw must
    // get its own. One duplicated id (a copy of the first record) exercises the check.
    const rows: CaseRecord[] = [...generateCasePopulation({ seed: 'nest', size: 300 })];
    rows.push({ ...rows[0]! });
    sample(rows, { seed: 'warm-up' }); // leaves buffers for the next draw to reuse
    const inner: CaseSample[] = [];
    const nested = rows.map((r, i) =>
      i === 150
        ? Object.defineProperty({ ...r }, 'setting', {
            get: () => {
              inner.push(sample(rows, { seed: 'in' }));
              return r.setting;
            },
            enumerable: true,
          })
        : r,
    );
    const outer = sample(nested, { seed: 'out' });
    expect(view(outer)).toEqual(view(sample(rows, { seed: 'out' })));
    expect(outer.duplicates).toEqual([{ id: rows[0]!.id, positions: [0, 300] }]);
    expect(inner.length).toBeGreaterThan(0);
    for (const s of inner) expect(view(s)).toEqual(view(sample(rows, { seed: 'in' })));
  });

  it('reports the same from a stream as from an array', () => {
    const streamed = sample(
      (function* () {
        yield* input;
      })(),
      { seed: 'b' },
    );
    expect(streamed.duplicates).toEqual(sample(input, { seed: 'b' }).duplicates);
    expect(streamed.problems).toEqual(sample(input, { seed: 'b' }).problems);
  });

  it("rejects them with onInvalid: 'reject', listing every issue", () => {
    const result = safeSelectCaseSample(input, { seed: 'b', onInvalid: 'reject' });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.issues.map((i) => i.code)).toEqual([
        'case-missing-field',
        'case-not-object',
        'case-invalid-field',
        'duplicate-case-id',
      ]);
  });

  it('caps the problems listed and counts the rest', () => {
    const s = sample(
      Array.from({ length: 250 }, () => null),
      { seed: 'b', maxProblems: 10 },
    );
    expect([s.problems.length, s.suppressedProblems, s.sample.length]).toEqual([10, 240, 0]);
  });
});

describe('selectCaseSample (the throwing twin)', () => {
  const cases = [...generateCasePopulation({ seed: 'throwing', size: 200 })];

  it('returns the same sample as safeSelectCaseSample', () => {
    const safe = safeSelectCaseSample(cases, { seed: 's' });
    expect(safe.success && selectCaseSample(cases, { seed: 's' })).toEqual(
      safe.success && safe.data,
    );
  });

  it('throws LaAssuranceError with the issues when records are rejected', () => {
    const bad = [...cases, { id: 'X' }];
    let thrown: unknown;
    try {
      selectCaseSample(bad, { seed: 's', onInvalid: 'reject' });
    } catch (error) {
      thrown = error;
    }
    expect(isLaAssuranceError(thrown)).toBe(true);
    expect((thrown as LaAssuranceError).code).toBe('invalid-case-records');
    expect((thrown as LaAssuranceError).issues.map((i) => i.path[0])).toContain(200);
  });
});
