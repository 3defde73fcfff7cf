// radixOrder and distinctRanks against the plain comparator sorts they replace.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctRanks, radixOrder, textRanks } from '../../src/client-level-data/radix.js';

describe('radixOrder', () => {
  it('orders indices as a comparator sort by the keys, then by index', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((width) =>
          fc.tuple(
            fc.constant(width),
            fc.array(
              fc.array(fc.integer({ min: 0, max: 5 }), { minLength: width, maxLength: width }),
              {
                maxLength: 60,
              },
            ),
          ),
        ),
        ([width, rows]) => {
          const keys = Array.from({ length: width }, (_, k) => Int32Array.from(rows, (r) => r[k]!));
          const expected = rows
            .map((_, i) => i)
            .sort((a, b) => {
              for (let k = 0; k < width; k++)
                if (rows[a]![k] !== rows[b]![k]) return rows[a]![k]! - rows[b]![k]!;
              return a - b;
            });
          expect([
            ...radixOrder(
              keys,
              keys.map(() => 6),
              rows.length,
            ),
          ]).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sorts by hand: keys (1,0) (0,2) (1,0) (0,1) → rows 3, 1, 0, 2', () => {
    // Row 3 (0,1) before row 1 (0,2); rows 0 and 2 are equal (1,0) and keep index order.
    const order = radixOrder([Int32Array.of(1, 0, 1, 0), Int32Array.of(0, 2, 0, 1)], [2, 3], 4);
    expect([...order]).toEqual([3, 1, 0, 2]);
  });
});

/** The oracle: ranks by a comparator sort of the indices in string order (`<`). */
function comparatorRanks(distinct: readonly string[]): number[] {
  const sorted = [...distinct.keys()].sort((a, b) =>
    distinct[a]! < distinct[b]! ? -1 : distinct[a]! > distinct[b]! ? 1 : 0,
  );
  const rank: number[] = new Array(distinct.length);
  sorted.forEach((i, r) => {
    rank[i] = r;
  });
  return rank;
}

describe('distinctRanks', () => {
  it('ranks texts in JavaScript string order: b, a, B → 2, 1, 0', () => {
    // 'B' (U+0042) < 'a' (U+0061) < 'b' (U+0062).
    expect([...distinctRanks(['b', 'a', 'B'])]).toEqual([2, 1, 0]);
  });

  it('ranks digit texts as text, not as numbers: 9, 10, 1, 100, 9a, 0 → 4, 2, 1, 3, 5, 0', () => {
    // String order: '0' < '1' < '10' < '100' < '9' < '9a' (a prefix first; '9a' is not digits).
    expect([...distinctRanks(['9', '10', '1', '100', '9a', '0'])]).toEqual([4, 2, 1, 3, 5, 0]);
  });

  it('ranks digit texts longer than 15 by text: 16 digits after their 15-digit prefix', () => {
    // '123456789012345' is a prefix of the others, so first; then …6 < …7.
    expect([...distinctRanks(['1234567890123456', '123456789012345', '1234567890123457'])]).toEqual(
      [1, 0, 2],
    );
  });

  it('agrees with a comparator sort on digit texts of any length mixed with other texts', () => {
    const digits = fc.stringMatching(/^[0-9]{0,17}$/);
    const other = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.stringMatching(/^[0-9]{1,4}[ A_a/]?[0-9]?$/),
    );
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(digits, digits, other), { maxLength: 80 }), (texts) => {
        expect([...distinctRanks(texts)]).toEqual(comparatorRanks(texts));
      }),
      { numRuns: 500 },
    );
  });
});

describe('textRanks', () => {
  it('gives equal texts equal dense ranks: 12, a, 12, 9, a → 0, 2, 0, 1, 2; sorted 12, 9, a', () => {
    // String order: '12' < '9' < 'a'.
    const { ranks, sorted } = textRanks(['12', 'a', '12', '9', 'a']);
    expect([...ranks]).toEqual([0, 2, 0, 1, 2]);
    expect(sorted).toEqual(['12', '9', 'a']);
  });

  it('agrees with the comparator ranks of the distinct texts, repeats and all', () => {
    const text = fc.oneof(fc.stringMatching(/^[0-9]{0,16}$/), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 80 }), (texts) => {
        const distinct = [...new Set(texts)];
        const rankOf = comparatorRanks(distinct);
        const { ranks, sorted } = textRanks(texts);
        expect([...ranks]).toEqual(texts.map((t) => rankOf[distinct.indexOf(t)]));
        expect(sorted).toEqual([...distinct].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      }),
      { numRuns: 500 },
    );
  });
});
