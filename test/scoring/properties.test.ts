import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUALITY_STATEMENT_IDS } from '../../src/framework/index.js';
import {
  RATINGS,
  safeScoreAssessment,
  safeScoreEvidenceCategories,
  scoreAssessment,
  type QualityStatementScores,
} from '../../src/scoring/index.js';
import { deepFreeze } from '../support/published-results.js';

const score = fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const);
const scores: fc.Arbitrary<QualityStatementScores> = fc
  .record(
    Object.fromEntries(QUALITY_STATEMENT_IDS.map((id) => [id, score])) as Record<
      (typeof QUALITY_STATEMENT_IDS)[number],
      fc.Arbitrary<1 | 2 | 3 | 4>
    >,
    {
      requiredKeys: [],
    },
  )
  .filter((s) => Object.keys(s).length > 0);
const rounding = fc.constantFrom('half-up' as const, 'none' as const);

describe('scoring laws', () => {
  it('raising any score never lowers the rating', () => {
    fc.assert(
      fc.property(scores, rounding, fc.nat(), (s, r, pick) => {
        const keys = Object.keys(s) as (keyof QualityStatementScores)[];
        const key = keys[pick % keys.length]!;
        const current = s[key]!;
        if (current === 4) return;
        const raised = { ...s, [key]: (current + 1) as 1 | 2 | 3 | 4 };
        expect(
          RATINGS.indexOf(scoreAssessment(raised, { rounding: r }).rating),
        ).toBeGreaterThanOrEqual(RATINGS.indexOf(scoreAssessment(s, { rounding: r }).rating));
      }),
    );
  });

  it('the percentage is always within [25, 100]', () => {
    fc.assert(
      fc.property(scores, (s) => {
        const { percentage, roundedPercentage, bandPosition } = scoreAssessment(s);
        expect(percentage).toBeGreaterThanOrEqual(25);
        expect(percentage).toBeLessThanOrEqual(100);
        expect(roundedPercentage).toBeGreaterThanOrEqual(25);
        expect(bandPosition).toBeGreaterThanOrEqual(0);
        expect(bandPosition).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('does not depend on key order', () => {
    fc.assert(
      fc.property(scores, fc.nat(), (s, seed) => {
        const entries = Object.entries(s);
        const shuffled = entries
          .map((e, i) => [e, (i * 7919 + seed) % 101] as const)
          .sort((a, b) => a[1] - b[1])
          .map(([e]) => e);
        expect(scoreAssessment(Object.fromEntries(shuffled) as QualityStatementScores)).toEqual(
          scoreAssessment(s),
        );
      }),
    );
  });

  it('never mutates frozen input', () => {
    fc.assert(
      fc.property(scores, (s) => {
        const copy = structuredClone(s);
        scoreAssessment(deepFreeze(s));
        expect(s).toEqual(copy);
      }),
    );
  });

  it('safe functions never throw on arbitrary values, including __proto__ keys', () => {
    const arbitrary = fc.oneof(
      fc.anything({
        withNullPrototype: true,
        withObjectString: true,
        withBoxedValues: true,
        withMap: true,
        withSet: true,
        withDate: true,
      }),
      fc.dictionary(
        fc.constantFrom('__proto__', 'constructor', 'safeguarding', 'assessing-needs', 'toString'),
        fc.anything(),
      ),
    );
    fc.assert(
      fc.property(arbitrary, (value) => {
        const r = safeScoreAssessment(value);
        const e = safeScoreEvidenceCategories(value);
        expect(typeof r.success).toBe('boolean');
        expect(typeof e.success).toBe('boolean');
        if (!r.success) expect(r.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
