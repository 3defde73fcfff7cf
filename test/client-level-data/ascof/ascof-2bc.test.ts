// ASCOF 2B / 2C (reference e.2): hand-worked new admissions, period 2024-04-01..2025-03-31.
import { describe, expect, it } from 'vitest';
import { ascofMeasures } from '../../../src/client-level-data/ascof/index.js';
import { prepared, type EventSpec } from '../support/main-table.js';

const RES = 'Long term support: Residential care';
const NURS = 'Long term support: Nursing care';
const LT_RES = 'Long term residential care';

const ROWS: EventSpec[] = [
  // Q1: aged 63 at admission → new → 2B.
  {
    person: 'Q1',
    dob: '1960-06-01',
    Service_Type_Cleaned: RES,
    Service_Component_Cleaned: LT_RES,
    Event_Start_Date: '2024-05-01',
  },
  // Q2: an earlier residential stay ended 304 days before (< 365) → existing → not counted.
  {
    person: 'Q2',
    dob: '1940-06-01',
    Service_Type_Cleaned: RES,
    Service_Component_Cleaned: LT_RES,
    Event_Start_Date: '2023-01-01',
    Event_End_Date: '2023-09-01',
  },
  {
    person: 'Q2',
    dob: '1940-06-01',
    Service_Type_Cleaned: NURS,
    Service_Component_Cleaned: 'Long term nursing care',
    Event_Start_Date: '2024-07-01',
  },
  // Q3: the earlier stay ended 398 days before → new → 2C.
  {
    person: 'Q3',
    dob: '1945-06-01',
    Service_Type_Cleaned: RES,
    Service_Component_Cleaned: LT_RES,
    Event_Start_Date: '2022-01-01',
    Event_End_Date: '2023-06-30',
  },
  {
    person: 'Q3',
    dob: '1945-06-01',
    Service_Type_Cleaned: RES,
    Service_Component_Cleaned: LT_RES,
    Event_Start_Date: '2024-08-01',
  },
  // Q4: NULL component: "(NULL or LIKE …) AND NOT LIKE '%Short%'" — NOT LIKE on NULL is false → dropped.
  { person: 'Q4', dob: '1950-01-01', Service_Type_Cleaned: RES, Event_Start_Date: '2024-06-01' },
  // Q5: a short-term component → dropped.
  {
    person: 'Q5',
    dob: '1948-01-01',
    Service_Type_Cleaned: RES,
    Service_Component_Cleaned: 'Short term residential care',
    Event_Start_Date: '2024-06-01',
  },
  // Q6: admission ending self-funded → not an admission.
  {
    person: 'Q6',
    dob: '1955-01-01',
    Service_Type_Cleaned: RES,
    Service_Component_Cleaned: LT_RES,
    Event_Start_Date: '2024-09-01',
    Event_Outcome_Cleaned: 'NFA: Self-funded client or under 12wk disregard',
  },
  // Q7: 64 at admission (1960-02-01 → 2024-04-10), 65 by the period end: age AT ADMISSION → 2B.
  {
    person: 'Q7',
    dob: '1960-02-01',
    Service_Type_Cleaned: RES,
    Service_Component_Cleaned: LT_RES,
    Event_Start_Date: '2024-04-10',
  },
  // Q9: died before the period → excluded.
  {
    person: 'Q9',
    dob: '1935-06-01',
    Date_of_Death: '2024-03-15',
    Service_Type_Cleaned: RES,
    Service_Component_Cleaned: LT_RES,
    Event_Start_Date: '2024-04-01',
  },
  // Q10: other letter cases and trailing spaces match (collation) → 2C.
  {
    person: 'Q10',
    dob: '1950-06-01',
    Event_Type: 'SERVICE ',
    Client_Type_Cleaned: 'service USER',
    Service_Type_Cleaned: 'long term support: residential care',
    Service_Component_Cleaned: 'LONG TERM RESIDENTIAL CARE',
    Event_Start_Date: '2024-10-01',
  },
  // Q11: no birth date in person details → excluded.
  {
    person: 'Q11',
    Service_Type_Cleaned: RES,
    Service_Component_Cleaned: LT_RES,
    Event_Start_Date: '2024-10-01',
  },
  // Q12: an unpaid carer → excluded.
  {
    person: 'Q12',
    dob: '1950-06-01',
    Client_Type_Cleaned: 'Unpaid carer',
    Service_Type_Cleaned: RES,
    Service_Component_Cleaned: LT_RES,
    Event_Start_Date: '2024-10-01',
  },
];

describe('ASCOF 2B / 2C, hand-worked', () => {
  it('2B = {Q1, Q7}: 2 / 300,000 × 100,000 = 0.667 → 0.7; 2C = {Q3, Q10}: 2 / 70,000 × 100,000 = 2.857 → 2.9', () => {
    const r = ascofMeasures(prepared(ROWS), {
      year: 2024,
      population: { '18 to 64': 300_000, '65 and above': 70_000 },
      explain: true,
    });
    expect(
      r.rows
        .filter((x) => x.code === '2B' || x.code === '2C')
        .map((x) => [
          x.code,
          x.measure,
          x.ageBand,
          x.numerator,
          x.denominator,
          x.outcome,
          x.people,
        ]),
    ).toEqual([
      [
        '2B',
        'ASCOF 2B',
        '18 to 64',
        2,
        300_000,
        0.7,
        { numerator: ['Q1', 'Q7'], denominator: null },
      ],
      [
        '2C',
        'ASCOF 2C',
        '65 and above',
        2,
        70_000,
        2.9,
        { numerator: ['Q10', 'Q3'], denominator: null },
      ],
    ]);
    expect(r.notComputable.map((n) => n.measure)).toEqual(['ASCOF 2D']);
  });

  it('without populations: counts kept, outcome null, and 2B, 2C (and always 2D) reported not computable', () => {
    const r = ascofMeasures(prepared(ROWS), { year: 2024, population: { '18 to 64': 300_000 } });
    expect(
      r.rows.filter((x) => x.code === '2C').map((x) => [x.numerator, x.denominator, x.outcome]),
    ).toEqual([[2, null, null]]);
    expect(r.notComputable.map((n) => n.measure)).toEqual(['ASCOF 2C', 'ASCOF 2D']);
    const none = ascofMeasures(prepared(ROWS), { year: 2024 });
    expect(none.notComputable.map((n) => n.measure)).toEqual(['ASCOF 2B', 'ASCOF 2C', 'ASCOF 2D']);
  });

  it('a population of 0 gives outcome 0, as DHSC reports an empty denominator', () => {
    const r = ascofMeasures(prepared(ROWS), {
      year: 2024,
      population: { '18 to 64': 0, '65 and above': 0 },
    });
    expect(r.rows.filter((x) => x.code === '2B' || x.code === '2C').map((x) => x.outcome)).toEqual([
      0, 0,
    ]);
  });

  it('rejects a malformed population as programmer misuse', () => {
    expect(() =>
      ascofMeasures(prepared(ROWS), { year: 2024, population: { '18 to 64': -1 } }),
    ).toThrow(RangeError);
  });
});
