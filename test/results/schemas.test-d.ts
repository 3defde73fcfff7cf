import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  type AssessmentKindSchema,
  type ConfidenceSchema,
  PUBLISHED_RESULTS,
  type PublishedResultSchema,
  type PublishedResultsSchema,
  compareCouncil,
  type AssessmentKind,
  type CompareIssueCode,
  type Confidence,
  type CouncilComparison,
  type PublishedResult,
  type ValidationResult,
} from '../../src/results/index.js';

describe('results types', () => {
  it('schemas infer the library types', () => {
    expectTypeOf<z.infer<typeof PublishedResultSchema>>().toEqualTypeOf<PublishedResult>();
    expectTypeOf<z.infer<typeof PublishedResultsSchema>>().toEqualTypeOf<
      readonly PublishedResult[]
    >();
    expectTypeOf<z.infer<typeof AssessmentKindSchema>>().toEqualTypeOf<AssessmentKind>();
    expectTypeOf<z.infer<typeof ConfidenceSchema>>().toEqualTypeOf<Confidence>();
  });

  it('the dataset is readonly; a comparison is data or issues', () => {
    // @ts-expect-error readonly
    PUBLISHED_RESULTS[0]!.rating = 'good';
    expectTypeOf(compareCouncil('E09000007')).toEqualTypeOf<
      ValidationResult<CouncilComparison, CompareIssueCode>
    >();
  });
});
