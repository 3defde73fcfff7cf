// The fast prepareClientLevelData (integer-coded unique events, one sort) against the plain
// reference version (joined string keys) on random files built to collide: few people,
// dates, letter-case and trailing-space variants, NULLs, equal record ids, cost lines, and
// several ImportDates for the joined mode. Everything must be equal: the events (with their
// Der_Unique_Event_Ref numbers), the trace, the summary.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkClientLevelData, prepareClientLevelData } from '../../src/client-level-data/index.js';
import { referencePrepareClientLevelData } from './support/reference-prepare.js';

const pick = <T>(...values: T[]): fc.Arbitrary<T> => fc.constantFrom(...values);
const rowArbitrary = (withImports: boolean) =>
  fc.record({
    LA_Code: pick('X01', 'X01', 'x01 ', ''),
    LA_Person_Unique_Identifier: pick('A', 'a', 'A ', 'B'),
    NHS_Number: pick('', '', '', '9000000001'),
    Der_Birth_Year: pick('', '1950', '1990', '2008'),
    Der_Birth_Month: pick('', '1', '6', '12'),
    Client_Type: pick('Service user', 'service user ', 'Service user', 'Unpaid carer'),
    Event_Type: pick(
      'Service',
      'service',
      'SERVICE ',
      'Service',
      'Request',
      'Assessment',
      'Review',
      '',
    ),
    Event_Start_Date: pick('2024-01-01', '2024-04-01', '2024-07-01'),
    Event_End_Date: pick('', '', '2024-06-30', '2024-09-30', '2025-04-02'),
    Date_of_Death: pick('', '', '', '2024-05-01', '2025-01-01'),
    Event_Outcome: pick('', 'NFA - No identified needs', 'Progress to Assessment'),
    Der_Conversation: pick('', '1', '2'),
    Der_Unique_Record_ID: pick('1', '2', '2', '3'),
    Request_Route_of_Access: pick('', 'Community', 'community '),
    Assessment_Type: pick(
      '',
      'Long Term Support Needs Assessment',
      'long term support needs assessment',
    ),
    Service_Type: pick('Long term support: Community', 'long term support: community ', ''),
    Service_Component: pick('', 'Direct Payment', 'direct payment'),
    Delivery_Mechanism: pick('', 'Direct Payment', 'CASSR Managed Personal Budget'),
    Unit_Cost: pick('', '10', '10.00', '10.004', '10.005', '-2.5'),
    Cost_Frequency_Unit_Type: pick('', 'Hourly', 'hourly', 'Weekly'),
    Planned_units_per_week: pick('', '7', '7.0', '3.333'),
    ImportDate: withImports
      ? pick('2024-08-20', '2024-11-20', '2025-02-20', '2025-05-20')
      : fc.constant(''),
  });

/** Base rows and resubmitted copies of them that differ in the fields the d.6 order reads. */
const fileArbitrary = (withImports: boolean) =>
  fc
    .tuple(
      fc.array(rowArbitrary(withImports), { minLength: 1, maxLength: 25 }),
      fc.array(
        fc.record({
          of: fc.nat(),
          LA_Person_Unique_Identifier: pick(undefined, 'a', 'A '),
          Event_End_Date: pick(undefined, '', '2024-09-30', '2025-04-02'),
          Event_Outcome: pick(undefined, '', 'NFA - No identified needs'),
          Der_Conversation: pick(undefined, '', '1', '2'),
          Der_Unique_Record_ID: pick(undefined, '1', '2', '3'),
          Unit_Cost: pick(undefined, '10.00', '10.004'),
          ImportDate: withImports
            ? pick(undefined, '2024-08-20', '2024-11-20', '2025-02-20', '2025-05-20')
            : fc.constant(undefined),
        }),
        { maxLength: 40 },
      ),
    )
    .map(([bases, copies]) => [
      ...bases,
      ...copies.map(({ of, ...changes }) => {
        const copy = { ...bases[of % bases.length]! };
        for (const [field, value] of Object.entries(changes))
          if (value !== undefined) copy[field as keyof typeof copy] = value;
        return copy;
      }),
    ]);

function both(rows: readonly Record<string, string>[], mode: 'single' | 'joined') {
  const checked = checkClientLevelData(rows, { laCode: 'X01' });
  if (!checked.success) throw new Error(checked.issues[0]!.message);
  const options = { periodStart: '2024-04-01', periodEnd: '2025-03-31', laCode: 'X01', mode };
  return {
    fast: prepareClientLevelData(checked.data, options),
    reference: referencePrepareClientLevelData(checked.data, options),
  };
}

describe('prepareClientLevelData agrees with the plain reference version', () => {
  it('one submission (single mode): the same events, refs, trace and summary', () => {
    fc.assert(
      fc.property(fileArbitrary(false), (rows) => {
        const { fast, reference } = both(rows, 'single');
        expect(fast).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });

  it('every person id its own key (NHS numbers only): the person ranks are the id ranks', () => {
    const nhs = pick('9000000001', '9434765919', '4010232137', '9876543210');
    fc.assert(
      fc.property(
        fileArbitrary(false),
        fc.array(nhs, { minLength: 70, maxLength: 70 }),
        (rows, numbers) => {
          const { fast, reference } = both(
            rows.map((r, i) => ({ ...r, NHS_Number: numbers[i % numbers.length]! })),
            'single',
          );
          expect(fast).toEqual(reference);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('several ImportDates, single and joined modes (selection, cropping, later file first)', () => {
    fc.assert(
      fc.property(
        fileArbitrary(true),
        pick<'single' | 'joined'>('single', 'joined'),
        (rows, mode) => {
          const { fast, reference } = both(rows, mode);
          expect(fast).toEqual(reference);
        },
      ),
      { numRuns: 300 },
    );
  });
});
