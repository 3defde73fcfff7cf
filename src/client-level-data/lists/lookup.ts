// Cleaning a raw defined-list value to its Release 2 value, as DHSC's `GetDerivedFields`
// does with its `REF_<Field>_Mapping` tables (reference d.4 step 3): case-insensitively,
// trailing spaces ignored (SQL Server collation), Release 1 values mapped forward,
// unmappable values → `Invalid and not mapped`, blank → NULL.
import { listKey, looseListKey } from './collation.js';
import { INVALID_AND_NOT_MAPPED } from './tables.js';
import { CLD_RELEASE_1_MAPPINGS, CLD_VALUE_LISTS, type CldListField } from './value-lists.js';

/**
 * How a raw value resolved against its list:
 * - `valid`: a Release 2 value (or a DHSC cleaning value such as `Invalid and not mapped`);
 * - `release-1`: a Release 1 value, mapped forward to Release 2;
 * - `spelling`: matched a value only once punctuation and spaces are ignored (kept, with a warning; modelled);
 * - `unlisted`: not in a list the reference knows only partially (kept as submitted, with a warning);
 * - `invalid`: not in a complete list → `Invalid and not mapped`;
 * - `blank`: empty → `null` (SQL NULL).
 */
export type CldValueStatus = 'valid' | 'release-1' | 'spelling' | 'unlisted' | 'invalid' | 'blank';

/** The result of cleaning one raw value. */
export interface CldValueResolution {
  /** How the value resolved. */
  readonly status: CldValueStatus;
  /** The cleaned (Release 2) value; `null` when blank. */
  readonly cleaned: string | null;
  /** For `release-1`: whether the R1 → R2 pairing is [inferred] in the reference. */
  readonly inferred: boolean;
}

/** Official lists a user supplies: field (database name) → its Release 2 values. Each one is treated as complete. */
export type CldOfficialLists = Readonly<Partial<Record<string, readonly string[]>>>;

const BLANK: CldValueResolution = Object.freeze({
  status: 'blank',
  cleaned: null,
  inferred: false,
});
const CACHE_LIMIT = 4096;

/** A compiled lookup for one field: exact keys, loose keys and a cache of raw strings seen. */
export class FieldLookup {
  private readonly exact = new Map<string, CldValueResolution>();
  private readonly loose = new Map<string, CldValueResolution>();
  private readonly cache = new Map<string, CldValueResolution>();

  constructor(
    /** The values. */
    values: readonly string[],
    /** DHSC cleaning values. */
    cleaningValues: readonly string[],
    /** Whether the list is complete. */
    readonly complete: boolean,
    mappings: readonly {
      readonly release1: string;
      readonly release2: string;
      readonly inferred: boolean;
    }[],
  ) {
    for (const value of [...values, ...cleaningValues]) {
      const resolution = Object.freeze({
        status: 'valid' as const,
        cleaned: value,
        inferred: false,
      });
      this.exact.set(listKey(value), resolution);
      if (!this.loose.has(looseListKey(value)))
        this.loose.set(
          looseListKey(value),
          Object.freeze({ ...resolution, status: 'spelling' as const }),
        );
    }
    for (const m of mappings) {
      const key = listKey(m.release1);
      if (this.exact.has(key)) continue;
      const resolution = Object.freeze({
        status: 'release-1' as const,
        cleaned: m.release2,
        inferred: m.inferred,
      });
      this.exact.set(key, resolution);
      if (!this.loose.has(looseListKey(m.release1)))
        this.loose.set(looseListKey(m.release1), resolution);
    }
  }

  /** Resolves a raw value (already known to be non-blank, or `null`). */
  resolve(raw: string | null): CldValueResolution {
    if (raw === null) return BLANK;
    const cached = this.cache.get(raw);
    if (cached !== undefined) return cached;
    const key = listKey(raw);
    let resolution: CldValueResolution | undefined;
    if (key === '') resolution = BLANK;
    else resolution = this.exact.get(key) ?? this.loose.get(looseListKey(raw));
    if (resolution === undefined) {
      resolution = this.complete
        ? Object.freeze({
            status: 'invalid' as const,
            cleaned: INVALID_AND_NOT_MAPPED,
            inferred: false,
          })
        : Object.freeze({ status: 'unlisted' as const, cleaned: raw.trim(), inferred: false });
    }
    if (this.cache.size < CACHE_LIMIT) this.cache.set(raw, resolution);
    return resolution;
  }
}

/**
 * Compiles the lookups for every field with a list: the reference's lists, replaced by
 * (and made strict by) any official lists the user passes. Fields the user names that have
 * no list of ours are added (their values are validated, not cleaned).
 */
export function compileLookups(official: CldOfficialLists = {}): ReadonlyMap<string, FieldLookup> {
  const lookups = new Map<string, FieldLookup>();
  const fields = new Set<string>([...Object.keys(CLD_VALUE_LISTS), ...Object.keys(official)]);
  for (const field of fields) {
    const ours = (
      CLD_VALUE_LISTS as Readonly<
        Record<string, (typeof CLD_VALUE_LISTS)[CldListField] | undefined>
      >
    )[field];
    const theirs = official[field];
    const mappings = CLD_RELEASE_1_MAPPINGS.filter((m) => m.field === field);
    if (theirs !== undefined)
      lookups.set(
        field,
        new FieldLookup(theirs, ours?.cleaningValues ?? [INVALID_AND_NOT_MAPPED], true, mappings),
      );
    else if (ours !== undefined)
      lookups.set(
        field,
        new FieldLookup(ours.values, ours.cleaningValues, ours.complete, mappings),
      );
  }
  return lookups;
}

let defaultLookups: ReadonlyMap<string, FieldLookup> | undefined;

/**
 * Cleans one raw value of a defined-list field to its Release 2 value, as DHSC's mapping
 * tables do (reference d.4): letter case and surrounding spaces do not matter, Release 1
 * values map forward, a value outside a complete list becomes `Invalid and not mapped`, a
 * value outside a partial list is kept as submitted (`unlisted`), and blank is `null`.
 * Pass `lists` (official values per field) to treat those lists as complete.
 *
 * @example
 * ```ts
 * import { lookupCldValue } from 'la-assurance/client-level-data';
 *
 * lookupCldValue('Client_Type', 'Carer'); // { status: 'release-1', cleaned: 'Unpaid carer', inferred: false }
 * lookupCldValue('Event_Type', 'service '); // { status: 'valid', cleaned: 'Service', inferred: false }
 * lookupCldValue('Service_Type', 'Day care'); // { status: 'invalid', cleaned: 'Invalid and not mapped', … }
 * ```
 */
export function lookupCldValue(
  field: CldListField | (string & {}),
  raw: string | null,
  lists?: CldOfficialLists,
): CldValueResolution {
  const lookups =
    lists === undefined ? (defaultLookups ??= compileLookups()) : compileLookups(lists);
  const lookup = lookups.get(field);
  if (lookup === undefined) throw new RangeError(`No defined list for CLD field '${field}'`);
  return lookup.resolve(raw);
}
