// Duplicate-id detection after the pass: every valid record's 64-bit id hash (computed for
// its priority anyway), position and signature are appended to dense arrays (sequential
// writes, 16 bytes per record, plus a reference to the id when the input is not an array
// read by index).
// After the pass a bitmap filter on the hashes picks out the few entries that could share
// an id, and only those are grouped exactly. Appending is far cheaper than probing a hash
// table of a million ids, which misses the cache on nearly every record.

/** A group of records sharing an id: their entries in the log. */
type DuplicateGroup = readonly number[];

/** @internal */
export class IdLog {
  private hi = new Int32Array(1 << 12);
  private lo = new Int32Array(1 << 12);
  private pos = new Int32Array(1 << 12);
  private sig = new Int32Array(1 << 12);
  /** The ids, kept only when the records cannot be read again by position. */
  private readonly ids: string[] | undefined;
  length = 0;

  /**
   * @param input - the records when they are an array read by index: ids are then read
   *   back from it by position instead of being kept
   */
  constructor(private readonly input: readonly unknown[] | undefined) {
    if (input) {
      if (input.length > 1 << 12) this.resize(input.length);
    } else this.ids = [];
  }

  /** Appends one record. */
  push(hi: number, lo: number, position: number, signature: number, id: string): void {
    const n = this.length++;
    if (n === this.hi.length) this.resize(n * 2);
    this.hi[n] = hi;
    this.lo[n] = lo;
    this.pos[n] = position;
    this.sig[n] = signature;
    this.ids?.push(id);
  }

  position(entry: number): number {
    return this.pos[entry]!;
  }

  signature(entry: number): number {
    return this.sig[entry]!;
  }

  id(entry: number): string {
    return this.ids ? this.ids[entry]! : (this.input![this.pos[entry]!] as { id: string }).id;
  }

  /** Entries sharing an id (found by their 64-bit hashes), each group in input order. */
  duplicateGroups(): DuplicateGroup[] {
    // Only the few entries whose hash shares a filter bit with another entry's can share an
    // id; those are grouped by the id itself (so a hash collision is never a duplicate).
    const byId = new Map<string, number[]>();
    for (const entry of this.filterCollisions()) {
      const id = this.id(entry);
      const group = byId.get(id);
      if (group) group.push(entry);
      else byId.set(id, [entry]);
    }
    return [...byId.values()].filter((group) => group.length > 1).sort((x, y) => x[0]! - y[0]!);
  }

  /**
   * Entries, ascending, that may share their 64-bit hash with another: a superset of the
   * duplicated ids. A bitmap filter on the low hash word (about 32 bits per entry) keeps
   * about 3% of the entries, a second on the high word about 3% of those. Sequential passes
   * with random access to a bitmap of 4 MB per million entries are much cheaper than
   * grouping every entry exactly (a map of a million keys).
   */
  private filterCollisions(): number[] {
    return sharingABit(this.hi, sharingABit(this.lo, undefined, this.length));
  }

  private resize(capacity: number): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(capacity);
      b.set(a.subarray(0, Math.min(a.length, capacity)));
      return b;
    };
    this.hi = grow(this.hi);
    this.lo = grow(this.lo);
    this.pos = grow(this.pos);
    this.sig = grow(this.sig);
  }
}

/**
 * The entries (all `count` of them when `entries` is undefined), in order, whose `word`
 * hits a bit of a bitmap that another entry's also hits.
 */
function sharingABit(word: Int32Array, entries: readonly number[] | undefined, count = entries?.length ?? 0): number[] {
  let bits = 12;
  while (bits < 30 && 2 ** bits < count * 16) bits++;
  const mask = 2 ** bits - 1;
  const seen = new Int32Array(2 ** (bits - 5));
  const shared = new Int32Array(2 ** (bits - 5));
  for (let k = 0; k < count; k++) {
    const bit = word[entries ? entries[k]! : k]! & mask;
    const flag = 1 << (bit & 31);
    if (seen[bit >>> 5]! & flag) shared[bit >>> 5]! |= flag;
    else seen[bit >>> 5]! |= flag;
  }
  const result: number[] = [];
  for (let k = 0; k < count; k++) {
    const entry = entries ? entries[k]! : k;
    const bit = word[entry]! & mask;
    if (shared[bit >>> 5]! & (1 << (bit & 31))) result.push(entry);
  }
  return result;
}

