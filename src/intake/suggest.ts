// Near-miss suggestions ("did you mean"): the closest candidate by edit distance between
// folded keys, when it is close enough to be a likely typo or a different spelling.

/** Levenshtein distance, stopping early once it exceeds `limit` (returns limit + 1 then). */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate whose key is closest to `key` (both already folded), if within a third of
 * the key's length (1 edit for keys of up to 4 characters, else at least 2), or one that contains it or is contained by it
 * (e.g. "learning disability" for "learning disability support"). Ties go to the first.
 */
export function closest<T>(key: string, candidates: readonly (readonly [string, T])[]): T | undefined {
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
  return candidates.find(([candidate]) => candidate.includes(key) || (candidate.length >= 4 && key.includes(candidate)))?.[1];
}
