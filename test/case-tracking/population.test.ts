import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CasePopulation,
  casePriority,
  defaultCaseCriteria,
  prepareCasePopulation,
  safeSelectCaseSample,
  type CaseRecord,
  type CaseSampleOptions,
} from '../../src/case-tracking/index.js';
import { caseRecordArbitrary } from '../../src/testing/arbitraries/index.js';
import { generateCasePopulation } from '../../src/testing/case-population.js';
import { deepFreeze } from '../support/published-results.js';

/** Rows as an export might hold them: records, duplicated ids, and anything else. */
const rows = fc.array(caseRecordArbitrary(), { maxLength: 150 }).chain((cases) =>
  fc
    .tuple(
      fc.constant(cases),
      fc.array(fc.nat({ max: Math.max(0, cases.length - 1) }), { maxLength: 8 }),
      fc.array(
        fc.tuple(
          fc.nat({ max: cases.length }),
          fc.oneof(fc.anything(), fc.record({ id: fc.string() })),
        ),
        { maxLength: 6 },
      ),
    )
    .map(([records, copies, junk]) => {
      const all: unknown[] = [
        ...records,
        ...copies.filter(() => records.length > 0).map((i) => ({ ...records[i]! })),
      ];
      for (const [at, value] of junk) all.splice(at, 0, value);
      return all;
    }),
);

const options: fc.Arbitrary<CaseSampleOptions> = fc
  .record({
    seed: fc.string(),
    size: fc.integer({ min: 0, max: 30 }),
    shortlistSize: fc.constant(0),
    engageSize: fc.constant(0),
    onInvalid: fc.constantFrom('skip' as const, 'reject' as const),
    maxProblems: fc.integer({ min: 0, max: 5 }),
    criteria: fc.constantFrom(
      defaultCaseCriteria(),
      defaultCaseCriteria({ asOf: '2024-06-30', proportionalTo: ['ethnicity', 'setting'] }),
    ),
  })
  .map((o) => ({ ...o, shortlistSize: Math.min(o.size, 8), engageSize: Math.min(o.size, 4) }));

describe('prepareCasePopulation', () => {
  it('draws exactly what a draw from the records gives (sample, lists, coverage, problems, duplicates)', () => {
    fc.assert(
      fc.property(rows, options, (input, o) => {
        expect(safeSelectCaseSample(prepareCasePopulation(input), o)).toEqual(
          safeSelectCaseSample(input, o),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('reads a stream (growing its columns) the same as an array, with ids in any script', () => {
    const array = [...generateCasePopulation({ seed: 'prepared-stream', size: 5000 })].map(
      (c, i) => (i % 7 === 0 ? { ...c, id: `${c.id}-Zoë-ø-😀${i % 2 ? '\ud800' : ''}` } : c),
    );
    const streamed = prepareCasePopulation(
      (function* () {
        yield* array;
      })(),
    );
    const options = { seed: 'unicode', criteria: defaultCaseCriteria({ asOf: '2024-01-01' }) };
    const fromStream = safeSelectCaseSample(streamed, options);
    expect(fromStream).toEqual(safeSelectCaseSample(array, options));
    expect(fromStream).toEqual(safeSelectCaseSample(prepareCasePopulation(array), options));
    // Priorities computed from the packed UTF-8 bytes are the documented ones.
    if (!fromStream.success) throw new Error('expected a sample');
    for (const c of fromStream.data.sample) expect(c.priority).toBe(casePriority('unicode', c.id));
    expect(fromStream.data.sample.some((c) => c.id.includes('😀'))).toBe(true);
  });

  it('summarises what it read, and is frozen', () => {
    const cases = [...generateCasePopulation({ seed: 'summary', size: 200 })];
    const input = [
      ...cases,
      { ...cases[5]! },
      'junk',
      { ...cases[9]!, setting: 'hospital' },
      { ...cases[5]! },
    ];
    const population = prepareCasePopulation(input);
    expect(population).toBeInstanceOf(CasePopulation);
    expect([population.recordsRead, population.population, population.invalidRecords]).toEqual([
      204, 199, 2,
    ]);
    expect(population.duplicates).toEqual([{ id: cases[5]!.id, positions: [5, 200, 203] }]);
    expect(
      Object.isFrozen(population) &&
        Object.isFrozen(population.duplicates) &&
        Object.isFrozen(population.duplicates[0]!.positions),
    ).toBe(true);
  });

  it('finds every duplicated id of a large export, as a draw from the records does', () => {
    const base = [...generateCasePopulation({ seed: 'prepared-dups', size: 40_000 })];
    const input: CaseRecord[] = [...base];
    for (let k = 0; k < 400; k++)
      input.splice((k * 7919) % input.length, 0, { ...base[(k * 104729) % 300]! });
    const population = prepareCasePopulation(input);
    const direct = safeSelectCaseSample(input, { seed: 'd', maxProblems: 0 });
    if (!direct.success) throw new Error('expected a sample');
    expect(population.duplicates).toEqual(direct.data.duplicates);
    expect(population.population).toBe(direct.data.population);
  });

  it('never mutates its input, and draws from it do not change it', () => {
    const cases = deepFreeze([...generateCasePopulation({ seed: 'prepared-frozen', size: 3000 })]);
    const population = prepareCasePopulation(cases);
    const first = safeSelectCaseSample(population, { seed: 'a' });
    for (const seed of ['b', 'c', 'd'])
      safeSelectCaseSample(population, { seed, size: 80, shortlistSize: 10 });
    expect(safeSelectCaseSample(population, { seed: 'a' })).toEqual(first);
  });

  it('keeps every invalid position of a mostly empty export, as a draw from the records reports them', () => {
    const cases = [...generateCasePopulation({ seed: 'sparse', size: 3 })];
    const sparse: unknown[] = [];
    sparse.length = 300_000;
    sparse[10] = cases[0];
    sparse[299_999] = cases[1];
    const population = prepareCasePopulation(sparse);
    expect([population.recordsRead, population.population, population.invalidRecords]).toEqual([
      300_000, 2, 299_998,
    ]);
    const options = { seed: 's', maxProblems: 3 };
    expect(safeSelectCaseSample(population, options)).toEqual(
      safeSelectCaseSample(sparse, options),
    );
  });

  it('names the problem when given something that is neither records nor a population', () => {
    const population = prepareCasePopulation(generateCasePopulation({ seed: 'clone', size: 20 }));
    expect(() => safeSelectCaseSample(structuredClone(population), { seed: 's' })).toThrow(
      /cannot be copied, e\.g\. by structuredClone: prepare it again\); got an object/,
    );
    expect(() => safeSelectCaseSample(null as unknown as CaseRecord[], { seed: 's' })).toThrow(
      TypeError,
    );
    expect(() => prepareCasePopulation(42 as unknown as CaseRecord[])).toThrow(
      /cases must be an iterable of case records .*; got 42/,
    );
  });

  it('passes checkDuplicateIds by: a prepared population is always checked', () => {
    const cases = [...generateCasePopulation({ seed: 'unchecked', size: 50 })];
    const input = [...cases, { ...cases[0]! }];
    const result = safeSelectCaseSample(prepareCasePopulation(input), {
      seed: 'x',
      checkDuplicateIds: false,
    });
    expect(result.success && result.data.duplicates.map((d) => d.id)).toEqual([cases[0]!.id]);
  });
});
