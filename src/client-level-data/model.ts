// The Adult Social Care Client Level Data (CLD) record, Release 2, in the shapes the
// library's CLD functions pass between them. Field names are the national database's
// column names (`Event_Start_Date`, `Der_NHS_LA_Combined_Person_ID`, …) exactly as DHSC's
// code and our reference (shared/domain/client-level-data/README.md, sections b and d) use
// them, so a reader can follow every rule from the source to this code without a
// translation table. SQL NULL is `null`; dates are ISO `YYYY-MM-DD` strings; `ImportDate`
// is an ISO date-time string (`YYYY-MM-DDTHH:MM:SS[.fff]`).
//
// This file is the contract between the CLD steps: check → prepare (main table) →
// measures (ASCOF, waiting times) and the bridges into case tracking and the information
// return. Add fields here, in one place, never a second shape of the same record.

/** An ISO calendar date `YYYY-MM-DD`. */
export type CldDate = string;

/**
 * One CLD row after {@link checkClientLevelData}: the submitted values, dates parsed to
 * ISO, numbers parsed, and each defined-list field cleaned to its Release 2 value as
 * DHSC's `GetDerivedFields` does (`<Field>_Raw` is what the file said, `<Field>_Cleaned`
 * the R2 value, `Invalid and not mapped` when it could not be mapped, `null` when blank).
 */
export interface ClientLevelDataEvent {
  /** 1-based number of the data row in the input (the first row after the header is 1). */
  readonly row: number;

  // Submission information (reference b.1)
  /** Council code (the CASSR code). */
  readonly LA_Code: string | null;
  /** Council name. */
  readonly LA_Name: string | null;
  /** Start of the period the council states for the file. */
  readonly Reporting_Period_Start_Date: CldDate | null;
  /** End of the period the council states for the file. */
  readonly Reporting_Period_End_Date: CldDate | null;
  /** When the file was loaded (national layout); `null` in a council's own submission file. */
  readonly ImportDate: string | null;
  /** Database load record id (national layout); the row number when absent, so later rows win ties as newer loads do. */
  readonly Der_Unique_Record_ID: number;

  // Person details (reference b.2)
  /** The council's own person id (carer rows link to it). */
  readonly LA_Person_Unique_Identifier: string | null;
  /** The NHS number as the council submitted it (submission layout) or `Der_NHS_Number_Pseudo` (national layout). */
  readonly NHS_Number: string | null;
  /** `Der_NHS_Number_Traced_Pseudo` (national layout only). */
  readonly Der_NHS_Number_Traced_Pseudo: string | null;
  /** Full date of birth (submission layout only). */
  readonly Date_of_Birth: CldDate | null;
  /** Year of birth: `Der_Birth_Year`, or derived from `Date_of_Birth`. */
  readonly Der_Birth_Year: number | null;
  /** Month of birth (1–12): `Der_Birth_Month`, or derived from `Date_of_Birth`. */
  readonly Der_Birth_Month: number | null;
  /** `Der_Age_Event_Start_Date` when the file has it, otherwise derived (floor(days(proxy DOB, start)/365.25)). */
  readonly Der_Age_Event_Start_Date: number | null;
  /** Date of death. */
  readonly Date_of_Death: CldDate | null;
  /** `Gender` as submitted (`null` when blank). */
  readonly Gender_Raw: string | null;
  /** `Gender` cleaned to its Release 2 value (reference d.4); `Invalid and not mapped` when unmappable. */
  readonly Gender_Cleaned: string | null;
  /** `Ethnicity` as submitted (`null` when blank). */
  readonly Ethnicity_Raw: string | null;
  /** `Ethnicity` cleaned to its Release 2 value (reference d.4); `Invalid and not mapped` when unmappable. */
  readonly Ethnicity_Cleaned: string | null;
  /** The group of the cleaned `Ethnicity` (reference c.2). */
  readonly Ethnicity_Grouped: string | null;
  /** `Client_Type` as submitted (`null` when blank). */
  readonly Client_Type_Raw: string | null;
  /** `Client_Type` cleaned to its Release 2 value (reference d.4); `Invalid and not mapped` when unmappable. */
  readonly Client_Type_Cleaned: string | null;
  /** `Primary_Support_Reason` as submitted (`null` when blank). */
  readonly Primary_Support_Reason_Raw: string | null;
  /** `Primary_Support_Reason` cleaned to its Release 2 value (reference d.4); `Invalid and not mapped` when unmappable. */
  readonly Primary_Support_Reason_Cleaned: string | null;
  /** `Accommodation_Status` as submitted (`null` when blank). */
  readonly Accommodation_Status_Raw: string | null;
  /** `Accommodation_Status` cleaned to its Release 2 value (reference d.4); `Invalid and not mapped` when unmappable. */
  readonly Accommodation_Status_Cleaned: string | null;
  /** `Employment_Status` as submitted (`null` when blank). */
  readonly Employment_Status_Raw: string | null;
  /** `Employment_Status` cleaned to its Release 2 value (reference d.4); `Invalid and not mapped` when unmappable. */
  readonly Employment_Status_Cleaned: string | null;
  /** Has an unpaid carer (as submitted). */
  readonly Has_Unpaid_Carer: string | null;
  /** `Client_Funding_Status` as submitted (`null` when blank). */
  readonly Client_Funding_Status_Raw: string | null;
  /** `Client_Funding_Status` cleaned to its Release 2 value (reference d.4); `Invalid and not mapped` when unmappable. */
  readonly Client_Funding_Status_Cleaned: string | null;

  // Event fields (reference b.3)
  /** The event type as submitted (DHSC's tests on it are `LIKE '%service%'` etc., case-insensitive). */
  readonly Event_Type: string | null;
  /** `Request`, `Assessment`, `Service`, `Review`, or `Invalid and not mapped` (reference e.6 step 1). */
  readonly Event_Type_Cleaned: string;
  /** The council's event reference (not used by DHSC). */
  readonly Event_Reference: string | null;
  /** Start date of the event (never `null` after the check: rows without one are rejected). */
  readonly Event_Start_Date: CldDate | null;
  /** The end date as submitted (`Event_End_Date_Raw` in DHSC's main table). */
  readonly Event_End_Date: CldDate | null;
  /** `Event_Outcome` as submitted (`null` when blank). */
  readonly Event_Outcome_Raw: string | null;
  /** `Event_Outcome` cleaned to its Release 2 value (reference d.4); `Invalid and not mapped` when unmappable. */
  readonly Event_Outcome_Cleaned: string | null;
  /** The group of the cleaned `Event_Outcome` (reference c.2). */
  readonly Event_Outcome_Grouped: string | null;
  /** Rank of the cleaned outcome (reference c.1); `null` when the outcome is blank or unmapped. */
  readonly Event_Outcome_Hierarchy: number | null;
  /** Database-derived conversation flag (1 = flagged); `null` when absent. */
  readonly Der_Conversation: number | null;
  /** Second database-derived conversation flag; `null` when absent. */
  readonly Der_Conversation_1: number | null;

  // Event-type-specific fields (reference b.4)
  /** Route of access (requests; as submitted). */
  readonly Request_Route_of_Access: string | null;
  /** `Assessment_Type` as submitted (`null` when blank). */
  readonly Assessment_Type_Raw: string | null;
  /** `Assessment_Type` cleaned to its Release 2 value (reference d.4); `Invalid and not mapped` when unmappable. */
  readonly Assessment_Type_Cleaned: string | null;
  /** Eligible needs identified (assessments; as submitted). */
  readonly Eligible_Needs_Identified: string | null;
  /** Method of assessment (as submitted). */
  readonly Method_of_Assessment: string | null;
  /** Hours caring per week band (carers; as submitted). */
  readonly Total_Hrs_Caring_per_week: string | null;
  /** Number of adults cared for (carers). */
  readonly No_of_adults_being_cared_for: number | null;
  /** `LA_Person_Unique_Identifier` of the first person cared for (carers). */
  readonly Adult_1_Linked_Person_ID: string | null;
  /** Second person cared for. */
  readonly Adult_2_Linked_Person_ID: string | null;
  /** Third person cared for. */
  readonly Adult_3_Linked_Person_ID: string | null;
  /** `Service_Type` as submitted (`null` when blank). */
  readonly Service_Type_Raw: string | null;
  /** `Service_Type` cleaned to its Release 2 value (reference d.4); `Invalid and not mapped` when unmappable. */
  readonly Service_Type_Cleaned: string | null;
  /** The group of the cleaned `Service_Type` (reference c.2). */
  readonly Service_Type_Grouped: string | null;
  /** `Service_Component` as submitted (`null` when blank). */
  readonly Service_Component_Raw: string | null;
  /** `Service_Component` cleaned to its Release 2 value (reference d.4); `Invalid and not mapped` when unmappable. */
  readonly Service_Component_Cleaned: string | null;
  /** `Delivery_Mechanism` as submitted (`null` when blank). */
  readonly Delivery_Mechanism_Raw: string | null;
  /** `Delivery_Mechanism` cleaned to its Release 2 value (reference d.4); `Invalid and not mapped` when unmappable. */
  readonly Delivery_Mechanism_Cleaned: string | null;
  /** Provider's CQC location id (services). */
  readonly Provider_CQC_Location_ID: string | null;
  /** Unit cost (services). */
  readonly Unit_Cost: number | null;
  /** Cost frequency unit type (services; as submitted). */
  readonly Cost_Frequency_Unit_Type: string | null;
  /** Planned units per week (services). */
  readonly Planned_units_per_week: number | null;
  /** `Review_Reason` as submitted (`null` when blank). */
  readonly Review_Reason_Raw: string | null;
  /** `Review_Reason` cleaned to its Release 2 value (reference d.4); `Invalid and not mapped` when unmappable. */
  readonly Review_Reason_Cleaned: string | null;
  /** Review outcomes achieved (as submitted). */
  readonly Review_Outcomes_Achieved: string | null;
  /** Method of review (as submitted). */
  readonly Method_of_Review: string | null;
}

/** `Der_Age_Band` (reference d.5, `lists/age_bands.csv`). */
export type CldAgeBand =
  | 'Under 18'
  | '18 to 24'
  | '25 to 44'
  | '45 to 64'
  | '65 to 74'
  | '75 to 84'
  | '85 to 94'
  | '95 and above'
  | 'Unknown';

/** `Der_Working_Age_Band` (reference d.5). */
export type CldWorkingAgeBand = 'Under 18' | '18 to 64' | '65 and above' | 'Unknown';

/**
 * One row of DHSC's main table (reference d.3–d.6): an event kept for the period, with the
 * derived fields. Each is one original row, unchanged apart from the derived fields (no
 * hybrid records are built).
 */
export interface MainTableEvent extends ClientLevelDataEvent {
  /** Start of the reference period the row was selected for (reference b.1, d.2). */
  readonly Ref_Period_Start_Date: CldDate;
  /** End of the reference period the row was selected for. */
  readonly Ref_Period_End_Date: CldDate;
  /** The end date corrected by the date of death (d.3 step 1), then cropped (d.5 step 2). */
  readonly Der_Event_End_Date: CldDate | null;
  /** Traced NHS number, else the NHS number, else `LA_Code + '_' + LA_Person_Unique_Identifier` (d.4 step 2). */
  readonly Der_NHS_LA_Combined_Person_ID: string;
  /** Review type (reference c.2, d.4 step 5); `null` for non-review events. */
  readonly Review_Type: string | null;
  /** Age at the derived end date, or at the reference-period end for an open service (d.5 step 3). */
  readonly Der_Latest_Age: number | null;
  /** `Der_Age_Band` from `Der_Latest_Age` (d.5 step 4). */
  readonly Der_Age_Band: CldAgeBand;
  /** `Der_Working_Age_Band` from `Der_Latest_Age` (d.5 step 5). */
  readonly Der_Working_Age_Band: CldWorkingAgeBand;
  /** Identifies the unique event (d.5 step 1): equal for rows that are the same event. */
  readonly Der_Unique_Event_Ref: string;
}

/**
 * DHSC's main table for one council and one data window, the input of every CLD measure
 * and bridge. `periodStart`..`periodEnd` is the window the events were selected for (for
 * the measures: 2023-04-01 or the earliest data, to the latest quarter end); each measure
 * takes its own reporting period inside it.
 */
export interface PreparedClientLevelData {
  /** The council's `LA_Code`. */
  readonly laCode: string;
  /** First day of the period (ISO date). */
  readonly periodStart: CldDate;
  /** Last day of the period (ISO date). */
  readonly periodEnd: CldDate;
  /** The unique events, in a deterministic order (by person id, start date, row). */
  readonly events: readonly MainTableEvent[];
}
