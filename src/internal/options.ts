// Checks for options (programmer input, not data): a wrong option throws `RangeError` or
// `TypeError` naming it. One home for the checks every module's options need.
import { describeValue } from './describe.js';

/**
 * `value` when it is a whole number from `min` to `max`, else a `RangeError` naming the
 * option: "size must be a whole number ≥ 0; got 2.5".
 */
export function wholeNumberOption(
  value: unknown,
  name: string,
  min: number,
  max = Infinity,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new RangeError(`${name} must be a whole number ${range}; got ${describeValue(value)}`);
  }
  return value;
}

/**
 * `value` as a list, checked before anything copies or walks it: a `TypeError` when it is
 * not an array, a `RangeError` when it has more than `maxLength` entries (a sparse array of
 * length 10⁹ would otherwise exhaust memory when copied). `undefined` gives `[]`.
 */
export function arrayOption<T>(
  value: readonly T[] | undefined,
  name: string,
  maxLength: number,
): readonly T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new TypeError(`${name} must be an array; got ${describeValue(value)}`);
  if (value.length > maxLength)
    throw new RangeError(`${name} has ${value.length} entries; at most ${maxLength} are allowed`);
  return value;
}
