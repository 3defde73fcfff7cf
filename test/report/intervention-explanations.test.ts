// interventionSignals' explanation, section 50 route and mapping checks, word for word.
// Expected sentences are the templates in src/report/intervention.ts filled in by hand;
// scores are published results (domain README §3): Blackpool 6 Aug 2025 (12/36, six 1s),
// Norfolk 12 Dec 2025 (20/36, no 1).
import { describe, expect, it } from 'vitest';
import {
  MODELLED_INTERVENTION_MAPPING,
  interventionSignals,
  type ReportEvent,
} from '../../src/report/index.js';
import { BLACKPOOL, build, GOOD_WITH_A_ONE, NORFOLK, publishedEvents, toDraft } from './helpers.js';

const LEVEL_NOTE = ' — a modelled suggestion; no published rule maps a rating to a level.';
const ROUTE_NOTE = ' — modelled; no published rule maps a rating to a route.';

describe('interventionSignals explanation and section 50 route', () => {
  it('Blackpool: six 1s, Inadequate → notification, enhanced support, recommend special measures', () => {
    const s = interventionSignals(build(publishedEvents(BLACKPOOL)));
    expect(s.section50Route).toBe('recommend-special-measures');
    expect(s.section50Recorded).toEqual({ notices: 0, specialMeasuresRecommended: false });
    expect(s.explanation).toEqual([
      "Scored 1 (significant shortfalls): assessing-needs, supporting-people-to-live-healthier-lives, equity-in-experience-and-outcomes, safeguarding, governance-management-and-sustainability, learning-improvement-and-innovation; CQC notifies the Secretary of State (a section 50(2) notification letter, as for Warrington's safeguarding score of 1, 22 May 2025).",
      'The overall rating is Inadequate; CQC notifies the Secretary of State.',
      `Suggested DHSC intervention level: non-statutory enhanced support and monitoring${LEVEL_NOTE}`,
      `Section 50 route the report points to: inform the Secretary of State and recommend special measures${ROUTE_NOTE}`,
    ]);
  });

  it('Norfolk: no 1, Requires improvement → no notification, council-led improvement, no route', () => {
    const s = interventionSignals(build(publishedEvents(NORFOLK)));
    expect(s.inadequate).toBe(false);
    expect(s.section50Route).toBe('none');
    expect(s.explanation).toEqual([
      'No quality statement is scored 1 and the rating is not Inadequate: no notification of the Secretary of State.',
      `Suggested DHSC intervention level: council-led improvement${LEVEL_NOTE}`,
      `Section 50 route the report points to: none${ROUTE_NOTE}`,
    ]);
  });

  it('a 1 in a Good report: a notice (the higher of "none" for Good and "notice" for a 1)', () => {
    const s = interventionSignals(build(publishedEvents(GOOD_WITH_A_ONE)));
    expect(s.rating).toBe('good');
    expect(s.section50Route).toBe('notice');
    expect(s.explanation.at(-1)).toBe(
      `Section 50 route the report points to: a notice to the council (failing in some respects, not substantially), the Secretary of State informed${ROUTE_NOTE}`,
    );
  });

  it('the higher route wins whichever side it is on', () => {
    const s50 = (inadequate: string, withScoreOfOne: string) =>
      ({
        ...MODELLED_INTERVENTION_MAPPING,
        section50: {
          byRating: { ...MODELLED_INTERVENTION_MAPPING.section50!.byRating, inadequate },
          withScoreOfOne,
        },
      }) as never;
    const blackpool = build(publishedEvents(BLACKPOOL));
    expect(interventionSignals(blackpool, { mapping: s50('notice', 'none') }).section50Route).toBe(
      'notice',
    );
    expect(interventionSignals(blackpool, { mapping: s50('none', 'notice') }).section50Route).toBe(
      'notice',
    );
    // Without a section50 part the modelled routes apply.
    const { section50: _, ...withoutRoutes } = MODELLED_INTERVENTION_MAPPING;
    expect(interventionSignals(blackpool, { mapping: withoutRoutes }).section50Route).toBe(
      'recommend-special-measures',
    );
  });

  it('the level for a 1 applies only when it is higher than the rating’s', () => {
    const mapping = {
      ...MODELLED_INTERVENTION_MAPPING,
      byRating: {
        ...MODELLED_INTERVENTION_MAPPING.byRating,
        good: 'enhanced-support-and-monitoring',
      },
      withScoreOfOne: 'council-led-improvement',
    } as const;
    // Good with a 1: the rating's level (enhanced) is higher than the 1's (council-led).
    expect(
      interventionSignals(build(publishedEvents(GOOD_WITH_A_ONE)), { mapping }).suggestedLevel,
    ).toBe('enhanced-support-and-monitoring');
    // Norfolk, no 1: a higher level for a 1 does not apply.
    const forOne = {
      ...MODELLED_INTERVENTION_MAPPING,
      withScoreOfOne: 'statutory-intervention',
    } as const;
    expect(
      interventionSignals(build(publishedEvents(NORFOLK)), { mapping: forOne }).suggestedLevel,
    ).toBe('council-led-improvement');
  });

  it('a draft is provisional and says so first', () => {
    const s = interventionSignals(build(toDraft('2024-12-20')));
    expect(s.explanation[0]).toBe('The report is not yet published: its scores may still change.');
  });

  it('records section 50 notices and a special-measures recommendation, and says so', () => {
    const report = build([
      ...publishedEvents(BLACKPOOL),
      {
        type: 'section-50-notice-given',
        date: '2025-02-03',
        respects: 'Safeguarding',
        action: 'Improve safeguarding',
        actionBy: '2025-08-01',
      },
      { type: 'special-measures-recommended', date: '2025-02-10', reason: 'Failing' },
    ] as ReportEvent[]);
    const s = interventionSignals(report);
    expect(s.section50Recorded).toEqual({ notices: 1, specialMeasuresRecommended: true });
    expect(s.explanation.slice(-2)).toEqual([
      'Section 50 notices recorded: 1.',
      'CQC has recommended special measures to the Secretary of State (recorded).',
    ]);
  });
});

describe('interventionSignals mapping checks (programmer errors)', () => {
  const LEVEL_ERROR = new TypeError(
    'options.mapping needs a level (council-led-improvement, enhanced-support-and-monitoring, statutory-intervention) for withScoreOfOne and for each rating in byRating',
  );
  const ROUTE_ERROR = new TypeError(
    'options.mapping.section50 needs a route (none, notice, recommend-special-measures) for withScoreOfOne and for each rating in byRating',
  );
  const report = () => build(publishedEvents(NORFOLK));
  const { byRating } = MODELLED_INTERVENTION_MAPPING;

  it.each([
    ['a string', 'mapping'],
    ['a function', Object.assign(() => 0, MODELLED_INTERVENTION_MAPPING)],
    ['no byRating', { withScoreOfOne: 'council-led-improvement' }],
    ['an unknown withScoreOfOne', { byRating, withScoreOfOne: 'special-measures' }],
    [
      'a rating without a level',
      { byRating: { ...byRating, good: undefined }, withScoreOfOne: 'council-led-improvement' },
    ],
  ])('rejects a mapping with %s', (_what, mapping) => {
    expect(() => interventionSignals(report(), { mapping: mapping as never })).toThrow(LEVEL_ERROR);
  });

  it.each([
    ['null', null],
    ['a string', 'notice'],
    [
      'a function carrying valid routes',
      Object.assign(() => 0, MODELLED_INTERVENTION_MAPPING.section50),
    ],
    [
      'an unknown withScoreOfOne',
      { byRating: MODELLED_INTERVENTION_MAPPING.section50!.byRating, withScoreOfOne: 'x' },
    ],
    ['no byRating', { withScoreOfOne: 'notice' }],
    [
      'a rating without a route',
      {
        byRating: { ...MODELLED_INTERVENTION_MAPPING.section50!.byRating, good: 'x' },
        withScoreOfOne: 'notice',
      },
    ],
  ])('rejects section50 that is %s', (_what, section50) => {
    const mapping = { ...MODELLED_INTERVENTION_MAPPING, section50 } as never;
    expect(() => interventionSignals(report(), { mapping })).toThrow(ROUTE_ERROR);
  });
});
