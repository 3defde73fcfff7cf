// radixOrder against the plain comparator sort it replaces.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { radixOrder, textRanks } from '../../src/client-level-data/radix.js';

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

  it('ranks texts in JavaScript string order: b, a, B, b → 2, 1, 0, 2 of 3', () => {
    // 'B' (U+0042) < 'a' (U+0061) < 'b' (U+0062).
    const { ranks, count } = textRanks(['b', 'a', 'B', 'b']);
    expect([...ranks]).toEqual([2, 1, 0, 2]);
    expect(count).toBe(3);
  });
});
