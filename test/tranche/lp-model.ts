// The selection as a 0-1 integer programme for javascript-lp-solver (an independent exact
// solver; tests and the benchmark only). Shared by test/tranche/optimum.test.ts and
// bench/tranche.bench.ts.
import solver from 'javascript-lp-solver';
import type { OptimumBounds, OptimumItem } from '../../src/tranche/optimum.js';

type Model = Parameters<typeof solver.Solve>[0];

export function lpModel(items: readonly OptimumItem[], bounds: OptimumBounds): Model {
  const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {
    size: { equal: bounds.size ?? 0 },
  };
  const range = (min: number, max: number) => (max === Infinity ? { min } : { min, max });
  bounds.rowMin.forEach((min, r) => (constraints[`row${r}`] = range(min, bounds.rowMax[r]!)));
  bounds.columnMin.forEach((min, c) => (constraints[`col${c}`] = range(min, bounds.columnMax[c]!)));
  const variables: Record<string, Record<string, number>> = {};
  const binaries: Record<string, 1> = {};
  items.forEach((item, i) => {
    const v: Record<string, number> = {
      score: item.score,
      size: 1,
      [`row${item.row}`]: 1,
      [`col${item.column}`]: 1,
    };
    if (item.forced) {
      v[`forced${i}`] = 1;
      constraints[`forced${i}`] = { equal: 1 };
    }
    variables[`x${i}`] = v;
    binaries[`x${i}`] = 1;
  });
  return { optimize: 'score', opType: 'max', constraints, variables, binaries };
}

/** The LP solver's optimum: total score, or undefined if infeasible. */
export function lpOptimum(
  items: readonly OptimumItem[],
  bounds: OptimumBounds,
): number | undefined {
  const result = solver.Solve(lpModel(items, bounds)) as { feasible: boolean; result: number };
  return result.feasible ? Math.round(result.result) : undefined;
}
