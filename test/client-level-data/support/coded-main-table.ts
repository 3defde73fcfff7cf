// A prepared table whose main table is held as columns the way prepare holds its own (texts
// as 16-bit codes into a dictionary, numbers in a Float64Array, `LA_Code` read through a map
// that gives two codes the same text, as `MainTable.over` does), for the tests that the
// measures read such columns as they read the same events given as objects.
import {
  type Column,
  type Columns,
  NumberColumnBuilder,
  TextColumnBuilder,
} from '../../../src/client-level-data/event-store.js';
import { MainTable, holdMainTable } from '../../../src/client-level-data/main-rows.js';
import type {
  MainTableEvent,
  PreparedClientLevelData,
} from '../../../src/client-level-data/model.js';
import { mainTableEvent } from './main-table.js';

/** Every field of the main table. */
const FIELDS = Object.keys(mainTableEvent({ person: 'p' })) as (keyof MainTableEvent)[];

/** Stands for the council's code in half of its `LA_Code` rows (a text no row holds). */
const COUNCIL = '\u0000council';

/**
 * `prepared` with its events held as coded columns. Every other row holding the council's
 * `LA_Code` stores a stand-in mapped back to it, so the dictionary holds that code twice;
 * `plainIds` keeps the person ids as texts (as a column with too many distinct ids does)
 * instead of coding them.
 */
export function withCodedMainTable(
  prepared: PreparedClientLevelData,
  plainIds: boolean,
): PreparedClientLevelData {
  const events = prepared.events;
  const columns: Record<string, Column<unknown>> = {};
  for (const field of FIELDS) {
    if (events.some((e) => typeof e[field] === 'string')) {
      const b = new TextColumnBuilder(!(plainIds && field === 'Der_NHS_LA_Combined_Person_ID'));
      events.forEach((e, i) => {
        const value = e[field] as string | null;
        const text = field === 'LA_Code' && value === prepared.laCode && i % 2 ? COUNCIL : value;
        b.push(b.code(text), text);
      });
      const column = b.column((t) => t);
      columns[field] =
        field === 'LA_Code' ? column.map((v) => (v === COUNCIL ? prepared.laCode : v)) : column;
    } else {
      const b = new NumberColumnBuilder();
      for (const e of events) b.push(e[field] as number | null);
      columns[field] = b.column();
    }
  }
  const table = new MainTable(events.length, columns as unknown as Columns<MainTableEvent>);
  return holdMainTable({ ...prepared }, table);
}
