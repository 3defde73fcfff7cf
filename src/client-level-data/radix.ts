// Sorting row numbers by whole-number keys without a comparator: a stable least-significant-
// key counting sort (radix sort), O(n + bound) per key. Prepare sorts hundreds of thousands
// of rows by several keys; a comparator sort of that many indices costs far more. Its
// results are checked against comparator sorts by the prepare property tests (the string-key
// oracle) and by radix.test.ts.

/**
 * The indices `0..n-1` ordered by `keys` (the most significant first; key `k` of row `i` is
 * `keys[k][i]`, a whole number from 0 to `bounds[k] - 1`), equal rows in index order.
 */
export function radixOrder(
  keys: readonly Int32Array[],
  bounds: readonly number[],
  n: number,
): Int32Array {
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  const counts = new Int32Array(Math.max(0, ...bounds) + 1);
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k]!;
    const count = counts.subarray(0, bounds[k]! + 1);
    count.fill(0);
    let top = 0;
    for (let i = 0; i < n; i++) {
      const c = ++count[key[i]! + 1]!;
      if (c > top) top = c;
    }
    if (top === n) continue; // one value for every row: nothing to reorder
    for (let v = 1; v < count.length; v++) count[v]! += count[v - 1]!;
    for (let j = 0; j < n; j++) {
      const i = order[j]!;
      next[count[key[i]!]!++] = i;
    }
    [order, next] = [next, order];
  }
  return order;
}

/** Each text's rank among the distinct texts in JavaScript's string order (`<`), and how many distinct texts. */
export function textRanks(texts: readonly string[]): {
  readonly ranks: Int32Array;
  readonly count: number;
} {
  const idOf = new Map<string, number>();
  const distinct: string[] = [];
  const ids = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!;
    let id = idOf.get(t);
    if (id === undefined) {
      id = distinct.length;
      idOf.set(t, id);
      distinct.push(t);
    }
    ids[i] = id;
  }
  const rankOfId = distinctRanks(distinct);
  for (let i = 0; i < ids.length; i++) ids[i] = rankOfId[ids[i]!]!;
  return { ranks: ids, count: distinct.length };
}

/** The rank of each of `distinct` (texts that differ) in JavaScript's string order (`<`). */
export function distinctRanks(distinct: readonly string[]): Int32Array {
  const sorted = Array.from(distinct.keys()).sort((a, b) =>
    distinct[a]! < distinct[b]! ? -1 : distinct[a]! > distinct[b]! ? 1 : 0,
  );
  const rank = new Int32Array(distinct.length);
  for (let r = 0; r < sorted.length; r++) rank[sorted[r]!] = r;
  return rank;
}
