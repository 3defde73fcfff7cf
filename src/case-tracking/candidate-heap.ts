// A bounded max-heap keeping the `capacity` candidates of lowest (priority, id): the
// streaming core of the selection. Its final content is the same set whatever order the
// candidates arrive in (ties of equal priority are broken by id), which is what makes the
// selection order-invariant.

/** A record that reached at least one candidate list. @internal */
export interface Candidate {
  readonly priority: number;
  readonly id: string;
  readonly position: number;
  readonly record: unknown;
  /** The record's signature (its categories, flags and date-rule matches). */
  readonly signature: number;
}

/** Whether candidate key (p, id) sorts before (q, other). @internal */
export function before(p: number, id: string, q: number, other: string): boolean {
  return p < q || (p === q && id < other);
}

/** @internal */
export class CandidateHeap {
  readonly items: Candidate[] = [];
  constructor(readonly capacity: number) {}

  /** Whether a record with key (p, id) would enter the heap. */
  accepts(p: number, id: string): boolean {
    if (this.items.length < this.capacity) return true;
    const top = this.items[0];
    if (top === undefined) return false;
    return before(p, id, top.priority, top.id);
  }

  /** The highest priority a record can have and still enter (Infinity while not full). */
  threshold(): number {
    return this.items.length < this.capacity ? Infinity : (this.items[0]?.priority ?? -Infinity);
  }

  /** Adds a candidate that `accepts` allowed. */
  add(c: Candidate): void {
    const a = this.items;
    if (a.length < this.capacity) {
      a.push(c);
      let i = a.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(a[parent]!.priority, a[parent]!.id, c.priority, c.id)) break;
        a[i] = a[parent]!;
        i = parent;
      }
      a[i] = c;
      return;
    }
    // Replace the largest and sift down.
    let i = 0;
    const n = a.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const big = r < n && before(a[l]!.priority, a[l]!.id, a[r]!.priority, a[r]!.id) ? r : l;
      if (!before(c.priority, c.id, a[big]!.priority, a[big]!.id)) break;
      a[i] = a[big]!;
      i = big;
    }
    a[i] = c;
  }

  /** The candidates in ascending (priority, id) order, leaving out `excluded` ids. */
  sorted(excluded: ReadonlySet<string>): Candidate[] {
    return this.items
      .filter((c) => !excluded.has(c.id))
      .sort((x, y) => (before(x.priority, x.id, y.priority, y.id) ? -1 : 1));
  }
}
