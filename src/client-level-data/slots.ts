// Shared by the fast measures (ascof/rows.ts, waiting-times/columns.ts): dates as day
// numbers with a NULL that sorts lowest, and rows grouped into runs by one counting sort.
import { dayNumber } from './sql.js';

/** A NULL date in a day-number column (below every real day, so it sorts lowest). */
export const NO_DAY = -2147483648;

/** The day number of an ISO date; `NO_DAY` for NULL. */
export const dayOrNone = (date: string | null): number =>
  date === null ? NO_DAY : dayNumber(date);

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

type SlotColumn = Int32Array | Float64Array | Uint8Array | (string | null)[];

/**
 * The first `n` entries of a column in row order, rearranged into slot order (`slots[s]` is
 * slot s's row); without `slots`, the column itself (a typed array's view, or the array cut
 * to `n`) with no copy.
 */
export function bySlot<T extends SlotColumn>(
  column: T,
  slots: Int32Array | undefined,
  n: number,
): T {
  if (slots === undefined) {
    if (Array.isArray(column)) {
      column.length = n;
      return column;
    }
    return (column as Exclude<SlotColumn, unknown[]>).subarray(0, n) as T;
  }
  const out = column.slice(0, n) as T;
  for (let s = 0; s < n; s++) out[s] = column[slots[s]!]!;
  return out;
}
