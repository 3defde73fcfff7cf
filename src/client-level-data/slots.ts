// Shared by the fast measures (ascof/rows.ts, waiting-times/columns.ts): dates as day
// numbers with a NULL that sorts lowest, columns of the main table read in bulk into typed
// arrays (one value worked out per distinct value, no object per event), and rows grouped
// into runs by one counting sort.
import type { Column } from './event-store.js';
import { dayNumber } from './sql.js';

/** A NULL date in a day-number column (below every real day, so it sorts lowest). */
export const NO_DAY = -2147483648;

/** The day number of an ISO date; `NO_DAY` for NULL. */
export const dayOrNone = (date: string | null): number =>
  date === null ? NO_DAY : dayNumber(date);

/** Somewhere to write one value per row. */
type Out<V> = { [k: number]: V; readonly length: number };

/**
 * Fills `out[k]`, for every k of `out`, with `values[codes[rows[k]]]` (`codes[k]` without
 * `rows`): a `Column.encode` result read at the rows `rows` names.
 */
export function pickInto<O extends Out<unknown>>(
  out: O,
  { codes, values }: { readonly codes: ArrayLike<number>; readonly values: readonly O[number][] },
  rows?: ArrayLike<number>,
): O {
  const m = out.length;
  if (rows === undefined) for (let k = 0; k < m; k++) out[k] = values[codes[k]!]!;
  else for (let k = 0; k < m; k++) out[k] = values[codes[rows[k]!]!]!;
  return out;
}

/**
 * Fills `out[k]` with `f` of `column`'s value in row `rows[k]` (row k without `rows`), for
 * every k of `out`. `f` runs once per distinct value among the table's first `n` rows
 * (`Column.encode`), so on a coded column this is a typed-array read per row.
 */
export function mapInto<T, O extends Out<unknown>>(
  out: O,
  column: Column<T>,
  n: number,
  f: (value: T) => O[number],
  rows?: ArrayLike<number>,
): O {
  return pickInto(out, column.encode(n, f), rows);
}

/** `mapInto` of dates: `out[k]` is the day number (`NO_DAY` for NULL) of row `rows[k]` (row k without `rows`). */
export function daysInto(
  out: Int32Array,
  column: Column<string | null>,
  n: number,
  rows?: ArrayLike<number>,
): Int32Array {
  return mapInto(out, column, n, dayOrNone, rows);
}

/**
 * `out[k]` is `column`'s number in row `rows[k]` (row k without `rows`), NaN for NULL:
 * through the codes when the column is coded (few distinct numbers), else row by row.
 */
export function numbersInto(
  out: Float64Array,
  column: Column<number | null>,
  rows?: ArrayLike<number>,
): Float64Array {
  const coded = column.dictionary((v) => v ?? Number.NaN);
  if (coded !== undefined) return pickInto(out, coded, rows);
  const m = out.length;
  for (let k = 0; k < m; k++) out[k] = column.at(rows === undefined ? k : rows[k]!) ?? Number.NaN;
  return out;
}

/**
 * Groups rows `0..n-1` by `groupOf[i]` (0 to `groups - 1`): `first[g]` to `first[g + 1] - 1`
 * are group g's slots, each group's rows in their order. `slots[s]` is slot s's row, or
 * `undefined` when `inOrder` says the groups already come as runs in group order (the
 * slots are then the rows themselves).
 */
export function groupSlots(
  groupOf: Int32Array,
  groups: number,
  n: number,
  inOrder: boolean,
): { readonly first: Int32Array; readonly slots: Int32Array | undefined } {
  const first = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) first[groupOf[i]! + 1]!++;
  for (let g = 0; g < groups; g++) first[g + 1]! += first[g]!;
  if (inOrder) return { first, slots: undefined };
  const slots = new Int32Array(n);
  const next = first.slice(0, groups);
  for (let i = 0; i < n; i++) slots[next[groupOf[i]!]!++] = i;
  return { first, slots };
}
