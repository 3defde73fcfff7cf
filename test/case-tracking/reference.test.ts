import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CASE_FLAGS,
  casePriority,
  defaultCaseCriteria,
  safeSelectCaseSample,
  type CaseRecord,
  type CaseSample,
  type CaseSampleOptions,
} from '../../src/case-tracking/index.js';
import {
  classifiedDateKeys,
  classifyReadableCaseRecord,
} from '../../src/case-tracking/case-record.js';
import { CandidateHeap, type Candidate } from '../../src/case-tracking/candidate-heap.js';
import { SampleDraw } from '../../src/case-tracking/draw.js';
import { IdLog } from '../../src/case-tracking/id-log.js';
import { FLAG_COUNT, withDateRuleBits } from '../../src/case-tracking/signature.js';
import { caseRecordArbitrary } from '../../src/testing/arbitraries/index.js';
import { referenceCaseSample, type ReferenceSample } from './reference-selection.js';

// The fast path (signatures, bounded heaps, one streaming pass) against the plain reference
// implementation in reference-selection.ts, on random populations with duplicated ids,
// invalid rows and, through injected priorities, many equal priorities.

/** Records with ids from a small set (so ids repeat), plus rows that are not valid records. */
const rows = fc
  .tuple(
    fc.array(
      fc.tuple(
        caseRecordArbitrary(),
        fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      ),
      { maxLength: 120 },
    ),
    fc.array(fc.tuple(fc.nat(), fc.oneof(fc.anything(), fc.record({ id: fc.string() }))), {
      maxLength: 6,
    }),
  )
  .map(([records, junk]) => {
    // A small id pool for some records makes duplicated ids common.
    const all: unknown[] = records.map(([r, small]) =>
      small === undefined ? r : { ...r, id: `D-${small}` },
    );
    for (const [at, value] of junk) all.splice(at % (all.length + 1), 0, value);
    return all;
  });

const options: fc.Arbitrary<CaseSampleOptions> = fc
  .record({
    seed: fc.string({ maxLength: 8 }),
    size: fc.integer({ min: 0, max: 25 }),
    shortlist: fc.integer({ min: 0, max: 25 }),
    criteria: fc.constantFrom(
      defaultCaseCriteria(),
      defaultCaseCriteria({ asOf: '2024-06-30', proportionalTo: ['ethnicity', 'setting'] }),
      defaultCaseCriteria({ proportionalTo: [] }),
    ),
  })
  .map(({ shortlist, ...o }) => {
    const shortlistSize = Math.min(o.size, shortlist);
    return { ...o, shortlistSize, engageSize: Math.min(shortlistSize, 4) };
  });

/** The fast path's result reduced to what the reference computes. */
function comparable(s: CaseSample): ReferenceSample {
  return {
    population: s.population,
    sample: s.sample.map((c) => ({ id: c.id, position: c.position, selectedFor: c.selectedFor })),
    shortlist: s.shortlist.map((c) => c.id),
    coverage: s.coverage.map((c) => ({
      quota: c.quota,
      population: c.population,
      target: c.target,
      selected: c.selected,
      ...(c.proportionalShare === undefined ? {} : { proportionalShare: c.proportionalShare }),
    })),
    shortfalls: s.shortfalls.map((f) => ({ quota: f.quota, missing: f.missing, reason: f.reason })),
    duplicates: s.duplicates.map((d) => ({ id: d.id, positions: d.positions })),
  };
}

/**
 * The fast path's draw with priorities from `priorityOf` instead of the seeded hash: the
 * reading loop of select.ts, written out, so that a test can make priorities equal.
 */
function drawWithPriorities(
  input: readonly unknown[],
  o: CaseSampleOptions,
  priorityOf: (id: string) => number,
): CaseSample {
  const draw = new SampleDraw(o);
  const log = new IdLog((position) => (input[position] as CaseRecord).id, input.length);
  input.forEach((value, position) => {
    const checked = classifyReadableCaseRecord(value);
    if (checked < 0) return draw.reportInvalid(value, position);
    const record = value as CaseRecord;
    const signature = withDateRuleBits(
      checked,
      classifiedDateKeys[0]!,
      classifiedDateKeys[1]!,
      draw.dateRulesSince,
    );
    const priority = priorityOf(record.id);
    log.push(casePriority('', record.id), position, signature, record.id);
    draw.signatureCount[signature]!++;
    if (priority <= draw.admitUpTo[signature]!) draw.offer(signature, priority, position, record);
  });
  const result = draw.finish(input.length, log.duplicates());
  if (!result.success) throw new Error('unexpected rejection');
  return result.data;
}

describe('the fast path agrees with the plain reference implementation', () => {
  it('on random populations with duplicated ids and invalid rows (real priorities)', () => {
    fc.assert(
      fc.property(rows, options, (input, o) => {
        const fast = safeSelectCaseSample(input, o);
        expect(fast.success).toBe(true);
        if (!fast.success) return;
        expect(comparable(fast.data)).toEqual(
          referenceCaseSample(input, o, (id) => casePriority(o.seed, id)),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('on the same rows read from a generator', () => {
    fc.assert(
      fc.property(rows, options, (input, o) => {
        const fast = safeSelectCaseSample(
          (function* () {
            yield* input;
          })(),
          o,
        );
        if (!fast.success) throw new Error('unexpected rejection');
        expect(comparable(fast.data)).toEqual(
          referenceCaseSample(input, o, (id) => casePriority(o.seed, id)),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('with many equal priorities (only 3 values): ties go to the lower id, in any input order', () => {
    fc.assert(
      fc.property(rows, options, fc.nat(), (input, o, rotation) => {
        const priorityOf = (id: string) => casePriority(o.seed, id) % 3;
        const expected = referenceCaseSample(input, o, priorityOf);
        const k = input.length === 0 ? 0 : rotation % input.length;
        const rotated = [...input.slice(k), ...input.slice(0, k)];
        // Positions follow the records; compare what does not depend on the order.
        const orderFree = (s: ReferenceSample) => ({
          ...s,
          sample: s.sample.map(({ id, selectedFor }) => ({ id, selectedFor })),
          duplicates: s.duplicates.map((d) => d.id).sort(),
        });
        expect(comparable(drawWithPriorities(input, o, priorityOf))).toEqual(expected);
        expect(orderFree(comparable(drawWithPriorities(rotated, o, priorityOf)))).toEqual(
          orderFree(expected),
        );
      }),
      { numRuns: 150 },
    );
  });
});

describe('CandidateHeap keeps the lowest (priority, id), ties broken by id', () => {
  const candidate = (id: string): Candidate => ({
    priority: 7,
    id,
    position: 0,
    record: undefined,
    signature: 0,
  });

  it('with every priority equal, keeps the lowest ids whatever the arrival order', () => {
    // Worked by hand: ids C, A, D, B all with priority 7 and room for 2 → A and B.
    for (const order of [
      ['C', 'A', 'D', 'B'],
      ['A', 'B', 'C', 'D'],
      ['D', 'C', 'B', 'A'],
    ]) {
      const heap = new CandidateHeap(2);
      for (const id of order) if (heap.accepts(7, id)) heap.add(candidate(id));
      expect(heap.sorted(new Set()).map((c) => c.id)).toEqual(['A', 'B']);
    }
  });

  it('on arbitrary orders of equal priorities, keeps the same set (order-invariance)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 10 }),
        (ids, capacity) => {
          const heap = new CandidateHeap(capacity);
          for (const id of ids) if (heap.accepts(7, id)) heap.add(candidate(id));
          const expected = [...ids].sort().slice(0, capacity);
          expect(heap.sorted(new Set()).map((c) => c.id)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

it('signature.ts reserves one bit per case flag', () => {
  expect(FLAG_COUNT).toBe(CASE_FLAGS.length);
});
