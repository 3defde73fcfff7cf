import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_CYCLES,
  assessmentHistory,
  directionOfTravel,
  explainStatementScores,
  interventionSignals,
  nextAssessmentWindow,
  publishedPercentageCheck,
  reportDeadlines,
  reportLayout,
  safeParseRatingCharacteristics,
  type ReportEvent,
} from '../../src/report/index.js';
import { QUALITY_STATEMENT_IDS } from '../../src/framework/index.js';
import type { QualityStatementScores } from '../../src/scoring/index.js';
import { attempt, build, toPublished } from './helpers.js';

// Published results (../shared/data/cqc_la_assessments.csv), QS1..QS9 in framework order.
const ids = QUALITY_STATEMENT_IDS;
const scores = (...s: (1 | 2 | 3 | 4)[]): QualityStatementScores =>
  Object.fromEntries(ids.map((id, i) => [id, s[i]!]));
const WAKEFIELD = scores(2, 2, 2, 3, 3, 2, 2, 3, 3); // 22/36 = 61.1 %, quoted 62 % (published 3 Sep 2025)
const NORTH_SOMERSET = scores(2, 2, 2, 2, 2, 3, 2, 3, 3); // 21/36 = 58.3 %, quoted 59 % (May 2025)
const YORK = scores(1, 2, 2, 1, 2, 1, 1, 2, 2); // 14/36 = 38.9 %, published 39 % (5 Dec 2025)
const CAMDEN = scores(3, 3, 4, 3, 4, 4, 3, 4, 4); // 32/36 = 88.9 %, published 89 % (Feb 2025)
const WARRINGTON = scores(2, 3, 2, 3, 3, 2, 1, 2, 2); // 20/36, safeguarding 1 (22 May 2025)
const BLACKPOOL = scores(1, 1, 1, 2, 2, 2, 1, 1, 1); // 12/36 Inadequate (Aug 2025)

/** The helper lifecycle with other scores, a site visit date and a published percentage. */
function published(
  s: QualityStatementScores,
  options: { percentage?: number; siteVisitStart?: string } = {},
): ReportEvent[] {
  const [scored, ...rest] = toPublished();
  const last = rest.at(-1)!;
  return [
    {
      ...(scored as Extract<ReportEvent, { type: 'assessment-scored' }>),
      scores: s,
      ...(options.siteVisitStart ? { siteVisitStart: options.siteVisitStart } : {}),
    },
    ...rest.slice(0, -1),
    {
      ...(last as Extract<ReportEvent, { type: 'report-published' }>),
      ...(options.percentage === undefined ? {} : { publishedPercentage: options.percentage }),
    },
  ];
}

describe('published percentage (domain reference §10)', () => {
  it('flags Wakefield 62 % (scores give 61.1 %) and North Somerset 59 % (58.3 %)', () => {
    expect(publishedPercentageCheck(build(published(WAKEFIELD, { percentage: 62 })))).toMatchObject(
      { published: 62, roundedFromScores: 61, differs: true },
    );
    expect(
      publishedPercentageCheck(build(published(NORTH_SOMERSET, { percentage: 59 }))),
    ).toMatchObject({ published: 59, roundedFromScores: 58, differs: true });
  });

  it('does not flag York 39 % (38.9 % rounded half up) or Camden 89 % (88.9 %)', () => {
    expect(publishedPercentageCheck(build(published(YORK, { percentage: 39 })))?.differs).toBe(
      false,
    );
    expect(publishedPercentageCheck(build(published(CAMDEN, { percentage: 89 })))?.differs).toBe(
      false,
    );
  });

  it('Leeds 70 % and Newham 62 % are more than rounding from every total over 36, so any nine scores are flagged', () => {
    for (let total = 9; total <= 36; total++) {
      expect(Math.abs(70 - (100 * total) / 36)).toBeGreaterThan(0.5);
      expect(Math.abs(62 - (100 * total) / 36)).toBeGreaterThan(0.5);
    }
  });

  it('is null when no percentage was recorded, and rejects one outside 0–100', () => {
    expect(publishedPercentageCheck(build(toPublished()))).toBeNull();
    const events = toPublished();
    expect(
      attempt(events.slice(0, -1), { ...events.at(-1), publishedPercentage: 101 }),
    ).toMatchObject({
      success: false,
      issues: [{ code: 'invalid-event', path: ['publishedPercentage'] }],
    });
  });
});

describe('section 50 routes (Health and Social Care Act 2008; domain reference §10)', () => {
  it('a notice is recorded with its action date, and the deadline is reported', () => {
    const notice: ReportEvent = {
      type: 'section-50-notice-given',
      date: '2025-03-03',
      respects: 'Safeguarding enquiries',
      action: 'Clear the backlog',
      actionBy: '2025-06-30',
    };
    const report = build([...toPublished(), notice]);
    expect(report.state).toBe('published');
    expect(report.section50Notices).toEqual([
      {
        givenOn: '2025-03-03',
        respects: 'Safeguarding enquiries',
        action: 'Clear the backlog',
        actionBy: '2025-06-30',
      },
    ]);
    expect(reportDeadlines(report).section50ActionBy).toBe('2025-06-30');
    expect(interventionSignals(report).section50Recorded).toEqual({
      notices: 1,
      specialMeasuresRecommended: false,
    });
  });

  it('special measures are recommended once', () => {
    const report = build([
      ...toPublished(),
      {
        type: 'special-measures-recommended',
        date: '2025-03-03',
        reason: 'Failing to an acceptable standard',
      },
    ]);
    expect(report.specialMeasuresRecommendation).toEqual({
      recommendedOn: '2025-03-03',
      reason: 'Failing to an acceptable standard',
    });
    expect(interventionSignals(report).section50Recorded.specialMeasuresRecommended).toBe(true);
  });

  it('neither can be recorded before publication', () => {
    expect(
      attempt(toPublished().slice(0, -1), {
        type: 'special-measures-recommended',
        date: '2025-03-03',
        reason: 'x',
      }),
    ).toMatchObject({ issues: [{ code: 'illegal-transition' }] });
  });

  it('Warrington (safeguarding scored 1, 22 May 2025): s50(2) notification letter; route points to a notice (modelled)', () => {
    const s = interventionSignals(build(published(WARRINGTON)));
    expect(s).toMatchObject({
      rating: 'requires-improvement',
      notifySecretaryOfState: true,
      section50Route: 'notice',
    });
    expect(s.explanation.join(' ')).toContain('Warrington');
  });

  it('Blackpool (Inadequate, Aug 2025): route points to recommending special measures (modelled); Camden: none', () => {
    expect(interventionSignals(build(published(BLACKPOOL))).section50Route).toBe(
      'recommend-special-measures',
    );
    expect(interventionSignals(build(published(CAMDEN))).section50Route).toBe('none');
  });
});

describe('report layout (CQC update, 30 Sep 2025)', () => {
  it('site visits from 6 Oct 2025 have the financial context section; earlier ones do not; unknown without a date', () => {
    expect(reportLayout(build(published(CAMDEN, { siteVisitStart: '2025-10-06' })))).toMatchObject({
      layout: 'with-financial-context',
      financialContext: true,
    });
    expect(reportLayout(build(published(CAMDEN, { siteVisitStart: '2025-10-03' })))).toMatchObject({
      layout: 'original',
      financialContext: false,
    });
    expect(reportLayout(build(toPublished()))).toMatchObject({
      layout: 'unknown',
      financialContext: null,
    });
  });
});

describe('rating characteristics (a slot; none shipped as official)', () => {
  const json = {
    version: 'Test copy',
    source: 'Written for this test',
    statements: { safeguarding: { 'requires-improvement': ['Some enquiries wait too long.'] } },
  };

  it('are validated, and used in explanations when they cover the level', () => {
    const parsed = safeParseRatingCharacteristics(JSON.parse(JSON.stringify(json)));
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    const explained = explainStatementScores(build(published(WARRINGTON)), {
      ratingCharacteristics: parsed.data,
    });
    // Warrington safeguarding 1 → inadequate: not covered; assessing-needs 2 → requires improvement: not covered (only safeguarding is).
    expect(explained.find((e) => e.qualityStatement === 'safeguarding')).toMatchObject({
      score: 1,
      level: 'inadequate',
      characteristics: null,
    });
    const ns = explainStatementScores(build(published(NORTH_SOMERSET)), {
      ratingCharacteristics: parsed.data,
    });
    expect(ns.find((e) => e.qualityStatement === 'safeguarding')?.text).toBe(
      'safeguarding: 2 (requires improvement). Rating characteristics (Test copy): Some enquiries wait too long.',
    );
  });

  it('report unknown statements and ratings, and unreadable input, as issues', () => {
    const r = safeParseRatingCharacteristics({
      ...json,
      statements: { safety: {}, safeguarding: { great: ['x'] } },
    });
    expect(r.success ? [] : r.issues.map((i) => i.code)).toEqual([
      'unknown-quality-statement',
      'unknown-rating',
    ]);
    const hostile = Object.defineProperty({}, 'version', {
      get: () => {
        throw new Error('no');
      },
      enumerable: true,
    });
    expect(safeParseRatingCharacteristics(hostile)).toMatchObject({
      success: false,
      issues: [{ code: 'input-unreadable' }],
    });
  });
});

describe('re-assessment and direction of travel', () => {
  it('direction per statement between an initial assessment and a re-assessment', () => {
    const initial = build(published(WARRINGTON));
    // The same lifecycle 28 years later (same weekdays and Christmas bank holidays).
    const later28 = (date: string) => `${Number(date.slice(0, 4)) + 28}${date.slice(4)}`;
    const later = build(
      published(WAKEFIELD).map((e) => ({ ...e, date: later28(e.date) }) as ReportEvent),
    );
    const d = directionOfTravel(initial, later);
    // Warrington 2,3,2,3,3,2,1,2,2 → Wakefield's 2,2,2,3,3,2,2,3,3 (scores used as an illustration).
    expect(d.statements.map((s) => s.direction)).toEqual([
      'unchanged',
      'declined',
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
      'improved',
      'improved',
      'improved',
    ]);
    expect(d.ratings).toEqual({ from: 'requires-improvement', to: 'requires-improvement' });
    expect(assessmentHistory([later, initial]).map((e) => e.kind)).toEqual([
      'initial',
      're-assessment',
    ]);
  });

  it('next assessment window: the proposal (3–4 years, not adopted) and the pilots (about 2 years, observed)', () => {
    expect(nextAssessmentWindow('2025-07-14')).toMatchObject({
      from: '2028-07-14',
      to: '2029-07-14',
      basis: 'modelled',
    });
    expect(
      nextAssessmentWindow('2023-07-10', ASSESSMENT_CYCLES['pilot-reassessment']),
    ).toMatchObject({ from: '2025-07-10', to: '2025-07-10', basis: 'observed' });
    expect(nextAssessmentWindow('2024-02-29').from).toBe('2027-02-28');
  });
});

describe('published percentage and layout: the explanation a person reads (worked by hand)', () => {
  it('Wakefield: 22 of 36 = 61.1 %, published 62 %: flagged, with the sentence saying why', () => {
    const check = publishedPercentageCheck(build(published(WAKEFIELD, { percentage: 62 })));
    expect(check?.fromScores).toBeCloseTo((100 * 22) / 36, 10);
    expect(check?.explanation).toBe(
      'CQC published 62%, but the scores total 22 of 36 = 61.1%: more than rounding apart (perhaps scored by evidence category); the rating remains the band of the scores.',
    );
  });

  it('York: 14 of 36 = 38.9 %, published 39 %: the rounded scores', () => {
    expect(publishedPercentageCheck(build(published(YORK, { percentage: 39 })))?.explanation).toBe(
      "CQC published 39%, which is the scores' 14 of 36 = 38.9% rounded.",
    );
  });

  it('exactly half a point apart is rounding, not a difference (2 statements: 5 of 8 = 62.5 %)', () => {
    const two = { safeguarding: 2, 'assessing-needs': 3 } as const;
    for (const percentage of [62, 63]) {
      expect(publishedPercentageCheck(build(published(two, { percentage })))?.differs).toBe(false);
    }
    expect(publishedPercentageCheck(build(published(two, { percentage: 64 })))?.differs).toBe(true);
  });

  it('layout: published basis; the source says when the site visit is not recorded', () => {
    const known = reportLayout(build(published(CAMDEN, { siteVisitStart: '2025-10-06' })));
    const unknown = reportLayout(build(toPublished()));
    expect(known.basis).toBe('published');
    expect(unknown.basis).toBe('published');
    expect(known.source.startsWith('CQC update, 30 September 2025')).toBe(true);
    expect(unknown.source).toBe(`${known.source}; this report does not record its site visit`);
  });
});
