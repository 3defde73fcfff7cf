// A fast-check arbitrary of small waiting-times main tables: few people, few dates (so ties in
// the timeline are common), every outcome family, conversation flags, ages around 25 and
// bands including Unknown, NULLs where the model allows them.
import fc from 'fast-check';
import type { MainTableEvent } from '../../../src/client-level-data/model.js';
import { event, outcome, serviceType } from './main-table.js';

const DATES = [
  '2023-03-31',
  '2023-04-01',
  '2024-02-29',
  '2024-05-31',
  '2024-06-01',
  '2024-06-02',
  '2025-06-30',
  '2025-07-01',
  '2025-07-02',
];
const OUTCOMES = [
  null,
  'Progress to reablement/ST-Max',
  'Progress to assessment, review or reassessment',
  'Progress to support planning or services',
  'Continuation of support or services',
  'Release 1 specification only: Not mapped',
  'Admitted to hospital',
  'NFA: Other',
  'Invalid and not mapped',
];
const SERVICE_TYPES = [
  'Long term support: Community',
  'Long term support: Nursing care',
  'Short term support: ST-Max',
  'Short term support: Ongoing low level',
  'Short term support: Other short term',
  'Unpaid carer support: Direct to unpaid carer',
];

const eventArbitrary = fc
  .record({
    type: fc.constantFrom(
      'Request' as const,
      'Request' as const,
      'Request' as const,
      'Assessment' as const,
      'Assessment' as const,
      'Service' as const,
      'Review' as const,
    ),
    person: fc.constantFrom('A', 'B', 'b'),
    start: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...DATES.slice(3, 6)) },
      { weight: 1, arbitrary: fc.constantFrom(...DATES) },
    ),
    end: fc.option(fc.constantFrom(...DATES), { nil: null }),
    // Weighted towards valid journeys, so links and overlaps are common.
    outcome: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...OUTCOMES.slice(1, 5)) },
      { weight: 1, arbitrary: fc.constantFrom(...OUTCOMES) },
    ),
    conversation: fc.constantFrom(null, 0, 1),
    age: fc.oneof(
      { weight: 4, arbitrary: fc.constant(70) },
      { weight: 1, arbitrary: fc.constantFrom(null, 24, 25, 64) },
    ),
    band: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('18 to 64' as const, '65 and above' as const) },
      { weight: 1, arbitrary: fc.constantFrom('Unknown' as const, 'Under 18' as const) },
    ),
    client: fc.oneof(
      { weight: 4, arbitrary: fc.constant('Service user') },
      { weight: 1, arbitrary: fc.constantFrom('service user', 'Unpaid carer', null) },
    ),
    serviceType: fc.oneof(
      { weight: 2, arbitrary: fc.constant('Short term support: Ongoing low level') },
      { weight: 1, arbitrary: fc.constantFrom(...SERVICE_TYPES) },
    ),
    assessmentType: fc.constantFrom(
      'Long term assessment',
      'Short term assessment',
      'Invalid and not mapped',
      null,
    ),
    importDate: fc.option(fc.constantFrom('2024-07-01T00:00:00', '2025-01-01T00:00:00'), {
      nil: null,
    }),
    recordId: fc.integer({ min: 1, max: 5 }),
  })
  .map((r) => ({ ...r }));

/** Events with distinct rows (rows are the events' identity in the main table). */
export const waitingTimesTableArbitrary = fc.array(eventArbitrary, { maxLength: 14 }).map((specs) =>
  specs.map(
    (s, i): MainTableEvent =>
      event(s.type, {
        row: i + 1,
        Der_Unique_Record_ID: s.recordId,
        Der_Unique_Event_Ref: `X01_${i + 1}`,
        Der_NHS_LA_Combined_Person_ID: s.person,
        Event_Start_Date: s.start,
        Event_End_Date: s.end,
        Der_Event_End_Date: s.end,
        ...outcome(s.outcome),
        Der_Conversation: s.conversation,
        Der_Age_Event_Start_Date: s.age,
        Der_Working_Age_Band: s.band,
        Client_Type_Cleaned: s.client,
        ImportDate: s.importDate,
        ...(s.type === 'Service' ? serviceType(s.serviceType) : {}),
        ...(s.type === 'Assessment' ? { Assessment_Type_Cleaned: s.assessmentType } : {}),
      }),
  ),
);
