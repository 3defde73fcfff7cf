import type { MainTableEvent } from '../model.js';
import { sqlCollationKey } from '../sql.js';
import { NO_DAY, bySlot, dayOrNone, groupSlots } from '../slots.js';
import {
  ACCOMMODATION_USEFUL_COMPONENTS,
  ASCOF_3D_CARER_CLIENT_TYPES,
  CLIENT_TYPE,
  COMPONENT_DIRECT_PAYMENT,
  COMPONENT_EQUIPMENT,
  DELIVERY_MECHANISM,
  ETHNICITY_REFUSED,
  ETHNICITY_UNDECLARED,
  EVENT_OUTCOME_HIERARCHY,
  INFERRED_ACCOMMODATION,
  INVALID_AND_NOT_MAPPED,
  PSR_LEARNING_DISABILITY,
  PSR_SUPPORT_TO_UNPAID_CARER,
  SERVICE_TYPE,
  SHORT_TERM_RESIDENTIAL_COMPONENTS,
} from './values.js';

/** A NULL text in a code column. */
export const NO_CODE = -1;

/**
 * The values the ASCOF scripts compare with, as collation keys with fixed codes 0, 1, …
 * (the `Event_Type` values the scripts test, the value lists, and the person details' "not known" values). A table gives every other
 * key it meets a code after these, so a code equals a constant exactly when the keys are equal.
 */
const KNOWN: readonly string[] = [
  ...new Set(
    [
      'Service',
      'Assessment',
      'Review',
      'Request',
      '',
      INVALID_AND_NOT_MAPPED,
      INFERRED_ACCOMMODATION.unknown,
      ETHNICITY_UNDECLARED,
      ETHNICITY_REFUSED,
      PSR_SUPPORT_TO_UNPAID_CARER,
      PSR_LEARNING_DISABILITY,
      'Male',
      'Female',
      COMPONENT_DIRECT_PAYMENT,
      COMPONENT_EQUIPMENT,
      ...Object.values(CLIENT_TYPE),
      ...ASCOF_3D_CARER_CLIENT_TYPES,
      ...Object.values(SERVICE_TYPE),
      ...Object.values(DELIVERY_MECHANISM),
      ...SHORT_TERM_RESIDENTIAL_COMPONENTS,
      ...Object.values(ACCOMMODATION_USEFUL_COMPONENTS),
      ...EVENT_OUTCOME_HIERARCHY.map(([outcome]) => outcome),
    ].map((v) => sqlCollationKey(v)),
  ),
];
const KNOWN_CODE = new Map(KNOWN.map((k, i) => [k, i] as const));

/** The fixed code of a listed value (any spelling the collation equates). */
export function knownCode(value: string): number {
  const code = KNOWN_CODE.get(sqlCollationKey(value));
  if (code === undefined) throw new Error(`not a listed ASCOF value: ${value}`);
  return code;
}

/** The fixed codes of listed values, for `IN (…)` tests. */
export function knownCodes(values: Iterable<string>): ReadonlySet<number> {
  return new Set([...values].map(knownCode));
}

/**
 * The main table as columns, one slot per event, the slots of a person contiguous
 * (`first[p]` to `first[p + 1] - 1`) and in input order. Dates are day numbers (`NO_DAY` =
 * NULL); compared text is the code of its collation key (`NO_CODE` = NULL). Built once per
 * call: every event is read once, field by field, and no object is made per event.
 */
export interface AscofTable {
  readonly events: readonly MainTableEvent[];
  /** `Der_NHS_LA_Combined_Person_ID` of each person, in order of first appearance. The scripts' `PARTITION BY LA_Code, person` is by person here: the table is one council's. */
  readonly personIds: readonly string[];
  readonly first: Int32Array;
  /** The event (index into `events`) in each slot. */
  readonly event: Int32Array;
  readonly start: Int32Array;
  /** `Der_Event_End_Date` (NULL = open). */
  readonly end: Int32Array;
  readonly refEnd: Int32Array;
  readonly recordId: Float64Array;
  /** Raw `Event_Type`, as DHSC's scripts test it (`Event_Type = 'Service'`). */
  readonly eventType: Int32Array;
  readonly clientType: Int32Array;
  readonly serviceType: Int32Array;
  readonly component: Int32Array;
  readonly deliveryMechanism: Int32Array;
  readonly outcome: Int32Array;
  /** `Der_Birth_Year`/`Der_Birth_Month` (NaN = NULL) and `Date_of_Death` as a day number. */
  readonly birthYear: Float64Array;
  readonly birthMonth: Float64Array;
  readonly death: Int32Array;
  /** The collation key of a code. */
  readonly keyOf: (code: number) => string;
  /** The code of a text's collation key, `NO_CODE` for NULL. */
  readonly code: (text: string | null) => number;
  /** A day number, `NO_DAY` for NULL. */
  readonly day: (date: string | null) => number;
}

/** A per-code memo of a function of the key (codes are small integers). */
export function byCode<T>(table: AscofTable, f: (key: string) => T): (code: number) => T {
  const memo: T[] = [];
  return (code) => {
    let v = memo[code];
    if (v === undefined) {
      v = f(table.keyOf(code));
      memo[code] = v;
    }
    return v;
  };
}

/** Groups the prepared events by person (one counting sort) into columns. */
export function groupByPerson(events: readonly MainTableEvent[]): AscofTable {
  const n = events.length;
  // Codes: KNOWN first; each text is folded to its key once.
  const keys = [...KNOWN];
  const codeOfKey = new Map(KNOWN_CODE);
  const codeOfText = new Map<string, number>();
  const code = (text: string | null): number => {
    if (text === null) return NO_CODE;
    let c = codeOfText.get(text);
    if (c === undefined) {
      const k = sqlCollationKey(text);
      c = codeOfKey.get(k);
      if (c === undefined) {
        c = keys.length;
        keys.push(k);
        codeOfKey.set(k, c);
      }
      codeOfText.set(text, c);
    }
    return c;
  };
  const day = dayOrNone;

  // One pass over the events (each event object is touched once), every column in input order.
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const refEnd = new Int32Array(n);
  const recordId = new Float64Array(n);
  const eventType = new Int32Array(n);
  const clientType = new Int32Array(n);
  const serviceType = new Int32Array(n);
  const component = new Int32Array(n);
  const deliveryMechanism = new Int32Array(n);
  const outcome = new Int32Array(n);
  const birthYear = new Float64Array(n);
  const birthMonth = new Float64Array(n);
  const death = new Int32Array(n);
  // Consecutive events (one person's, when the table is sorted) often repeat a value: each
  // column remembers its last text and code, and only a new text is looked up.
  const lastText: (string | null)[] = [null, null, null, null, null, null];
  const lastCode = new Int32Array(6).fill(NO_CODE);
  const columnCode = (column: number, text: string | null): number => {
    if (text === lastText[column]) return lastCode[column]!;
    const c = code(text);
    lastText[column] = text;
    lastCode[column] = c;
    return c;
  };
  // Persons in order of first appearance. Prepared tables come sorted by person, so each
  // new id is a new person while the ids keep rising; the first id out of order switches
  // to a look-up by id (from that event on, the ids seen so far are all in the map).
  const personOf = new Int32Array(n);
  const personIds: string[] = [];
  let personNumber: Map<string, number> | undefined;
  let previousId: string | undefined;
  let p = -1;
  let lastRef: string | null | undefined;
  let lastRefDay = NO_DAY;
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    const id = e.Der_NHS_LA_Combined_Person_ID;
    if (id !== previousId) {
      if (personNumber === undefined && previousId !== undefined && id < previousId)
        personNumber = new Map(personIds.map((known, q) => [known, q] as const));
      previousId = id;
      const known = personNumber?.get(id);
      if (known === undefined) {
        p = personIds.length;
        personIds.push(id);
        personNumber?.set(id, p);
      } else p = known;
    }
    personOf[i] = p;
    start[i] = day(e.Event_Start_Date);
    end[i] = day(e.Der_Event_End_Date);
    // A submission's rows share their reference period end.
    const ref = e.Ref_Period_End_Date;
    if (ref !== lastRef) {
      lastRef = ref;
      lastRefDay = day(ref);
    }
    refEnd[i] = lastRefDay;
    recordId[i] = e.Der_Unique_Record_ID;
    eventType[i] = columnCode(0, e.Event_Type);
    clientType[i] = columnCode(1, e.Client_Type_Cleaned);
    serviceType[i] = columnCode(2, e.Service_Type_Cleaned);
    component[i] = columnCode(3, e.Service_Component_Cleaned);
    deliveryMechanism[i] = columnCode(4, e.Delivery_Mechanism_Cleaned);
    outcome[i] = columnCode(5, e.Event_Outcome_Cleaned);
    birthYear[i] = e.Der_Birth_Year ?? Number.NaN;
    birthMonth[i] = e.Der_Birth_Month ?? Number.NaN;
    death[i] = day(e.Date_of_Death);
  }
  // Without the map every person is one run, in order: the slots are the input order.
  // Otherwise a counting sort places each event after its person's earlier ones.
  const { first, slots } = groupSlots(personOf, personIds.length, n, personNumber === undefined);
  const event = slots ?? Int32Array.from({ length: n }, (_, i) => i);
  return {
    events,
    personIds,
    first,
    event,
    start: bySlot(start, slots, n),
    end: bySlot(end, slots, n),
    refEnd: bySlot(refEnd, slots, n),
    recordId: bySlot(recordId, slots, n),
    eventType: bySlot(eventType, slots, n),
    clientType: bySlot(clientType, slots, n),
    serviceType: bySlot(serviceType, slots, n),
    component: bySlot(component, slots, n),
    deliveryMechanism: bySlot(deliveryMechanism, slots, n),
    outcome: bySlot(outcome, slots, n),
    birthYear: bySlot(birthYear, slots, n),
    birthMonth: bySlot(birthMonth, slots, n),
    death: bySlot(death, slots, n),
    keyOf: (c) => keys[c]!,
    code,
    day,
  };
}
