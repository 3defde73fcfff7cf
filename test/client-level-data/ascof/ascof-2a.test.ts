// ASCOF 2A (reference e.1): a hand-worked case for every sequel step and boundary.
import { describe, expect, it } from 'vitest';
import { ascofMeasures } from '../../../src/client-level-data/ascof/index.js';
import { prepared, type EventSpec } from '../support/main-table.js';

const STMAX = 'Short term support: ST-Max';
const DOB = '1950-06-01'; // 74 in 2024/25: every cluster below is `65 and above`

function stMax(
  person: string,
  start: string,
  end: string,
  outcome: string,
  extra: Partial<EventSpec> = {},
): EventSpec {
  return {
    person,
    dob: DOB,
    Service_Type_Cleaned: STMAX,
    Event_Start_Date: start,
    Event_End_Date: end,
    Event_Outcome_Cleaned: outcome,
    ...extra,
  };
}

const ROWS: EventSpec[] = [
  // H1: the cluster ended in hospital → step 2; in neither count.
  stMax('H1', '2024-05-01', '2024-05-20', 'Admitted to hospital'),
  // H2: other short-term service with a short-term residential component 3 days after → step 3,
  // `Short term support: Residential or Nursing care`: denominator only.
  stMax('H2', '2024-06-01', '2024-06-30', 'NFA: Support ended as planned'),
  {
    person: 'H2',
    dob: DOB,
    Service_Type_Cleaned: 'Short term support: Other short term',
    Service_Component_Cleaned: 'Short term residential care',
    Event_Start_Date: '2024-07-03',
    Event_End_Date: '2024-07-20',
  },
  // H3: usable cluster outcome (15), nothing after → 4a. Written in other letter cases: SQL Server compares case-insensitively.
  stMax('H3', '2024-06-01', '2024-06-30', 'NFA: Support ended for other reason', {
    Event_Type: 'SERVICE ',
    Client_Type_Cleaned: 'SERVICE USER',
    Service_Type_Cleaned: 'short term support: st-max',
  }),
  // H4: unusable outcome (105); a review nested in the cluster ending 5 days before its end (< 14) with NFA: Other (17) → 4c.
  stMax('H4', '2024-06-01', '2024-06-30', 'Continuation of support or services'),
  {
    person: 'H4',
    dob: DOB,
    Event_Type: 'Review',
    Event_Start_Date: '2024-06-10',
    Event_End_Date: '2024-06-25',
    Event_Outcome_Cleaned: 'NFA: Other',
  },
  // H5: unusable outcome, equipment delivered during the cluster → step 5, `Short term support: Ongoing low level`.
  stMax('H5', '2024-06-01', '2024-06-30', 'Progress to reablement/ST-Max'),
  {
    person: 'H5',
    dob: DOB,
    Service_Type_Cleaned: 'Short term support: Ongoing low level',
    Service_Component_Cleaned: 'Equipment',
    Event_Start_Date: '2024-06-05',
    Event_End_Date: '2024-06-06',
  },
  // H6: a review 2 days after ending "support ended as planned" is screened out, and with a window
  // event there is no source (a) either → step 6 with the cluster's own outcome, a numerator outcome.
  stMax('H6', '2024-06-01', '2024-06-30', 'NFA: Support ended as planned'),
  {
    person: 'H6',
    dob: DOB,
    Event_Type: 'Review',
    Event_Start_Date: '2024-07-02',
    Event_End_Date: '2024-07-02',
    Event_Outcome_Cleaned: 'NFA: Support ended as planned',
  },
  // H8: died before the cluster start → excluded.
  stMax('H8', '2024-06-01', '2024-06-30', 'NFA: Other', { Date_of_Death: '2024-05-15' }),
  // H9: LTS ended 91 days before the cluster (2 Mar → 1 Jun) → not < 91 → new client → 4a.
  {
    person: 'H9',
    dob: DOB,
    Service_Type_Cleaned: 'Long term support: Community',
    Event_Start_Date: '2024-01-01',
    Event_End_Date: '2024-03-02',
  },
  stMax('H9', '2024-06-01', '2024-06-30', 'NFA: Other'),
  // H10: LTS ended 90 days before → existing client → excluded.
  {
    person: 'H10',
    dob: DOB,
    Service_Type_Cleaned: 'Long term support: Community',
    Event_Start_Date: '2024-01-01',
    Event_End_Date: '2024-03-03',
  },
  stMax('H10', '2024-06-01', '2024-06-30', 'NFA: Other'),
  // H11: second ST-Max starts 7 days after the first ends → one cluster, outcome of the later row (I&A) → 4a.
  stMax('H11', '2024-08-01', '2024-08-10', 'NFA: Other'),
  stMax('H11', '2024-08-17', '2024-08-31', 'NFA: Information and advice or signposting'),
  // H12: 8 days apart → two clusters, each 4a: the person counts twice.
  stMax('H12', '2024-08-01', '2024-08-10', 'NFA: Other'),
  stMax('H12', '2024-08-18', '2024-08-31', 'NFA: Other'),
];

describe('ASCOF 2A, hand-worked', () => {
  const result = ascofMeasures(prepared(ROWS), { year: '2024/25', explain: true });

  it('classifies every cluster', () => {
    expect(
      result.clusters2A?.map((c) => [
        c.personId,
        c.clusterStart,
        c.excluded ?? c.sequelType,
        c.finalOutcome,
        c.inNumerator,
        c.inDenominator,
      ]),
    ).toEqual([
      ['H1', '2024-05-01', '2', 'Admitted to hospital', false, false],
      ['H10', '2024-06-01', 'existing client', null, false, false],
      ['H11', '2024-08-01', '4a', 'NFA: Information and advice or signposting', true, true],
      ['H12', '2024-08-01', '4a', 'NFA: Other', true, true],
      ['H12', '2024-08-18', '4a', 'NFA: Other', true, true],
      ['H2', '2024-06-01', '3', 'Short term support: Residential or Nursing care', false, true],
      ['H3', '2024-06-01', '4a', 'NFA: Support ended for other reason', true, true],
      ['H4', '2024-06-01', '4c', 'NFA: Other', true, true],
      ['H5', '2024-06-01', '5', 'Short term support: Ongoing low level', true, true],
      ['H6', '2024-06-01', '6', 'NFA: Support ended as planned', true, true],
      ['H8', '2024-06-01', 'died before cluster start', null, false, false],
      ['H9', '2024-06-01', '4a', 'NFA: Other', true, true],
    ]);
  });

  it('counts clusters: N = H3, H4, H5, H6, H9, H11, H12 ×2 = 8; D = N + H2 = 9; 8/9 = 88.9%', () => {
    expect(
      result.rows
        .filter((r) => r.code === '2A')
        .map((r) => [r.ageBand, r.numerator, r.denominator, r.outcome]),
    ).toEqual([
      ['18 to 64', 0, 0, 0],
      ['65 and above', 8, 9, 88.9],
      ['Total', 8, 9, 88.9],
    ]);
    expect(
      result.rows.find((r) => r.code === '2A' && r.ageBand === 'Total')?.people?.numerator,
    ).toEqual(['H11', 'H12', 'H12', 'H3', 'H4', 'H5', 'H6', 'H9']);
  });
});

describe('ASCOF 2A age: FLOOR(DATEDIFF(DAY, dob, cluster end) / 365.25)', () => {
  // Born 2000-03-01; on the 18th birthday 2018-03-01 the span holds 4 leap days: 6574 days / 365.25 = 17.998 → 17.
  const rows = (end: string): EventSpec[] => [
    {
      person: 'Y',
      dob: '2000-03-01',
      Service_Type_Cleaned: STMAX,
      Event_Start_Date: '2018-02-01',
      Event_End_Date: end,
      Event_Outcome_Cleaned: 'NFA: Other',
    },
  ];

  it('is still under 18 on the 18th birthday, so the cluster is excluded', () => {
    const r = ascofMeasures(prepared(rows('2018-03-01')), { year: 2017, explain: true });
    expect(r.clusters2A?.map((c) => [c.ageBand, c.excluded])).toEqual([['Under 18', 'under 18']]);
  });

  it('is 18 one day later (6575 / 365.25 = 18.001)', () => {
    const r = ascofMeasures(prepared(rows('2018-03-02')), { year: 2017, explain: true });
    expect(r.clusters2A?.map((c) => [c.ageBand, c.excluded, c.sequelType])).toEqual([
      ['18 to 64', null, '4a'],
    ]);
    expect(r.rows.find((x) => x.code === '2A' && x.ageBand === '18 to 64')?.numerator).toBe(1);
  });

  it('keeps an unknown age in Total only', () => {
    const r = ascofMeasures(
      prepared([
        {
          person: 'Z',
          Service_Type_Cleaned: STMAX,
          Event_Start_Date: '2024-06-01',
          Event_End_Date: '2024-06-30',
          Event_Outcome_Cleaned: 'NFA: Other',
        },
      ]),
      { year: 2024 },
    );
    expect(
      r.rows.filter((x) => x.code === '2A').map((x) => [x.ageBand, x.numerator, x.denominator]),
    ).toEqual([
      ['18 to 64', 0, 0],
      ['65 and above', 0, 0],
      ['Total', 1, 1],
    ]);
  });
});

describe('ASCOF 2A step 4: a window event with a NULL Event_Type', () => {
  // Reference e.1 step 7.4 (`Event_Type != 'Service'`, false for NULL): the cluster's outcome
  // ranks 4 + 100 = 104 (penalised), so with its only window event dropped the pool is empty,
  // nothing is nested, there is no equipment: step 6, the cluster's own outcome. Were the NULL
  // row kept, the pool would hold 104 (the cluster) and 17 (`NFA: Other`): step 4b.
  it('drops out of the outcome pool, so the cluster is unclassified (step 6)', () => {
    const r = ascofMeasures(
      prepared([
        stMax('N1', '2024-06-01', '2024-06-30', 'Progress to support planning or services'),
        {
          person: 'N1',
          dob: DOB,
          Event_Type: null,
          Event_Start_Date: '2024-07-02',
          Event_End_Date: '2024-07-10',
          Event_Outcome_Cleaned: 'NFA: Other',
        },
      ]),
      { year: 2024, explain: true },
    );
    expect(r.clusters2A?.map((c) => [c.sequelType, c.finalOutcome])).toEqual([
      ['6', 'Progress to support planning or services'],
    ]);
  });
});
