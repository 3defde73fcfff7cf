// Column storage for the CLD events (issue #12's performance work). A million rows as one
// object each (67–76 fields) cost about 600 bytes a row and seconds of garbage collection;
// here each field is a column: text as 2-byte codes into a dictionary of the texts seen
// (the value lists make most fields a few dozen distinct texts), numbers coded the same
// way or in a Float64Array (NaN for NULL). A value derived from one text (the cleaned value, the ISO
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
    const coded = this.dictionary(f);
    if (coded !== undefined) return coded;
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

  /** A coded column as its codes and `f` of each code's value (no row is read); `undefined` for any other column. */
  dictionary<U>(f: (value: T) => U): { codes: ArrayLike<number>; values: U[] } | undefined {
    return this.codes === null ? undefined : { codes: this.codes, values: this.table.map(f) };
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

/** First year of the dates {@link isoDateSlot} places. */
const SLOT_YEAR_MIN = 1800;
/** Slots for the years 1800–2199, 12 months of 31 days each. */
const ISO_DATE_SLOTS = 400 * 12 * 31;

/**
 * The slot of a `YYYY-MM-DD` text of a year 1800–2199, month 01–12 and day 01–31, or -1 for
 * any other text. Texts with the same slot are the same text, so a date column (a few
 * thousand dates, a new one on most rows) finds codes in a table instead of a `Map`.
 */
function isoDateSlot(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return -1;
  const year =
    digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3);
  const month = digitAt(text, 5) * 10 + digitAt(text, 6);
  const day = digitAt(text, 8) * 10 + digitAt(text, 9);
  // NaN (a character not a digit) fails every comparison.
  if (!(year >= SLOT_YEAR_MIN && year < SLOT_YEAR_MIN + 400 && month >= 1 && month <= 12))
    return -1;
  if (!(day >= 1 && day <= 31)) return -1;
  return ((year - SLOT_YEAR_MIN) * 12 + month - 1) * 31 + day - 1;
}

/** The digit at `i`, or NaN. */
function digitAt(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
}

/**
 * Builds one text column row by row: a code per distinct text, or the texts once there are
 * too many. No storage while every row so far has the same code (one council's code, a
 * column left blank: common in a submission), nor, keeping texts, while every row is blank
 * (see {@link NumberColumnBuilder} on why bytes count).
 */
export class TextColumnBuilder {
  /** Code → text; 0 is blank. */
  readonly values: (string | null)[] = [null];
  private readonly index = new Map<string, number>();
  /** The rows are coded (else the column keeps the texts). */
  private coded: boolean;
  /** Per row, its code; `null` while every row has `sameCode`. */
  private codes: Uint16Array | null = null;
  /** The code of every row so far, while `codes` is `null`. */
  private sameCode = 0;
  /** The texts, once the column keeps texts and one is not blank (`null` while all are). */
  private plain: (string | null)[] | null = null;
  private length = 0;
  private lastText: string | null = null;
  private lastCode = 0;
  /** Codes of `YYYY-MM-DD` texts by {@link isoDateSlot} (0: none yet), made at the first such text. */
  private dateCodes: Uint16Array | null = null;

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
    this.coded = coded;
  }

  /** The code of `text` (added when new), 0 for blank, or -1 once the column keeps texts. */
  code(text: string | null): number {
    if (text === null) return 0;
    if (!this.coded) return -1;
    // Neighbouring rows often repeat a text (one council, one person's rows): compare first.
    if (text === this.lastText) return this.lastCode;
    // A date is found by its digits: no hashing, and no reading of the text it equals.
    const slot = isoDateSlot(text);
    let known: number | undefined;
    if (slot >= 0) {
      this.dateCodes ??= new Uint16Array(ISO_DATE_SLOTS);
      known = this.dateCodes[slot] || undefined; // 0: not seen yet
    } else known = this.index.get(text);
    if (known !== undefined) {
      this.lastText = text;
      this.lastCode = known;
      return known;
    }
    if (this.values.length > this.maxCodes) {
      this.toPlain();
      return -1;
    }
    const code = this.values.length;
    this.values.push(text);
    if (slot >= 0) this.dateCodes![slot] = code;
    else this.index.set(text, code);
    this.lastText = text;
    this.lastCode = code;
    return code;
  }

  /** Appends a row: its `code` from {@link code}, or its `text` when the column keeps texts. */
  push(code: number, text: string | null): void {
    if (!this.coded) {
      if (this.plain === null) {
        if (text === null) {
          this.length++;
          return;
        }
        // Room for every row; only the rows so far are filled (each later row is written).
        this.plain = new Array<string | null>(Math.max(this.capacity, this.length * 2)).fill(
          null,
          0,
          this.length,
        );
      }
      this.plain[this.length++] = text;
      return;
    }
    let codes = this.codes;
    if (codes === null) {
      if (this.length === 0) this.sameCode = code;
      if (code === this.sameCode) {
        this.length++;
        return;
      }
      codes = this.codes = new Uint16Array(Math.max(this.capacity, this.length * 2, 16));
      if (this.sameCode !== 0) codes.fill(this.sameCode, 0, this.length);
    } else if (this.length === codes.length)
      codes = this.codes = grown(codes, new Uint16Array(codes.length * 2));
    codes[this.length++] = code;
  }

  private toPlain(): void {
    const codes = this.codes;
    const plain = new Array<string | null>(this.length);
    for (let i = 0; i < this.length; i++)
      plain[i] = this.values[codes === null ? this.sameCode : codes[i]!]!;
    this.plain = plain;
    this.coded = false;
    this.codes = null;
    this.dateCodes = null;
  }

  /** The column read through `derive` (once per distinct text when coded). */
  column<T>(derive: (text: string | null) => T): Column<T> {
    if (this.coded)
      return this.codes === null
        ? Column.constant(derive(this.values[this.sameCode]!))
        : Column.text(this.codes.subarray(0, this.length), this.values, null, derive);
    if (this.plain === null) return Column.constant(derive(null));
    if (this.plain.length > this.length) this.plain.length = this.length;
    return Column.text(null, this.values, this.plain, derive);
  }
}

/**
 * Builds one number column row by row (`null`, and NaN, are NULL). The storage fits the
 * values, because at a million rows every byte counts twice: fresh memory is slow to touch,
 * and V8 marks the whole heap (the caller's rows too) for each 64 MB of typed arrays made.
 * So: nothing while every row is NULL; nothing while row i holds i + 1, for a builder made
 * `sequential` (row numbers, until a row is rejected); 2-byte codes into the distinct
 * numbers while there are at most 65,535 (ages, years, costs); else a Float64Array (NaN
 * for NULL).
 */
export class NumberColumnBuilder {
  private length = 0;
  /** Every row so far holds its row number (i + 1). */
  private sequence: boolean;
  /** Per row, a code into `values` (0 is NULL); `null` until the first number (or once `nums` holds the rows). */
  private codes: Uint16Array | null = null;
  /** Code → number; 0 is NULL. */
  private readonly values: (number | null)[] = [null];
  private readonly index = new Map<number, number>();
  private lastValue = Number.NaN;
  private lastCode = 0;
  /** The numbers themselves (NaN for NULL), once the rows are not coded. */
  private nums: Float64Array | null = null;

  /**
   * @param capacity - rows expected (room is made for them at the first number; more still fit).
   * @param sequential - expect row i to hold i + 1 (kept without storage while it does).
   */
  constructor(
    private readonly capacity = 1024,
    sequential = false,
  ) {
    this.sequence = sequential;
  }

  push(value: number | null): void {
    if (this.sequence) {
      if (value === this.length + 1) {
        this.length++;
        return;
      }
      this.toNumbers();
    }
    const nums = this.nums;
    if (nums !== null) {
      if (this.length === nums.length) this.nums = grown(nums, new Float64Array(nums.length * 2));
      this.nums![this.length++] = value === null ? Number.NaN : value;
      return;
    }
    if (value === null || Number.isNaN(value)) {
      const codes = this.codes;
      if (codes !== null && this.length === codes.length)
        this.codes = grown(codes, new Uint16Array(codes.length * 2));
      this.length++; // codes start at 0: NULL
      return;
    }
    // -0 and 0 would share a code (Map keys are compared as SameValueZero): keep numbers.
    if (value === 0 && 1 / value < 0) {
      this.toNumbers();
      this.push(value);
      return;
    }
    let code = this.lastCode;
    if (value !== this.lastValue) {
      const known = this.index.get(value);
      if (known !== undefined) code = known;
      else if (this.values.length > MAX_CODES) {
        this.toNumbers();
        this.push(value);
        return;
      } else {
        code = this.values.length;
        this.values.push(value);
        this.index.set(value, code);
      }
      this.lastValue = value;
      this.lastCode = code;
    }
    let codes = this.codes;
    if (codes === null)
      codes = this.codes = new Uint16Array(Math.max(this.capacity, this.length * 2, 16));
    else if (this.length === codes.length)
      codes = this.codes = grown(codes, new Uint16Array(codes.length * 2));
    codes[this.length++] = code;
  }

  /** Moves the rows so far into `nums`. */
  private toNumbers(): void {
    const nums = new Float64Array(Math.max(this.capacity, this.length * 2, 16));
    const { codes, values } = this;
    for (let i = 0; i < this.length; i++)
      nums[i] = this.sequence
        ? i + 1
        : codes === null
          ? Number.NaN
          : (values[codes[i]!] ?? Number.NaN);
    this.nums = nums;
    this.sequence = false;
    this.codes = null;
    this.index.clear();
  }

  column(): Column<number | null> {
    if (this.sequence) return Column.computed((i) => i + 1);
    if (this.nums !== null) return Column.numbers(this.nums.subarray(0, this.length));
    if (this.codes !== null) return Column.coded(this.codes.subarray(0, this.length), this.values);
    return Column.constant(null);
  }
}

/** `bigger` with `array` copied into its start. */
function grown<A extends Uint16Array | Float64Array>(array: A, bigger: A): A {
  bigger.set(array);
  return bigger;
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
