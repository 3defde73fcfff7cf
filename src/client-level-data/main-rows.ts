// The main table as columns (MainTable): prepare keeps the checked columns and the row index
// of each main-table event, plus its derived fields (d.3–d.6) as columns of their own. The
// measures read the columns in bulk (`Column.encode`); views (getters over the columns) and
// plain objects are made only when something asks for rows: the bridges, `explain…`, or a
// caller reading `prepared.events`.
import type { CheckedEvents } from './checked-events.js';
import { Column, defineColumnGetters, type Columns, type RowView } from './event-store.js';
import { mainTableEvent } from './main-table-event.js';
import type { ClientLevelDataEvent, MainTableEvent, PreparedClientLevelData } from './model.js';

/** Every field of the main-table event, in the model's order. */
const MAIN_FIELDS = Object.keys(
  mainTableEvent(
    new Proxy({}, { get: () => null }) as ClientLevelDataEvent,
    new Proxy({}, { get: () => null }) as MainTableEvent,
    '',
    false,
  ),
) as (keyof MainTableEvent)[];

/** The main table: `length` events, each field a column read by event index. */
export class MainTable {
  private view: (new (i: number) => MainTableEvent) | undefined;
  private rowsMemo: readonly MainTableEvent[] | undefined;

  constructor(
    /** Events in the table. */
    readonly length: number,
    /** Every field as a column. */
    readonly columns: Columns<MainTableEvent>,
  ) {}

  /** The view of event `i` (getters over the columns). */
  row(i: number): MainTableEvent {
    if (this.view === undefined) {
      class MainRow implements RowView {
        constructor(readonly i: number) {}
      }
      defineColumnGetters(MainRow.prototype, this.columns);
      this.view = MainRow as unknown as new (i: number) => MainTableEvent;
    }
    return new this.view(i);
  }

  /** A view per event, made once. */
  rows(): readonly MainTableEvent[] {
    this.rowsMemo ??= Array.from({ length: this.length }, (_, i) => this.row(i));
    return this.rowsMemo;
  }

  /** Events given as objects, read through their fields. */
  static of(events: readonly MainTableEvent[]): MainTable {
    const columns: Record<string, Column<unknown>> = {};
    for (const field of MAIN_FIELDS) columns[field] = Column.computed((i) => events[i]![field]);
    return new MainTable(events.length, columns as unknown as Columns<MainTableEvent>);
  }

  /**
   * The checked events' rows `rows` (in that order) with `derived` fields; `LA_Code` falls
   * back to the council's, and the cost fields are NULL when `dropCosts` (reference d.6,
   * joined tables), as `mainTableEvent` does. A checked column is gathered on first read.
   */
  static over(
    checked: CheckedEvents,
    rows: Int32Array,
    derived: Columns<Omit<MainTableEvent, keyof ClientLevelDataEvent>>,
    laCode: string,
    dropCosts: boolean,
  ): MainTable {
    const c = checked.columns;
    const base: Columns<ClientLevelDataEvent> = {
      ...c,
      LA_Code: c.LA_Code.map((v) => v ?? laCode),
      Unit_Cost: dropCosts ? Column.constant(null) : c.Unit_Cost,
      Cost_Frequency_Unit_Type: dropCosts ? Column.constant(null) : c.Cost_Frequency_Unit_Type,
      Planned_units_per_week: dropCosts ? Column.constant(null) : c.Planned_units_per_week,
    };
    const columns: Record<string, Column<unknown>> = { ...derived };
    for (const field of Object.keys(base) as (keyof ClientLevelDataEvent)[])
      Object.defineProperty(columns, field, {
        get(): Column<unknown> {
          const gathered = (base[field] as Column<unknown>).gather(rows);
          Object.defineProperty(columns, field, { value: gathered, enumerable: true });
          return gathered;
        },
        enumerable: true,
        configurable: true,
      });
    return new MainTable(rows.length, columns as unknown as Columns<MainTableEvent>);
  }
}

/** The main table's events as plain objects (what `prepared.events` gives). */
export function plainMainRows(table: MainTable): MainTableEvent[] {
  // The columns already apply the LA_Code fallback and the cost rule; copying keeps both.
  return table.rows().map((r) => mainTableEvent(r, r, r.LA_Code ?? '', false));
}

const TABLES = new WeakMap<object, MainTable>();

/** Links a prepared result to its table, so the measures read columns, not objects. */
export function holdMainTable<T extends object>(data: T, table: MainTable): T {
  TABLES.set(data, table);
  return data;
}

/** The main table of `prepared`: its columns when it came from `prepareClientLevelData`, else its events read as a table. */
export function mainTableOf(prepared: Pick<PreparedClientLevelData, 'events'>): MainTable {
  return TABLES.get(prepared) ?? MainTable.of(prepared.events);
}

/** The main-table events of `prepared` (views when it came from `prepareClientLevelData`). */
export function mainRowsOf(
  prepared: Pick<PreparedClientLevelData, 'events'>,
): readonly MainTableEvent[] {
  return TABLES.get(prepared)?.rows() ?? prepared.events;
}

/** The main-table event of data row `row` as a plain object, making no other (`undefined`: not in the table). */
export function mainRowOf(
  prepared: Pick<PreparedClientLevelData, 'events'>,
  row: number,
): MainTableEvent | undefined {
  const table = TABLES.get(prepared);
  if (table === undefined) return prepared.events.find((e) => e.row === row);
  const rows = table.columns.row;
  for (let i = 0; i < table.length; i++)
    if (rows.at(i) === row) {
      const r = table.row(i);
      return mainTableEvent(r, r, r.LA_Code ?? '', false);
    }
  return undefined;
}
