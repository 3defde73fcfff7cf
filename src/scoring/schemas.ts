import * as z from 'zod';
import { QUALITY_STATEMENT_IDS } from '../framework/quality-statements.js';
import { LOCAL_AUTHORITY_EVIDENCE_CATEGORY_IDS } from '../framework/evidence-categories.js';
import type { QualityStatementScores } from './assessment-result.js';
import type { EvidenceCategoryScoresByStatement } from './evidence-category-method.js';
import { RATINGS, type QualityStatementScore, type Rating } from './ratings.js';

// Typed as `z.ZodType<…>` so the API reference shows what a schema parses, not zod's internals;
// test/scoring/schemas.test-d.ts checks the inferred types equal the library's own.

/** zod schema for a quality statement score (the integers 1–4). */
export const QualityStatementScoreSchema: z.ZodType<QualityStatementScore> = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
]);

/** zod schema for {@link Rating}. */
export const RatingSchema: z.ZodType<Rating> = z.enum(RATINGS);

/**
 * zod schema for quality statement scores (a subset of the nine ids, each 1–4), for
 * composing into your own schemas. `safeScoreAssessment` gives more specific issues.
 */
export const QualityStatementScoresSchema: z.ZodType<QualityStatementScores> = z
  .partialRecord(z.enum(QUALITY_STATEMENT_IDS), QualityStatementScoreSchema)
  .refine((scores) => Object.keys(scores).length > 0, {
    message: 'score at least one quality statement',
  });

/** zod schema for evidence-category scores keyed by quality statement id. */
export const EvidenceCategoryScoresByStatementSchema: z.ZodType<EvidenceCategoryScoresByStatement> =
  z.partialRecord(
    z.enum(QUALITY_STATEMENT_IDS),
    z.partialRecord(z.enum(LOCAL_AUTHORITY_EVIDENCE_CATEGORY_IDS), QualityStatementScoreSchema),
  );
