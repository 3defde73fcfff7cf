import { QUALITY_STATEMENT_IDS } from '../framework/quality-statements.js';
import type { AssessmentKind, PublishedResult } from './model.js';

/** A value a newer row changes: it had one value and now has another, or none. */
export interface ResultConflict {
  /** The council's ONS code. */
  readonly council: string;
  /** The assessment kind. */
  readonly kind: AssessmentKind;
  /** The field: `'rating'`, `'published'`, `'publishedPercentage'`, `'reportUrl'`, or `'scores.<quality statement id>'`. */
  readonly field: string;
  /** The earlier row's value. */
  readonly before: string | number;
  /** The newer row's value (`undefined`: the newer row does not have it). */
  readonly after: string | number | undefined;
}

/** What {@link mergeResults} did. */
export interface MergedResults {
  /** The combined table, sorted by council code, pilot before formal. */
  readonly results: readonly PublishedResult[];
  /** Rows of `newer` for a council and kind that `base` did not have. */
  readonly added: number;
  /** Rows of `base` (or earlier rows of `newer`) that a later row replaced. */
  readonly replaced: number;
  /** Every value a replacement changed or dropped (a newer row filling a gap is not a conflict). */
  readonly conflicts: readonly ResultConflict[];
}

const COMPARED = ['rating', 'published', 'publishedPercentage', 'reportUrl'] as const;

function conflictsBetween(before: PublishedResult, after: PublishedResult): ResultConflict[] {
  const out: ResultConflict[] = [];
  const { council, kind } = after;
  for (const field of COMPARED) {
    const was = before[field];
    if (was !== undefined && after[field] !== was)
      out.push({ council, kind, field, before: was, after: after[field] });
  }
  for (const id of QUALITY_STATEMENT_IDS) {
    const was = before.scores[id];
    if (was !== undefined && after.scores[id] !== was)
      out.push({ council, kind, field: `scores.${id}`, before: was, after: after.scores[id] });
  }
  return out;
}

/**
 * Combines a results table with a newer one (your own scrape, a later release): a row for
 * the same council and assessment kind replaces the earlier row whole, and every value it
 * changes or drops is reported as a conflict, so nothing changes silently. Rows are
 * taken in order, so a later row within `newer` also replaces an earlier one. Neither input
 * is changed.
 *
 * @example
 * ```ts
 * import { mergeResults, PUBLISHED_RESULTS } from 'la-assurance/results';
 *
 * const york = { council: 'E06000014', kind: 'formal', rating: 'good', scores: {}, source: 'my scrape', confidence: 'low' } as const;
 * const merged = mergeResults(PUBLISHED_RESULTS, [york]);
 * merged.replaced; // 1
 * merged.conflicts[0]?.field; // 'rating'
 * ```
 */
export function mergeResults(
  base: readonly PublishedResult[],
  newer: readonly PublishedResult[],
): MergedResults {
  const byKey = new Map<string, PublishedResult>();
  const conflicts: ResultConflict[] = [];
  let added = 0;
  let replaced = 0;
  for (const row of base) {
    const key = `${row.council} ${row.kind}`;
    const earlier = byKey.get(key);
    if (earlier) {
      replaced++;
      conflicts.push(...conflictsBetween(earlier, row));
    }
    byKey.set(key, row);
  }
  for (const row of newer) {
    const key = `${row.council} ${row.kind}`;
    const earlier = byKey.get(key);
    if (earlier) {
      replaced++;
      conflicts.push(...conflictsBetween(earlier, row));
    } else added++;
    byKey.set(key, row);
  }
  const results = [...byKey.values()].sort((a, b) =>
    a.council === b.council
      ? a.kind === b.kind
        ? 0
        : a.kind === 'pilot'
          ? -1
          : 1
      : a.council < b.council
        ? -1
        : 1,
  );
  return Object.freeze({
    results: Object.freeze(results),
    added,
    replaced,
    conflicts: Object.freeze(conflicts.map((c) => Object.freeze(c))),
  });
}
