import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  QualityStatementScoresSchema,
  RatingSchema,
  EvidenceCategoryScoresByStatementSchema,
  EvidenceCategoryScoresByStatement,
  QualityStatementScores,
  Rating,
} from '../../src/scoring/index.js';

describe('zod schemas infer the library types', () => {
  it('agree', () => {
    expectTypeOf<
      z.infer<typeof QualityStatementScoresSchema>
    >().toEqualTypeOf<QualityStatementScores>();
    expectTypeOf<z.infer<typeof RatingSchema>>().toEqualTypeOf<Rating>();
    expectTypeOf<
      z.infer<typeof EvidenceCategoryScoresByStatementSchema>
    >().toEqualTypeOf<EvidenceCategoryScoresByStatement>();
  });
});
