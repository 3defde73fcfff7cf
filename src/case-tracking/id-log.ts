// Duplicate-id detection after the pass: every valid record's 53-bit id hash (its priority,
// computed anyway), position and signature are appended to dense arrays (sequential writes,
// 16 bytes per record, plus a reference to the id when it cannot be read back by position).
// After the pass a filter on the hashes (2-bit counters per slot) picks out the few entries
// that could share an id, and only those are grouped exactly. Appending is far cheaper than probing a hash
// table of a million ids, which misses the cache on nearly every record.

import { resized } from '../internal/typed-arrays.js';
import type { DuplicateFound } from './draw.js';

/** A group of records sharing an id: their entries in the log. */
type DuplicateGroup = readonly number[];

/** @internal */
export class IdLog {
  private hi = new Int32Array(1 << 12);
  private lo = new Int32Array(1 << 12);
  private pos = new Uint32Array(1 << 12);
  private sig = new Int32Array(1 << 12);
  /** The ids, kept only when they cannot be read back by position. */
  private readonly ids: string[] | undefined;
  length = 0;

  /**
   * @param idAt - reads the id of the record at a position again (e.g. from the input
   *   array); without it the log keeps every id
   * @param capacity - the number of records expected, when known
   */
  constructor(
    private readonly idAt: ((position: number) => string) | undefined,
    capacity = 0,
  ) {
    if (!idAt) this.ids = [];
    if (capacity > this.hi.length) this.resize(Math.min(capacity, 1 << 22)); // then grow as needed
  }

  /** Appends one record; `hash` is a whole number below 2^53 that depends only on the id. */
  push(hash: number, position: number, signature: number, id: string): void {
    const n = this.length++;
    if (n === this.hi.length) this.resize(n * 2);
    // Storing into an Int32Array keeps the low 32 bits of the (truncated) number.
    this.hi[n] = hash / 4294967296;
    this.lo[n] = hash;
    this.pos[n] = position;
    this.sig[n] = signature;
    this.ids?.push(id);
  }

  private id(entry: number): string {
    return this.ids ? this.ids[entry]! : this.idAt!(this.pos[entry]!);
  }

  /** Entries sharing an id (found by their hashes), each group in input order. */
  private duplicateGroups(): DuplicateGroup[] {
    // Only the few entries whose hash shares a filter bit with another entry's can share an
    // id. Those are grouped by their whole hash, and entries with equal hashes by the id
    // itself (so a hash collision is never reported, and ids are read only for those).
    const first = new Map<number, number>(); // hash → its first entry
    const byHash = new Map<number, number[]>(); // hash → its entries, for hashes seen twice
    for (const entry of this.filterCollisions()) {
      const hash = this.hi[entry]! * 4294967296 + (this.lo[entry]! >>> 0);
      const seen = first.get(hash);
      if (seen === undefined) first.set(hash, entry);
      else {
        const group = byHash.get(hash);
        if (group) group.push(entry);
        else byHash.set(hash, [seen, entry]);
      }
    }
    const groups: number[][] = [];
    for (const sameHash of byHash.values()) {
      const byId = new Map<string, number[]>();
      for (const entry of sameHash) {
        const id = this.id(entry);
        const group = byId.get(id);
        if (group) group.push(entry);
        else byId.set(id, [entry]);
      }
      for (const group of byId.values()) if (group.length > 1) groups.push(group);
    }
    return groups.sort((x, y) => x[0]! - y[0]!);
  }

  /** Ids shared by several records: the id, positions and signatures of each group. */
  duplicates(): DuplicateFound[] {
    return this.duplicateGroups().map((group) => ({
      id: this.id(group[0]!),
      positions: group.map((entry) => this.pos[entry]!),
      signatures: group.map((entry) => this.sig[entry]!),
    }));
  }

  /**
   * Entries, ascending, that may share their hash with another: a superset of the
   * duplicated ids. A slot filter on the low hash word (8–16 slots per entry) keeps about
   * 10% of the entries, a second on the high 21 bits about 10% of those. Sequential passes
   * with random access to a table of 2 MB per million entries are much cheaper than
   * grouping every entry exactly (a map of a million keys).
   */
  private filterCollisions(): Uint32Array {
    return sharingASlot(this.hi, sharingASlot(this.lo, undefined, this.length));
  }

  private resize(capacity: number): void {
    this.hi = resized(this.hi, capacity);
    this.lo = resized(this.lo, capacity);
    this.pos = resized(this.pos, capacity);
    this.sig = resized(this.sig, capacity);
  }
}

/**
 * The entries (all `count` of them when `entries` is undefined), in order, whose `word`
 * falls in a slot that another entry's also falls in. Each slot is a 2-bit counter
 * (0, 1, 2 = "two or more"), 16 to an `Int32Array` element, so marking and reading an entry
 * touch one cache line.
 */
function sharingASlot(
  word: Int32Array,
  entries: Uint32Array | undefined,
  count = entries?.length ?? 0,
): Uint32Array {
  let bits = 12;
  while (bits < 30 && 2 ** bits < count * 8) bits++;
  const mask = 2 ** bits - 1;
  const slots = new Int32Array(2 ** (bits - 4));
  for (let k = 0; k < count; k++) {
    const slot = word[entries ? entries[k]! : k]! & mask;
    const shift = (slot & 15) << 1;
    const value = slots[slot >>> 4]!;
    if (((value >>> shift) & 2) === 0) slots[slot >>> 4] = value + (1 << shift);
  }
  const result = new Uint32Array(count);
  let n = 0;
  for (let k = 0; k < count; k++) {
    const entry = entries ? entries[k]! : k;
    const slot = word[entry]! & mask;
    if ((slots[slot >>> 4]! >>> ((slot & 15) << 1)) & 2) result[n++] = entry;
  }
  return result.subarray(0, n);
}
