// Collision-heavy variants of main-table rows for the fast-versus-plain measure tests: the
// text fields the measures compare get other letter cases and trailing spaces (equal under
// SQL Server's collation), a leading space (not equal), and record ids repeat, so the
// integer-coded fast paths meet every tie the plain versions settle by string comparison.
import fc from 'fast-check';
import type { MainTableEvent } from '../../../src/client-level-data/model.js';

const COMPARED_TEXT = [
  'Event_Type',
  'Event_Type_Cleaned',
  'Client_Type_Cleaned',
  'Service_Type_Cleaned',
  'Service_Component_Cleaned',
  'Delivery_Mechanism_Cleaned',
  'Event_Outcome_Cleaned',
  'Event_Outcome_Grouped',
  'Assessment_Type_Cleaned',
  'Accommodation_Status_Cleaned',
  'Gender_Cleaned',
  'Ethnicity_Cleaned',
  'Primary_Support_Reason_Cleaned',
  'Employment_Status_Cleaned',
  'Client_Funding_Status_Cleaned',
  'Has_Unpaid_Carer',
  'LA_Person_Unique_Identifier',
  'Adult_1_Linked_Person_ID',
  'Der_Working_Age_Band',
  'LA_Code',
] as const;

type Variant = 'same' | 'upper' | 'lower' | 'trailing' | 'leading';
const VARIANT = fc.constantFrom<Variant>(
  'same',
  'same',
  'same',
  'upper',
  'lower',
  'trailing',
  'leading',
);

function vary(value: string, variant: Variant): string {
  switch (variant) {
    case 'same':
      return value;
    case 'upper':
      return value.toUpperCase();
    case 'lower':
      return value.toLowerCase();
    case 'trailing':
      return `${value}  `;
    case 'leading':
      return ` ${value}`;
  }
}

/** An event with its compared text fields spelt differently (one variant per field), and its record id possibly repeated. */
export function collidingEvent(event: MainTableEvent): fc.Arbitrary<MainTableEvent> {
  return fc
    .record({
      variants: fc.array(VARIANT, {
        minLength: COMPARED_TEXT.length,
        maxLength: COMPARED_TEXT.length,
      }),
      recordId: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 2 }),
    })
    .map(({ variants, recordId }) => {
      const copy: Record<string, unknown> = { ...event };
      COMPARED_TEXT.forEach((field, i) => {
        const value = copy[field];
        if (typeof value === 'string') copy[field] = vary(value, variants[i]!);
      });
      if (recordId !== null) copy.Der_Unique_Record_ID = recordId;
      return copy as unknown as MainTableEvent;
    });
}

/** Every event of a list made colliding (see {@link collidingEvent}). */
export function collidingEvents(events: readonly MainTableEvent[]): fc.Arbitrary<MainTableEvent[]> {
  return fc.tuple(...events.map(collidingEvent));
}
