import { describeValue } from './describe.js';

/**
 * The `default` of an exhaustive `switch`: a compile error when a case is missing, and a
 * `TypeError` naming the value if one arrives at run time anyway (a value cast past the types).
 */
export function assertNever(value: never, what: string): never {
  throw new TypeError(`Unexpected ${what}: ${describeValue(value)}`);
}
