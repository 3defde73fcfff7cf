// The keys a defined-list lookup matches values by (how SQL Server itself compares text is
// `sqlCollationKey` in ../sql.ts).

/**
 * The key a defined-list lookup uses: `sqlCollationKey` (sql.ts), and also leading white
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
