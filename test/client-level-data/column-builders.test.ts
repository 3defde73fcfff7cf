import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NumberColumnBuilder, TextColumnBuilder } from '../../src/client-level-data/event-store.js';

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

describe('TextColumnBuilder codes', () => {
  /** Each text's code, from one builder. */
  function codesOf(texts: readonly string[]): number[] {
    const b = new TextColumnBuilder(true);
    return texts.map((t) => b.code(t));
  }

  it('gives one code per distinct text, dates (coded by their digits) and other texts alike', () => {
    // '2900-01-01' and '1900-01-01' differ only in a digit a careless slot would drop;
    // '19a0-01-01' and '1900-13-01' are not dates in the table's range, so they are hashed.
    const texts = ['1900-01-01', '2900-01-01', '19a0-01-01', '1900-13-01', '1900-01-01', 'x'];
    expect(codesOf(texts)).toEqual([1, 2, 3, 4, 1, 5]);
  });

  it('equal codes for equal texts only, and every text read back (property)', () => {
    // YYYY-MM-DD shapes of a few digits (and a letter): many in the table's range, some not.
    const char = fc.constantFrom('0', '1', '2', '9', 'a');
    const dateLike = fc
      .array(char, { minLength: 8, maxLength: 8 })
      .map((c) => `${c.slice(0, 4).join('')}-${c[4]}${c[5]}-${c[6]}${c[7]}`);
    const text = fc.oneof(
      dateLike,
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 60 }), (texts) => {
        const b = new TextColumnBuilder(true);
        const codes = texts.map((t) => b.code(t));
        for (let i = 0; i < texts.length; i++)
          for (let j = 0; j < texts.length; j++)
            expect(codes[i] === codes[j]).toBe(texts[i] === texts[j]);
        for (let i = 0; i < texts.length; i++) b.push(codes[i]!, texts[i]!);
        const column = b.column((t) => t);
        expect(texts.map((_, i) => column.at(i))).toEqual(texts);
      }),
      { numRuns: 200 },
    );
  });

  it('reads every row back: one text throughout, blanks throughout, then a change (property)', () => {
    // Runs of one text or blank (stored as nothing until a row differs), a small maxCodes so
    // some columns switch to keeping texts, and both kinds of builder.
    const run = fc.tuple(fc.constantFrom(null, 'X01', 'Y02', '2024-04-01'), fc.nat(5));
    fc.assert(
      fc.property(
        fc.array(run, { maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        (runs, maxCodes, coded) => {
          const texts = runs.flatMap(([t, n]) => Array.from({ length: n + 1 }, () => t));
          const b = new TextColumnBuilder(coded, maxCodes, 4);
          for (const t of texts) b.push(b.code(t), t);
          const column = b.column((t) => t);
          expect(texts.map((_, i) => column.at(i))).toEqual(texts);
        },
      ),
      { numRuns: 300 },
    );
  });
});
