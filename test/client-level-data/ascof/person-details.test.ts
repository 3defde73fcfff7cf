// Latest person details (reference e.0; DHSC Create_personal_details_table.sql): hand-worked
// rules, period 2024-04-01..2025-03-31. Rows default to Ref_Period_End_Date 2025-03-31.
import { describe, expect, it } from 'vitest';
import {
  latestPersonDetails,
  type LatestPersonDetails,
} from '../../../src/client-level-data/ascof/index.js';
import { prepared, type EventSpec } from '../support/main-table.js';

const PERIOD = { periodStart: '2024-04-01', periodEnd: '2025-03-31' };
const A = {
  Event_Type: 'Assessment',
  Event_Start_Date: '2024-01-01',
  Event_End_Date: '2024-01-31',
} as const;
const LATER = {
  Event_Type: 'Assessment',
  Event_Start_Date: '2024-06-01',
  Event_End_Date: '2024-06-30',
} as const;

function details(rows: EventSpec[]): Map<string, LatestPersonDetails> {
  return new Map(
    latestPersonDetails(prepared(rows), PERIOD).map((d) => [d.Der_NHS_LA_Combined_Person_ID, d]),
  );
}

describe('latest person details: choosing a value', () => {
  const d = details([
    // Tied rank-1 rows: genders conflict → Unknown; 'Refuge' and 'refuge' are one value under the collation.
    { person: 'T', ...A, Gender_Cleaned: 'Male', Accommodation_Status_Cleaned: 'Refuge' },
    { person: 'T', ...A, Gender_Cleaned: 'Female', Accommodation_Status_Cleaned: 'refuge' },
    // A known value beats a later unknown one.
    {
      person: 'K',
      ...A,
      Gender_Cleaned: 'Female',
      Accommodation_Status_Cleaned: 'Refuge',
      Primary_Support_Reason_Cleaned: 'Physical support: Personal care support',
      Client_Funding_Status_Cleaned: 'Fully client funded',
    },
    {
      person: 'K',
      ...LATER,
      Gender_Cleaned: 'Unknown',
      Primary_Support_Reason_Cleaned: 'Social support: Support to unpaid carer',
      Client_Funding_Status_Cleaned: 'Something else',
    },
    // A later submission beats a later event.
    {
      person: 'R',
      ...A,
      Event_End_Date: '2024-05-01',
      Ethnicity_Cleaned: 'Asian or Asian British: Indian',
    },
    {
      person: 'R',
      ...LATER,
      Event_End_Date: '2025-01-31',
      Ref_Period_End_Date: '2024-12-31',
      Ethnicity_Cleaned: 'White: Irish',
    },
    // Ethnicity: Refused (rank 1) beats a later NULL (undeclared, rank 0).
    { person: 'E', ...A, Ethnicity_Cleaned: 'No data: Refused' },
    { person: 'E', ...LATER },
    // Employment: all NULL keeps `Invalid and not mapped`; tied `Unknown` and `Invalid…` conflict → Unknown.
    { person: 'M1', ...A },
    { person: 'M2', ...A, Employment_Status_Cleaned: 'Unknown' },
    { person: 'M2', ...A, Employment_Status_Cleaned: 'Invalid and not mapped' },
    // Only `Support to unpaid carer` as PSR: kept; only an invalid funding status: Unknown.
    {
      person: 'S',
      ...A,
      Primary_Support_Reason_Cleaned: 'Social support: Support to unpaid carer',
      Client_Funding_Status_Cleaned: 'Invalid and not mapped',
    },
  ]);

  it('turns tied conflicting values into Unknown, compares case-insensitively', () => {
    expect([d.get('T')?.Gender, d.get('T')?.Accommodation_Status]).toEqual(['Unknown', 'Refuge']);
  });
  it('prefers known values, then the later submission', () => {
    expect([
      d.get('K')?.Gender,
      d.get('K')?.Accommodation_Status,
      d.get('K')?.Primary_Support_Reason,
      d.get('K')?.Client_Funding_Status,
    ]).toEqual([
      'Female',
      'Refuge',
      'Physical support: Personal care support',
      'Fully client funded',
    ]);
    expect(d.get('R')?.Ethnicity).toBe('Asian or Asian British: Indian');
    expect(d.get('E')?.Ethnicity).toBe('No data: Refused');
  });
  it('reproduces the employment quirk', () => {
    expect([d.get('M1')?.Employment_Status, d.get('M2')?.Employment_Status]).toEqual([
      'Invalid and not mapped',
      'Unknown',
    ]);
  });
  it('keeps a not-known PSR when it is the only one; maps an invalid funding status to Unknown', () => {
    expect([d.get('S')?.Primary_Support_Reason, d.get('S')?.Client_Funding_Status]).toEqual([
      'Social support: Support to unpaid carer',
      'Unknown',
    ]);
  });
});

describe('latest person details: birth, age and death', () => {
  const d = details([
    // Same submission: the EARLIEST birth year/month wins; a later submission with no month does not.
    { person: 'B', ...A, Der_Birth_Year: 1950, Der_Birth_Month: 6, Date_of_Death: '2025-01-05' },
    { person: 'B', ...A, Der_Birth_Year: 1949, Der_Birth_Month: 3, Date_of_Death: '2025-02-10' },
    {
      person: 'B',
      ...LATER,
      Ref_Period_End_Date: '2025-06-30',
      Der_Birth_Year: 1940,
      Der_Birth_Month: null,
    },
    // Born 2025-01-01: age 0 at E → `Unknown` band (1–17 is Under 18).
    { person: 'Z', ...A, dob: '2025-01-01' },
    { person: 'Y', ...A, dob: '2010-01-01' },
    // The boundary of the proxy DOB (dates.ts): 1000 is the first year DHSC's CAST reads.
    { person: 'M', ...A, Der_Birth_Year: 1000, Der_Birth_Month: 1 },
    { person: 'N', ...A, Der_Birth_Year: 999, Der_Birth_Month: 12 },
  ]);

  it('chooses the earliest complete birth date; age = floor(days / 365.25) at E', () => {
    // 1949-03-01 → 2025-03-31: 27,789 days / 365.25 = 76.08 → 76.
    expect(d.get('B')).toMatchObject({
      Der_Birth_Year: 1949,
      Der_Birth_Month: 3,
      Der_Birth_Date: '1949-03-01',
      Der_Age_End_Of_Period: 76,
      Der_Working_Age_Band_End_Of_Period: '65 and above',
    });
  });
  it('chooses the latest date of death', () => {
    expect(d.get('B')?.Date_of_Death).toBe('2025-02-10');
  });
  it('bands age 0 as Unknown and 15 as Under 18', () => {
    expect([
      d.get('Z')?.Der_Working_Age_Band_End_Of_Period,
      d.get('Y')?.Der_Working_Age_Band_End_Of_Period,
    ]).toEqual(['Unknown', 'Under 18']);
  });
  it('has a birth date from year 1000 and none for year 999, as the main table', () => {
    // 1000-01-01 → 2025-03-31: 374,463 days (prepare.test.ts works it) / 365.25 = 1,025.2 → 1025.
    expect(d.get('M')).toMatchObject({
      Der_Birth_Date: '1000-01-01',
      Der_Age_End_Of_Period: 1025,
      Der_Working_Age_Band_End_Of_Period: '65 and above',
    });
    expect(d.get('N')).toMatchObject({
      Der_Birth_Year: 999,
      Der_Birth_Date: null,
      Der_Age_End_Of_Period: null,
      Der_Working_Age_Band_End_Of_Period: 'Unknown',
    });
  });
});

describe('latest person details: has unpaid carer', () => {
  const d = details([
    { person: 'U1', ...A, LA_Person_Unique_Identifier: 'LA-17 ', Has_Unpaid_Carer: 'No' },
    { person: 'U2', ...A, LA_Person_Unique_Identifier: 'LA-18', Has_Unpaid_Carer: 'no' },
    { person: 'U3', ...A, Has_Unpaid_Carer: 'Maybe' },
    // A carer in the period names 'la-17' (other case; trailing space ignored) → U1 forced to Yes.
    {
      person: 'C1',
      Client_Type_Cleaned: 'Unpaid carer',
      Event_Type: 'Assessment',
      Event_Start_Date: '2024-06-01',
      Event_End_Date: '2024-06-01',
      Adult_2_Linked_Person_ID: 'la-17',
    },
    // A carer row that ended before the period does not force U2.
    {
      person: 'C2',
      Client_Type_Cleaned: 'Unpaid carer',
      Event_Type: 'Assessment',
      Event_Start_Date: '2024-03-01',
      Event_End_Date: '2024-03-31',
      Adult_1_Linked_Person_ID: 'LA-18',
    },
  ]);

  it('is forced to Yes only by a carer row overlapping the period', () => {
    expect(['U1', 'U2', 'U3'].map((p) => d.get(p)?.Has_Unpaid_Carer)).toEqual([
      'Yes',
      'No',
      'Unknown',
    ]);
  });
});

describe('latest person details: accommodation inferred from services', () => {
  const service = (
    person: string,
    type: string,
    component: string | null,
    end: string | null = null,
  ): EventSpec => ({
    person,
    Service_Type_Cleaned: type,
    Service_Component_Cleaned: component,
    Event_Start_Date: '2024-01-01',
    Event_End_Date: end,
  });
  const d = details([
    service('I1', 'Long term support: Nursing care', null),
    // Two rank-1 services with different useful components → component NULL → Community + NULL.
    service('I2', 'Long term support: Community', 'Shared Lives'),
    service('I2', 'Long term support: Community', 'Extra care housing'),
    service('I3', 'Long term support: Community', 'Community supported living'),
    service('I4', 'Long term support: Prison', null),
    { person: 'I5', ...A },
    // The open service ranks before the ended nursing one.
    service('I6', 'Long term support: Nursing care', null, '2024-02-01'),
    service('I6', 'Long term support: Community', 'Home support or domiciliary care'),
    service('I7', 'Long term support: Community', 'Direct payment'),
    // A recorded conflict (Refuge vs care home on tied rows) is Unknown, so inference runs.
    {
      ...service('I8', 'Long term support: Community', 'Home support or domiciliary care'),
      Accommodation_Status_Cleaned: 'Refuge',
    },
    {
      ...service('I8', 'Long term support: Community', 'Home support or domiciliary care'),
      Accommodation_Status_Cleaned: 'Registered care home',
    },
    // A recorded known value is not replaced.
    {
      ...service('I9', 'Long term support: Nursing care', null),
      Accommodation_Status_Cleaned: 'Owner occupier or shared ownership scheme',
    },
  ]);

  it('maps the rank-1 service type and component', () => {
    expect(
      ['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9'].map((p) => [
        d.get(p)?.Accommodation_Status,
        d.get(p)?.Accommodation_Status_Group,
        d.get(p)?.Accommodation_Status_Inferred,
      ]),
    ).toEqual([
      ['Registered nursing home', 0, true],
      ['Unknown: Presumed in community', 0, true],
      ['Supported accommodation, supported lodgings or supported group home', 1, true],
      ['Prison, young offenders institution or detention centre', 0, true],
      ['Unknown', 0, true],
      ['Unknown: Presumed at home', 1, true],
      ['Unknown: Presumed in community', 0, true],
      ['Unknown: Presumed at home', 1, true],
      ['Owner occupier or shared ownership scheme', 1, false],
    ]);
  });

  it('rejects a malformed period as programmer misuse', () => {
    expect(() =>
      latestPersonDetails(prepared([]), { periodStart: '2024-02-30', periodEnd: '2025-03-31' }),
    ).toThrow(RangeError);
    expect(() =>
      latestPersonDetails(prepared([]), { periodStart: '2025-04-01', periodEnd: '2025-03-31' }),
    ).toThrow(RangeError);
  });
});
