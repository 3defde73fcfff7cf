import * as z from 'zod';
import { QUALITY_STATEMENT_IDS } from '../framework/quality-statements.js';
import { CouncilCodeSchema } from '../councils/schemas.js';
import { QualityStatementScoreSchema, RatingSchema } from '../scoring/schemas.js';
import type { QualityStatementScores } from '../scoring/assessment-result.js';
import {
  ASSESSMENT_KINDS,
  CONFIDENCE_LEVELS,
  type AssessmentKind,
  type Confidence,
  type PublishedResult,
} from './model.js';

// Typed as `z.ZodType<…>` so the API reference shows what a schema parses;
// test/results/schemas.test-d.ts checks the inferred types equal the library's own.

/** zod schema for {@link AssessmentKind}. */
export const AssessmentKindSchema: z.ZodType<AssessmentKind> = z.enum(ASSESSMENT_KINDS);

/** zod schema for {@link Confidence}. */
export const ConfidenceSchema: z.ZodType<Confidence> = z.enum(CONFIDENCE_LEVELS);

/** Whether `YYYY`, `YYYY-MM` or `YYYY-MM-DD` names a real year, month or day. */
function realPeriod(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number);
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y!, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** zod schema for a publication date as precise as known: `'YYYY-MM-DD'`, `'YYYY-MM'` or `'YYYY'`. */
export const PublicationSchema: z.ZodType<string> = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'expected YYYY-MM-DD, YYYY-MM or YYYY')
  .refine(realPeriod, { message: 'not a real month or day' });

const ScoresSchema: z.ZodType<QualityStatementScores> = z.partialRecord(
  z.enum(QUALITY_STATEMENT_IDS),
  QualityStatementScoreSchema,
);

/** zod schema for one {@link PublishedResult} row. Unknown keys are rejected (a misspelt field would otherwise be lost). */
export const PublishedResultSchema: z.ZodType<PublishedResult> = z
  .strictObject({
    council: CouncilCodeSchema,
    kind: AssessmentKindSchema,
    published: PublicationSchema.optional(),
    rating: RatingSchema.optional(),
    scores: ScoresSchema,
    publishedPercentage: z.number().int().min(25).max(100).optional(),
    reportUrl: z.url().optional(),
    source: z.string().min(1),
    confidence: ConfidenceSchema,
    note: z.string().optional(),
  })
  .readonly();

/** zod schema for a results table: an array of {@link PublishedResult} rows. */
export const PublishedResultsSchema: z.ZodType<readonly PublishedResult[]> = z
  .array(PublishedResultSchema)
  .readonly();
