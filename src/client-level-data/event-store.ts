// Column storage for the CLD events (issue #12's performance work). A million rows as one
// object each (67–76 fields) cost about 600 bytes a row and seconds of garbage collection;
// here each field is a column: text as 2-byte codes into a dictionary of the texts seen
// (the value lists make most fields a few dozen distinct texts), numbers in a
// Float64Array (NaN for NULL). A value derived from one text (the cleaned value, the ISO
// date, a grouping) is a second table over the same codes, computed once per distinct text.
// Views (`defineColumnGetters` on a small class holding the row index `i`) read the
// columns through getters, so prepare and the measures read `e.Event_Start_Date` whatever
// holds the event; plain objects are made only on request.
// The object-per-row code this replaces is the oracle in test/client-level-data/support/.

/** Codes are 16-bit: past this many distinct texts a column keeps the texts themselves. */
const MAX_CODES = 0xffff;

/** One field of the stored events, read by row index. */
export class Column<T> {
  private constructor(
    private readonly codes: Uint16Array | Int32Array | null,
    private readonly table: readonly T[],
    private readonly plain: readonly (string | null)[] | null,
    private readonly derive: ((text: string | null) => T) | null,
    private readonly nums: Float64Array | null,
    private readonly fn: ((i: number) => T) | null = null,
  ) {}

  /** The value of row `i`. */
  at(i: number): T {
    const codes = this.codes;
    if (codes !== null) return this.table[codes[i]!]!;
    const nums = this.nums;
    if (nums !== null) {
      const v = nums[i]!;
      return (Number.isNaN(v) ? null : v) as T;
    }
    const plain = this.plain;
    if (plain !== null) return this.derive!(plain[i]!);
    const fn = this.fn;
    if (fn !== null) return fn(i);
    return this.table[0]!;
  }

  /**
   * A getter reading row `this.i`, one function per storage kind (so each stays
   * monomorphic and V8 can inline it where a view's field is read).
   */
  getter(): (this: RowView) => T {
    const { codes, table, plain, derive, nums } = this;
    if (codes !== null)
      return function (this: RowView) {
        return table[codes[this.i]!]!;
      };
    if (nums !== null)
      return function (this: RowView) {
        const v = nums[this.i]!;
        return (Number.isNaN(v) ? null : v) as T;
      };
    if (plain !== null)
      return function (this: RowView) {
        return derive!(plain[this.i]!);
      };
    const fn = this.fn;
    if (fn !== null)
      return function (this: RowView) {
        return fn(this.i);
      };
    const value = table[0]!;
    return () => value;
  }

  /** The same text rows read through `f` (computed once per distinct text when coded). */
  map<U>(f: (value: T) => U): Column<U> {
    if (this.codes !== null) return new Column(this.codes, this.table.map(f), null, null, null);
    if (this.plain !== null) {
      const derive = this.derive!;
      return new Column<U>(null, [], this.plain, (t) => f(derive(t)), null);
    }
    if (this.fn !== null) {
      const fn = this.fn;
      return Column.computed((i) => f(fn(i)));
    }
    if (this.nums === null) return Column.constant(f(this.table[0]!));
    throw new TypeError('Column.map: number columns are not mapped');
  }

  /**
   * Rows `0..n-1` as a dictionary: `f(at(i)) === values[codes[i]]`. A coded column reuses
   * its codes and calls `f` once per distinct text; any other column is coded here (equal
   * values, by `Map` identity, share a code), calling `f` once per distinct value.
   */
  encode<U>(n: number, f: (value: T) => U): { codes: ArrayLike<number>; values: U[] } {
    const codes = this.codes;
    if (codes !== null) return { codes, values: this.table.map(f) };
    if (this.nums === null && this.plain === null && this.fn === null)
      return { codes: new Uint8Array(n), values: [f(this.table[0]!)] };
    const out = new Int32Array(n);
    const values: U[] = [];
    const index = new Map<T, number>();
    let last: T | undefined;
    let lastCode = -1;
    for (let i = 0; i < n; i++) {
      const v = this.at(i);
      if (v === last && lastCode >= 0) {
        out[i] = lastCode;
        continue;
      }
      let c = index.get(v);
      if (c === undefined) {
        c = values.length;
        values.push(f(v));
        index.set(v, c);
      }
      out[i] = c;
      last = v;
      lastCode = c;
    }
    return { codes: out, values };
  }

  /** The column whose row k is this column's row `rows[k]`. */
  gather(rows: Int32Array): Column<T> {
    const { codes, nums, plain, fn } = this;
    if (codes !== null) {
      const picked =
        codes instanceof Uint16Array ? new Uint16Array(rows.length) : new Int32Array(rows.length);
      for (let k = 0; k < rows.length; k++) picked[k] = codes[rows[k]!]!;
      return new Column(picked, this.table, null, null, null);
    }
    if (nums !== null) {
      const picked = new Float64Array(rows.length);
      for (let k = 0; k < rows.length; k++) picked[k] = nums[rows[k]!]!;
      return new Column(null, [], null, null, picked) as Column<T>;
    }
    if (plain !== null) {
      const picked = new Array<string | null>(rows.length);
      for (let k = 0; k < rows.length; k++) picked[k] = plain[rows[k]!]!;
      return new Column(null, [], picked, this.derive, null);
    }
    if (fn !== null) return Column.computed((k) => fn(rows[k]!));
    return this;
  }

  /** Row i is `fn(i)` (values computed on read). */
  static computed<T>(fn: (i: number) => T): Column<T> {
    return new Column<T>(null, [], null, null, null, fn);
  }

  /** Every row has `value`. */
  static constant<T>(value: T): Column<T> {
    return new Column(null, [value], null, null, null);
  }

  /** Rows as `codes` into `values`. */
  static coded<T>(codes: Uint16Array | Int32Array, values: readonly T[]): Column<T> {
    return new Column(codes, values, null, null, null);
  }

  /** Text rows: `codes` into `values` (0 is blank), or the texts themselves (`plain`), read through `derive`. */
  static text<T>(
    codes: Uint16Array | null,
    values: readonly (string | null)[],
    plain: readonly (string | null)[] | null,
    derive: (text: string | null) => T,
  ): Column<T> {
    return codes !== null
      ? new Column(codes, values.map(derive), null, null, null)
      : new Column(null, [], plain, derive, null);
  }

  /** Number rows (`NaN` is NULL). */
  static numbers(nums: Float64Array): Column<number | null> {
    return new Column<number | null>(null, [], null, null, nums);
  }
}

/** Builds one text column row by row: a code per distinct text, or the texts once there are too many. */
export class TextColumnBuilder {
  /** Code → text; 0 is blank. */
  readonly values: (string | null)[] = [null];
  private readonly index = new Map<string, number>();
  private codes: Uint16Array | null;
  /** The texts, once the column keeps texts and one is not blank (`null` while all are). */
  private plain: (string | null)[] | null = null;
  private length = 0;
  private lastText: string | null = null;
  private lastCode = 0;

  /**
   * @param coded - `false` keeps the texts from the start (columns of ids).
   * @param maxCodes - distinct texts before the column keeps texts instead (at most 65,535).
   * @param capacity - rows expected (room is made for them at once; more still fit).
   */
  constructor(
    coded: boolean,
    private readonly maxCodes = MAX_CODES,
    private readonly capacity = 1024,
  ) {
    this.codes = coded ? new Uint16Array(Math.max(capacity, 16)) : null;
  }

  /** The code of `text` (added when new), 0 for blank, or -1 once the column keeps texts. */
  code(text: string | null): number {
    if (text === null) return 0;
    if (this.codes === null) return -1;
    // Neighbouring rows often repeat a text (one council, one person's rows): compare first.
    if (text === this.lastText) return this.lastCode;
    const known = this.index.get(text);
    if (known !== undefined) {
      this.lastText = text;
      this.lastCode = known;
      return known;
    }
    if (this.values.length > this.maxCodes) {
      this.toPlain();
      return -1;
    }
    this.values.push(text);
    this.index.set(text, this.values.length - 1);
    return this.values.length - 1;
  }

  /** Appends a row: its `code` from {@link code}, or its `text` when the column keeps texts. */
  push(code: number, text: string | null): void {
    const codes = this.codes;
    if (codes === null) {
      if (this.plain === null) {
        if (text === null) {
          this.length++;
          return;
        }
        this.plain = new Array<string | null>(Math.max(this.capacity, this.length * 2)).fill(null);
      }
      this.plain[this.length++] = text;
      return;
    }
    if (this.length === codes.length) {
      const grown = new Uint16Array(codes.length * 2);
      grown.set(codes);
      this.codes = grown;
      grown[this.length++] = code;
      return;
    }
    codes[this.length++] = code;
  }

  private toPlain(): void {
    const codes = this.codes!;
    const plain = new Array<string | null>(this.length);
    for (let i = 0; i < this.length; i++) plain[i] = this.values[codes[i]!]!;
    this.plain = plain;
    this.codes = null;
  }

  /** The column read through `derive` (once per distinct text when coded). */
  column<T>(derive: (text: string | null) => T): Column<T> {
    if (this.codes === null && this.plain === null) return Column.constant(derive(null));
    if (this.plain !== null && this.plain.length > this.length) this.plain.length = this.length;
    return Column.text(
      this.codes === null ? null : this.codes.subarray(0, this.length),
      this.values,
      this.plain,
      derive,
    );
  }
}

/** Builds one number column row by row (`null` stored as NaN; no storage while every row is `null`). */
export class NumberColumnBuilder {
  private nums: Float64Array | null = null;
  private length = 0;

  /** @param capacity - rows expected (room is made for them at the first number; more still fit). */
  constructor(private readonly capacity = 1024) {}

  push(value: number | null): void {
    if (this.nums === null) {
      if (value === null) {
        this.length++;
        return;
      }
      this.nums = new Float64Array(Math.max(this.capacity, this.length * 2, 16)).fill(
        Number.NaN,
        0,
        this.length,
      );
    }
    if (this.length === this.nums.length) {
      const grown = new Float64Array(this.nums.length * 2);
      grown.set(this.nums);
      this.nums = grown;
    }
    this.nums[this.length++] = value === null ? Number.NaN : value;
  }

  column(): Column<number | null> {
    if (this.nums === null) return Column.constant(null);
    return Column.numbers(this.nums.subarray(0, this.length));
  }
}

/** Columns for every field of `T`. */
export type Columns<T> = { readonly [K in keyof T]: Column<T[K]> };

/** A view of row `i`: `T`'s fields read from the columns, plus what the class holds itself. */
export interface RowView {
  /** The row's index in the columns. */
  readonly i: number;
}

/**
 * Defines a getter per column on `proto`, reading row `this.i`. The getters are not
 * enumerable: a view is not a plain record (make one with the materialising function
 * beside each store when a caller wants objects).
 */
export function defineColumnGetters<T>(proto: object, columns: Columns<T>): void {
  for (const field of Object.keys(columns) as (keyof T & string)[])
    Object.defineProperty(proto, field, {
      get: (columns[field] as Column<unknown>).getter(),
      enumerable: false,
      configurable: false,
    });
}
