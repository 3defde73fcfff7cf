import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '../../src/scoring/index.js';
import { PUBLISHED_RESULTS, scoresOf } from '../support/published-results.js';

describe('published council results (the shipped dataset, la-assurance/results) reproduce their ratings', () => {
  it.each(PUBLISHED_RESULTS.map((r) => [r.council, r] as const))('%s', (_name, result) => {
    const scored = scoreAssessment(scoresOf(result.scores));
    expect(scored.total).toBe(result.total);
    expect(scored.maximum).toBe(36);
    expect(scored.rating).toBe(result.rating);
    if (result.percentage !== undefined) expect(scored.roundedPercentage).toBe(result.percentage);
  });
});

it('the vectors are the 74 formal results with all nine scores and a rating (75 scored, County Durham has no rating)', () => {
  // Counted from data/cqc_la_assessments.csv: 75 formal rows with qs1..qs9 filled; County Durham's rating cell is blank.
  expect(PUBLISHED_RESULTS).toHaveLength(74);
});
