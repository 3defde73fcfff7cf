// Duplicate-id detection after the pass: every valid record's 64-bit id hash (computed for
// its priority anyway), position and signature are appended to dense arrays (sequential
// writes, 16 bytes per record, plus a reference to the id when the input is not an array),
// then grouped by hash in cache-sized buckets. Appending is far cheaper than probing a hash
// table of a million ids, which misses the cache on nearly every record.

/** A group of records sharing an id: their entries in the log. */
type DuplicateGroup = readonly number[];

/** @internal */
export class IdLog {
  private hi = new Int32Array(1 << 12);
  private lo = new Int32Array(1 << 12);
  private pos = new Int32Array(1 << 12);
  private sig = new Int32Array(1 << 12);
  /** The ids, kept only when the input cannot be read again (not an array). */
  private readonly ids: string[] | undefined;
  length = 0;

  /**
   * @param input - the records: when an array, ids are read back from it by position
   * instead of being kept.
   */
  constructor(private readonly input: Iterable<unknown>) {
    if (Array.isArray(input)) {
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
    return this.ids ? this.ids[entry]! : (this.input as readonly { id: string }[])[this.pos[entry]!]!.id;
  }

  /** Entries sharing a 64-bit hash (in practice: an id), each group in input order. */
  duplicateGroups(): DuplicateGroup[] {
    const n = this.length;
    const { hi, lo } = this;
    // Partition by the hash's top bits into buckets of ~1,000 entries (one pass, carrying the
    // keys so that later passes read sequentially), then find equal keys bucket by bucket
    // with a small hash table that stays in the L1 cache.
    let bits = 0;
    while (bits < 16 && n >>> bits > 1024) bits++;
    const bucketOf = (h: number) => (bits === 0 ? 0 : h >>> (32 - bits));
    const start = new Int32Array((1 << bits) + 1);
    for (let i = 0; i < n; i++) start[bucketOf(hi[i]!) + 1]!++;
    for (let b = 0; b < 1 << bits; b++) start[b + 1]! += start[b]!;
    const cursor = start.slice(0, -1);
    const pHi = new Int32Array(n);
    const pLo = new Int32Array(n);
    const pEntry = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const k = cursor[bucketOf(hi[i]!)]!++;
      pHi[k] = hi[i]!;
      pLo[k] = lo[i]!;
      pEntry[k] = i;
    }
    let largest = 0;
    for (let b = 0; b < 1 << bits; b++) largest = Math.max(largest, start[b + 1]! - start[b]!);
    let tableSize = 4;
    while (tableSize < largest * 2) tableSize *= 2;
    const table = new Int32Array(tableSize);
    const mask = tableSize - 1;
    const groups = new Map<number, number[]>();
    for (let b = 0; b < 1 << bits; b++) {
      const from = start[b]!;
      const to = start[b + 1]!;
      if (to - from < 2) continue;
      table.fill(0);
      for (let k = from; k < to; k++) {
        let slot = Math.imul(pHi[k]! ^ pLo[k]!, 0x9e3779b1) >>> 0;
        for (slot &= mask; table[slot] !== 0; slot = (slot + 1) & mask) {
          const other = table[slot]! - 1;
          if (pHi[other] === pHi[k] && pLo[other] === pLo[k]) {
            const first = pEntry[other]!;
            const group = groups.get(first);
            if (group) group.push(pEntry[k]!);
            else groups.set(first, [first, pEntry[k]!]);
            break;
          }
        }
        if (table[slot] === 0) table[slot] = k + 1;
      }
    }
    return [...groups.values()].map((g) => g.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
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
