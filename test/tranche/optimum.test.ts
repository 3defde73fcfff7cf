import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNCILS, COUNCIL_TYPES, REGIONS } from '../../src/councils/index.js';
import {
  bigintTies,
  solveSelection,
  solveWith,
  sparseTies,
  type OptimumBounds,
  type OptimumItem,
} from '../../src/tranche/optimum.js';
import { lpOptimum } from './lp-model.js';

function respects(
  items: readonly OptimumItem[],
  bounds: OptimumBounds,
  chosen: readonly number[],
): boolean {
  const rows = bounds.rowMin.map(() => 0);
  const columns = bounds.columnMin.map(() => 0);
  for (const i of chosen) {
    rows[items[i]!.row]!++;
    columns[items[i]!.column]!++;
  }
  return (
    (bounds.size === undefined || chosen.length === bounds.size) &&
    new Set(chosen).size === chosen.length &&
    items.every((item, i) => !item.forced || chosen.includes(i)) &&
    rows.every((n, r) => n >= bounds.rowMin[r]! && n <= bounds.rowMax[r]!) &&
    columns.every((n, c) => n >= bounds.columnMin[c]! && n <= bounds.columnMax[c]!)
  );
}

const total = (items: readonly OptimumItem[], chosen: readonly number[]) =>
  chosen.reduce((s, i) => s + items[i]!.score, 0);

// A realistic instance: the real 153 councils (types and regions from data/la.csv), some
// unavailable, scores in hundredths of a point (often multiples of 5 points, so ties are
// common, as with the default weights), size 10–30, type and region bounds, a few forced.
const realistic = fc
  .record({
    available: fc.array(fc.boolean(), { minLength: 153, maxLength: 153 }),
    unavailableRate: fc.integer({ min: 0, max: 20 }),
    scores: fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 20 }).map((n) => n * 500),
        fc.integer({ min: -3000, max: 10_000 }),
      ),
      { minLength: 153, maxLength: 153 },
    ),
    size: fc.integer({ min: 10, max: 30 }),
    typeMin: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 4 }),
    typeSpan: fc.array(fc.option(fc.integer({ min: 2, max: 12 }), { nil: undefined }), {
      minLength: 4,
      maxLength: 4,
    }),
    regionMin: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 9, maxLength: 9 }),
    regionSpan: fc.array(fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }), {
      minLength: 9,
      maxLength: 9,
    }),
    forced: fc.uniqueArray(fc.integer({ min: 0, max: 152 }), { maxLength: 3 }),
    noise: fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 153, maxLength: 153 }),
  })
  .map((r) => {
    const items: OptimumItem[] = [];
    COUNCILS.forEach((c, i) => {
      if (r.noise[i]! < r.unavailableRate && !r.forced.includes(i)) return;
      items.push({
        row: COUNCIL_TYPES.indexOf(c.type),
        column: REGIONS.indexOf(c.region),
        score: r.scores[i]!,
        forced: r.forced.includes(i),
        order: i,
      });
    });
    const bounds: OptimumBounds = {
      size: r.size,
      rowMin: r.typeMin,
      rowMax: r.typeMin.map((min, t) =>
        r.typeSpan[t] === undefined ? Infinity : min + r.typeSpan[t]!,
      ),
      columnMin: r.regionMin,
      columnMax: r.regionMin.map((min, g) =>
        r.regionSpan[g] === undefined ? Infinity : min + r.regionSpan[g]!,
      ),
    };
    return { items, bounds };
  });

describe('solveSelection (exact optimum)', () => {
  it('matches javascript-lp-solver on 300 random realistic instances (153 councils), feasible and infeasible', () => {
    let feasible = 0;
    fc.assert(
      fc.property(realistic, ({ items, bounds }) => {
        const ours = solveSelection(items, bounds, 'optimum');
        const theirs = lpOptimum(items, bounds);
        expect(ours === undefined).toBe(theirs === undefined);
        if (ours !== undefined) {
          feasible++;
          expect(respects(items, bounds, ours)).toBe(true);
          expect(total(items, ours)).toBe(theirs);
        }
      }),
      { numRuns: 300, seed: 20231204 },
    );
    expect(feasible).toBeGreaterThanOrEqual(200); // at least 200 instances prove optimality, not just agree on infeasibility
  });

  it('finds the same optimum as brute force, tie-break included, on small instances', () => {
    const small = fc
      .record({
        items: fc.array(
          fc.record({
            row: fc.integer({ min: 0, max: 2 }),
            column: fc.integer({ min: 0, max: 2 }),
            score: fc.integer({ min: -2, max: 4 }),
            forced: fc.constant(false),
          }),
          { maxLength: 10 },
        ),
        forcedMask: fc.integer({ min: 0, max: 1023 }),
        forcedOn: fc.boolean(),
        size: fc.integer({ min: 0, max: 10 }),
        rowMin: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
        rowSpan: fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }), {
          minLength: 3,
          maxLength: 3,
        }),
        columnMin: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
        columnSpan: fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }), {
          minLength: 3,
          maxLength: 3,
        }),
        orderSeed: fc.integer(),
      })
      .map((r) => {
        const n = r.items.length;
        const order = Array.from({ length: n }, (_, i) => i).sort(
          (a, b) => ((a * 7919 + r.orderSeed) % 13) - ((b * 7919 + r.orderSeed) % 13) || a - b,
        );
        const items: OptimumItem[] = r.items.map((item, i) => ({
          ...item,
          forced: r.forcedOn && ((r.forcedMask >> i) & 1) === 1 && i % 3 === 0,
          order: order.indexOf(i),
        }));
        const span = (min: number, s: number | undefined) => (s === undefined ? Infinity : min + s);
        const bounds: OptimumBounds = {
          size: r.size,
          rowMin: r.rowMin,
          rowMax: r.rowMin.map((m, i) => span(m, r.rowSpan[i])),
          columnMin: r.columnMin,
          columnMax: r.columnMin.map((m, i) => span(m, r.columnSpan[i])),
        };
        return { items, bounds };
      });
    fc.assert(
      fc.property(small, ({ items, bounds }) => {
        // Brute force: best total, then the preferred selection at the first differing item in `order`.
        const byOrder = items.map((_, i) => i).sort((a, b) => items[a]!.order - items[b]!.order);
        let best: number[] | undefined;
        let bestKey = '';
        for (let mask = 0; mask < 1 << items.length; mask++) {
          const chosen = items.map((_, i) => i).filter((i) => (mask >> i) & 1);
          if (!respects(items, bounds, chosen)) continue;
          const key = `${String(total(items, chosen) + 1000).padStart(6, '0')}${byOrder.map((i) => ((mask >> i) & 1 ? '1' : '0')).join('')}`;
          if (best === undefined || key > bestKey) [best, bestKey] = [chosen, key];
        }
        expect(solveSelection(items, bounds, 'optimum')).toEqual(best);
        expect(solveSelection(items, bounds, 'feasibility') === undefined).toBe(best === undefined);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('tie-break arithmetic: sparse signed powers of two against the BigInt reference', () => {
  it('compares sums of ± powers of two exactly as BigInts do', () => {
    const term = fc.tuple(
      fc.integer({ min: 0, max: 12 }),
      fc.constantFrom(1 as const, -1 as const),
    );
    fc.assert(
      fc.property(
        fc.array(term, { maxLength: 12 }),
        fc.array(term, { maxLength: 12 }),
        (xs, ys) => {
          const build = <W>(t: typeof sparseTies | typeof bigintTies, terms: typeof xs) => {
            const weights = (t as typeof bigintTies).weights(terms.map(([e]) => e)) as unknown[];
            return terms.reduce<unknown>(
              (sum, [, sign], k) =>
                (t.add as (a: unknown, w: unknown, s: 1 | -1) => unknown)(sum, weights[k], sign),
              t.zero,
            ) as W;
          };
          const [a, b] = [
            build<readonly number[]>(sparseTies, xs),
            build<readonly number[]>(sparseTies, ys),
          ];
          const [p, q] = [build<bigint>(bigintTies, xs), build<bigint>(bigintTies, ys)];
          expect([sparseTies.less(a, b), sparseTies.less(b, a)]).toEqual([p < q, q < p]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('selects exactly what the BigInt reference selects, with ties everywhere (few distinct scores)', () => {
    const instance = fc
      .record({
        n: fc.integer({ min: 1, max: 60 }),
        seed: fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 0, max: 3 }),
            fc.integer({ min: 0, max: 3 }),
            fc.boolean(),
          ),
          { minLength: 60, maxLength: 60 },
        ),
        orders: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 60, maxLength: 60 }),
        size: fc.integer({ min: 0, max: 15 }),
        rowMin: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
        columnMax: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 4, maxLength: 4 }),
      })
      .map((r) => {
        const items: OptimumItem[] = r.seed
          .slice(0, r.n)
          .map(([row, column, score, forced], i) => ({
            row,
            column,
            score: score * 5,
            forced: forced && i % 7 === 0,
            order: r.orders[i]!,
          }));
        const bounds: OptimumBounds = {
          size: r.size,
          rowMin: r.rowMin,
          rowMax: [Infinity, Infinity, Infinity],
          columnMin: [0, 0, 0, 0],
          columnMax: r.columnMax,
        };
        return { items, bounds };
      });
    fc.assert(
      fc.property(instance, ({ items, bounds }) => {
        const reference = solveWith(bigintTies, items, bounds, 'optimum');
        expect(solveWith(sparseTies, items, bounds, 'optimum')).toEqual(reference);
        expect(solveSelection(items, bounds, 'optimum')).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });
});
