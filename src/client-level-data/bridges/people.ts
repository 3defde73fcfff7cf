import type { CldDate, MainTableEvent } from '../model.js';
import { sqlCollationKey } from '../sql.js';

// Person-level helpers shared by the bridges: grouping the main table by person, and the
// person's council id (the DHSC person details themselves come from `latestPersonDetails`).

/** The events of one person (`LA_Code`, `Der_NHS_LA_Combined_Person_ID` under the collation). */
export interface PersonRows {
  /** The person's combined id as first seen (the rows may differ only in letter case). */
  readonly personId: string;
  readonly rows: MainTableEvent[];
}

/** Groups events by person, people in order of their id (deterministic whatever the input order). */
export function groupByPerson(events: readonly MainTableEvent[]): PersonRows[] {
  const people = new Map<string, PersonRows>();
  for (const e of events) {
    const key = `${sqlCollationKey(e.LA_Code) ?? '\u0000'}\u0001${sqlCollationKey(e.Der_NHS_LA_Combined_Person_ID)}`;
    let person = people.get(key);
    if (person === undefined)
      people.set(key, (person = { personId: e.Der_NHS_LA_Combined_Person_ID, rows: [] }));
    else if (e.Der_NHS_LA_Combined_Person_ID < person.personId)
      people.set(key, (person = { personId: e.Der_NHS_LA_Combined_Person_ID, rows: person.rows }));
    person.rows.push(e);
  }
  return [...people.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
}

const OPEN_END = '9999-01-01';

/**
 * [modelled] The person's own council id (`LA_Person_Unique_Identifier`), which DHSC's
 * person details (reference e.0, `latestPersonDetails`) do not carry: chosen by the same
 * order — non-NULL first, then the latest `Ref_Period_End_Date`, `Der_Event_End_Date`
 * (open = 9999-01-01) and `Event_Start_Date`; several distinct ids (under the collation)
 * tied at the top give `null`.
 */
export function latestCouncilId(rows: readonly MainTableEvent[]): string | null {
  let best: MainTableEvent[] = [];
  let bestKey: readonly [number, string, string, string] | null = null;
  for (const e of rows) {
    const key = [
      e.LA_Person_Unique_Identifier === null ? 0 : 1,
      e.Ref_Period_End_Date,
      e.Der_Event_End_Date ?? OPEN_END,
      e.Event_Start_Date ?? '',
    ] as const;
    const cmp = bestKey === null ? 1 : compareKeys(key, bestKey);
    if (cmp > 0) {
      best = [e];
      bestKey = key;
    } else if (cmp === 0) best.push(e);
  }
  const distinct = new Map<string | null, string | null>();
  for (const e of best)
    distinct.set(sqlCollationKey(e.LA_Person_Unique_Identifier), e.LA_Person_Unique_Identifier);
  return distinct.size === 1 ? [...distinct.values()][0]! : null;
}

function compareKeys(
  a: readonly [number, string, string, string],
  b: readonly [number, string, string, string],
): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  for (let i = 1; i < 4; i++)
    if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
  return 0;
}

/** The service is running on `date`: started on or before it, and open or ending on or after it. */
export function activeOn(e: MainTableEvent, date: CldDate): boolean {
  return (
    e.Event_Start_Date !== null &&
    e.Event_Start_Date <= date &&
    (e.Der_Event_End_Date === null || e.Der_Event_End_Date >= date)
  );
}

/** The event overlaps [from, to]. */
export function overlaps(e: MainTableEvent, from: CldDate, to: CldDate): boolean {
  return (
    e.Event_Start_Date !== null &&
    e.Event_Start_Date <= to &&
    (e.Der_Event_End_Date === null || e.Der_Event_End_Date >= from)
  );
}
