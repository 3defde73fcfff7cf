// The main table as views: each row holds its index in the checked columns and the fields
// prepare derived (d.3–d.6); the checked fields are getters over the columns. The measures
// and bridges read these views; `prepared.events` makes plain objects only when read.
import type { CheckedEvents } from './checked-events.js';
import { Column, defineColumnGetters, type RowView } from './event-store.js';
import { mainTableEvent, type MainTableDerived } from './main-table-event.js';
import type { ClientLevelDataEvent, MainTableEvent, PreparedClientLevelData } from './model.js';

/** Makes a main-table row from a checked event (a view of `events`) and its derived fields. */
export type MainRowMaker = (
  event: ClientLevelDataEvent,
  derived: MainTableDerived,
) => MainTableEvent;

/**
 * Main-table rows over `events`' columns: `LA_Code` falls back to the council's, and the cost
 * fields are NULL when `dropCosts` (reference d.6, joined tables), as `mainTableEvent` does.
 */
export function mainRowMaker(
  events: CheckedEvents,
  laCode: string,
  dropCosts: boolean,
): MainRowMaker {
  const c = events.columns;
  class MainRow implements RowView {
    constructor(
      readonly i: number,
      readonly Ref_Period_Start_Date: string,
      readonly Ref_Period_End_Date: string,
      readonly Der_Event_End_Date: string | null,
      readonly Der_NHS_LA_Combined_Person_ID: string,
      readonly Review_Type: string | null,
      readonly Der_Latest_Age: number | null,
      readonly Der_Age_Band: MainTableDerived['Der_Age_Band'],
      readonly Der_Working_Age_Band: MainTableDerived['Der_Working_Age_Band'],
      readonly Der_Unique_Event_Ref: string,
    ) {}
  }
  defineColumnGetters(MainRow.prototype, {
    ...c,
    LA_Code: c.LA_Code.map((v) => v ?? laCode),
    Unit_Cost: dropCosts ? Column.constant(null) : c.Unit_Cost,
    Cost_Frequency_Unit_Type: dropCosts ? Column.constant(null) : c.Cost_Frequency_Unit_Type,
    Planned_units_per_week: dropCosts ? Column.constant(null) : c.Planned_units_per_week,
  });
  return (event, d) =>
    new MainRow(
      (event as unknown as RowView).i,
      d.Ref_Period_Start_Date,
      d.Ref_Period_End_Date,
      d.Der_Event_End_Date,
      d.Der_NHS_LA_Combined_Person_ID,
      d.Review_Type,
      d.Der_Latest_Age,
      d.Der_Age_Band,
      d.Der_Working_Age_Band,
      d.Der_Unique_Event_Ref,
    ) as unknown as MainTableEvent;
}

/** The main table's rows as plain objects (what `prepared.events` gives). */
export function plainMainRows(rows: readonly MainTableEvent[], laCode: string): MainTableEvent[] {
  // The rows already apply the LA_Code fallback and the cost rule; copying them keeps both.
  return rows.map((r) => mainTableEvent(r, r, laCode, false));
}

const ROWS = new WeakMap<object, { rows: readonly MainTableEvent[]; laCode: string }>();

/** Links a prepared result to its rows (views), so the measures do not make objects. */
export function holdMainRows<T extends object>(
  data: T,
  rows: readonly MainTableEvent[],
  laCode: string,
): T {
  ROWS.set(data, { rows, laCode });
  return data;
}

/** The main-table rows of `prepared`: its views when it came from `prepareClientLevelData`, else its events. */
export function mainRowsOf(
  prepared: Pick<PreparedClientLevelData, 'events'>,
): readonly MainTableEvent[] {
  return ROWS.get(prepared)?.rows ?? prepared.events;
}

/** The main-table event of data row `row` as a plain object, making no other (`undefined`: not in the table). */
export function mainRowOf(
  prepared: Pick<PreparedClientLevelData, 'events'>,
  row: number,
): MainTableEvent | undefined {
  const held = ROWS.get(prepared);
  if (held === undefined) return prepared.events.find((e) => e.row === row);
  const found = held.rows.find((e) => e.row === row);
  return found === undefined ? undefined : plainMainRows([found], held.laCode)[0];
}
