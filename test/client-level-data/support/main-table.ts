// Test inputs for the CLD measures, waiting times and bridges, built as main-table rows
// directly (DHSC column names, SQL NULL = null) so those tests do not depend on
// check/prepare (tested on their own). Two builders on one base of NULLs:
// - `mainTableEvent(spec)` / `prepared(specs)`: a bare service-user `Service` row, only what
//   the spec states (the ASCOF tests);
// - `event(type, overrides)` / `preparedTable(events)`: a typical event of a service user
//   aged 70 (band `65 and above`), LA `X01`, with the event type's usual fields (the
//   waiting-times and bridge tests).
import type {
  MainTableEvent,
  PreparedClientLevelData,
} from '../../../src/client-level-data/model.js';

/** What a test states about a row; `dob` (YYYY-MM-DD, the 1st of a month) fills birth year and month. */
export type EventSpec = Partial<MainTableEvent> & {
  readonly person: string;
  readonly dob?: string;
};

const NULLS = {
  LA_Name: 'Example Council',
  Reporting_Period_Start_Date: null,
  Reporting_Period_End_Date: null,
  ImportDate: null,
  LA_Person_Unique_Identifier: null,
  NHS_Number: null,
  Der_NHS_Number_Traced_Pseudo: null,
  Date_of_Birth: null,
  Der_Birth_Year: null,
  Der_Birth_Month: null,
  Der_Age_Event_Start_Date: null,
  Date_of_Death: null,
  Gender_Raw: null,
  Gender_Cleaned: null,
  Ethnicity_Raw: null,
  Ethnicity_Cleaned: null,
  Ethnicity_Grouped: null,
  Client_Type_Raw: null,
  Primary_Support_Reason_Raw: null,
  Primary_Support_Reason_Cleaned: null,
  Accommodation_Status_Raw: null,
  Accommodation_Status_Cleaned: null,
  Employment_Status_Raw: null,
  Employment_Status_Cleaned: null,
  Has_Unpaid_Carer: null,
  Client_Funding_Status_Raw: null,
  Client_Funding_Status_Cleaned: null,
  Event_Reference: null,
  Event_End_Date: null,
  Event_Outcome_Raw: null,
  Event_Outcome_Cleaned: null,
  Event_Outcome_Grouped: null,
  Event_Outcome_Hierarchy: null,
  Der_Conversation: null,
  Der_Conversation_1: null,
  Request_Route_of_Access: null,
  Assessment_Type_Raw: null,
  Assessment_Type_Cleaned: null,
  Eligible_Needs_Identified: null,
  Method_of_Assessment: null,
  Total_Hrs_Caring_per_week: null,
  No_of_adults_being_cared_for: null,
  Adult_1_Linked_Person_ID: null,
  Adult_2_Linked_Person_ID: null,
  Adult_3_Linked_Person_ID: null,
  Service_Type_Raw: null,
  Service_Type_Cleaned: null,
  Service_Type_Grouped: null,
  Service_Component_Raw: null,
  Service_Component_Cleaned: null,
  Delivery_Mechanism_Raw: null,
  Delivery_Mechanism_Cleaned: null,
  Provider_CQC_Location_ID: null,
  Unit_Cost: null,
  Cost_Frequency_Unit_Type: null,
  Planned_units_per_week: null,
  Review_Reason_Raw: null,
  Review_Reason_Cleaned: null,
  Review_Outcomes_Achieved: null,
  Method_of_Review: null,
  Review_Type: null,
  Der_Latest_Age: null,
} as const;

/** One main-table row: a service-user `Service` event in council X01 unless the spec says otherwise. */
export function mainTableEvent(spec: EventSpec, index = 0): MainTableEvent {
  const { person, dob, ...fields } = spec;
  const birth =
    dob === undefined
      ? {}
      : { Der_Birth_Year: Number(dob.slice(0, 4)), Der_Birth_Month: Number(dob.slice(5, 7)) };
  const eventType = fields.Event_Type ?? 'Service';
  return {
    ...NULLS,
    row: index + 1,
    LA_Code: 'X01',
    Der_Unique_Record_ID: index + 1,
    Der_NHS_LA_Combined_Person_ID: person,
    Client_Type_Cleaned: 'Service user',
    Event_Type: eventType,
    Event_Type_Cleaned: eventType,
    Event_Start_Date: null,
    Ref_Period_Start_Date: '2023-04-01',
    Ref_Period_End_Date: '2025-03-31',
    Der_Event_End_Date: fields.Event_End_Date ?? null,
    Der_Age_Band: 'Unknown',
    Der_Working_Age_Band: 'Unknown',
    Der_Unique_Event_Ref: `X01_${index + 1}`,
    ...birth,
    ...fields,
  };
}

/** A prepared table of the given rows (record ids 1, 2, … in the order given). */
export function prepared(specs: readonly EventSpec[]): PreparedClientLevelData {
  return {
    laCode: 'X01',
    periodStart: '2023-04-01',
    periodEnd: '2025-03-31',
    events: specs.map((s, i) => mainTableEvent(s, i)),
  };
}

let nextRow = 1;

/** The event-type fields of one event type. */
const TYPE_DEFAULTS: Record<string, Partial<MainTableEvent>> = {
  Request: {
    Event_Type: 'Request',
    Event_Type_Cleaned: 'Request',
    Event_Outcome_Cleaned: 'Progress to assessment, review or reassessment',
    Event_Outcome_Grouped: 'Progress to assessment, review or reassessment',
  },
  Assessment: {
    Event_Type: 'Assessment',
    Event_Type_Cleaned: 'Assessment',
    Assessment_Type_Raw: 'Long term assessment',
    Assessment_Type_Cleaned: 'Long term assessment',
    Event_Outcome_Cleaned: 'Progress to support planning or services',
    Event_Outcome_Grouped: 'Progress to support planning or services',
  },
  Service: {
    Event_Type: 'Service',
    Event_Type_Cleaned: 'Service',
    Service_Type_Raw: 'Long term support: Community',
    Service_Type_Cleaned: 'Long term support: Community',
    Service_Type_Grouped: 'Long term support',
  },
  Review: { Event_Type: 'Review', Event_Type_Cleaned: 'Review' },
};

/**
 * One main-table event. `type` picks the event-type defaults; `overrides` set anything
 * else. The row number counts up across calls unless given, so each event is distinct.
 */
export function event(
  type: 'Request' | 'Assessment' | 'Service' | 'Review',
  overrides: Partial<MainTableEvent> = {},
): MainTableEvent {
  const row = overrides.row ?? nextRow++;
  const base: MainTableEvent = {
    ...NULLS,
    row,
    LA_Code: 'X01',
    LA_Name: 'Anyshire',
    Reporting_Period_Start_Date: '2023-04-01',
    Reporting_Period_End_Date: '2026-03-31',
    Der_Unique_Record_ID: row,
    LA_Person_Unique_Identifier: 'P1',
    Der_Birth_Year: 1954,
    Der_Birth_Month: 1,
    Der_Age_Event_Start_Date: 70,
    Gender_Raw: 'Female',
    Gender_Cleaned: 'Female',
    Ethnicity_Raw: 'White: Irish',
    Ethnicity_Cleaned: 'White: Irish',
    Ethnicity_Grouped: 'White',
    Client_Type_Raw: 'Service user',
    Client_Type_Cleaned: 'Service user',
    Primary_Support_Reason_Raw: 'Physical support: Personal care support',
    Primary_Support_Reason_Cleaned: 'Physical support: Personal care support',
    Event_Type: type,
    Event_Type_Cleaned: type,
    Event_Start_Date: '2024-05-01',
    Event_End_Date: '2024-05-01',
    Ref_Period_Start_Date: '2023-04-01',
    Ref_Period_End_Date: '2026-03-31',
    Der_Event_End_Date: null,
    Der_NHS_LA_Combined_Person_ID: 'P1',
    Der_Latest_Age: 70,
    Der_Age_Band: '65 to 74',
    Der_Working_Age_Band: '65 and above',
    Der_Unique_Event_Ref: `X01_${row}`,
    ...TYPE_DEFAULTS[type],
  };
  const merged = { ...base, ...overrides };
  // The derived end date follows the raw end unless a test sets it.
  return 'Der_Event_End_Date' in overrides
    ? merged
    : { ...merged, Der_Event_End_Date: merged.Event_End_Date };
}

/** A prepared main table holding `events` (as built by {@link event}). */
export function preparedTable(
  events: readonly MainTableEvent[],
  periodStart = '2023-04-01',
  periodEnd = '2026-03-31',
): PreparedClientLevelData {
  return { laCode: 'X01', periodStart, periodEnd, events };
}

/** Fields of a request with the given outcome (cleaned and grouped as DHSC's lists do). */
export function outcome(
  value: string | null,
): Pick<MainTableEvent, 'Event_Outcome_Cleaned' | 'Event_Outcome_Grouped'> {
  const grouped = value === null ? null : value.startsWith('NFA') ? 'NFA' : value;
  return { Event_Outcome_Cleaned: value, Event_Outcome_Grouped: grouped };
}

/** Fields of a service of the given type. */
export function serviceType(
  value: string,
): Pick<MainTableEvent, 'Service_Type_Raw' | 'Service_Type_Cleaned' | 'Service_Type_Grouped'> {
  return {
    Service_Type_Raw: value,
    Service_Type_Cleaned: value,
    Service_Type_Grouped: value.split(':')[0]!,
  };
}

/** Person fields: a person id (combined and council) and ages. */
export function person(
  id: string,
  age = 70,
  band: MainTableEvent['Der_Working_Age_Band'] = age >= 65
    ? '65 and above'
    : age >= 18
      ? '18 to 64'
      : 'Under 18',
): Partial<MainTableEvent> {
  return {
    Der_NHS_LA_Combined_Person_ID: id,
    LA_Person_Unique_Identifier: id,
    Der_Age_Event_Start_Date: age,
    Der_Latest_Age: age,
    Der_Working_Age_Band: band,
  };
}

/** Deep-freezes a value (for "never mutates its input" tests). */
export function frozen<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) frozen(v);
  }
  return value;
}
