// Near-miss suggestions ("did you mean"): the closest candidate by edit distance between
// folded keys, when it is close enough to be a likely typo or a different spelling.

/**
 * Edit distance with adjacent transpositions (optimal string alignment: "yse" → "yes" is
 * one edit), stopping early once every path exceeds `limit` (returns limit + 1 then).
 */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      )
        d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      if (d < rowMin) rowMin = d;
    }
    // A transposition reaches back two rows, so stop only when two rows are over the limit.
    if (rowMin > limit && previousMin > limit) return limit + 1;
    previousMin = rowMin;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate whose key is closest to `key` (both already folded), if within a third of
 * the key's length (1 edit for keys of up to 4 characters, else at least 2), or one that contains it or is contained by it
 * (e.g. "learning disability" for "learning disability support"). Ties go to the first.
 */
export function closest<T>(
  key: string,
  candidates: readonly (readonly [string, T])[],
): T | undefined {
  if (key === '') return undefined;
  const limit = key.length <= 4 ? 1 : Math.max(2, Math.floor(key.length / 3));
  let best: T | undefined;
  let bestDistance = limit + 1;
  for (const [candidate, value] of candidates) {
    const d = distance(key, candidate, limit);
    if (d < bestDistance) {
      best = value;
      bestDistance = d;
    }
  }
  if (best !== undefined) return best;
  if (key.length < 4) return undefined;
  return candidates.find(
    ([candidate]) => candidate.includes(key) || (candidate.length >= 4 && key.includes(candidate)),
  )?.[1];
}
