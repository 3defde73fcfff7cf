// How text compares in DHSC's T-SQL (reference preamble, behaviour 1): SQL Server's default
// collation is case-insensitive, and `=`, `IN`, `PARTITION BY` and `DENSE_RANK` ignore
// trailing spaces (ANSI padding). Leading spaces do count. One home for the rule.

/**
 * The key under which SQL Server's default collation treats two strings as equal: letter
 * case and trailing spaces do not matter, leading spaces do. Two values are equal in
 * DHSC's SQL exactly when their keys are equal.
 *
 * @example
 * ```ts
 * sqlCollationKey('Service User  ') === sqlCollationKey('service user'); // true
 * ```
 */
export function sqlCollationKey(value: string): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 32) end--;
  return (end === value.length ? value : value.slice(0, end)).toLowerCase();
}

/**
 * The key a defined-list lookup uses: {@link sqlCollationKey}, and also leading white
 * space, tabs and runs of spaces ignored (CSV exports add them; modelled, since DHSC's
 * mapping tables are maintained by hand).
 */
export function listKey(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A second-chance key: letters and digits only. `NFA- Other` and `NFA - Other`, or
 * `Tenant - private landlord` and `Tenant: Private landlord`, share it. A match on this key
 * alone is accepted with a warning (modelled).
 */
export function looseListKey(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, '');
}
