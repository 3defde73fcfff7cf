/** Whether two JSON values are equal (object key order aside). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  )
    return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) =>
        Object.hasOwn(b, k) &&
        sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

/** A JSON text of a value for a message, never throwing (cyclic values, BigInt), cut to 120 characters. */
export function jsonForMessage(value: unknown): string {
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 120 ? `${text.slice(0, 120)}…` : text;
  } catch {
    return 'an unprintable value';
  }
}

/**
 * Report fields added in later releases, with the value a report stored before them has:
 * a stored report without them still reads (they cannot have happened before they existed).
 */
const LATER_FIELDS: Readonly<Record<string, unknown>> = Object.freeze({
  siteVisitStart: null,
  publishedPercentage: null,
  section50Notices: Object.freeze([]),
  specialMeasuresRecommendation: null,
});

/** The value of a report field missing from a stored report: its default if it was added later, else `undefined` (a mismatch). */
export function laterFieldDefault(key: string): unknown {
  return Object.hasOwn(LATER_FIELDS, key) ? LATER_FIELDS[key] : undefined;
}
