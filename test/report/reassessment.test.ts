// Direction of travel, assessment history and the next assessment window: each branch with
// values worked by hand (scores compared one by one; dates are the year plus the cycle).
import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_CYCLES,
  assessmentHistory,
  directionOfTravel,
  nextAssessmentWindow,
  replayReport,
  type Report,
} from '../../src/report/index.js';
import type { QualityStatementScores } from '../../src/scoring/index.js';

/** A report just scored (one event), for `council` on `date`. */
function scored(date: string, scores: QualityStatementScores, council = 'Example Council'): Report {
  const r = replayReport([{ type: 'assessment-scored', date, council, scores }]);
  if (!r.success) throw new Error(r.issues[0]?.message);
  return r.data;
}

describe('directionOfTravel', () => {
  it('per statement: improved, declined, unchanged, or not comparable when scored in one only', () => {
    const earlier = scored('2023-06-05', {
      safeguarding: 2,
      'assessing-needs': 3,
      'partnerships-and-communities': 2,
    });
    const later = scored('2025-06-02', {
      safeguarding: 3,
      'assessing-needs': 2,
      'partnerships-and-communities': 2,
      'learning-improvement-and-innovation': 4,
    });
    const d = directionOfTravel(earlier, later);
    const by = Object.fromEntries(d.statements.map((s) => [s.qualityStatement, s]));
    expect(by.safeguarding).toEqual({
      qualityStatement: 'safeguarding',
      from: 2,
      to: 3,
      direction: 'improved',
    });
    expect(by['assessing-needs']).toMatchObject({ from: 3, to: 2, direction: 'declined' });
    expect(by['partnerships-and-communities']).toMatchObject({
      from: 2,
      to: 2,
      direction: 'unchanged',
    });
    expect(by['learning-improvement-and-innovation']).toMatchObject({
      from: null,
      to: 4,
      direction: 'not-comparable',
    });
    expect(by['supporting-people-to-live-healthier-lives']).toMatchObject({
      from: null,
      to: null,
      direction: 'not-comparable',
    });
    // Earlier 7 of 12 = 58.3 %; later 11 of 16 = 68.75 %.
    expect(d.percentages.from).toBeCloseTo(700 / 12, 10);
    expect(d.percentages.to).toBeCloseTo(68.75, 10);
    expect(d.ratings).toEqual({ from: 'requires-improvement', to: 'good' });
    expect(d.statements).toHaveLength(9);
    const dropped = directionOfTravel(later, earlier).statements.find(
      (s) => s.qualityStatement === 'learning-improvement-and-innovation',
    );
    expect(dropped).toMatchObject({ from: 4, to: null, direction: 'not-comparable' });
  });

  it('compares two reports of one council only', () => {
    expect(() =>
      directionOfTravel(
        scored('2023-06-05', { safeguarding: 2 }, 'Anyshire'),
        scored('2025-06-02', { safeguarding: 3 }, 'Othershire'),
      ),
    ).toThrow(
      new RangeError(
        'directionOfTravel compares two reports of one council; got Anyshire and Othershire',
      ),
    );
  });
});

describe('assessmentHistory', () => {
  it('sorts by the first event’s date, labels the first initial, and gives each later one its direction', () => {
    const a = scored('2021-03-01', { safeguarding: 1 });
    const b = scored('2023-06-05', { safeguarding: 2 });
    const c = scored('2025-06-02', { safeguarding: 2 });
    const history = assessmentHistory([c, a, b]);
    expect(history.map((e) => e.report)).toEqual([a, b, c]);
    expect(history.map((e) => e.kind)).toEqual(['initial', 're-assessment', 're-assessment']);
    expect(history[0]?.sincePrevious).toBeNull();
    expect(
      history[1]?.sincePrevious?.statements.find((s) => s.qualityStatement === 'safeguarding')
        ?.direction,
    ).toBe('improved');
    expect(
      history[2]?.sincePrevious?.statements.find((s) => s.qualityStatement === 'safeguarding')
        ?.direction,
    ).toBe('unchanged');
    expect(Object.isFrozen(history) && Object.isFrozen(history[1])).toBe(true);
    // Two reports started the same day keep their order (the sort is stable, compare 0).
    const d = scored('2025-06-02', { safeguarding: 4 });
    expect(assessmentHistory([c, d]).map((e) => e.report)).toEqual([c, d]);
    expect(assessmentHistory([d, c]).map((e) => e.report)).toEqual([d, c]);
  });

  it('needs at least one report, all of one council', () => {
    expect(() => assessmentHistory([])).toThrow(
      new RangeError('assessmentHistory needs at least one report'),
    );
    expect(() =>
      assessmentHistory([
        scored('2023-06-05', { safeguarding: 2 }),
        scored('2025-06-02', { safeguarding: 2 }, 'Othershire'),
      ]),
    ).toThrow(new RangeError('assessmentHistory takes the reports of one council'));
    expect(assessmentHistory([scored('2023-06-05', { safeguarding: 2 })])).toHaveLength(1);
  });
});

describe('nextAssessmentWindow', () => {
  const cycle = (minYears: number, maxYears: number) => ({
    minYears,
    maxYears,
    label: 'test',
    basis: 'modelled' as const,
    source: 'test source',
  });

  it('adds the cycle’s years to the date; basis and source are the cycle’s', () => {
    expect(nextAssessmentWindow('2025-07-14', cycle(0, 50))).toEqual({
      from: '2025-07-14',
      to: '2075-07-14',
      basis: 'modelled',
      source: 'test source',
    });
    expect(nextAssessmentWindow('2025-07-14', cycle(2, 2))).toMatchObject({
      from: '2027-07-14',
      to: '2027-07-14',
    });
    const proposed = ASSESSMENT_CYCLES['proposed-next-cycle'];
    expect(nextAssessmentWindow('2025-07-14').source).toBe(proposed.source);
  });

  it('29 February moves to 28 February in a common year and stays in a leap year', () => {
    expect(nextAssessmentWindow('2024-02-29', cycle(3, 4))).toMatchObject({
      from: '2027-02-28',
      to: '2028-02-29',
    });
  });

  it('keeps four-digit years (year 0990 plus 3 is 0993)', () => {
    expect(nextAssessmentWindow('0990-01-15', cycle(3, 3)).from).toBe('0993-01-15');
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => nextAssessmentWindow('2025-02-30')).toThrow(
      new RangeError('lastAssessed must be a YYYY-MM-DD date; got 2025-02-30'),
    );
  });

  it.each([
    [1.5, 3],
    [1, 3.5],
    [-1, 3],
    [4, 3],
    [1, 51],
  ])('rejects a cycle of %d to %d years', (min, max) => {
    expect(() => nextAssessmentWindow('2025-07-14', cycle(min, max))).toThrow(
      new RangeError(
        'cycle.minYears and cycle.maxYears must be whole numbers with 0 ≤ minYears ≤ maxYears ≤ 50',
      ),
    );
  });
});
