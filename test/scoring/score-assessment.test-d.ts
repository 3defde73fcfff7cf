import { describe, expectTypeOf, it } from 'vitest';
import { scoreAssessment, type AssessmentScore, type Rating } from '../../src/scoring/index.js';
import type { QualityStatementId } from '../../src/framework/index.js';

describe('scoreAssessment types', () => {
  it('accepts known ids with scores 1–4', () => {
    expectTypeOf(
      scoreAssessment({ safeguarding: 4, 'assessing-needs': 1 }),
    ).toEqualTypeOf<AssessmentScore>();
    expectTypeOf<AssessmentScore['rating']>().toEqualTypeOf<Rating>();
    expectTypeOf<AssessmentScore['scoredOne']>().toEqualTypeOf<readonly QualityStatementId[]>();
  });

  it('rejects an unknown id and a score of 5 at compile time', () => {
    // @ts-expect-error 'housing' is not a quality statement id
    scoreAssessment({ housing: 3 });
    // @ts-expect-error 5 is not a quality statement score
    scoreAssessment({ safeguarding: 5 });
    // @ts-expect-error a string is not a score
    scoreAssessment({ safeguarding: '3' });
  });
});
