import { solveSelection, type OptimumItem } from './optimum.js';
import { assertNever } from '../internal/assert-never.js';

/** A constraint of a selection problem that an explanation of infeasibility can name. */
export type SelectionConstraint =
  | { readonly kind: 'size' }
  | { readonly kind: 'row-min' | 'row-max'; readonly row: number }
  | { readonly kind: 'column-min' | 'column-max'; readonly column: number }
  | { readonly kind: 'include'; readonly item: number }
  | { readonly kind: 'exclude'; readonly item: number; readonly cause: number };

/** The full problem: every item (excluded ones too) and the bounds, before any constraint is dropped. */
interface SelectionProblem {
  readonly items: readonly Omit<OptimumItem, 'forced'>[];
  readonly size: number;
  readonly rowMin: readonly number[];
  readonly rowMax: readonly number[];
  readonly columnMin: readonly number[];
  readonly columnMax: readonly number[];
}

function feasible(problem: SelectionProblem, active: readonly SelectionConstraint[]): boolean {
  const excluded = new Set<number>();
  const forced = new Set<number>();
  const rowMin = problem.rowMin.map(() => 0);
  const rowMax = problem.rowMax.map(() => Infinity);
  const columnMin = problem.columnMin.map(() => 0);
  const columnMax = problem.columnMax.map(() => Infinity);
  let size: number | undefined;
  for (const c of active) {
    switch (c.kind) {
      case 'size':
        size = problem.size;
        break;
      case 'row-min':
        rowMin[c.row] = problem.rowMin[c.row]!;
        break;
      case 'row-max':
        rowMax[c.row] = problem.rowMax[c.row]!;
        break;
      case 'column-min':
        columnMin[c.column] = problem.columnMin[c.column]!;
        break;
      case 'column-max':
        columnMax[c.column] = problem.columnMax[c.column]!;
        break;
      case 'include':
        forced.add(c.item);
        break;
      case 'exclude':
        excluded.add(c.item);
        break;
      default:
        return assertNever(c, 'selection constraint');
    }
  }
  for (const i of forced) if (excluded.has(i)) return false;
  const items: OptimumItem[] = [];
  problem.items.forEach((item, i) => {
    if (!excluded.has(i)) items.push({ ...item, forced: forced.has(i) });
  });
  return (
    solveSelection(items, { size, rowMin, rowMax, columnMin, columnMax }, 'feasibility') !==
    undefined
  );
}

/**
 * An irreducible set of conflicting constraints (deletion filter): no selection meets all
 * of them, and dropping any one makes a selection possible. Constraints are tried for
 * removal in the order given, so the ones listed last are the likeliest to be named.
 * Returns `undefined` if the constraints are not in conflict.
 */
export function conflictingConstraints(
  problem: SelectionProblem,
  constraints: readonly SelectionConstraint[],
): readonly SelectionConstraint[] | undefined {
  if (feasible(problem, constraints)) return undefined;
  let kept = [...constraints];
  for (const c of constraints) {
    const without = kept.filter((k) => k !== c);
    if (!feasible(problem, without)) kept = without;
  }
  return kept;
}
