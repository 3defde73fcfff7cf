/**
 * The exact optimiser behind `selectTranche`: choose exactly `size` items (councils), each
 * in one row (council type) and one column (region), maximising the total of their whole-
 * number scores, with minimum and maximum counts per row and per column and some items
 * forced in.
 *
 * Model: a min-cost flow. Source → row r (capacity [min, max]) → one unit arc per item from
 * its row to its column (cost −score) → column c ([min, max]) → sink, flow value `size`.
 * Lower bounds are met by splitting each bounded arc into a "minimum" part and a "rest"
 * part and giving every unit of a minimum part (and every forced item) a bonus that
 * outranks any score: costs are compared lexicographically as (−bonus, −score, −tie).
 * Successive shortest paths (Bellman–Ford, which allows the negative costs) from the zero
 * flow give the minimum-cost flow of value `size`; the selection is feasible exactly when
 * every bonus is earned. The flow is integral, so the optimum is exact.
 *
 * Ties: the third cost component is the item's bit in a binary number whose most
 * significant bit is the most preferred item (order 0). Minimising it among equal scores
 * selects the unique optimum that, at the most preferred item on which two optimal
 * selections differ, contains it (for councils: earliest ONS code first).
 * These numbers have as many bits as there are items. Up to 4,096 items they are BigInts
 * ({@link bigintTies}); beyond, where each BigInt operation grows with the item count, a
 * path's tie cost (a sum of at most one power of two per arc) is kept as a short list of
 * signed powers of two ({@link sparseTies}), each step costing the path's length. The tests
 * check the two give identical selections.
 *
 * Items of one row and column are interchangeable but for their costs, so their unit arcs
 * are kept as one sorted list per cell: the flow always uses a prefix of it (forward
 * residual = next item, backward = last used item). With 4 types and 9 regions the graph
 * has 15 nodes and at most 36 cells, whatever the number of councils.
 */

/** One candidate: its row, column, whole-number score, whether it is forced in, and its tie-break order (0 = most preferred). */
export interface OptimumItem {
  readonly row: number;
  readonly column: number;
  readonly score: number;
  readonly forced: boolean;
  readonly order: number;
}

/** Counts to respect. `size` undefined: any total (feasibility checks only). */
export interface OptimumBounds {
  readonly size: number | undefined;
  readonly rowMin: readonly number[];
  readonly rowMax: readonly number[];
  readonly columnMin: readonly number[];
  readonly columnMax: readonly number[];
}

enum Arc {
  SourceToRow,
  RowToSource,
  CellForward,
  CellBackward,
  ColumnToSink,
  SinkToColumn,
}

/**
 * Solves the selection. `'optimum'` returns the chosen item indices (ascending) of the
 * exact, tie-broken optimum; `'feasibility'` ignores scores and ties and returns some
 * feasible selection. `undefined` when no selection meets the bounds.
 */
export function solveSelection(
  items: readonly OptimumItem[],
  bounds: OptimumBounds,
  mode: 'optimum' | 'feasibility',
): number[] | undefined {
  // BigInt's native arithmetic is faster while the numbers are short; past a few thousand
  // candidates each operation grows with the count, and the sparse form's does not.
  return items.length <= SPARSE_TIES_FROM
    ? solveWith(bigintTies, items, bounds, mode)
    : solveWith(sparseTies, items, bounds, mode);
}

/** Candidate count above which tie costs are kept as signed powers of two (measured crossover: between 3,000 and 10,000). */
const SPARSE_TIES_FROM = 4096;

/** {@link solveSelection} with a chosen tie arithmetic (tests pass {@link bigintTies}). */
export function solveWith<W>(
  ties: TieArithmetic<W>,
  items: readonly OptimumItem[],
  bounds: OptimumBounds,
  mode: 'optimum' | 'feasibility',
): number[] | undefined {
  const rows = bounds.rowMin.length;
  const columns = bounds.columnMin.length;
  for (let r = 0; r < rows; r++) if (bounds.rowMin[r]! > bounds.rowMax[r]!) return undefined;
  for (let c = 0; c < columns; c++)
    if (bounds.columnMin[c]! > bounds.columnMax[c]!) return undefined;
  const optimum = mode === 'optimum';
  const tie = optimum ? ties.weights(tieExponents(items)) : [];

  // Cells: the items of each (row, column), cheapest arc first.
  const cellItems: number[][] = Array.from({ length: rows * columns }, () => []);
  items.forEach((item, i) => cellItems[item.row * columns + item.column]!.push(i));
  const cells: number[] = [];
  for (let k = 0; k < cellItems.length; k++) {
    const list = cellItems[k]!;
    if (list.length === 0) continue;
    list.sort((a, b) => {
      const x = items[a]!;
      const y = items[b]!;
      return (
        Number(y.forced) - Number(x.forced) ||
        (optimum ? y.score - x.score || x.order - y.order : 0) ||
        a - b
      );
    });
    cells.push(k);
  }
  const used = new Int32Array(rows * columns);
  const rowFlow = new Int32Array(rows);
  const columnFlow = new Int32Array(columns);

  const nodes = rows + columns + 2;
  const sink = nodes - 1;
  const db = new Float64Array(nodes);
  const ds = new Float64Array(nodes);
  const dw: W[] = new Array<W>(nodes).fill(ties.zero);
  const predArc = new Int32Array(nodes);
  const predIndex = new Int32Array(nodes);

  // Relaxes u → v with cost (b, s, itemTie): strictly better distances only, so the
  // predecessor graph stays a tree.
  const relax = (
    u: number,
    v: number,
    b: number,
    s: number,
    item: number,
    sign: 1 | -1,
    arc: Arc,
    index: number,
  ): boolean => {
    if (db[u] === Infinity) return false;
    const nb = db[u]! + b;
    const ns = ds[u]! + s;
    let better = nb < db[v]! || (nb === db[v]! && ns < ds[v]!);
    const tied = !better && optimum && nb === db[v]! && ns === ds[v]!;
    if (!better && !tied) return false;
    // The tie cost is computed only when it is stored or compared.
    let nw = ties.zero;
    if (optimum && item >= 0) nw = ties.add(dw[u]!, tie[item]!, -sign as 1 | -1);
    else if (optimum) nw = dw[u]!;
    if (tied) better = ties.less(nw, dw[v]!);
    if (!better) return false;
    db[v] = nb;
    ds[v] = ns;
    if (optimum) dw[v] = nw;
    predArc[v] = arc;
    predIndex[v] = index;
    return true;
  };

  const shortestPath = (): boolean => {
    db.fill(Infinity);
    ds.fill(Infinity);
    db[0] = 0;
    ds[0] = 0;
    if (optimum) dw[0] = ties.zero;
    for (let pass = 0; pass < nodes; pass++) {
      let changed = false;
      for (let r = 0; r < rows; r++) {
        const f = rowFlow[r]!;
        if (f < bounds.rowMax[r]!)
          changed =
            relax(0, 1 + r, f < bounds.rowMin[r]! ? -1 : 0, 0, -1, 1, Arc.SourceToRow, r) ||
            changed;
        if (f > 0)
          changed =
            relax(1 + r, 0, f > bounds.rowMin[r]! ? 0 : 1, 0, -1, 1, Arc.RowToSource, r) || changed;
      }
      for (const k of cells) {
        const list = cellItems[k]!;
        const u = used[k]!;
        const rowNode = 1 + Math.floor(k / columns);
        const columnNode = 1 + rows + (k % columns);
        if (u < list.length) {
          const i = list[u]!;
          const item = items[i]!;
          changed =
            relax(
              rowNode,
              columnNode,
              item.forced ? -1 : 0,
              optimum ? -item.score : 0,
              i,
              1,
              Arc.CellForward,
              k,
            ) || changed;
        }
        if (u > 0) {
          const i = list[u - 1]!;
          const item = items[i]!;
          changed =
            relax(
              columnNode,
              rowNode,
              item.forced ? 1 : 0,
              optimum ? item.score : 0,
              i,
              -1,
              Arc.CellBackward,
              k,
            ) || changed;
        }
      }
      for (let c = 0; c < columns; c++) {
        const f = columnFlow[c]!;
        if (f < bounds.columnMax[c]!)
          changed =
            relax(
              1 + rows + c,
              sink,
              f < bounds.columnMin[c]! ? -1 : 0,
              0,
              -1,
              1,
              Arc.ColumnToSink,
              c,
            ) || changed;
        if (f > 0)
          changed =
            relax(
              sink,
              1 + rows + c,
              f > bounds.columnMin[c]! ? 0 : 1,
              0,
              -1,
              1,
              Arc.SinkToColumn,
              c,
            ) || changed;
      }
      if (!changed) break;
    }
    return db[sink] !== Infinity;
  };

  const augment = (): void => {
    let v = sink;
    while (v !== 0) {
      const index = predIndex[v]!;
      switch (predArc[v] as Arc) {
        case Arc.SourceToRow:
          rowFlow[index]!++;
          v = 0;
          break;
        case Arc.RowToSource:
          rowFlow[index]!--;
          v = 1 + index;
          break;
        case Arc.CellForward:
          used[index]!++;
          v = 1 + Math.floor(index / columns);
          break;
        case Arc.CellBackward:
          used[index]!--;
          v = 1 + rows + (index % columns);
          break;
        case Arc.ColumnToSink:
          columnFlow[index]!++;
          v = 1 + rows + index;
          break;
        case Arc.SinkToColumn:
          columnFlow[index]!--;
          v = sink;
          break;
      }
    }
  };

  if (bounds.size === undefined) {
    while (shortestPath() && db[sink]! < 0) augment();
  } else {
    for (let n = 0; n < bounds.size; n++) {
      if (!shortestPath()) return undefined;
      augment();
    }
  }

  // Feasible exactly when every minimum and every forced item is met.
  let forced = 0;
  for (const item of items) if (item.forced) forced++;
  const selected: number[] = [];
  let forcedIn = 0;
  for (const k of cells) {
    const list = cellItems[k]!;
    for (let j = 0; j < used[k]!; j++) {
      selected.push(list[j]!);
      if (items[list[j]!]!.forced) forcedIn++;
    }
  }
  if (forcedIn < forced) return undefined;
  for (let r = 0; r < rows; r++) if (rowFlow[r]! < bounds.rowMin[r]!) return undefined;
  for (let c = 0; c < columns; c++) if (columnFlow[c]! < bounds.columnMin[c]!) return undefined;
  return selected.sort((a, b) => a - b);
}

/**
 * The exponent of each item's tie weight: the item with order 0 gets the most significant
 * bit (n − 1), the least preferred bit 0.
 */
function tieExponents(items: readonly OptimumItem[]): number[] {
  const ranks = items
    .map((item, i) => [item.order, i] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const exponents = new Array<number>(items.length);
  ranks.forEach(([, i], rank) => {
    exponents[i] = items.length - 1 - rank;
  });
  return exponents;
}

/** Exact arithmetic on tie costs: sums of ± powers of two. */
export interface TieArithmetic<W> {
  readonly zero: W;
  /** The weight 2^exponent of each item. */
  weights(exponents: readonly number[]): W[];
  /** `a + sign · weight`. */
  add(a: W, weight: W, sign: 1 | -1): W;
  /** `a < b`. */
  less(a: W, b: W): boolean;
}

/** The reference: tie costs as BigInts of one bit per item (cost grows with the item count). */
export const bigintTies: TieArithmetic<bigint> = {
  zero: 0n,
  weights: (exponents) => exponents.map((e) => 1n << BigInt(e)),
  add: (a, weight, sign) => (sign === 1 ? a + weight : a - weight),
  less: (a, b) => a < b,
};

/**
 * A tie cost as signed powers of two with distinct exponents, most significant first:
 * `+(e + 1)` stands for +2^e, `−(e + 1)` for −2^e. With distinct exponents the terms below
 * the first add up to less than 2^e in size, so the first term's sign is the sign of the
 * whole — which is all a comparison needs.
 */
type SignedPowers = readonly number[];

const NONE: SignedPowers = Object.freeze([]);

/**
 * `a + sign · 2^e` as {@link SignedPowers}: a term at `e` of the same sign carries upward
 * (2^e + 2^e = 2^(e+1)), one of the other sign cancels, as in adding one bit.
 */
function addPower(a: SignedPowers, e: number, sign: 1 | -1): SignedPowers {
  const out = a.slice();
  for (;;) {
    // `out` is most significant first: find where exponent e sits.
    let k = out.length;
    while (k > 0 && Math.abs(out[k - 1]!) - 1 < e) k--;
    const at = k > 0 && Math.abs(out[k - 1]!) - 1 === e ? k - 1 : -1;
    if (at < 0) {
      out.splice(k, 0, sign * (e + 1));
      return out;
    }
    if (Math.sign(out[at]!) !== sign) {
      out.splice(at, 1); // +2^e − 2^e
      return out;
    }
    out.splice(at, 1); // 2^e + 2^e = 2^(e+1): carry
    e++;
  }
}

/**
 * The sign of `a − b` without building it: the terms of both, lowest exponent first, are
 * summed digit by digit with a carry; the last (most significant) non-zero digit is the
 * sign of the whole.
 */
function compare(a: SignedPowers, b: SignedPowers): number {
  let i = a.length - 1;
  let j = b.length - 1;
  let carry = 0;
  let sign = 0;
  let e = 0;
  while (i >= 0 || j >= 0 || carry !== 0) {
    if (carry === 0)
      e = Math.min(
        i >= 0 ? Math.abs(a[i]!) - 1 : Infinity,
        j >= 0 ? Math.abs(b[j]!) - 1 : Infinity,
      );
    let v = carry;
    if (i >= 0 && Math.abs(a[i]!) - 1 === e) v += Math.sign(a[i--]!);
    if (j >= 0 && Math.abs(b[j]!) - 1 === e) v -= Math.sign(b[j--]!);
    const digit = v % 2;
    if (digit !== 0) sign = digit;
    carry = (v - digit) / 2;
    e++;
  }
  return sign;
}

/** Tie costs as {@link SignedPowers}: each operation costs the length of a path, not the item count. */
export const sparseTies: TieArithmetic<SignedPowers> = {
  zero: NONE,
  weights: (exponents) => exponents.map((e) => Object.freeze([e + 1])),
  add: (a, weight, sign) => addPower(a, weight[0]! - 1, sign),
  less: (a, b) => compare(a, b) < 0,
};
