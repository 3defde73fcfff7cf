// Duplicate-id detection after the pass: every valid record's 53-bit id hash (its priority,
// computed anyway), position and signature are appended to dense arrays (sequential writes,
// 16 bytes per record). When the ids cannot be read back by position (the input is not an
// array), the log also keeps each id: ASCII ids as bytes (a byte per character plus 5 bytes
// of offset and length), any other id as the string itself.
//
// After the pass the entries are partitioned by the top bits of their hash into blocks of a
// few thousand (a radix scatter: sequential reads, one write stream per block), and each
// block is searched for equal hashes with a small table that stays in the processor's
// cache. Every step is linear and touches memory in order, so the cost per record stays
// flat from thousands to millions of records (a table over all entries at once misses the
// cache on nearly every record once it outgrows it). Only entries with equal hashes have
// their ids compared, so a hash collision is never reported as a duplicate.

import { resized } from '../internal/typed-arrays.js';
import type { DuplicateFound } from './draw.js';

/** A group of records sharing an id: their entries in the log, ascending. */
type DuplicateGroup = readonly number[];

/** High hash word: the top 21 bits of a 53-bit hash. */
const HIGH_BITS = 21;
/** Entries per block of the partition (on average): its table fits in a 32 KiB L1 cache. */
const BLOCK_TARGET = 4096;

/** The log's columns and the scratch space of the search for equal hashes, all one length. */
interface LogColumns {
  readonly hi: Int32Array;
  readonly lo: Int32Array;
  readonly pos: Uint32Array;
  readonly sig: Int32Array;
  /** Scratch: entries and their low words, scattered by block. */
  readonly entries: Uint32Array;
  readonly lows: Int32Array;
}

function allocateColumns(capacity: number): LogColumns {
  return {
    hi: new Int32Array(capacity),
    lo: new Int32Array(capacity),
    pos: new Uint32Array(capacity),
    sig: new Int32Array(capacity),
    entries: new Uint32Array(capacity),
    lows: new Int32Array(capacity),
  };
}

// The columns of the last finished log, for the next one to reuse. Allocating them afresh
// on every draw (24 bytes per record) makes V8 count the new buffers as external memory and
// run a full garbage collection over the caller's records on nearly every large draw (over
// a second with 4 million records in memory). Reused, they cost nothing after the first
// draw. Held weakly, so a full collection may still free them; taken out while in use, so
// a draw started from inside another (a record's getter) gets its own.
let spare: WeakRef<LogColumns> | undefined;

function takeColumns(capacity: number): LogColumns {
  const columns = spare?.deref();
  spare = undefined;
  return columns !== undefined && columns.hi.length >= capacity
    ? columns
    : allocateColumns(capacity);
}

function giveBackColumns(columns: LogColumns): void {
  const held = spare?.deref();
  if (held === undefined || held.hi.length < columns.hi.length) spare = new WeakRef(columns);
}

/**
 * The log of one pass. Read it once, with {@link IdLog.duplicates}, after the last push: that
 * hands its columns on to the next log.
 * @internal
 */
export class IdLog {
  private columns: LogColumns;
  /** The ids, kept only when they cannot be read back by position. */
  private readonly ids: IdStore | undefined;
  length = 0;

  /**
   * @param idAt - reads the id of the record at a position again (e.g. from the input
   *   array); without it the log keeps every id (see {@link IdStore})
   * @param capacity - the number of records expected, when known
   */
  constructor(
    private readonly idAt: ((position: number) => string) | undefined,
    capacity = 0,
  ) {
    if (!idAt) this.ids = new IdStore();
    this.columns = takeColumns(Math.max(1 << 12, Math.min(capacity, 1 << 23))); // then grow as needed
  }

  /** Appends one record; `hash` is a whole number below 2^53 that depends only on the id. */
  push(hash: number, position: number, signature: number, id: string): void {
    const n = this.length++;
    let c = this.columns;
    if (n === c.hi.length) c = this.grow(n * 2);
    // Storing into an Int32Array keeps the low 32 bits of the (truncated) number.
    c.hi[n] = hash / 4294967296;
    c.lo[n] = hash;
    c.pos[n] = position;
    c.sig[n] = signature;
    this.ids?.push(id);
  }

  private id(entry: number): string {
    return this.ids ? this.ids.get(entry) : this.idAt!(this.columns.pos[entry]!);
  }

  /** Entries sharing an id (found by their hashes), each group in input order. */
  private duplicateGroups(): DuplicateGroup[] {
    const groups: number[][] = [];
    for (const sameHash of equalHashGroups(this.columns, this.length)) {
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
    const { pos, sig } = this.columns;
    const found = this.duplicateGroups().map((group) => ({
      id: this.id(group[0]!),
      positions: group.map((entry) => pos[entry]!),
      signatures: group.map((entry) => sig[entry]!),
    }));
    giveBackColumns(this.columns);
    this.columns = allocateColumns(0);
    return found;
  }

  private grow(capacity: number): LogColumns {
    const old = this.columns;
    const c = allocateColumns(capacity);
    c.hi.set(old.hi);
    c.lo.set(old.lo);
    c.pos.set(old.pos);
    c.sig.set(old.sig);
    this.columns = c;
    return c;
  }
}

/** Size of each byte chunk of an {@link IdStore} (an id never spans two chunks). */
const CHUNK_BYTES = 1 << 20;

/**
 * Ids kept compactly, by entry: an id of ASCII characters as its bytes (one byte per
 * character, in chunks of 1 MiB so that growing never copies nor over-allocates them) and a
 * 4-byte offset and 1-byte length; any other id as the string itself in a sparse map (ids
 * beyond ASCII are rare in case exports; keeping them as strings keeps them exact, lone
 * surrogates included).
 */
class IdStore {
  private readonly chunks: Uint8Array[] = [];
  private starts = new Uint32Array(1 << 12);
  private lengths = new Uint8Array(1 << 12);
  private readonly others = new Map<number, string>();
  private count = 0;
  /** Offset of the next free byte (chunk index × CHUNK_BYTES + offset in the chunk). */
  private next = 0;

  push(id: string): void {
    const entry = this.count++;
    if (entry === this.starts.length) {
      this.starts = resized(this.starts, 2 * entry);
      this.lengths = resized(this.lengths, 2 * entry);
    }
    // Ids have at most CASE_ID_MAX_LENGTH (200) characters: one never fills a chunk.
    if ((this.next % CHUNK_BYTES) + id.length > CHUNK_BYTES || this.chunks.length === 0) {
      if (this.chunks.length > 0) this.next = this.chunks.length * CHUNK_BYTES;
      this.chunks.push(new Uint8Array(CHUNK_BYTES));
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    const offset = this.next % CHUNK_BYTES;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      if (c >= 0x80) {
        this.others.set(entry, id); // nothing kept in the chunk for this entry
        return;
      }
      chunk[offset + i] = c;
    }
    this.starts[entry] = this.next;
    this.lengths[entry] = id.length;
    this.next += id.length;
  }

  get(entry: number): string {
    const other = this.others.get(entry);
    if (other !== undefined) return other;
    const start = this.starts[entry]!;
    const offset = start % CHUNK_BYTES;
    const chunk = this.chunks[(start - offset) / CHUNK_BYTES]!;
    return String.fromCharCode(...chunk.subarray(offset, offset + this.lengths[entry]!));
  }
}

/**
 * Groups of two or more entries (ascending) whose hashes `(hi, lo)` are equal. Entries are
 * scattered into blocks by the top bits of `hi` (their order kept within a block), then
 * each block is searched with a table of twice its size.
 */
function equalHashGroups(columns: LogColumns, count: number): number[][] {
  const { hi, lo, entries, lows } = columns;
  let blockBits = 0;
  while (blockBits < HIGH_BITS && count >>> blockBits > BLOCK_TARGET) blockBits++;
  const shift = HIGH_BITS - blockBits;
  const blocks = 1 << blockBits;
  // Block boundaries (a counting sort), then the scatter: each entry and its low word.
  const starts = new Uint32Array(blocks + 1);
  for (let e = 0; e < count; e++) starts[(hi[e]! >>> shift) + 1]!++;
  for (let b = 0; b < blocks; b++) starts[b + 1]! += starts[b]!;
  const next = starts.slice(0, blocks);
  for (let e = 0; e < count; e++) {
    const k = next[hi[e]! >>> shift]!++;
    entries[k] = e;
    lows[k] = lo[e]!;
  }
  let largest = 0;
  for (let b = 0; b < blocks; b++) largest = Math.max(largest, starts[b + 1]! - starts[b]!);
  let tableBits = 4;
  while (1 << tableBits < 2 * largest) tableBits++;
  const table = new Int32Array(1 << tableBits); // k + 1 of the first entry in a slot, 0 = empty
  const groups: number[][] = [];
  const firstOf = new Map<number, number[]>(); // k of a block's first entry → its group
  for (let b = 0; b < blocks; b++) {
    const start = starts[b]!;
    const end = starts[b + 1]!;
    if (end - start < 2) continue;
    let bits = 4;
    while (1 << bits < 2 * (end - start)) bits++;
    const mask = (1 << bits) - 1;
    table.fill(0, 0, mask + 1);
    firstOf.clear();
    for (let k = start; k < end; k++) {
      const low = lows[k]!;
      // Linear probing; the low word is already well mixed.
      for (let slot = (low ^ (low >>> bits)) & mask; ; slot = (slot + 1) & mask) {
        const held = table[slot]!;
        if (held === 0) {
          table[slot] = k + 1;
          break;
        }
        const other = held - 1;
        if (lows[other] === low && hi[entries[other]!] === hi[entries[k]!]) {
          const group = firstOf.get(other);
          if (group) group.push(entries[k]!);
          else {
            const created = [entries[other]!, entries[k]!];
            firstOf.set(other, created);
            groups.push(created);
          }
          break;
        }
      }
    }
  }
  return groups;
}
