// fast-check arbitraries of main-table rows for the CLD measure properties: a few people,
// values drawn from the lists (and NULL, and other letter cases), dates 2023-01..2025-06.
import fc from 'fast-check';
import type { EventSpec } from './main-table.js';

const BASE_DAY = Date.UTC(2023, 0, 1) / 86_400_000;
const iso = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

const nullable = <T>(...values: T[]): fc.Arbitrary<T | null> =>
  fc.constantFrom<T | null>(null, ...values);

/** One row of one of `people` people, dated `fromDay`..`fromDay + spanDays` days after 2023-01-01. */
export function eventSpecArbitrary(
  people: readonly string[],
  fromDay = 0,
  spanDays = 900,
): fc.Arbitrary<EventSpec> {
  return fc
    .record({
      person: fc.constantFrom(...people),
      dob: fc.constantFrom(undefined, '1950-06-01', '1959-10-01', '1990-01-01', '2008-05-01'),
      Event_Type: fc.constantFrom<string | null>(
        'Service',
        'Service',
        'Service',
        'Assessment',
        'Review',
        'Request',
        'SERVICE',
        null,
      ),
      Client_Type_Cleaned: fc.constantFrom<string | null>(
        'Service user',
        'Service user',
        'Service user',
        'Unpaid carer',
        'Unpaid carer known by association',
        null,
      ),
      Service_Type_Cleaned: nullable(
        'Short term support: ST-Max',
        'Short term support: ST-Max',
        'Long term support: Community',
        'Long term support: Community',
        'Long term support: Residential care',
        'Long term support: Nursing care',
        'Long term support: Prison',
        'Short term support: Ongoing low level',
        'Short term support: Other short term',
        'Unpaid carer support: Direct to unpaid carer',
        'Unpaid carer support: Support involving the person cared-for',
        'Invalid and not mapped',
      ),
      Service_Component_Cleaned: nullable(
        'Direct payment',
        'Home support or domiciliary care',
        'Equipment',
        'Short term residential care',
        'Long term residential care',
        'Shared Lives',
        'Extra care housing',
      ),
      Delivery_Mechanism_Cleaned: nullable(
        'Direct payment',
        'CASSR managed personal budget',
        'CASSR commissioned support',
        'Invalid and not mapped',
      ),
      Event_Outcome_Cleaned: nullable(
        'NFA: Support ended as planned',
        'NFA: Information and advice or signposting',
        'NFA: Other',
        'Admitted to hospital',
        'Progress to support planning or services',
        'Continuation of support or services',
        'NFA: Self-funded client or under 12wk disregard',
        'Invalid and not mapped',
      ),
      start: fc.integer({ min: fromDay, max: fromDay + spanDays }),
      length: fc.option(fc.integer({ min: -3, max: 200 }), { freq: 3 }),
      Date_of_Death: fc.option(fc.constantFrom('2024-02-01', '2024-09-15', '2025-04-03'), {
        freq: 8,
      }),
      Gender_Cleaned: nullable('Male', 'Female', 'Unknown'),
      Accommodation_Status_Cleaned: nullable(
        'Owner occupier or shared ownership scheme',
        'Registered care home',
        'Unknown',
        'Refuge',
      ),
      Primary_Support_Reason_Cleaned: nullable(
        'Learning Disability Support',
        'Physical support: Personal care support',
      ),
      Adult_1_Linked_Person_ID: nullable(...people.map((p) => `LA-${p}`)),
      Ref_Period_End_Date: fc.constantFrom('2024-12-31', '2025-03-31'),
    })
    .map(({ start, length, dob, ...r }) => ({
      ...r,
      ...(dob === undefined ? {} : { dob }),
      LA_Person_Unique_Identifier: `LA-${r.person}`,
      Event_Start_Date: iso(BASE_DAY + start),
      Event_End_Date: length === null ? null : iso(BASE_DAY + start + length),
    }));
}
