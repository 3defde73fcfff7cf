// The three SQL Server behaviours DHSC's T-SQL relies on (reference, introduction), in one
// place so every measure reproduces them the same way:
// 1. String `=` / `IN` is case-insensitive and ignores trailing spaces (default collation
//    Latin1_General_CI_AS; ANSI padding). `sqlKey` folds a value to that comparison key.
// 2. NULL is never equal to, IN, NOT IN or LIKE anything: callers test `null` first, and a
//    `NOT IN`/`NOT LIKE` on NULL is false (the row drops out) — see `sqlNotIn`/`sqlNotLike`.
// 3. `DATEDIFF(DAY, a, b)` is b − a in whole days and ages are FLOOR(days / 365.25).

/** The comparison key of a string under SQL Server's default collation: lower case, trailing spaces dropped. */
export function sqlKey(value: string): string {
  return value.toLowerCase().replace(/ +$/, '');
}

/**
 * A memoised `sqlKey` for one run over the data (CLD values repeat a lot), with NULL kept
 * as `null`. Every comparison on a key then follows T-SQL: `key === literal` is false for
 * NULL, and so is a `NOT IN`/`NOT LIKE` written as `key !== null && !…`.
 */
export function keyer(): (value: string | null) => string | null {
  const cache = new Map<string, string>();
  return (value) => {
    if (value === null) return null;
    let key = cache.get(value);
    if (key === undefined) {
      key = sqlKey(value);
      cache.set(value, key);
    }
    return key;
  };
}

/** `key NOT IN (…)` / `key NOT LIKE '…'` in T-SQL: **false** (not true) when the value is NULL, so the row drops out. */
export function sqlNotIn(key: string | null, keys: ReadonlySet<string>): boolean {
  return key !== null && !keys.has(key);
}

/** The set of comparison keys of some literals. */
export function keySet(values: Iterable<string>): ReadonlySet<string> {
  const set = new Set<string>();
  for (const v of values) set.add(sqlKey(v));
  return set;
}

/** A key → value lookup that matches as SQL Server's `=` does. */
export function keyMap<V>(entries: Iterable<readonly [string, V]>): ReadonlyMap<string, V> {
  const map = new Map<string, V>();
  for (const [k, v] of entries) map.set(sqlKey(k), v);
  return map;
}

const MS_PER_DAY = 86_400_000;

/** Whole days since 1970-01-01 of an ISO date `YYYY-MM-DD`; `null` for NULL or a malformed date. */
export function dayNumber(date: string | null): number | null {
  if (date === null) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (m === null) return null;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
  return Number.isFinite(day) ? day : null;
}

/** A memoised `dayNumber` for one run over the data (dates repeat a lot). */
export function dayParser(): (date: string | null) => number | null {
  const cache = new Map<string, number | null>();
  return (date) => {
    if (date === null) return null;
    let day = cache.get(date);
    if (day === undefined) {
      day = dayNumber(date);
      cache.set(date, day);
    }
    return day;
  };
}

/** The ISO date of a day number. */
export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `'9999-01-01'`: DHSC's stand-in for a NULL (open) end date. */
export const OPEN_END: number = Date.UTC(9999, 0, 1) / MS_PER_DAY;

/** DHSC's age: `FLOOR(DATEDIFF(DAY, birth, at) / 365.25)` — so on an 18th birthday a person is usually still 17. */
export function sqlAge(birthDay: number, atDay: number): number {
  return Math.floor((atDay - birthDay) / 365.25);
}

/**
 * T-SQL `ROUND(x, 1)` on a float: halves away from zero. The value is computed as the SQL
 * does, `(N / D) × scale` in floating point, and is 0 when the denominator is 0 (DHSC's
 * `CASE WHEN denominator = 0 THEN 0`).
 */
export function sqlRoundedRate(numerator: number, denominator: number, scale: number): number {
  if (denominator === 0) return 0;
  const x = (numerator / denominator) * scale;
  return (Math.sign(x) * Math.round(Math.abs(x) * 10)) / 10;
}
