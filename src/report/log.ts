// Append-only logs shared by successive reports (issue 16: applying an event is O(1)
// amortised). A log value is a view — the first `length` items of a buffer — so the report
// before an event and the report after it share one buffer: appending at the end of the
// buffer pushes in place; appending to an older view (a branch) copies its items first.
// No view ever sees an item past its own length, so every report stays immutable.

/** An immutable view of an append-only buffer, optionally indexed by a string key. */
export interface Log<T> {
  readonly items: T[];
  readonly length: number;
  /** Position of each key's item (keys are unique in a log); `null` for an unkeyed log. */
  readonly index: Map<string, number> | null;
}

/** A new empty log (a fresh buffer: never share an empty log between reports). */
export function emptyLog<T>(keyed = false): Log<T> {
  return { items: [], length: 0, index: keyed ? new Map() : null };
}

/** The log with `item` appended (under `key` for a keyed log). O(1) at the end of the buffer. */
export function appendLog<T>(log: Log<T>, item: T, key?: string): Log<T> {
  let { items, index } = log;
  if (items.length !== log.length) {
    items = items.slice(0, log.length);
    if (index !== null) {
      const own = new Map<string, number>();
      for (const [k, i] of index) if (i < log.length) own.set(k, i);
      index = own;
    }
  }
  items.push(item);
  if (index !== null && key !== undefined) index.set(key, log.length);
  return { items, length: log.length + 1, index };
}

/** The position of the item with `key` in this view, or `undefined`. */
export function findInLog<T>(log: Log<T>, key: string): number | undefined {
  const i = log.index?.get(key);
  return i !== undefined && i < log.length ? i : undefined;
}

/** The view's items as a new frozen array. O(length): call once and keep it. */
export function logToArray<T>(log: Log<T>): readonly T[] {
  return Object.freeze(log.items.slice(0, log.length));
}
