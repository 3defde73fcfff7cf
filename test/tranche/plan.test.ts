import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoWeekday, toDayNumber, type IsoDate } from '../../src/timeline/iso-date.js';
import { planProgramme, safePlanProgramme, type CouncilProfile } from '../../src/tranche/index.js';
import { deepFreeze } from '../support/published-results.js';
import { plainProfiles, variedProfiles } from './profiles.js';

const START = '2023-12-04'; // first tranche notified December 2023 (domain README §6)

describe('planProgramme', () => {
  it('places all 153 councils exactly once, at most the capacity a month, higher scores earlier', () => {
    const profiles = deepFreeze(variedProfiles());
    const plan = planProgramme(profiles, { start: START, capacityPerMonth: 7, months: 24 });
    expect(plan.unplaced).toEqual([]);
    const codes = plan.assessments.map((a) => a.council.code);
    expect(codes).toHaveLength(153);
    expect(new Set(codes).size).toBe(153);
    for (const t of plan.tranches) expect(t.assessments.length).toBeLessThanOrEqual(7);
    // No ICS dates, no last assessments: scores do not depend on the month, so order is by score.
    for (let i = 1; i < plan.assessments.length; i++) {
      const [a, b] = [plan.assessments[i - 1]!, plan.assessments[i]!];
      expect(a.score.total).toBeGreaterThanOrEqual(b.score.total);
    }
    expect(plan.assessments[0]).toMatchObject({
      tranche: 0,
      notificationDate: '2023-12-04',
      informationReturnDue: '2023-12-25',
      onSiteFrom: '2024-02-05',
      onSiteTo: '2024-02-19',
    });
  });

  it('notifies monthly on the start day, a weekend moved to the Monday after', () => {
    const plan = planProgramme(plainProfiles(), { start: START, months: 4, capacityPerMonth: 40 });
    // 4 Feb 2024 is a Sunday; 4 Mar 2024 a Monday.
    expect(plan.tranches.map((t) => t.notificationDate)).toEqual([
      '2023-12-04',
      '2024-01-04',
      '2024-02-05',
      '2024-03-04',
    ]);
    const clamp = planProgramme(plainProfiles().slice(0, 3), {
      start: '2024-01-31',
      months: 2,
      capacityPerMonth: 1,
    });
    expect(clamp.tranches[1]!.notificationDate).toBe('2024-02-29');
  });

  it('never plans an assessment whose window overlaps the council’s activities, and lists who does not fit', () => {
    const profiles = plainProfiles()
      .slice(0, 12)
      .map(
        (p, i): CouncilProfile =>
          i < 4
            ? {
                ...p,
                deliveryConstraints: [
                  {
                    label: 'Works',
                    start: '2023-11-01',
                    end: i === 0 ? '2026-12-31' : '2023-12-20',
                  },
                ],
              }
            : p,
      );
    const plan = planProgramme(profiles, { start: START, months: 3, capacityPerMonth: 3 });
    for (const a of plan.assessments) {
      const p = profiles.find((x) => x.council.code === a.council.code)!;
      for (const d of p.deliveryConstraints ?? [])
        expect(d.end < a.notificationDate || d.start > a.onSiteTo).toBe(true);
    }
    expect(plan.unplaced.find((u) => u.council.code === profiles[0]!.council.code)?.reason).toBe(
      'constraint-windows',
    );
    expect(plan.unplaced.filter((u) => u.reason === 'capacity').length).toBe(12 - 1 - 9);
    expect(plan.assessments.length + plan.unplaced.length).toBe(12);
  });

  it('covers every council exactly once, whatever the capacity and period (property)', () => {
    const profiles = variedProfiles();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        (capacityPerMonth, months) => {
          const plan = planProgramme(profiles, { start: START, capacityPerMonth, months });
          const all = [
            ...plan.assessments.map((a) => a.council.code),
            ...plan.unplaced.map((u) => u.council.code),
          ].sort();
          expect(all).toEqual(profiles.map((p) => p.council.code).sort());
          expect(plan.assessments.length).toBe(Math.min(153, capacityPerMonth * months));
          for (const a of plan.assessments)
            expect(isoWeekday(toDayNumber(a.notificationDate as IsoDate))).toBeLessThanOrEqual(5);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('returns issues for invalid profiles and throws RangeError for malformed options', () => {
    expect(safePlanProgramme([{ council: null }], { start: START }).success).toBe(false);
    expect(() => planProgramme(plainProfiles(), { start: START, capacityPerMonth: 0 })).toThrow(
      RangeError,
    );
    expect(() => planProgramme(plainProfiles(), { start: 'December' })).toThrow(RangeError);
  });
});
