import { describe, expect, it } from 'vitest';
import {
  MODELLED_INTERVENTION_MAPPING,
  interventionSignals,
  reportRating,
} from '../../src/report/index.js';
import type { QualityStatementScores } from '../../src/scoring/index.js';
import { BLACKPOOL, build, GOOD_WITH_A_ONE, NORFOLK, publishedEvents, toDraft } from './helpers.js';

const publishedWith = (scores: QualityStatementScores) => build(publishedEvents(scores));

describe('interventionSignals', () => {
  it('Blackpool (6 Aug 2025, 12/36 Inadequate, six statements scored 1): notification, enhanced support (modelled)', () => {
    const s = interventionSignals(publishedWith(BLACKPOOL));
    expect(s).toMatchObject({
      rating: 'inadequate',
      inadequate: true,
      notifySecretaryOfState: true,
      provisional: false,
      suggestedLevel: 'enhanced-support-and-monitoring',
      suggestionBasis: 'modelled',
    });
    expect(s.scoredOne).toEqual([
      'assessing-needs',
      'supporting-people-to-live-healthier-lives',
      'equity-in-experience-and-outcomes',
      'safeguarding',
      'governance-management-and-sustainability',
      'learning-improvement-and-innovation',
    ]);
    expect(s.explanation.at(-1)).toContain('modelled');
  });

  it('Norfolk (12 Dec 2025, 20/36 Requires improvement, no 1): no notification, council-led improvement (modelled)', () => {
    const s = interventionSignals(publishedWith(NORFOLK));
    expect(s).toMatchObject({
      rating: 'requires-improvement',
      scoredOne: [],
      notifySecretaryOfState: false,
      suggestedLevel: 'council-led-improvement',
    });
  });

  it('a statement scored 1 in a Good report notifies the Secretary of State; the level follows the mapping', () => {
    const report = publishedWith(GOOD_WITH_A_ONE);
    expect(reportRating(report).rating).toBe('good'); // 27/36 = 75%
    expect(interventionSignals(report)).toMatchObject({
      notifySecretaryOfState: true,
      suggestedLevel: 'council-led-improvement',
    });
    const mapping = {
      ...MODELLED_INTERVENTION_MAPPING,
      withScoreOfOne: 'enhanced-support-and-monitoring',
    } as const;
    expect(interventionSignals(report, { mapping }).suggestedLevel).toBe(
      'enhanced-support-and-monitoring',
    );
  });

  it('a mapping can suggest statutory intervention; an unknown level is a programmer error', () => {
    const mapping = {
      ...MODELLED_INTERVENTION_MAPPING,
      byRating: { ...MODELLED_INTERVENTION_MAPPING.byRating, inadequate: 'statutory-intervention' },
    } as const;
    expect(interventionSignals(publishedWith(BLACKPOOL), { mapping }).suggestedLevel).toBe(
      'statutory-intervention',
    );
    expect(() =>
      interventionSignals(publishedWith(BLACKPOOL), {
        mapping: { ...mapping, withScoreOfOne: 'special-measures' } as never,
      }),
    ).toThrow(TypeError);
  });

  it('is provisional before publication', () => {
    expect(interventionSignals(build(toDraft('2024-12-20'))).provisional).toBe(true);
  });
});
