// Collision-heavy variants of main-table rows for the fast-versus-plain measure tests: the
// text fields the measures compare get other letter cases and trailing spaces (equal under
// SQL Server's collation), a leading space (not equal), and record ids repeat, so the
// integer-coded fast paths meet every tie the plain versions settle by string comparison;
// and the other inputs those tests share.
import fc from 'fast-check';
import {
  checkClientLevelData,
  prepareClientLevelData,
} from '../../../src/client-level-data/index.js';
import type {
  MainTableEvent,
  PreparedClientLevelData,
} from '../../../src/client-level-data/model.js';
import { generateClientLevelData } from '../../../src/testing/client-level-data.js';

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
function collidingEvent(event: MainTableEvent): fc.Arbitrary<MainTableEvent> {
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

/** The table with its events sorted by person id, as prepare leaves them (the fast groupings' path without a map). */
export function sortedByPerson(p: PreparedClientLevelData): PreparedClientLevelData {
  const events = [...p.events].sort((a, b) =>
    a.Der_NHS_LA_Combined_Person_ID < b.Der_NHS_LA_Combined_Person_ID
      ? -1
      : a.Der_NHS_LA_Combined_Person_ID > b.Der_NHS_LA_Combined_Person_ID
        ? 1
        : 0,
  );
  return { ...p, events };
}

/** Generated rows (60 people, 2023-04-01..2025-03-31) checked and prepared, or undefined when either step rejects them. */
export function generatedPrepared(seed: number): PreparedClientLevelData | undefined {
  const period = { periodStart: '2023-04-01', periodEnd: '2025-03-31' };
  const { rows } = generateClientLevelData({ seed, people: 60, ...period });
  const checked = checkClientLevelData(rows);
  if (!checked.success) return undefined;
  const p = prepareClientLevelData(checked.data, period);
  return p.success ? p.data : undefined;
}
