import type { QualityStatementScores } from '../../src/scoring/index.js';
import { QUALITY_STATEMENT_IDS } from '../../src/framework/index.js';
import type { QualityStatementScore, Rating } from '../../src/scoring/index.js';
import { COUNCILS } from '../../src/councils/index.js';
import { PUBLISHED_RESULTS as SHIPPED } from '../../src/results/index.js';

/** A published council result with all nine scores, QS1..QS9 in framework order. */
export interface PublishedResult {
  readonly council: string;
  readonly published: string | undefined;
  readonly scores: readonly QualityStatementScore[];
  readonly total: number;
  readonly rating: Rating;
  /** The percentage CQC quoted, where a source gave one that total ÷ 36 reproduces. */
  readonly percentage?: number;
}

// Published percentages that no whole total over 36 gives (probably evidence-category
// scoring); test/results/check.test.ts names them. The scoring vectors leave them out.
const NOT_REPRODUCIBLE = new Set([
  'E08000036' /* Wakefield 62 */,
  'E06000024' /* North Somerset 59 */,
]);

/**
 * Test vectors for scoring: every formal result in the shipped dataset (`la-assurance/results`,
 * generated from data/cqc_la_assessments.csv) with all nine scores and a rating — the one
 * source of truth for published results.
 */
export const PUBLISHED_RESULTS: readonly PublishedResult[] = SHIPPED.filter(
  (r) =>
    r.kind === 'formal' &&
    r.rating !== undefined &&
    QUALITY_STATEMENT_IDS.every((id) => r.scores[id] !== undefined),
).map((r) => {
  const scores = QUALITY_STATEMENT_IDS.map((id) => r.scores[id]!);
  return {
    council: COUNCILS.find((c) => c.code === r.council)!.name,
    published: r.published,
    scores,
    total: scores.reduce((a: number, b) => a + b, 0),
    rating: r.rating!,
    ...(r.publishedPercentage !== undefined && !NOT_REPRODUCIBLE.has(r.council)
      ? { percentage: r.publishedPercentage }
      : {}),
  };
});

/** QS1..QS9 scores as a scores object. */
export function scoresOf(values: readonly QualityStatementScore[]): QualityStatementScores {
  return Object.fromEntries(
    values.map((v, i) => [QUALITY_STATEMENT_IDS[i], v]),
  ) as QualityStatementScores;
}

/** Recursively freezes a value (to prove functions do not mutate their input). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value))
      deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
