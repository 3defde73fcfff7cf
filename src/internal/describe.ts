/**
 * Describes a value for an error message: `"3" (a string)`, `2.5`, `10n`, `null`, `an
 * object`, `an array of 3`. Never throws and never calls the value's own code (no getter,
 * `toString` or Proxy trap is run), so describing hostile input cannot crash an error path.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return `${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)} (a string)`;
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${value}n (a BigInt)`;
    case 'undefined':
      return 'nothing';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      return describeObject(value as object);
  }
}

function describeObject(value: object): string {
  try {
    // Array.isArray throws on a revoked Proxy; reading `length` would run a Proxy trap.
    return Array.isArray(value) ? 'an array' : 'an object';
  } catch {
    return 'an unreadable object (a revoked Proxy)';
  }
}

/** A name for an option value in an error message: the string itself, else {@link describeValue}. */
export function quoted(value: unknown): string {
  return typeof value === 'string'
    ? JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)
    : describeValue(value);
}

/**
 * Whether `value` is a plain object (not null, not an array, not a class instance like
 * Date or Map). Throws what the value throws when it is a revoked Proxy or a Proxy whose
 * traps throw: callers reading untrusted data catch that as `input-unreadable`.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}
