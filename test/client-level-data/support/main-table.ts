// Test inputs for the CLD measures, built as main-table rows directly (DHSC column names,
// SQL NULL = null) so the measure tests do not depend on check/prepare.
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
