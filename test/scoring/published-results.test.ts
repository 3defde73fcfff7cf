import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '../../src/scoring/index.js';
import { PUBLISHED_RESULTS, scoresOf } from '../support/published-results.js';

describe('published council results (domain README §3) reproduce their ratings', () => {
  it.each(PUBLISHED_RESULTS.map((r) => [r.council, r] as const))('%s', (_name, result) => {
    const scored = scoreAssessment(scoresOf(result.scores));
    expect(scored.total).toBe(result.total);
    expect(scored.maximum).toBe(36);
    expect(scored.rating).toBe(result.rating);
    if (result.percentage !== undefined) expect(scored.roundedPercentage).toBe(result.percentage);
  });
});
