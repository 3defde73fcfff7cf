import { describeValue } from './describe.js';

/**
 * Whether `values` is an array iterated the standard way, so that reading it by index
 * visits the same values in the same order as `for…of` (and skips the iterator's result
 * objects, which cost more than the rest of a tight loop over a million records).
 */
export function isPlainArray(values: Iterable<unknown>): values is readonly unknown[] {
  return Array.isArray(values) && values[Symbol.iterator] === Array.prototype[Symbol.iterator];
}

/** Throws a `TypeError` naming `what` and what was given when `value` is not iterable. */
export function assertIterable(value: unknown, what: string): asserts value is Iterable<unknown> {
  if (value === null || value === undefined || typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
    throw new TypeError(`${what}; got ${describeValue(value)}`);
  }
}
