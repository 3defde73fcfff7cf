import { describeValue } from './describe.js';

/**
 * Whether `values` is an array iterated the standard way, so that reading it by index
 * visits the same values in the same order as `for…of` (and skips the iterator's result
 * objects, which cost more than the rest of a tight loop over a million records).
 */
export function isPlainArray(values: Iterable<unknown>): values is readonly unknown[] {
  try {
    return Array.isArray(values) && values[Symbol.iterator] === Array.prototype[Symbol.iterator];
  } catch {
    return false; // a Proxy that throws: read it (and fail) through its iterator
  }
}

/** Throws a `TypeError` naming `what` and what was given when `value` is not iterable. */
export function assertIterable(value: unknown, what: string): asserts value is Iterable<unknown> {
  let iterator: unknown;
  try {
    iterator =
      value === null || value === undefined
        ? undefined
        : (value as { [Symbol.iterator]?: unknown })[Symbol.iterator];
  } catch {
    iterator = undefined; // a revoked Proxy or a throwing trap: not a list that can be read
  }
  if (typeof iterator !== 'function') throw new TypeError(`${what}; got ${describeValue(value)}`);
}
