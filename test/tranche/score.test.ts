import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCouncil } from '../../src/councils/index.js';
import {
  CouncilProfileSchema,
  DEFAULT_PRINCIPLE_WEIGHTS,
  PRINCIPLES,
  assessmentWindow,
  isLaAssuranceError,
  safeScoreCouncil,
  scoreCouncil,
  validateCouncilProfile,
  validateCouncilProfiles,
  type CouncilProfile,
} from '../../src/tranche/index.js';
import { deepFreeze } from '../support/published-results.js';

const lincolnshire = findCouncil('Lincolnshire')!; // coterminous with its ICB (data/README.md)
const leeds = findCouncil('Leeds')!;
const DATE = '2023-12-04';

describe('assessmentWindow', () => {
  it('uses the published durations: IR due 3 weeks after notification, on site 9–11 weeks after (domain README §6)', () => {
    expect(assessmentWindow(DATE)).toEqual({
      notification: '2023-12-04',
      informationReturnDue: '2023-12-25',
      onSiteFrom: '2024-02-05',
      onSiteTo: '2024-02-19',
      conflictFrom: '2023-12-04',
      conflictTo: '2024-02-19',
    });
  });

  it('takes other durations and the on-site-only conflict period as options', () => {
    const w = assessmentWindow('2024-02-26', {
      informationReturnDays: 28,
      onSiteFromDays: 70,
      onSiteToDays: 70,
      conflictPeriod: 'on-site',
    });
    expect(w).toMatchObject({
      informationReturnDue: '2024-03-25',
      onSiteFrom: '2024-05-06',
      onSiteTo: '2024-05-06',
      conflictFrom: '2024-05-06',
    });
    expect(() => assessmentWindow('2024-02-30')).toThrow(RangeError);
    expect(() => assessmentWindow(DATE, { onSiteFromDays: 80, onSiteToDays: 70 })).toThrow(
      RangeError,
    );
  });
});

describe('scoreCouncil', () => {
  it('gives each principle its contribution and a reason (modelled default weights)', () => {
    const s = scoreCouncil(
      {
        council: lincolnshire,
        concernLevel: 'medium',
        concerns: 'long waits for assessments',
        icsAssessment: '2024-01-15',
      },
      { notificationDate: DATE },
    );
    expect(s.principles.map((p) => [p.principle, p.contribution])).toEqual([
      ['existing-concerns', 20], // 40 × 0.5 (medium)
      ['innovation', 0],
      ['ics-alignment', 10], // within 91 days, coterminous: 10 × 1
      ['time-since-last-assessment', 10], // never assessed: 10 × 1
      ['regulatory-activity', 0],
      ['delivery-constraints', 0],
    ]);
    expect(s.total).toBe(40);
    expect(s.principles[0]!.reason).toBe(
      'Known concerns: medium: long waits for assessments (+20).',
    );
    expect(s.principles[2]!.reason).toContain(
      '42 days from notification, with coterminous boundaries',
    );
  });

  it('halves ICS alignment for a council that is not coterminous, and gives none beyond the alignment period', () => {
    expect(
      scoreCouncil({ council: leeds, icsAssessment: '2024-01-15' }, { notificationDate: DATE })
        .principles[2]!.contribution,
    ).toBe(5);
    expect(
      scoreCouncil({ council: leeds, icsAssessment: '2024-09-01' }, { notificationDate: DATE })
        .principles[2]!.contribution,
    ).toBe(0);
  });

  it('counts time since the last assessment towards a 3-year cycle', () => {
    const s = scoreCouncil(
      { council: leeds, lastAssessment: '2022-06-04' },
      { notificationDate: DATE },
    ); // 548 days
    expect(s.principles[3]!.contribution).toBe(5); // 10 × 548 / 1096
  });

  it('lists activities overlapping the window and subtracts their weights', () => {
    const s = scoreCouncil(
      {
        council: leeds,
        regulatoryActivity: [
          { label: 'Ofsted ILACS inspection', start: '2024-01-08', end: '2024-01-12' },
          { label: 'Ofsted SEND', start: '2024-06-01', end: '2024-06-05' },
        ],
        deliveryConstraints: [
          { label: 'Leeds festival', kind: 'major-event', start: '2024-02-19', end: '2024-02-25' },
        ],
      },
      { notificationDate: DATE },
    );
    expect(s.conflicts.map((c) => [c.source, c.index])).toEqual([
      ['regulatoryActivity', 0],
      ['deliveryConstraints', 0],
    ]);
    expect(s.principles[4]!.contribution).toBe(-30);
    expect(s.principles[5]!.contribution).toBe(-30);
    expect(s.total).toBe(-50);
  });

  it('takes weights and rules as options', () => {
    const s = scoreCouncil(
      { council: leeds, concernLevel: 'low', innovation: 'shared lives' },
      {
        notificationDate: DATE,
        weights: { innovation: 5 },
        rules: { concernFactors: { none: 0, low: 0.5, medium: 0.75, high: 1 } },
      },
    );
    expect(s.principles.slice(0, 2).map((p) => p.contribution)).toEqual([20, 5]);
    expect(() =>
      scoreCouncil(
        { council: leeds },
        { notificationDate: DATE, weights: { innovation: Number.NaN } },
      ),
    ).toThrow(RangeError);
  });

  it('sums its contributions, in principle order, and never mutates the profile', () => {
    const profile = fc.record({
      concernLevel: fc.constantFrom('none', 'low', 'medium', 'high' as const),
      innovation: fc.option(fc.constant('x'), { nil: undefined }),
      icsAssessment: fc.option(
        fc
          .date({ min: new Date('2023-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        { nil: undefined },
      ),
      lastAssessment: fc.option(
        fc
          .date({ min: new Date('2015-01-01'), max: new Date('2023-12-01'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(profile, (signals) => {
        const p = deepFreeze(
          JSON.parse(JSON.stringify({ council: lincolnshire, ...signals })) as CouncilProfile,
        );
        const s = scoreCouncil(p, { notificationDate: DATE });
        expect(s.principles.map((x) => x.principle)).toEqual([...PRINCIPLES]);
        expect(s.total).toBeCloseTo(
          s.principles.reduce((sum, x) => sum + x.contribution, 0),
          9,
        );
        expect(s.total).toBeLessThanOrEqual(DEFAULT_PRINCIPLE_WEIGHTS['existing-concerns'] + 40);
      }),
    );
  });

  it('reports every problem in an invalid profile, naming the field', () => {
    const r = safeScoreCouncil(
      {
        council: { code: 'E06000023', name: 'Bristol', type: 'unitary', region: 'south-west' },
        concernLevel: 'severe',
        icsAssessment: '2024-13-01',
        regulatoryActivity: [{ label: 'Ofsted', start: '2024-02-01', end: '2024-01-01' }],
        colour: 'red',
      },
      { notificationDate: DATE },
    );
    expect(!r.success && r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['unknown-field', 'profile.colour'],
      ['invalid-field', 'profile.concernLevel'],
      ['invalid-date', 'profile.icsAssessment'],
      ['invalid-period', 'profile.regulatoryActivity.0.end'],
    ]);
    let caught: unknown;
    try {
      scoreCouncil({ council: 'Bristol' } as never, { notificationDate: DATE });
    } catch (error) {
      caught = error;
    }
    expect(isLaAssuranceError(caught) && caught.code).toBe('invalid-profile');
  });

  it('flags a council given two profiles', () => {
    const r = validateCouncilProfiles([
      { council: leeds },
      { council: lincolnshire },
      { council: leeds },
    ]);
    expect(!r.success && r.issues).toEqual([
      {
        code: 'duplicate-council',
        path: ['profiles', 2, 'council', 'code'],
        message: expect.stringContaining('profiles.0'),
      },
    ]);
  });

  it('accepts exactly what CouncilProfileSchema accepts', () => {
    const anyDate = fc.oneof(
      fc.constantFrom('2024-01-01', '2024-02-30', '2024-1-1', '2023-12-31'),
      fc.string(),
    );
    const activity = fc.record(
      {
        label: fc.oneof(fc.constant('Ofsted'), fc.constant(' '), fc.integer()),
        start: anyDate,
        end: anyDate,
        kind: fc.constantFrom('major-event', 'other', 'party'),
      },
      { requiredKeys: ['label', 'start', 'end'] },
    );
    const candidate = fc.record(
      {
        council: fc.oneof(
          fc.constant(leeds),
          fc.constant({
            code: 'E08000035',
            name: 'Leeds',
            type: 'metropolitan-district',
            region: 'north-east',
            coterminous: 'no',
          }),
          fc.anything(),
        ),
        concernLevel: fc.constantFrom('none', 'high', 'severe', 3),
        concerns: fc.oneof(fc.constant('x'), fc.constant('')),
        innovation: fc.oneof(fc.constant('y'), fc.constant(null)),
        icsAssessment: anyDate,
        lastAssessment: anyDate,
        regulatoryActivity: fc.array(activity, { maxLength: 2 }),
        deliveryConstraints: fc.oneof(fc.array(activity, { maxLength: 2 }), fc.constant('none')),
        extra: fc.constant(1),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(candidate, (input) => {
        expect(validateCouncilProfile(input).success).toBe(
          CouncilProfileSchema.safeParse(input).success,
        );
      }),
      { numRuns: 500 },
    );
  });
});
