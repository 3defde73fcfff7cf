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

/** Digit strings up to this long are ranked by a numeric key (11^15 < 2^53: exact). */
const MAX_DIGITS = 15;

/**
 * A digit string's key in string order: each digit d as d + 1 in base 11, right-padded
 * with 0 (which sorts a prefix first, as `<` does); -1 when `text` is not 1–15 ASCII digits.
 */
function digitKey(text: string): number {
  const n = text.length;
  if (n === 0 || n > MAX_DIGITS) return -1;
  let key = 0;
  for (let i = 0; i < MAX_DIGITS; i++) {
    let d = 0;
    if (i < n) {
      d = text.charCodeAt(i) - 47; // '0' → 1 … '9' → 10
      if (d < 1 || d > 10) return -1;
    }
    key = key * 11 + d;
  }
  return key;
}

/**
 * Each text's dense rank in JavaScript's string order (`<`; equal texts, equal ranks), and
 * the distinct texts in that order. Texts of up to 15 digits (NHS numbers, the usual person
 * ids) are ranked by a numeric key with the typed-array sort; the rest are put together by a
 * `Map` and sorted by a comparator; the two sorted runs are then merged by `<`. The
 * comparator sort alone is the oracle in radix.test.ts.
 */
export function textRanks(texts: readonly string[]): {
  readonly ranks: Int32Array;
  readonly sorted: string[];
} {
  const n = texts.length;
  const keys = new Float64Array(n);
  let digits = 0;
  for (let i = 0; i < n; i++) {
    const key = digitKey(texts[i]!);
    keys[i] = key;
    if (key >= 0) digits++;
  }
  // Digit texts: their distinct keys, sorted; each text finds its key by binary search.
  const sortedKeys = new Float64Array(digits);
  let k = 0;
  for (let i = 0; i < n; i++) if (keys[i]! >= 0) sortedKeys[k++] = keys[i]!;
  sortedKeys.sort();
  let distinctKeys = 0;
  for (let j = 0; j < digits; j++)
    if (j === 0 || sortedKeys[j] !== sortedKeys[j - 1]) sortedKeys[distinctKeys++] = sortedKeys[j]!;
  const digitTexts = new Array<string>(distinctKeys);
  // Other texts: distinct by a Map, then sorted by a comparator.
  const otherOf = new Map<string, number>();
  const others: string[] = [];
  const ranks = new Int32Array(n); // first: the index in the digit run or the other texts
  for (let i = 0; i < n; i++) {
    const text = texts[i]!;
    const key = keys[i]!;
    if (key >= 0) {
      let lo = 0;
      let hi = distinctKeys - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sortedKeys[mid]! < key) lo = mid + 1;
        else hi = mid;
      }
      digitTexts[lo] = text;
      ranks[i] = lo;
    } else {
      let o = otherOf.get(text);
      if (o === undefined) {
        o = others.length;
        others.push(text);
        otherOf.set(text, o);
      }
      ranks[i] = o;
    }
  }
  const otherOrder = Array.from(others.keys()).sort((a, b) =>
    others[a]! < others[b]! ? -1 : others[a]! > others[b]! ? 1 : 0,
  );
  // Merge the two sorted runs into the final ranks.
  const digitRank = new Int32Array(distinctKeys);
  const otherRank = new Int32Array(others.length);
  const sorted = new Array<string>(distinctKeys + others.length);
  let a = 0;
  let b = 0;
  for (let r = 0; r < sorted.length; r++) {
    if (b >= others.length || (a < distinctKeys && digitTexts[a]! < others[otherOrder[b]!]!)) {
      digitRank[a] = r;
      sorted[r] = digitTexts[a++]!;
    } else {
      otherRank[otherOrder[b]!] = r;
      sorted[r] = others[otherOrder[b++]!]!;
    }
  }
  for (let i = 0; i < n; i++)
    ranks[i] = keys[i]! >= 0 ? digitRank[ranks[i]!]! : otherRank[ranks[i]!]!;
  return { ranks, sorted };
}

/** The rank of each of `distinct` (texts that differ) in JavaScript's string order (`<`). */
export function distinctRanks(distinct: readonly string[]): Int32Array {
  return textRanks(distinct).ranks;
}
