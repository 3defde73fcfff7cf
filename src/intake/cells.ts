import { normaliseLabel } from '../internal/normalise-label.js';
import { closest } from './suggest.js';
import type { LabelTable } from './labels.js';

// Cell readers for values as systems write them: flags and published labels, each with a
// near-miss suggestion when a value is not recognised.

/** A cell read as its field's value, or why not (with a suggestion when one is close). */
export type CellReading<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

const FLAG_WORDS: Readonly<Record<string, boolean>> = {
  y: true,
  yes: true,
  true: true,
  '1': true,
  n: false,
  no: false,
  false: false,
  '0': false,
};
const FLAG_KEYS = Object.keys(FLAG_WORDS)
  .filter((k) => k.length > 1)
  .map((k) => [k, k === 'yes' ? 'Yes' : k === 'no' ? 'No' : k] as const);

/**
 * Reads a yes/no flag as systems write it: `Y`/`N`, `Yes`/`No`, `true`/`false`, `1`/`0`
 * (any case, surrounding spaces ignored); `undefined` for anything else.
 *
 * @example
 * ```ts
 * import { parseFlagCell } from 'la-assurance/intake';
 *
 * parseFlagCell('Yes'); // true
 * parseFlagCell('n');   // false
 * parseFlagCell('Unknown'); // undefined
 * ```
 */
export function parseFlagCell(text: string): boolean | undefined {
  return FLAG_WORDS[text.trim().toLowerCase()];
}

/** Reads a flag, explaining a value that is not one. */
export function readFlag(text: string): CellReading<boolean> {
  const value = parseFlagCell(text);
  if (value !== undefined) return { ok: true, value };
  const guess = closest(text.trim().toLowerCase(), FLAG_KEYS);
  return {
    ok: false,
    reason: `expected Y/N, Yes/No, true/false or 1/0${guess !== undefined ? ` (did you mean "${guess}"?)` : ''}`,
  };
}

// Distinct raw values remembered per matcher: exports repeat a few dozen labels a million
// times, so each is folded once. Bounded, so memory stays flat on pathological input.
const MEMO_LIMIT = 4096;

/**
 * Matches published labels (any case, punctuation and `&`/"and" folded) to ids, with a
 * "did you mean" suggestion for near misses. The ids themselves are accepted too.
 */
export class LabelMatcher<Id extends string> {
  private readonly byKey = new Map<string, Id>();
  private readonly known: readonly (readonly [string, string])[];
  private readonly without: ReadonlySet<string>;
  private readonly memo = new Map<string, CellReading<Id>>();

  constructor(
    table: LabelTable<Id>,
    ids: readonly Id[],
    without: readonly string[],
    private readonly noun: string,
  ) {
    for (const id of ids) this.byKey.set(normaliseLabel(id), id);
    for (const [label, id] of table) this.byKey.set(normaliseLabel(label), id);
    this.known = [
      ...table.map(([label]) => [normaliseLabel(label), label] as const),
      ...ids.map((id) => [normaliseLabel(id), id] as const),
    ];
    this.without = new Set(without.map(normaliseLabel));
  }

  /** The id of a label, or why there is none. */
  read(text: string): CellReading<Id> {
    const remembered = this.memo.get(text);
    if (remembered !== undefined) return remembered;
    const reading = this.fold(text);
    if (this.memo.size < MEMO_LIMIT) this.memo.set(text, reading);
    return reading;
  }

  private fold(text: string): CellReading<Id> {
    const key = normaliseLabel(text);
    const id = this.byKey.get(key);
    if (id !== undefined) return { ok: true, value: id };
    if (this.without.has(key))
      return {
        ok: false,
        reason: `"${text.trim()}" is a published value with no ${this.noun} in the case record; correct the row or leave the case out`,
      };
    const guess = closest(key, this.known);
    return {
      ok: false,
      reason: `not a known ${this.noun}${guess !== undefined ? `; did you mean "${guess}"?` : ''}`,
    };
  }
}
