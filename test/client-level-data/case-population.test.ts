import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { casePopulationFromClientLevelData } from '../../src/client-level-data/bridges/case-population.js';
import { safeSelectCaseSample } from '../../src/case-tracking/select.js';
import { safeParseCaseRecord } from '../../src/case-tracking/case-record.js';
import { defaultCaseCriteria } from '../../src/case-tracking/criteria.js';
import type { MainTableEvent } from '../../src/client-level-data/model.js';
import {
  event,
  frozen,
  outcome,
  preparedTable as prepared,
  serviceType,
} from './support/main-table.js';

// [modelled] mapping from the CLD main table to case records. asOf 2025-03-31 throughout.
const AS_OF = '2025-03-31';

const who = (id: string, birthYear = 1954, birthMonth = 1): Partial<MainTableEvent> => ({
  Der_NHS_LA_Combined_Person_ID: id,
  LA_Person_Unique_Identifier: id,
  Der_Birth_Year: birthYear,
  Der_Birth_Month: birthMonth,
});

const psr = (value: string): Partial<MainTableEvent> => ({ Primary_Support_Reason_Cleaned: value });

const EVENTS: MainTableEvent[] = [
  // A: born 1954-01 → days 1954-01-01..2025-03-31 = 71 × 365 + 18 leap days + 89 = 26,022;
  // / 365.25 = 71.24 → 71. Nursing care running at asOf; has an unpaid carer (Yes).
  event('Service', {
    ...who('A'),
    ...serviceType('Long term support: Nursing care'),
    Event_Start_Date: '2024-01-01',
    Event_End_Date: null,
    Has_Unpaid_Carer: 'Yes',
  }),
  event('Assessment', {
    ...who('A'),
    Event_Start_Date: '2024-11-20',
    Event_End_Date: '2024-12-01',
  }),
  event('Review', { ...who('A'), Event_Start_Date: '2025-02-01', Event_End_Date: '2025-02-10' }),
  event('Review', { ...who('A'), Event_Start_Date: '2025-03-30', Event_End_Date: '2025-04-10' }), // completes after asOf: ignored
  // B: born 2002-06 → 22 at asOf (transition band); learning disability; Indian; community
  // support by direct payment; a request by hospital discharge; cared for by C (link).
  event('Service', {
    ...who('B', 2002, 6),
    ...psr('Learning disability support'),
    Ethnicity_Cleaned: 'Asian or Asian British: Indian',
    ...serviceType('Long term support: Community'),
    Delivery_Mechanism_Cleaned: 'Direct payment',
    Event_Start_Date: '2024-12-01',
    Event_End_Date: null,
  }),
  event('Request', {
    ...who('B', 2002, 6),
    ...psr('Learning disability support'),
    Ethnicity_Cleaned: 'Asian or Asian British: Indian',
    Request_Route_of_Access: 'Discharge from hospital',
    Event_Start_Date: '2024-11-01',
    Event_End_Date: '2024-11-02',
  }),
  // C: an unpaid carer only, caring for B.
  event('Assessment', {
    ...who('C', 1970),
    Client_Type_Cleaned: 'Unpaid carer',
    Adult_1_Linked_Person_ID: 'B',
    Event_Start_Date: '2025-01-01',
    Event_End_Date: '2025-01-05',
  }),
  // D: died 2025-01-05.
  event('Service', {
    ...who('D'),
    Date_of_Death: '2025-01-05',
    Event_Start_Date: '2024-01-01',
    Event_End_Date: '2025-01-05',
  }),
  // E: nothing in the year to asOf (last event ended 2024-03-31; the window starts 2024-04-01).
  event('Service', { ...who('E'), Event_Start_Date: '2023-01-01', Event_End_Date: '2024-03-31' }),
  // F: primary support reason unknown.
  event('Service', {
    ...who('F'),
    ...psr('Unknown'),
    Event_Start_Date: '2024-06-01',
    Event_End_Date: null,
  }),
  // G: no birth year.
  event('Service', {
    ...who('G'),
    Der_Birth_Year: null,
    Event_Start_Date: '2024-06-01',
    Event_End_Date: null,
  }),
  // H: no council person id (only an NHS number), never used as a case id.
  event('Service', {
    ...who('H'),
    LA_Person_Unique_Identifier: null,
    Event_Start_Date: '2024-06-01',
    Event_End_Date: null,
  }),
  // I and J: two people (two combined ids) sharing one council id.
  event('Service', {
    ...who('I'),
    LA_Person_Unique_Identifier: 'SAME',
    Event_Start_Date: '2024-06-01',
    Event_End_Date: null,
  }),
  event('Service', {
    ...who('J'),
    LA_Person_Unique_Identifier: 'SAME',
    Event_Start_Date: '2024-06-01',
    Event_End_Date: null,
  }),
  // K: born 2008-01 → 17 at asOf.
  event('Request', {
    ...who('K', 2008),
    Event_Start_Date: '2025-01-01',
    Event_End_Date: '2025-01-01',
  }),
  // L: latest known PSR wins (mental health, ending later than physical; the later Unknown is
  // not known); residential care ended 2025-01-31 with nothing running → latest-ending setting.
  event('Service', {
    ...who('L'),
    ...psr('Physical support: Personal care support'),
    ...serviceType('Long term support: Community'),
    Event_Start_Date: '2024-05-01',
    Event_End_Date: '2024-06-01',
  }),
  event('Service', {
    ...who('L'),
    ...psr('Mental health support'),
    ...serviceType('Long term support: Residential care'),
    Event_Start_Date: '2024-06-02',
    Event_End_Date: '2025-01-31',
  }),
  event('Request', {
    ...who('L'),
    ...psr('Unknown'),
    ...outcome('NFA: Other'),
    Event_Start_Date: '2025-02-01',
    Event_End_Date: '2025-02-02',
  }),
];

describe('casePopulationFromClientLevelData', () => {
  const population = casePopulationFromClientLevelData(prepared(EVENTS), {
    asOf: AS_OF,
    safeguardingEnquiries: ['b'],
  });

  it('maps each person by the documented rules (hand-derived records)', () => {
    expect(population.status).toBe('modelled');
    expect(population.records).toEqual([
      {
        id: 'A',
        age: 71,
        primarySupportReason: 'physical-support',
        ethnicity: 'white',
        setting: 'nursing',
        unpaidCarer: true,
        hospitalDischarge: false,
        safeguardingEnquiry: false,
        directPayment: false,
        transition: false,
        lastAssessed: '2024-12-01',
        lastReviewed: '2025-02-10',
      },
      {
        id: 'B',
        age: 22,
        primarySupportReason: 'learning-disability-support',
        ethnicity: 'asian',
        setting: 'community',
        unpaidCarer: true,
        hospitalDischarge: true,
        safeguardingEnquiry: true,
        directPayment: true,
        transition: true,
      },
      {
        id: 'L',
        age: 71,
        primarySupportReason: 'mental-health-support',
        ethnicity: 'white',
        setting: 'residential',
        unpaidCarer: false,
        hospitalDischarge: false,
        safeguardingEnquiry: false,
        directPayment: false,
        transition: false,
      },
    ]);
  });

  it('accounts for every person: each is a record or excluded with its reason', () => {
    expect(population.excluded).toEqual([
      { personId: 'C', reason: 'not-a-service-user' },
      { personId: 'D', reason: 'deceased' },
      { personId: 'E', reason: 'no-recent-event' },
      { personId: 'F', reason: 'primary-support-reason-unknown' },
      { personId: 'G', reason: 'age-unknown' },
      { personId: 'H', reason: 'no-council-person-id' },
      { personId: 'I', reason: 'council-person-id-shared' },
      { personId: 'J', reason: 'council-person-id-shared' },
      { personId: 'K', reason: 'age-out-of-range' },
    ]);
  });

  it('conflicting latest primary support reasons are Unknown (DHSC person details)', () => {
    const tied = [
      event('Service', {
        ...who('M'),
        ...psr('Physical support: Personal care support'),
        Event_Start_Date: '2024-06-01',
        Event_End_Date: null,
      }),
      event('Service', {
        ...who('M'),
        ...psr('Mental health support'),
        Event_Start_Date: '2024-06-01',
        Event_End_Date: null,
      }),
    ];
    expect(casePopulationFromClientLevelData(prepared(tied), { asOf: AS_OF }).excluded).toEqual([
      { personId: 'M', reason: 'primary-support-reason-unknown' },
    ]);
  });

  it('rejects bad options as programmer misuse', () => {
    expect(() =>
      casePopulationFromClientLevelData(prepared(EVENTS), { asOf: '2025-02-30' }),
    ).toThrow(RangeError);
    expect(() =>
      casePopulationFromClientLevelData(prepared(EVENTS), { asOf: AS_OF, lookbackDays: 0 }),
    ).toThrow(RangeError);
  });
});

// Arbitrary main tables: people with random ages, reasons, ethnicities, services and flags.
const rowArbitrary = fc.record({
  type: fc.constantFrom(
    'Request' as const,
    'Assessment' as const,
    'Service' as const,
    'Review' as const,
  ),
  person: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
  councilId: fc.option(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'x'.repeat(201)), {
    nil: null,
  }),
  birthYear: fc.option(fc.integer({ min: 1890, max: 2015 }), { nil: null }),
  birthMonth: fc.integer({ min: 1, max: 12 }),
  psr: fc.constantFrom(
    null,
    'Unknown',
    'Physical support: Access and mobility only',
    'Sensory support: Support for dual impairment',
    'Support with Memory & Cognition',
    'Social support: Support to unpaid carer',
    'Mental health support',
  ),
  ethnicity: fc.constantFrom(
    null,
    'White: Irish',
    'No data: Refused',
    'Black, Black British, Caribbean or African: African',
    'Mixed - White and Asian',
    'Invalid and not mapped',
  ),
  client: fc.constantFrom('Service user', 'Unpaid carer', null),
  serviceType: fc.constantFrom(
    'Long term support: Nursing care',
    'Long term support: Residential care',
    'Long term support: Community',
    'Short term support: ST-Max',
  ),
  start: fc.constantFrom('2023-06-01', '2024-04-01', '2024-12-31', '2025-03-31', '2025-04-01'),
  end: fc.constantFrom(null, '2024-03-31', '2025-03-30', '2025-03-31', '2025-06-01'),
  death: fc.constantFrom(null, null, '2025-03-31', '2025-04-01'),
  dm: fc.constantFrom(null, 'Direct payment', 'CASSR commissioned support'),
  carer: fc.constantFrom(null, 'Yes', 'No', 'Unknown'),
});
const tableArbitrary = fc.array(rowArbitrary, { maxLength: 20 }).map((rows) =>
  rows.map((r, i) =>
    event(r.type, {
      row: i + 1,
      Der_NHS_LA_Combined_Person_ID: r.person,
      LA_Person_Unique_Identifier: r.councilId,
      Der_Birth_Year: r.birthYear,
      Der_Birth_Month: r.birthMonth,
      Primary_Support_Reason_Cleaned: r.psr,
      Ethnicity_Cleaned: r.ethnicity,
      Client_Type_Cleaned: r.client,
      Event_Start_Date: r.start,
      Event_End_Date: r.end,
      Date_of_Death: r.death,
      Delivery_Mechanism_Cleaned: r.dm,
      Has_Unpaid_Carer: r.carer,
      ...(r.type === 'Service' ? serviceType(r.serviceType) : {}),
    }),
  ),
);

describe('casePopulationFromClientLevelData properties', () => {
  it('safeSelectCaseSample accepts every record; every person is accounted for once', () => {
    fc.assert(
      fc.property(tableArbitrary, (events) => {
        const { records, excluded } = casePopulationFromClientLevelData(frozen(prepared(events)), {
          asOf: AS_OF,
        });
        for (const record of records)
          expect(safeParseCaseRecord(record, [])).toEqual({ success: true, data: record });
        const sample = safeSelectCaseSample(records, {
          seed: 'cld',
          size: 5,
          shortlistSize: 3,
          engageSize: 2,
          criteria: defaultCaseCriteria({ asOf: AS_OF }),
        });
        expect(sample.success && sample.data.problems).toEqual([]);
        expect(sample.success && sample.data.population).toBe(records.length);
        const people = new Set(events.map((e) => e.Der_NHS_LA_Combined_Person_ID));
        expect(records.length + excluded.length).toBe(people.size);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the events', () => {
    fc.assert(
      fc.property(tableArbitrary, (events) => {
        const a = casePopulationFromClientLevelData(prepared(events), { asOf: AS_OF });
        expect(
          casePopulationFromClientLevelData(prepared([...events].reverse()), { asOf: AS_OF }),
        ).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });
});

describe('casePopulationFromClientLevelData: council ids', () => {
  it('conflicting latest council ids leave the person out rather than guess', () => {
    const rows = [
      event('Service', {
        ...who('N'),
        LA_Person_Unique_Identifier: 'N-1',
        Event_Start_Date: '2024-06-01',
        Event_End_Date: null,
      }),
      event('Service', {
        ...who('N'),
        LA_Person_Unique_Identifier: 'N-2',
        Event_Start_Date: '2024-06-01',
        Event_End_Date: null,
      }),
    ];
    expect(casePopulationFromClientLevelData(prepared(rows), { asOf: AS_OF }).excluded).toEqual([
      { personId: 'N', reason: 'no-council-person-id' },
    ]);
  });
});
