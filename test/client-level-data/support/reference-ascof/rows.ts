// Plain reference version (test oracle), copied from src/client-level-data/ascof/rows.ts before
// the columnar fast path; ascof/fast-vs-plain.properties.test.ts compares the two.
import type { MainTableEvent } from '../../../../src/client-level-data/model.js';
import { dayParser, keyer } from '../../../../src/client-level-data/sql.js';

/**
 * One main-table event with what the ASCOF scripts compare already folded: dates as day
 * numbers and the compared text fields as SQL comparison keys (`sqlCollationKey`; `null` = SQL NULL).
 * Built once per call, so a million rows are parsed once and grouped by person once.
 */
export interface AscofRow {
  readonly event: MainTableEvent;
  readonly start: number | null;
  /** `Der_Event_End_Date` (NULL = open). */
  readonly end: number | null;
  readonly refEnd: number | null;
  readonly recordId: number;
  /** Raw `Event_Type`, as DHSC's scripts test it (`Event_Type = 'Service'`). */
  readonly eventType: string | null;
  readonly clientType: string | null;
  readonly serviceType: string | null;
  readonly component: string | null;
  readonly deliveryMechanism: string | null;
  readonly outcome: string | null;
}

/** The main table grouped by person (`Der_NHS_LA_Combined_Person_ID`), each person's rows in input order. */
export interface AscofTable {
  readonly persons: ReadonlyMap<string, readonly AscofRow[]>;
  readonly key: (value: string | null) => string | null;
  readonly day: (date: string | null) => number | null;
}

/**
 * Groups the prepared events by person once. The prepared table is one council's
 * (`PreparedClientLevelData.laCode`), so the scripts' `PARTITION BY LA_Code, person` is a
 * partition by person here.
 */
export function groupByPerson(events: readonly MainTableEvent[]): AscofTable {
  const key = keyer();
  const day = dayParser();
  const persons = new Map<string, AscofRow[]>();
  for (const event of events) {
    const row: AscofRow = {
      event,
      start: day(event.Event_Start_Date),
      end: day(event.Der_Event_End_Date),
      refEnd: day(event.Ref_Period_End_Date),
      recordId: event.Der_Unique_Record_ID,
      eventType: key(event.Event_Type),
      clientType: key(event.Client_Type_Cleaned),
      serviceType: key(event.Service_Type_Cleaned),
      component: key(event.Service_Component_Cleaned),
      deliveryMechanism: key(event.Delivery_Mechanism_Cleaned),
      outcome: key(event.Event_Outcome_Cleaned),
    };
    const list = persons.get(event.Der_NHS_LA_Combined_Person_ID);
    if (list === undefined) persons.set(event.Der_NHS_LA_Combined_Person_ID, [row]);
    else list.push(row);
  }
  return { persons, key, day };
}
