// Exact sentences, messages and band edges of the scoring module: written to kill the
// mutants that survived the mutation run of issue 15 (docs/testing.md). Every expected
// number is worked out by hand in the comment beside it.
import { describe, expect, it } from 'vitest';
import {
  LOCAL_AUTHORITY_EVIDENCE_CATEGORY_IDS,
  QUALITY_STATEMENT_IDS,
} from '../../src/framework/index.js';
import {
  improvementsToNextRating,
  ratingForPercentage,
  safeScoreAssessment,
  safeScoreEvidenceCategories,
  scoreAssessment,
  scoreEvidenceCategories,
  type QualityStatementScores,
} from '../../src/scoring/index.js';

const all = (scores: readonly (1 | 2 | 3 | 4)[]) =>
  Object.fromEntries(scores.map((s, i) => [QUALITY_STATEMENT_IDS[i], s])) as QualityStatementScores;

/** 25 evidence-category scores (6 statements × 4 categories + 1) with `ones` scored 1 and the rest 2: maximum 100, so the percentage is the total. */
function hundredPointCategories(ones: number) {
  const out: Record<string, Record<string, number>> = {};
  let n = 0;
  for (const id of QUALITY_STATEMENT_IDS.slice(0, 7)) {
    out[id] = {};
    for (const c of LOCAL_AUTHORITY_EVIDENCE_CATEGORY_IDS) {
      if (n === 25) break;
      out[id][c] = n < ones ? 1 : 2;
      n++;
    }
  }
  return out;
}

describe("rounding: 'none' bands the exact percentage", () => {
  it('14 of 36 = 38.9%: Inadequate without rounding, Requires improvement rounded half-up, and says it is in the gap', () => {
    const scores = all([2, 2, 2, 2, 2, 1, 1, 1, 1]); // 5 × 2 + 4 × 1 = 14
    const none = scoreAssessment(scores, { rounding: 'none' });
    expect([none.rating, none.rounding, none.inBandGap, none.bandPosition]).toEqual([
      'inadequate',
      'none',
      true,
      1,
    ]); // (38.9 − 25) / 13 > 1, clamped
    expect(none.explanation).toEqual([
      'Quality statement total 14 of 36 = 38.9%.',
      'Banded without rounding: 38.9% is in the Inadequate band (from 25%).',
      "38.9% lies between two published bands; the rounding rule ('none', a modelled default) decides the rating.",
      'Scored 1 (significant shortfalls), which triggers notification of the Secretary of State: QS6 Safe systems, pathways and transitions; QS7 Safeguarding; QS8 Governance, management and sustainability; QS9 Learning, improvement and innovation.',
    ]);
    expect(scoreAssessment(scores).rating).toBe('requires-improvement'); // 38.9 → 39
  });

  it('a lower band edge reached exactly counts (39 of 100 = 39%), one point below does not, and neither is in a gap', () => {
    const at = scoreEvidenceCategories(hundredPointCategories(11) as never, { rounding: 'none' }); // 11 × 1 + 14 × 2 = 39 of 25 × 4 = 100
    expect([at.total, at.maximum, at.percentage, at.rating, at.inBandGap, at.bandPosition]).toEqual(
      [39, 100, 39, 'requires-improvement', false, 0],
    );
    const below = scoreEvidenceCategories(hundredPointCategories(12) as never, {
      rounding: 'none',
    }); // 12 + 26 = 38
    expect([below.total, below.rating, below.inBandGap, below.bandPosition]).toEqual([
      38,
      'inadequate',
      false,
      1,
    ]); // (38 − 25) / 13 = 1
    expect(scoreEvidenceCategories(hundredPointCategories(12) as never).rating).toBe('inadequate'); // 38 stays 38 half-up
  });

  it('ratingForPercentage: the edges, with and without rounding', () => {
    expect(
      [0, 25, 38, 38.5, 39, 62.4, 62.5, 63, 87.5, 88, 100].map((p) => ratingForPercentage(p)),
    ).toEqual([
      'inadequate',
      'inadequate',
      'inadequate',
      'requires-improvement',
      'requires-improvement',
      'requires-improvement',
      'good',
      'good',
      'outstanding',
      'outstanding',
      'outstanding',
    ]);
    expect(
      [38.5, 38.99, 39, 62.5, 87.9, 88].map((p) => ratingForPercentage(p, { rounding: 'none' })),
    ).toEqual([
      'inadequate',
      'inadequate',
      'requires-improvement',
      'requires-improvement',
      'good',
      'outstanding',
    ]);
    expect(() => ratingForPercentage(-0.1)).toThrow(
      new RangeError('percentage must be a number from 0 to 100; got -0.1'),
    );
    expect(() => ratingForPercentage(100.1)).toThrow(RangeError);
    expect(() => ratingForPercentage(Number.NaN)).toThrow(RangeError);
    expect(() => ratingForPercentage('50' as never)).toThrow(RangeError);
  });
});

describe('explanations, word for word', () => {
  it('a partial assessment with a statement scored 1 (3 of 8 = 37.5% → 38%, Inadequate)', () => {
    const r = scoreAssessment({ safeguarding: 1, 'assessing-needs': 2 });
    expect([r.assessed, r.partial, r.notifySecretaryOfState, r.scoredOne]).toEqual([
      2,
      true,
      true,
      ['safeguarding'],
    ]);
    expect(r.explanation).toEqual([
      'Partial assessment: 2 of 9 quality statements scored, each weighted equally.',
      'Quality statement total 3 of 8 = 37.5%.',
      'Rounded half-up to 38%, which falls in the Inadequate band (25–38%).',
      'Scored 1 (significant shortfalls), which triggers notification of the Secretary of State: QS7 Safeguarding.',
    ]);
  });

  it('a complete assessment with nothing scored 1 has two sentences (27 of 36 = 75%, Good)', () => {
    const r = scoreAssessment(all([3, 3, 3, 3, 3, 3, 3, 3, 3]));
    expect([r.partial, r.notifySecretaryOfState, r.explanation]).toEqual([
      false,
      false,
      [
        'Quality statement total 27 of 36 = 75%.',
        'Rounded half-up to 75%, which falls in the Good band (63–87%).',
      ],
    ]);
    expect(r.themes.map((t) => [t.theme, t.assessed, t.total, t.maximum])).toEqual([
      ['working-with-people', 3, 9, 12],
      ['providing-support', 2, 6, 8],
      ['ensuring-safety', 2, 6, 8],
      ['leadership', 2, 6, 8],
    ]);
  });

  it('a statement scored 1 notifies the Secretary of State even when the rating is Outstanding', () => {
    const r = scoreAssessment(all([1, 4, 4, 4, 4, 4, 4, 4, 4])); // 1 + 8 × 4 = 33 of 36 = 91.7% → 92%
    expect([r.rating, r.scoredOne, r.notifySecretaryOfState]).toEqual([
      'outstanding',
      ['assessing-needs'],
      true,
    ]);
    expect(scoreAssessment(all([2, 2, 2, 2, 2, 2, 2, 2, 2])).notifySecretaryOfState).toBe(false); // 18 of 36 = 50%, nothing scored 1
    // 7 × 2 + 2 × 1 = 16 of 36 = 44.4%: Requires improvement, and two statements scored 1.
    expect(scoreAssessment(all([2, 2, 2, 2, 2, 2, 2, 1, 1])).notifySecretaryOfState).toBe(true);
  });

  it('the evidence-category method names its aggregate (5 of 8 = 62.5% → 63%, Good; the statement scores 3)', () => {
    const input = { safeguarding: { 'peoples-experience': 3, processes: 2 } } as const;
    const byCategory = scoreEvidenceCategories(input);
    expect(byCategory.explanation).toEqual([
      'Partial assessment: 1 of 9 quality statements scored, each weighted equally.',
      'Evidence-category method (Dec 2023 guidance): each quality statement scored from its evidence categories by the rating bands; overall from the evidence-category scores (a modelled choice).',
      'Evidence-category total 5 of 8 = 62.5%.',
      'Rounded half-up to 63%, which falls in the Good band (63–87%).',
      "62.5% lies between two published bands; the rounding rule ('half-up', a modelled default) decides the rating.",
    ]);
    expect(byCategory.qualityStatements).toEqual([
      {
        id: 'safeguarding',
        categories: { 'peoples-experience': 3, processes: 2 },
        total: 5,
        maximum: 8,
        percentage: 62.5,
        roundedPercentage: 63,
        score: 3,
      },
    ]);
    const byStatement = scoreEvidenceCategories(input, { aggregate: 'quality-statement-scores' });
    expect(byStatement.explanation.slice(1, 3)).toEqual([
      'Evidence-category method (Dec 2023 guidance): each quality statement scored from its evidence categories by the rating bands; overall from the derived quality statement scores (a modelled choice).',
      'Quality statement total 3 of 4 = 75%.',
    ]);
    expect(() => scoreEvidenceCategories(input, { aggregate: 'mean' as never })).toThrow(
      new TypeError(
        "options.aggregate must be 'evidence-categories' or 'quality-statement-scores'; got \"mean\" (a string)",
      ),
    );
  });

  it('improvements: plural raises, the target and the candidates lowest first (27 → 32 of 36 = 89%)', () => {
    const r = improvementsToNextRating(all([3, 3, 3, 3, 3, 3, 3, 3, 3]));
    expect(r?.explanation).toBe(
      '5 one-point raises (total 27 → 32 of 36, 89%) would reach Outstanding (from 88%), on any of 9 statements scored below 4.',
    );
    // 2 of 4 statements: 4 + 3 = 7 of 8 = 87.5% → 88%: already Outstanding, nothing to reach.
    expect(improvementsToNextRating({ safeguarding: 4, 'assessing-needs': 3 })).toBeUndefined();
    // 3 + 3 + 4 = 10 of 12 = 83.3%: one raise → 11 of 12 = 91.7%, Outstanding; only the 3s can rise, lowest first.
    const one = improvementsToNextRating({
      safeguarding: 3,
      'assessing-needs': 4,
      'partnerships-and-communities': 3,
    });
    expect(one?.explanation).toBe(
      '1 one-point raise (total 10 → 11 of 12, 92%) would reach Outstanding (from 88%), on any of 2 statements scored below 4.',
    );
    expect(one?.candidates.map((c) => c.id)).toEqual([
      'partnerships-and-communities',
      'safeguarding',
    ]);
    const mixed = improvementsToNextRating({
      safeguarding: 2,
      'assessing-needs': 1,
      'partnerships-and-communities': 3,
    });
    expect(mixed?.candidates.map((c) => [c.id, c.currentScore, c.headroom])).toEqual([
      ['assessing-needs', 1, 3],
      ['safeguarding', 2, 2],
      ['partnerships-and-communities', 3, 1],
    ]);
  });
});

describe('issue messages, word for word', () => {
  it('methods, summaries and the evidence-category input as a whole', () => {
    expect(scoreAssessment({ safeguarding: 3 }).method).toBe('quality-statement');
    const ok = safeScoreEvidenceCategories({ safeguarding: { processes: 3 } });
    expect(ok.success && [ok.data.method, ok.data.total, ok.data.maximum]).toEqual([
      'evidence-category',
      3,
      4,
    ]);
    expect(safeScoreEvidenceCategories([])).toEqual({
      success: false,
      issues: [
        {
          code: 'invalid-input',
          path: ['scores'],
          message:
            'scores: expected an object keyed by quality statement id (e.g. { "assessing-needs": 3 }); got an array',
        },
      ],
    });
    expect(() => scoreEvidenceCategories({} as never)).toThrow(
      /^Cannot score the evidence categories:\n {2}- scores: no quality statement is scored; give at least one$/,
    );
    expect(() => scoreAssessment({} as never)).toThrow(
      /^Cannot score the assessment:\n {2}- scores: no quality statement is scored/,
    );
  });

  it('not an object, no scores, unknown statement, bad score', () => {
    expect(safeScoreAssessment([])).toEqual({
      success: false,
      issues: [
        {
          code: 'invalid-input',
          path: ['scores'],
          message:
            'scores: expected an object keyed by quality statement id (e.g. { "assessing-needs": 3 }); got an array',
        },
      ],
    });
    expect(safeScoreAssessment({})).toEqual({
      success: false,
      issues: [
        {
          code: 'no-scores',
          path: ['scores'],
          message: 'scores: no quality statement is scored; give at least one',
        },
      ],
    });
    const r = safeScoreAssessment({ nope: 3, safeguarding: 0 });
    expect(!r.success && r.issues[0]!.message).toMatch(
      /^scores\.nope: "nope" is not a quality statement id; use one of assessing-needs, .* \(findQualityStatement resolves published labels\)$/,
    );
    expect(!r.success && r.issues[1]).toEqual({
      code: 'invalid-score',
      path: ['scores', 'safeguarding'],
      message: 'scores.safeguarding: a score must be a whole number from 1 to 4; got 0',
    });
  });

  it('evidence categories: not an object, none, not used by councils, unknown', () => {
    const r = safeScoreEvidenceCategories({
      safeguarding: 3,
      'assessing-needs': {},
      'partnerships-and-communities': { observation: 3, vibes: 2, processes: 5 },
    });
    expect(!r.success && r.issues).toEqual([
      {
        code: 'invalid-input',
        path: ['scores', 'safeguarding'],
        message:
          'scores.safeguarding: expected evidence-category scores such as { "peoples-experience": 3, "processes": 2 }; got 3',
      },
      {
        code: 'no-scores',
        path: ['scores', 'assessing-needs'],
        message:
          'scores.assessing-needs: expected evidence-category scores such as { "peoples-experience": 3, "processes": 2 }; got no categories',
      },
      {
        code: 'evidence-category-not-used',
        path: ['scores', 'partnerships-and-communities', 'observation'],
        message:
          'scores.partnerships-and-communities.observation: "observation" is not used in local authority assessments; use peoples-experience, feedback-from-staff-and-leaders, feedback-from-partners, processes',
      },
      {
        code: 'unknown-evidence-category',
        path: ['scores', 'partnerships-and-communities', 'vibes'],
        message:
          'scores.partnerships-and-communities.vibes: "vibes" is not an evidence category; use peoples-experience, feedback-from-staff-and-leaders, feedback-from-partners, processes',
      },
      {
        code: 'invalid-score',
        path: ['scores', 'partnerships-and-communities', 'processes'],
        message:
          'scores.partnerships-and-communities.processes: a score must be a whole number from 1 to 4; got 5',
      },
    ]);
  });

  it('options: rounding and band cut points name the option and the value', () => {
    expect(() => scoreAssessment({ safeguarding: 3 }, { rounding: 'up' as never })).toThrow(
      new TypeError('options.rounding must be one of half-up, none; got "up" (a string)'),
    );
    expect(() =>
      scoreAssessment(
        { safeguarding: 3 },
        {
          bandCutPoints: [
            { from: 0.5, label: 'x' },
            { from: 1.5, label: 'y' },
          ],
        },
      ),
    ).toThrow(
      new RangeError(
        "options.bandCutPoints[1] needs a 'from' between 0 and 1 and a string 'label'; got an object",
      ),
    );
    for (const from of [-0.01, 1.01, Number.NaN])
      expect(() =>
        scoreAssessment({ safeguarding: 3 }, { bandCutPoints: [{ from, label: 'x' }] }),
      ).toThrow(RangeError);
    expect(() =>
      scoreAssessment({ safeguarding: 3 }, { bandCutPoints: [{ from: 0.5, label: 5 as never }] }),
    ).toThrow(RangeError);
    // Cut points apply in order of `from`, whatever order they are given in: 3 of 4 = 75% is (75 − 63) / 24 = 0.5 of Good.
    const r = scoreAssessment(
      { safeguarding: 3 },
      {
        bandCutPoints: [
          { from: 0.5, label: 'middle' },
          { from: 0, label: 'lower' },
          { from: 0.6, label: 'upper' },
        ],
      },
    );
    expect([r.bandPosition, r.bandPositionLabel]).toEqual([0.5, 'middle']);
    expect(
      scoreAssessment(
        { safeguarding: 3 },
        {
          bandCutPoints: [
            { from: 0.25, label: 'b' },
            { from: 0.1, label: 'a' },
          ],
        },
      ).bandPositionLabel,
    ).toBe('b');
    expect(() => scoreAssessment({ safeguarding: 3 }, null as never)).toThrow(
      new TypeError('options must be an object; got null'),
    );
    expect(() => scoreAssessment({ safeguarding: 3 }, 'none' as never)).toThrow(
      new TypeError('options must be an object; got "none" (a string)'),
    );
    expect(() => scoreAssessment({ safeguarding: 3 }, { bandCutPoints: [null as never] })).toThrow(
      new RangeError(
        "options.bandCutPoints[0] needs a 'from' between 0 and 1 and a string 'label'; got null",
      ),
    );
    expect(() => scoreAssessment({ safeguarding: 3 }, { bandCutPoints: ['x' as never] })).toThrow(
      RangeError,
    );
    expect(() =>
      scoreAssessment(
        { safeguarding: 3 },
        { bandCutPoints: [{ from: '0.5' as never, label: 'x' }] },
      ),
    ).toThrow(RangeError);
    expect(() => scoreAssessment({ safeguarding: 3 }, { bandCutPoints: {} as never })).toThrow(
      new TypeError('options.bandCutPoints must be an array; got an object'),
    );
    const given = [
      { from: 0.9, label: 'late' },
      { from: 0.1, label: 'early' },
    ];
    scoreAssessment({ safeguarding: 3 }, { bandCutPoints: given });
    expect(given.map((c) => c.label)).toEqual(['late', 'early']); // sorted on a copy, never in place
  });

  it("'none' places the exact percentage in its band; theme percentages are exact", () => {
    // 3 + 2 + 2 = 7 of 12 = 58.33%: Requires improvement (39–62); exact (58.33 − 39) / 23 = 0.8406, rounded (58 − 39) / 23 = 0.8261.
    const scores = {
      safeguarding: 3,
      'assessing-needs': 2,
      'partnerships-and-communities': 2,
    } as const;
    expect(scoreAssessment(scores, { rounding: 'none' }).bandPosition).toBeCloseTo(
      (700 / 12 - 39) / 23,
      12,
    );
    expect(scoreAssessment(scores).bandPosition).toBeCloseTo(19 / 23, 12);
    // By theme: working with people (assessing-needs) 2 of 4 = 50%; providing support (partnerships) 2 of 4 = 50%;
    // ensuring safety (safeguarding) 3 of 4 = 75%; leadership has no statement scored.
    expect(scoreAssessment(scores).themes.map((t) => t.percentage)).toEqual([
      50,
      50,
      75,
      undefined,
    ]);
  });
});
