// The check's events in columns (event-store.ts): which column or derivation gives each
// field of ClientLevelDataEvent, the views prepare reads, and the plain objects made only
// when a caller reads `checked.events`.
import type { CldDateReading } from './dates.js';
import {
  Column,
  defineColumnGetters,
  NumberColumnBuilder,
  TextColumnBuilder,
  type Columns,
  type RowView,
} from './event-store.js';
import {
  cleanEventType,
  ethnicityGroup,
  eventOutcomeGroup,
  eventOutcomeHierarchy,
  serviceTypeGroup,
} from './lists/groupings.js';
import type { FieldLookup } from './lists/lookup.js';
import type { ClientLevelDataEvent } from './model.js';

/** The fields the check computes per row (the rest are read, or derived per distinct text). */
export const CHECKED_NUMBER_FIELDS = [
  'row',
  'Der_Unique_Record_ID',
  'Der_Birth_Year',
  'Der_Birth_Month',
  'Der_Age_Event_Start_Date',
  'Der_Conversation',
  'Der_Conversation_1',
  'No_of_adults_being_cared_for',
  'Unit_Cost',
  'Planned_units_per_week',
] as const satisfies readonly (keyof ClientLevelDataEvent)[];

/** A per-row number field of the check. */
export type CheckedNumberField = (typeof CHECKED_NUMBER_FIELDS)[number];

/** What the check collected, column by column. */
export interface CheckedColumnSources {
  /** Rows kept. */
  readonly length: number;
  /** The text column of a CLD field (database name), when the file has it. */
  readonly text: (field: string) => TextColumnBuilder | undefined;
  /** The value list a field is cleaned by, when it has one. */
  readonly lookup: (field: string) => FieldLookup | undefined;
  /** The per-row numbers. */
  readonly numbers: Readonly<Record<CheckedNumberField, NumberColumnBuilder>>;
  /** How dates are read. */
  readonly dateReading: CldDateReading;
  /** `LA_Code` for rows without one. */
  readonly laCode: string | null;
}

/** Every field of the checked event as a column (reference d.4 step 3 for the cleaned values). */
export function checkedColumns(src: CheckedColumnSources): Columns<ClientLevelDataEvent> {
  const text = <T>(field: string, derive: (t: string | null) => T): Column<T> => {
    const builder = src.text(field);
    return builder === undefined ? Column.constant(derive(null)) : builder.column(derive);
  };
  const raw = (field: string): Column<string | null> => text(field, (t) => t);
  const cleanedOf = (field: string) => {
    const lookup = src.lookup(field);
    return (t: string | null): string | null =>
      lookup === undefined || t === null ? null : lookup.resolve(t).cleaned;
  };
  const cleaned = (field: string): Column<string | null> => text(field, cleanedOf(field));
  const date = (field: string): Column<string | null> =>
    text(field, (t) => (t === null ? null : (src.dateReading.date(t) ?? null)));
  const num = src.numbers;
  const ethnicity = cleanedOf('Ethnicity');
  const outcome = cleanedOf('Event_Outcome');
  const service = cleanedOf('Service_Type');
  const reviewLookup = src.lookup('Review_Reason');
  return {
    row: num.row.column() as Column<number>,
    LA_Code: text('LA_Code', (t) => t ?? src.laCode),
    LA_Name: raw('LA_Name'),
    Reporting_Period_Start_Date: date('Reporting_Period_Start_Date'),
    Reporting_Period_End_Date: date('Reporting_Period_End_Date'),
    ImportDate: text('ImportDate', (t) =>
      t === null ? null : (src.dateReading.dateTime(t) ?? null),
    ),
    Der_Unique_Record_ID: num.Der_Unique_Record_ID.column() as Column<number>,
    LA_Person_Unique_Identifier: raw('LA_Person_Unique_Identifier'),
    NHS_Number: raw('NHS_Number'),
    Der_NHS_Number_Traced_Pseudo: raw('Der_NHS_Number_Traced_Pseudo'),
    Date_of_Birth: date('Date_of_Birth'),
    Der_Birth_Year: num.Der_Birth_Year.column(),
    Der_Birth_Month: num.Der_Birth_Month.column(),
    Der_Age_Event_Start_Date: num.Der_Age_Event_Start_Date.column(),
    Date_of_Death: date('Date_of_Death'),
    Gender_Raw: raw('Gender'),
    Gender_Cleaned: cleaned('Gender'),
    Ethnicity_Raw: raw('Ethnicity'),
    Ethnicity_Cleaned: cleaned('Ethnicity'),
    Ethnicity_Grouped: text('Ethnicity', (t) => ethnicityGroup(ethnicity(t))),
    Client_Type_Raw: raw('Client_Type'),
    Client_Type_Cleaned: cleaned('Client_Type'),
    Primary_Support_Reason_Raw: raw('Primary_Support_Reason'),
    Primary_Support_Reason_Cleaned: cleaned('Primary_Support_Reason'),
    Accommodation_Status_Raw: raw('Accommodation_Status'),
    Accommodation_Status_Cleaned: cleaned('Accommodation_Status'),
    Employment_Status_Raw: raw('Employment_Status'),
    Employment_Status_Cleaned: cleaned('Employment_Status'),
    Has_Unpaid_Carer: raw('Has_Unpaid_Carer'),
    Client_Funding_Status_Raw: raw('Client_Funding_Status'),
    Client_Funding_Status_Cleaned: cleaned('Client_Funding_Status'),
    Event_Type: raw('Event_Type'),
    Event_Type_Cleaned: text('Event_Type', cleanEventType),
    Event_Reference: raw('Event_Reference'),
    Event_Start_Date: date('Event_Start_Date'),
    Event_End_Date: date('Event_End_Date'),
    Event_Outcome_Raw: raw('Event_Outcome'),
    Event_Outcome_Cleaned: cleaned('Event_Outcome'),
    Event_Outcome_Grouped: text('Event_Outcome', (t) => eventOutcomeGroup(outcome(t))),
    Event_Outcome_Hierarchy: text('Event_Outcome', (t) => eventOutcomeHierarchy(outcome(t))),
    Der_Conversation: num.Der_Conversation.column(),
    Der_Conversation_1: num.Der_Conversation_1.column(),
    Request_Route_of_Access: raw('Request_Route_of_Access'),
    Assessment_Type_Raw: raw('Assessment_Type'),
    Assessment_Type_Cleaned: cleaned('Assessment_Type'),
    Eligible_Needs_Identified: raw('Eligible_Needs_Identified'),
    Method_of_Assessment: raw('Method_of_Assessment'),
    Total_Hrs_Caring_per_week: raw('Total_Hrs_Caring_per_week'),
    No_of_adults_being_cared_for: num.No_of_adults_being_cared_for.column(),
    Adult_1_Linked_Person_ID: raw('Adult_1_Linked_Person_ID'),
    Adult_2_Linked_Person_ID: raw('Adult_2_Linked_Person_ID'),
    Adult_3_Linked_Person_ID: raw('Adult_3_Linked_Person_ID'),
    Service_Type_Raw: raw('Service_Type'),
    Service_Type_Cleaned: cleaned('Service_Type'),
    Service_Type_Grouped: text('Service_Type', (t) => serviceTypeGroup(service(t))),
    Service_Component_Raw: raw('Service_Component'),
    Service_Component_Cleaned: cleaned('Service_Component'),
    Delivery_Mechanism_Raw: raw('Delivery_Mechanism'),
    Delivery_Mechanism_Cleaned: cleaned('Delivery_Mechanism'),
    Provider_CQC_Location_ID: raw('Provider_CQC_Location_ID'),
    Unit_Cost: num.Unit_Cost.column(),
    Cost_Frequency_Unit_Type: raw('Cost_Frequency_Unit_Type'),
    Planned_units_per_week: num.Planned_units_per_week.column(),
    Review_Reason_Raw: raw('Review_Reason'),
    // A blank resolution keeps the text as submitted (the check's rule for Review_Reason).
    Review_Reason_Cleaned: text('Review_Reason', (t) => {
      if (t === null || reviewLookup === undefined) return t;
      const r = reviewLookup.resolve(t);
      return r.status === 'blank' ? t : r.cleaned;
    }),
    Review_Outcomes_Achieved: raw('Review_Outcomes_Achieved'),
    Method_of_Review: raw('Method_of_Review'),
  };
}

/** Checked events held as columns: views for the library's own steps, plain objects on request. */
export class CheckedEvents {
  private objectsMemo: readonly ClientLevelDataEvent[] | undefined;

  constructor(
    /** Rows held. */
    readonly length: number,
    /** Every field as a column. */
    readonly columns: Columns<ClientLevelDataEvent>,
  ) {}

  /** One view per row (getters over the columns); not kept, so they go when the caller is done. */
  views(): ClientLevelDataEvent[] {
    class CheckedRow implements RowView {
      constructor(readonly i: number) {}
    }
    defineColumnGetters(CheckedRow.prototype, this.columns);
    const views = new Array<ClientLevelDataEvent>(this.length);
    for (let i = 0; i < this.length; i++)
      views[i] = new CheckedRow(i) as unknown as ClientLevelDataEvent;
    return views;
  }

  /** One plain object per row, made once (what `checked.events` gives). */
  objects(): readonly ClientLevelDataEvent[] {
    this.objectsMemo ??= this.views().map(plainCheckedEvent);
    return this.objectsMemo;
  }

  /** Events given as objects, held as columns (every text coded as given; no derivation). */
  static of(events: readonly ClientLevelDataEvent[]): CheckedEvents {
    const numbers = new Set<string>([...CHECKED_NUMBER_FIELDS, 'Event_Outcome_Hierarchy']);
    const columns: Record<string, Column<unknown>> = {};
    for (const field of CHECKED_FIELDS) {
      if (numbers.has(field)) {
        const b = new NumberColumnBuilder();
        for (const e of events) b.push(e[field] as number | null);
        columns[field] = b.column();
      } else {
        const b = new TextColumnBuilder(true);
        for (const e of events) {
          const t = e[field] as string | null;
          b.push(b.code(t), t);
        }
        columns[field] = b.column((t) => t);
      }
    }
    return new CheckedEvents(events.length, columns as unknown as Columns<ClientLevelDataEvent>);
  }
}

/** A checked event as a plain object (one fixed shape, V8's fast mode). */
function plainCheckedEvent(e: ClientLevelDataEvent): ClientLevelDataEvent {
  return {
    row: e.row,
    LA_Code: e.LA_Code,
    LA_Name: e.LA_Name,
    Reporting_Period_Start_Date: e.Reporting_Period_Start_Date,
    Reporting_Period_End_Date: e.Reporting_Period_End_Date,
    ImportDate: e.ImportDate,
    Der_Unique_Record_ID: e.Der_Unique_Record_ID,
    LA_Person_Unique_Identifier: e.LA_Person_Unique_Identifier,
    NHS_Number: e.NHS_Number,
    Der_NHS_Number_Traced_Pseudo: e.Der_NHS_Number_Traced_Pseudo,
    Date_of_Birth: e.Date_of_Birth,
    Der_Birth_Year: e.Der_Birth_Year,
    Der_Birth_Month: e.Der_Birth_Month,
    Der_Age_Event_Start_Date: e.Der_Age_Event_Start_Date,
    Date_of_Death: e.Date_of_Death,
    Gender_Raw: e.Gender_Raw,
    Gender_Cleaned: e.Gender_Cleaned,
    Ethnicity_Raw: e.Ethnicity_Raw,
    Ethnicity_Cleaned: e.Ethnicity_Cleaned,
    Ethnicity_Grouped: e.Ethnicity_Grouped,
    Client_Type_Raw: e.Client_Type_Raw,
    Client_Type_Cleaned: e.Client_Type_Cleaned,
    Primary_Support_Reason_Raw: e.Primary_Support_Reason_Raw,
    Primary_Support_Reason_Cleaned: e.Primary_Support_Reason_Cleaned,
    Accommodation_Status_Raw: e.Accommodation_Status_Raw,
    Accommodation_Status_Cleaned: e.Accommodation_Status_Cleaned,
    Employment_Status_Raw: e.Employment_Status_Raw,
    Employment_Status_Cleaned: e.Employment_Status_Cleaned,
    Has_Unpaid_Carer: e.Has_Unpaid_Carer,
    Client_Funding_Status_Raw: e.Client_Funding_Status_Raw,
    Client_Funding_Status_Cleaned: e.Client_Funding_Status_Cleaned,
    Event_Type: e.Event_Type,
    Event_Type_Cleaned: e.Event_Type_Cleaned,
    Event_Reference: e.Event_Reference,
    Event_Start_Date: e.Event_Start_Date,
    Event_End_Date: e.Event_End_Date,
    Event_Outcome_Raw: e.Event_Outcome_Raw,
    Event_Outcome_Cleaned: e.Event_Outcome_Cleaned,
    Event_Outcome_Grouped: e.Event_Outcome_Grouped,
    Event_Outcome_Hierarchy: e.Event_Outcome_Hierarchy,
    Der_Conversation: e.Der_Conversation,
    Der_Conversation_1: e.Der_Conversation_1,
    Request_Route_of_Access: e.Request_Route_of_Access,
    Assessment_Type_Raw: e.Assessment_Type_Raw,
    Assessment_Type_Cleaned: e.Assessment_Type_Cleaned,
    Eligible_Needs_Identified: e.Eligible_Needs_Identified,
    Method_of_Assessment: e.Method_of_Assessment,
    Total_Hrs_Caring_per_week: e.Total_Hrs_Caring_per_week,
    No_of_adults_being_cared_for: e.No_of_adults_being_cared_for,
    Adult_1_Linked_Person_ID: e.Adult_1_Linked_Person_ID,
    Adult_2_Linked_Person_ID: e.Adult_2_Linked_Person_ID,
    Adult_3_Linked_Person_ID: e.Adult_3_Linked_Person_ID,
    Service_Type_Raw: e.Service_Type_Raw,
    Service_Type_Cleaned: e.Service_Type_Cleaned,
    Service_Type_Grouped: e.Service_Type_Grouped,
    Service_Component_Raw: e.Service_Component_Raw,
    Service_Component_Cleaned: e.Service_Component_Cleaned,
    Delivery_Mechanism_Raw: e.Delivery_Mechanism_Raw,
    Delivery_Mechanism_Cleaned: e.Delivery_Mechanism_Cleaned,
    Provider_CQC_Location_ID: e.Provider_CQC_Location_ID,
    Unit_Cost: e.Unit_Cost,
    Cost_Frequency_Unit_Type: e.Cost_Frequency_Unit_Type,
    Planned_units_per_week: e.Planned_units_per_week,
    Review_Reason_Raw: e.Review_Reason_Raw,
    Review_Reason_Cleaned: e.Review_Reason_Cleaned,
    Review_Outcomes_Achieved: e.Review_Outcomes_Achieved,
    Method_of_Review: e.Method_of_Review,
  };
}

/** Every field of the checked event, in the model's order (what {@link plainCheckedEvent} copies). */
const CHECKED_FIELDS = Object.keys(
  plainCheckedEvent(new Proxy({}, { get: () => null }) as ClientLevelDataEvent),
) as (keyof ClientLevelDataEvent)[];

const STORES = new WeakMap<object, CheckedEvents>();

/** Links a check result's data to its columns (so prepare reads views, not objects). */
export function holdCheckedEvents<T extends object>(data: T, events: CheckedEvents): T {
  STORES.set(data, events);
  return data;
}

/** The columns behind `input` (a check result's data, or its events held as columns now). */
export function checkedEventsOf(input: {
  readonly events: readonly ClientLevelDataEvent[];
}): CheckedEvents {
  return STORES.get(input) ?? CheckedEvents.of(input.events);
}
