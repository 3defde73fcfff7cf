import { describe, expect, it } from 'vitest';
import {
  LaAssuranceError,
  improvementsToNextRating,
  isLaAssuranceError,
  ratingForPercentage,
  safeScoreAssessment,
  scoreAssessment,
  scoreEvidenceCategories,
  safeScoreEvidenceCategories,
  QualityStatementScoresSchema,
  type EvidenceCategoryScores,
} from '../../src/scoring/index.js';
import { QUALITY_STATEMENT_IDS } from '../../src/framework/index.js';
import { deepFreeze, scoresOf, PUBLISHED_RESULTS } from '../support/published-results.js';

describe('scoreAssessment', () => {
  it('computes exact and rounded percentages (Camden: 32/36 = 88.9% → 89%)', () => {
    const r = scoreAssessment(scoresOf([3, 3, 4, 3, 4, 4, 3, 4, 4]));
    expect(r.percentage).toBeCloseTo(88.888_888, 5);
    expect(r.roundedPercentage).toBe(89);
    expect(r.band.min).toBe(88);
    expect(r.bandPosition).toBeCloseTo(1 / 12, 10);
    expect(r.partial).toBe(false);
    expect(r.notifySecretaryOfState).toBe(false);
    expect(r.explanation.join(' ')).toContain('Outstanding band (88–100%)');
  });

  it('flags 14/36 = 38.9% as in the gap between bands, and half-up puts it in Requires improvement', () => {
    const r = scoreAssessment(scoresOf([1, 1, 1, 1, 2, 2, 2, 2, 2]));
    expect(r.total).toBe(14);
    expect(r.inBandGap).toBe(true);
    expect(r.rating).toBe('requires-improvement');
    expect(r.explanation.join(' ')).toMatch(/between two published bands/);
    expect(
      scoreAssessment(scoresOf([1, 1, 1, 1, 2, 2, 2, 2, 2]), { rounding: 'none' }).rating,
    ).toBe('inadequate');
  });

  it('does not flag whole-number percentages as gaps (Norfolk 20/36 = 55.6%)', () => {
    expect(scoreAssessment(scoresOf([2, 2, 2, 2, 3, 2, 2, 2, 3])).inBandGap).toBe(false);
  });

  it('gives per-theme totals', () => {
    const r = scoreAssessment(scoresOf([2, 3, 3, 3, 4, 3, 3, 3, 3]));
    expect(r.themes.map((t) => [t.theme, t.total, t.maximum])).toEqual([
      ['working-with-people', 8, 12],
      ['providing-support', 7, 8],
      ['ensuring-safety', 6, 8],
      ['leadership', 6, 8],
    ]);
  });

  it('lists statements scored 1 for notification of the Secretary of State (Blackpool)', () => {
    const r = scoreAssessment(scoresOf([1, 1, 1, 2, 2, 2, 1, 1, 1]));
    expect(r.scoredOne).toEqual([
      'assessing-needs',
      'supporting-people-to-live-healthier-lives',
      'equity-in-experience-and-outcomes',
      'safeguarding',
      'governance-management-and-sustainability',
      'learning-improvement-and-innovation',
    ]);
    expect(r.notifySecretaryOfState).toBe(true);
    expect(r.percentage).toBeCloseTo(33.333, 2);
  });

  it('scores a partial assessment with equal weights', () => {
    const r = scoreAssessment({ safeguarding: 2, 'assessing-needs': 3 });
    expect(r).toMatchObject({
      assessed: 2,
      partial: true,
      total: 5,
      maximum: 8,
      roundedPercentage: 63,
      rating: 'good',
    });
    expect(Object.keys(r.scores)).toEqual(['assessing-needs', 'safeguarding']);
    expect(r.themes.find((t) => t.theme === 'providing-support')?.percentage).toBeUndefined();
  });

  it('labels the band position with cut points given as options', () => {
    const cuts = [
      { from: 0, label: 'lower' },
      { from: 0.5, label: 'upper' },
    ];
    expect(
      scoreAssessment(scoresOf([3, 3, 3, 3, 3, 3, 3, 3, 3]), { bandCutPoints: cuts })
        .bandPositionLabel,
    ).toBe('upper');
    expect(
      scoreAssessment(scoresOf([3, 3, 3, 3, 3, 3, 3, 3, 3])).bandPositionLabel,
    ).toBeUndefined();
  });

  it('throws LaAssuranceError carrying the issues on bad scores', () => {
    let caught: unknown;
    try {
      scoreAssessment({ safeguarding: 5 } as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LaAssuranceError);
    expect(isLaAssuranceError(caught)).toBe(true);
    expect((caught as LaAssuranceError).code).toBe('invalid-scores');
    expect((caught as LaAssuranceError).issues).toEqual([
      {
        code: 'invalid-score',
        path: ['scores', 'safeguarding'],
        message: expect.stringContaining('got 5'),
      },
    ]);
  });

  it('rejects misused options with TypeError/RangeError', () => {
    expect(() => scoreAssessment({ safeguarding: 3 }, { rounding: 'up' as never })).toThrow(
      TypeError,
    );
    expect(() =>
      scoreAssessment({ safeguarding: 3 }, { bandCutPoints: [{ from: 2, label: 'x' }] }),
    ).toThrow(RangeError);
  });
});

describe('safeScoreAssessment names the field and the problem', () => {
  it.each([
    [{ housing: 3 }, 'unknown-quality-statement', ['scores', 'housing']],
    [{ safeguarding: 0 }, 'invalid-score', ['scores', 'safeguarding']],
    [{ safeguarding: 2.5 }, 'invalid-score', ['scores', 'safeguarding']],
    [{ safeguarding: '3' }, 'invalid-score', ['scores', 'safeguarding']],
    [{ safeguarding: null }, 'invalid-score', ['scores', 'safeguarding']],
    [{}, 'no-scores', ['scores']],
    [null, 'invalid-input', ['scores']],
    [[3, 3], 'invalid-input', ['scores']],
    ['3', 'invalid-input', ['scores']],
    [new Map([['safeguarding', 3]]), 'invalid-input', ['scores']],
    [JSON.parse('{"__proto__": 3}'), 'unknown-quality-statement', ['scores', '__proto__']],
  ])('%j → %s', (input, code, path) => {
    const r = safeScoreAssessment(input);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.issues[0]?.code).toBe(code);
      expect(r.issues[0]?.path).toEqual(path);
      expect(r.issues[0]?.message).toContain(path.join('.'));
    }
  });

  it('reports every issue, not just the first', () => {
    const r = safeScoreAssessment({ housing: 1, safeguarding: 9, 'assessing-needs': '2' });
    expect(r.success ? [] : r.issues.map((i) => i.code)).toEqual([
      'unknown-quality-statement',
      'invalid-score',
      'invalid-score',
    ]);
  });

  it('agrees with scoreAssessment on valid input', () => {
    const input = scoresOf([2, 3, 3, 3, 3, 2, 2, 3, 3]);
    expect(safeScoreAssessment(input)).toEqual({ success: true, data: scoreAssessment(input) });
  });
});

describe('ratingForPercentage (CQC bands 25–38, 39–62, 63–87, 88+)', () => {
  it.each([
    [25, 'inadequate'],
    [38, 'inadequate'],
    [38.4, 'inadequate'],
    [38.5, 'requires-improvement'],
    [39, 'requires-improvement'],
    [62, 'requires-improvement'],
    [62.5, 'good'],
    [63, 'good'],
    [87, 'good'],
    [87.5, 'outstanding'],
    [88, 'outstanding'],
    [100, 'outstanding'],
  ] as const)('%d%% → %s', (pct, rating) => {
    expect(ratingForPercentage(pct)).toBe(rating);
  });

  it('bands exactly with rounding none', () => {
    expect(ratingForPercentage(38.9, { rounding: 'none' })).toBe('inadequate');
    expect(ratingForPercentage(87.9, { rounding: 'none' })).toBe('good');
  });

  it('rejects a percentage outside 0–100 as misuse', () => {
    expect(() => ratingForPercentage(101)).toThrow(RangeError);
    expect(() => ratingForPercentage(Number.NaN)).toThrow(RangeError);
  });
});

describe('scoreEvidenceCategories (Dec 2023 method)', () => {
  const cats = (
    a: 1 | 2 | 3 | 4,
    b: 1 | 2 | 3 | 4,
    c: 1 | 2 | 3 | 4,
    d: 1 | 2 | 3 | 4,
  ): EvidenceCategoryScores => ({
    'peoples-experience': a,
    'feedback-from-staff-and-leaders': b,
    'feedback-from-partners': c,
    processes: d,
  });

  it('derives each statement score from its category percentage by the bands', () => {
    const r = scoreEvidenceCategories({
      safeguarding: cats(3, 3, 2, 3),
      'assessing-needs': cats(2, 2, 3, 2),
    });
    expect(r.qualityStatements.map((q) => [q.id, q.total, q.roundedPercentage, q.score])).toEqual([
      ['assessing-needs', 9, 56, 2],
      ['safeguarding', 11, 69, 3],
    ]);
  });

  it('can give an overall percentage the statement scores cannot (Wakefield-style: QS total 22, overall 62%)', () => {
    // Constructed illustration, not Wakefield's unpublished category scores: four statements
    // at 12/16 (→ 3) and five at 9,8,8,8,8/16 (→ 2) give QS total 22 (61%) but categories 89/144 = 62%.
    const input = {
      'assessing-needs': cats(3, 3, 3, 3),
      'supporting-people-to-live-healthier-lives': cats(3, 2, 2, 2),
      'equity-in-experience-and-outcomes': cats(3, 3, 3, 3),
      'care-provision-integration-and-continuity': cats(2, 2, 2, 2),
      'partnerships-and-communities': cats(3, 3, 3, 3),
      'safe-systems-pathways-and-transitions': cats(2, 2, 2, 2),
      safeguarding: cats(3, 3, 3, 3),
      'governance-management-and-sustainability': cats(2, 2, 2, 2),
      'learning-improvement-and-innovation': cats(2, 2, 2, 2),
    };
    const r = scoreEvidenceCategories(input);
    expect(Object.values(r.scores).reduce((a, b) => a + b, 0)).toBe(22);
    expect([r.total, r.maximum, r.roundedPercentage, r.rating]).toEqual([
      89,
      144,
      62,
      'requires-improvement',
    ]);
    const byStatements = scoreEvidenceCategories(input, { aggregate: 'quality-statement-scores' });
    expect([byStatements.total, byStatements.roundedPercentage]).toEqual([22, 61]);
  });

  it('rejects categories not used for councils, unknown categories and bad scores', () => {
    const r = safeScoreEvidenceCategories({
      safeguarding: { observation: 3, vibes: 2, processes: 7 },
      'assessing-needs': {},
    });
    expect(r.success ? [] : r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['evidence-category-not-used', 'scores.safeguarding.observation'],
      ['unknown-evidence-category', 'scores.safeguarding.vibes'],
      ['invalid-score', 'scores.safeguarding.processes'],
      ['no-scores', 'scores.assessing-needs'],
    ]);
  });
});

describe('improvementsToNextRating', () => {
  it('Norfolk (20/36, RI) needs 3 raises to reach Good (23/36 = 64%)', () => {
    const next = improvementsToNextRating(scoresOf([2, 2, 2, 2, 3, 2, 2, 2, 3]));
    expect(next).toMatchObject({
      from: 'requires-improvement',
      to: 'good',
      raisesNeeded: 3,
      targetTotal: 23,
      targetPercentage: 64,
    });
    expect(next?.candidates).toHaveLength(9);
    expect(next?.candidates[0]).toEqual({ id: 'assessing-needs', currentScore: 2, headroom: 2 });
  });

  it('Camden (Outstanding) has no next rating', () => {
    expect(improvementsToNextRating(scoresOf([3, 3, 4, 3, 4, 4, 3, 4, 4]))).toBeUndefined();
  });

  it('Hertfordshire (28/36 = 78%, Good) needs 4 raises to reach 32/36 = 89%', () => {
    const next = improvementsToNextRating(scoresOf([3, 3, 3, 3, 4, 3, 3, 3, 3]));
    expect(next).toMatchObject({ to: 'outstanding', raisesNeeded: 4 });
    expect(next?.candidates.map((c) => c.id)).not.toContain('partnerships-and-communities');
  });

  it('is the minimum: one fewer raise does not reach the next rating', () => {
    for (const r of PUBLISHED_RESULTS) {
      const scores = scoresOf(r.scores);
      const next = improvementsToNextRating(scores);
      if (!next) continue;
      const fewer = scoreAssessment(scores);
      const pctFewer = Math.floor((200 * (fewer.total + next.raisesNeeded - 1) + 36) / 72);
      expect(ratingForPercentage(pctFewer)).toBe(r.rating);
    }
  });
});

describe('input is never mutated', () => {
  it('accepts deeply frozen input', () => {
    const input = deepFreeze(scoresOf([2, 3, 3, 3, 3, 2, 2, 3, 3]));
    expect(() => scoreAssessment(input)).not.toThrow();
    expect(() => improvementsToNextRating(input)).not.toThrow();
    const cats = deepFreeze({ safeguarding: { processes: 3 as const } });
    expect(() => scoreEvidenceCategories(cats)).not.toThrow();
  });
});

describe('zod schemas', () => {
  it('QualityStatementScoresSchema agrees on valid and invalid input', () => {
    expect(
      QualityStatementScoresSchema.safeParse(scoresOf([2, 3, 3, 3, 3, 2, 2, 3, 3])).success,
    ).toBe(true);
    expect(QualityStatementScoresSchema.safeParse({ safeguarding: 5 }).success).toBe(false);
    expect(QualityStatementScoresSchema.safeParse({}).success).toBe(false);
    expect(QualityStatementScoresSchema.safeParse({ [QUALITY_STATEMENT_IDS[0]]: 1 }).success).toBe(
      true,
    );
  });
});
