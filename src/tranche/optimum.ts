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

const enum Arc {
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
export function solveSelection(items: readonly OptimumItem[], bounds: OptimumBounds, mode: 'optimum' | 'feasibility'): number[] | undefined {
  const rows = bounds.rowMin.length;
  const columns = bounds.columnMin.length;
  for (let r = 0; r < rows; r++) if (bounds.rowMin[r]! > bounds.rowMax[r]!) return undefined;
  for (let c = 0; c < columns; c++) if (bounds.columnMin[c]! > bounds.columnMax[c]!) return undefined;
  const optimum = mode === 'optimum';
  const tie = optimum ? tieWeights(items) : [];

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
      return Number(y.forced) - Number(x.forced) || (optimum ? y.score - x.score || x.order - y.order : 0) || a - b;
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
  const dw: bigint[] = new Array<bigint>(nodes).fill(0n);
  const predArc = new Int32Array(nodes);
  const predIndex = new Int32Array(nodes);

  // Relaxes u → v with cost (b, s, itemTie): strictly better distances only, so the
  // predecessor graph stays a tree.
  const relax = (u: number, v: number, b: number, s: number, item: number, sign: 1 | -1, arc: Arc, index: number): boolean => {
    if (db[u] === Infinity) return false;
    const nb = db[u]! + b;
    const ns = ds[u]! + s;
    let better = nb < db[v]! || (nb === db[v]! && ns < ds[v]!);
    let nw = 0n;
    if (optimum && item >= 0) nw = sign === 1 ? dw[u]! - tie[item]! : dw[u]! + tie[item]!;
    else if (optimum) nw = dw[u]!;
    if (!better && optimum && nb === db[v]! && ns === ds[v]!) better = nw < dw[v]!;
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
    if (optimum) dw[0] = 0n;
    for (let pass = 0; pass < nodes; pass++) {
      let changed = false;
      for (let r = 0; r < rows; r++) {
        const f = rowFlow[r]!;
        if (f < bounds.rowMax[r]!) changed = relax(0, 1 + r, f < bounds.rowMin[r]! ? -1 : 0, 0, -1, 1, Arc.SourceToRow, r) || changed;
        if (f > 0) changed = relax(1 + r, 0, f > bounds.rowMin[r]! ? 0 : 1, 0, -1, 1, Arc.RowToSource, r) || changed;
      }
      for (const k of cells) {
        const list = cellItems[k]!;
        const u = used[k]!;
        const rowNode = 1 + Math.floor(k / columns);
        const columnNode = 1 + rows + (k % columns);
        if (u < list.length) {
          const i = list[u]!;
          const item = items[i]!;
          changed = relax(rowNode, columnNode, item.forced ? -1 : 0, optimum ? -item.score : 0, i, 1, Arc.CellForward, k) || changed;
        }
        if (u > 0) {
          const i = list[u - 1]!;
          const item = items[i]!;
          changed = relax(columnNode, rowNode, item.forced ? 1 : 0, optimum ? item.score : 0, i, -1, Arc.CellBackward, k) || changed;
        }
      }
      for (let c = 0; c < columns; c++) {
        const f = columnFlow[c]!;
        if (f < bounds.columnMax[c]!) changed = relax(1 + rows + c, sink, f < bounds.columnMin[c]! ? -1 : 0, 0, -1, 1, Arc.ColumnToSink, c) || changed;
        if (f > 0) changed = relax(sink, 1 + rows + c, f > bounds.columnMin[c]! ? 0 : 1, 0, -1, 1, Arc.SinkToColumn, c) || changed;
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

/** Bit weights for the tie-break: the item with order 0 gets the most significant bit. */
function tieWeights(items: readonly OptimumItem[]): bigint[] {
  const ranks = items.map((item, i) => [item.order, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const weights = new Array<bigint>(items.length);
  const top = BigInt(items.length - 1);
  ranks.forEach(([, i], rank) => {
    weights[i] = 1n << (top - BigInt(rank));
  });
  return weights;
}
