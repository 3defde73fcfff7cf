// ASCOF 3D carers, parts 1b and 2b (reference e.5): hand-worked, period 2024-04-01..2025-03-31.
import { describe, expect, it } from 'vitest';
import { ascofMeasures } from '../../../src/client-level-data/ascof/index.js';
import { prepared, type EventSpec } from '../support/main-table.js';

const DIRECT = 'Unpaid carer support: Direct to unpaid carer';
const carer = (person: string, dob: string | undefined, fields: Partial<EventSpec>): EventSpec => ({
  person,
  ...(dob === undefined ? {} : { dob }),
  Client_Type_Cleaned: 'Unpaid carer',
  Service_Type_Cleaned: DIRECT,
  Event_Start_Date: '2024-05-01',
  Event_End_Date: '2024-05-01',
  ...fields,
});

const ROWS: EventSpec[] = [
  // K1: DP with a NULL component: the first rule needs no component test → Direct Payment only (18–64).
  carer('K1', '1970-06-01', { Delivery_Mechanism_Cleaned: 'Direct payment' }),
  // K2: managed personal budget (65+).
  carer('K2', '1950-06-01', {
    Delivery_Mechanism_Cleaned: 'CASSR managed personal budget',
    Service_Component_Cleaned: 'Carer break',
  }),
  // K3: commissioned (3) and an assessment with I&A (5): the minimum, commissioned (18–64).
  carer('K3', '1980-06-01', {
    Delivery_Mechanism_Cleaned: 'CASSR commissioned support',
    Service_Component_Cleaned: 'Carer break',
  }),
  carer('K3', '1980-06-01', {
    Event_Type: 'Assessment',
    Service_Type_Cleaned: null,
    Event_Outcome_Cleaned: 'NFA: Information and advice or signposting',
  }),
  // K4: managed PB but NULL component → "component NOT LIKE 'Direct payment'" is false → no category: not counted, not unknown.
  carer('K4', '1960-06-01', { Delivery_Mechanism_Cleaned: 'CASSR managed personal budget' }),
  // K5: NULL DM with a component → unknown delivery mechanism.
  carer('K5', '1960-06-01', { Service_Component_Cleaned: 'Carer break' }),
  // K6: invalid DM and NULL component → no category; a review with another outcome → No Direct Support (6): not in the denominator.
  carer('K6', '1960-06-01', { Delivery_Mechanism_Cleaned: 'Invalid and not mapped' }),
  carer('K6', '1960-06-01', {
    Event_Type: 'Review',
    Service_Type_Cleaned: null,
    Event_Outcome_Cleaned: 'NFA: Support declined',
  }),
  // K7: ended before the period → not in the cohort.
  carer('K7', '1960-06-01', {
    Client_Type_Cleaned: 'Unpaid carer known by association',
    Delivery_Mechanism_Cleaned: 'Direct payment',
    Event_Start_Date: '2023-01-01',
    Event_End_Date: '2024-03-31',
  }),
  // K8: aged 14 → excluded.
  carer('K8', '2010-06-01', { Delivery_Mechanism_Cleaned: 'Direct payment' }),
  // K9: no birth date → unknown age: Total only. DP recognised from the component.
  carer('K9', undefined, {
    Delivery_Mechanism_Cleaned: 'CASSR commissioned support',
    Service_Component_Cleaned: 'Direct payment',
  }),
];

describe('ASCOF 3D carers, hand-worked', () => {
  const r = ascofMeasures(prepared(ROWS), { year: 2024, explain: true });
  const table = (code: string) =>
    r.rows
      .filter((x) => x.code === code)
      .map((x) => [x.measure, x.ageBand, x.numerator, x.denominator, x.outcome]);

  it('1b: 18–64 {K1 DP, K3 commissioned} 1/2; 65+ {K2 PB} 1/1; Total adds K9 (DP): 3/4', () => {
    expect(table('3D-1b')).toEqual([
      ['ASCOF 3D (Carers)', '18 to 64', 1, 2, 50],
      ['ASCOF 3D (Carers)', '65 and above', 1, 1, 100],
      ['ASCOF 3D (Carers)', 'Total', 3, 4, 75],
    ]);
  });

  it('2b: direct payments only: 1/2, 0/1, 2/4', () => {
    expect(table('3D-2b')).toEqual([
      ['ASCOF 3D (Carers)', '18 to 64', 1, 2, 50],
      ['ASCOF 3D (Carers)', '65 and above', 0, 1, 0],
      ['ASCOF 3D (Carers)', 'Total', 2, 4, 50],
    ]);
    expect(r.rows.find((x) => x.code === '3D-2b' && x.ageBand === 'Total')?.people).toEqual({
      numerator: ['K1', 'K9'],
      denominator: ['K1', 'K2', 'K3', 'K9'],
    });
  });

  it('unknown delivery mechanism: K5 only (K4 and K6 fall through the NULL quirk)', () => {
    expect(
      r.unknownCounts.find((u) => u.code === '3D-carers-unknown-delivery-mechanism'),
    ).toMatchObject({ count: 1, people: ['K5'] });
  });
});
