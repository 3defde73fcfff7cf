import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NumberColumnBuilder } from '../../src/client-level-data/event-store.js';

/** Every row of `values` pushed, then read back through the column. */
function roundTrip(values: readonly (number | null)[], sequential = false): (number | null)[] {
  const b = new NumberColumnBuilder(16, sequential);
  for (const v of values) b.push(v);
  const column = b.column();
  return values.map((_, i) => column.at(i));
}

describe('NumberColumnBuilder storage modes', () => {
  it('sequential: row numbers read back, before and after a gap (a rejected row)', () => {
    // 1, 2, 3 are rows 0–2's own numbers (kept without storage); 5 breaks the run.
    expect(roundTrip([1, 2, 3], true)).toEqual([1, 2, 3]);
    expect(roundTrip([1, 2, 3, 5, 6, null], true)).toEqual([1, 2, 3, 5, 6, null]);
    expect(roundTrip([2, 3], true)).toEqual([2, 3]);
  });

  it('codes: NULLs before and between numbers, NaN read as NULL, -0 kept apart from 0', () => {
    expect(roundTrip([null, 7, null, 7, 2.5, Number.NaN])).toEqual([null, 7, null, 7, 2.5, null]);
    const zeros = roundTrip([0, -0, 0]);
    expect(zeros.map((z) => Object.is(z, -0))).toEqual([false, true, false]);
  });

  it('past 65,535 distinct numbers the rows are kept as numbers', () => {
    // Row i holds i * 2 (never its row number), so every row is a new number.
    const values = Array.from({ length: 70_000 }, (_, i) => i * 2);
    const read = roundTrip(values);
    for (const i of [0, 65_534, 65_535, 65_536, 69_999]) expect(read[i]).toBe(i * 2);
  });

  it('reads back any rows pushed, whatever the mode (property)', () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -3, max: 40 }),
      fc.double({ noNaN: false }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 80 }), fc.boolean(), (values, sequential) => {
        const expected = values.map((v) => (v === null || Number.isNaN(v) ? null : v));
        const read = roundTrip(values, sequential);
        expect(read.map((v, i) => Object.is(v, expected[i]))).toEqual(values.map(() => true));
      }),
      { numRuns: 200 },
    );
  });
});
