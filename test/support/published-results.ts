import type { QualityStatementScores } from '../../src/scoring/index.js';
import { QUALITY_STATEMENT_IDS } from '../../src/framework/index.js';
import type { QualityStatementScore, Rating } from '../../src/scoring/index.js';

/** A published council result (domain README §3), QS1..QS9 in framework order. */
export interface PublishedResult {
  readonly council: string;
  readonly published: string;
  readonly scores: readonly QualityStatementScore[];
  readonly total: number;
  readonly rating: Rating;
  /** The percentage quoted in CQC's report, where one is. */
  readonly percentage?: number;
}

export const PUBLISHED_RESULTS: readonly PublishedResult[] = [
  { council: 'Birmingham (pilot, indicative)', published: '2023-11-17', scores: [2, 3, 3, 3, 3, 2, 2, 3, 3], total: 24, rating: 'good' },
  { council: 'Nottingham City (pilot, indicative)', published: '2023-11-17', scores: [2, 2, 2, 3, 2, 2, 3, 2, 3], total: 21, rating: 'requires-improvement' },
  { council: 'Hertfordshire', published: '2024-05', scores: [3, 3, 3, 3, 4, 3, 3, 3, 3], total: 28, rating: 'good' },
  { council: 'Hounslow', published: '2024-05-17', scores: [2, 2, 3, 3, 3, 3, 3, 3, 3], total: 25, rating: 'good' },
  { council: 'Surrey', published: '2024-11-20', scores: [2, 3, 3, 3, 3, 3, 2, 3, 3], total: 25, rating: 'good' },
  { council: 'Camden', published: '2025-02-28', scores: [3, 3, 4, 3, 4, 4, 3, 4, 4], total: 32, rating: 'outstanding', percentage: 89 },
  { council: 'Blackpool', published: '2025-08-06', scores: [1, 1, 1, 2, 2, 2, 1, 1, 1], total: 12, rating: 'inadequate' },
  { council: 'Norfolk', published: '2025-12-12', scores: [2, 2, 2, 2, 3, 2, 2, 2, 3], total: 20, rating: 'requires-improvement', percentage: 56 },
];

/** QS1..QS9 scores as a scores object. */
export function scoresOf(values: readonly QualityStatementScore[]): QualityStatementScores {
  return Object.fromEntries(values.map((v, i) => [QUALITY_STATEMENT_IDS[i], v])) as QualityStatementScores;
}

/** Recursively freezes a value (to prove functions do not mutate their input). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
