import type { Column } from '../event-store.js';
import type { MainTable } from '../main-rows.js';
import { sqlCollationKey } from '../sql.js';
import { daysInto, dayOrNone, groupSlots, mapInto, numbersInto } from '../slots.js';
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
 * call from the main table's columns in bulk (`Column.encode`: each distinct value worked
 * out once), with no object per event.
 */
export interface AscofTable {
  /** The main table; a slot's own fields are `main.columns.X.at(event[s])`. */
  readonly main: MainTable;
  /** `Der_NHS_LA_Combined_Person_ID` of each person, in order of first appearance. The scripts' `PARTITION BY LA_Code, person` is by person here: the table is one council's. */
  readonly personIds: readonly string[];
  readonly first: Int32Array;
  /** The event (row of `main`) in each slot. */
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

/**
 * Each event's person, numbered in order of first appearance (persons are equal ids, as
 * written), and whether every person's events come as one run in that order. The ids are
 * mostly distinct, so they are read row by row rather than encoded: prepared tables come
 * sorted by person, so each new id is a new person while the ids keep rising, and the
 * first id out of order switches to a look-up by id (from that event on, the ids seen so far
 * are all in the map).
 */
function personsOf(main: MainTable): {
  personOf: Int32Array;
  personIds: string[];
  inOrder: boolean;
} {
  const n = main.length;
  const ids = main.columns.Der_NHS_LA_Combined_Person_ID;
  const personOf = new Int32Array(n);
  const personIds: string[] = [];
  let personNumber: Map<string, number> | undefined;
  let previousId: string | undefined;
  let p = -1;
  for (let i = 0; i < n; i++) {
    const id = ids.at(i);
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
  }
  return { personOf, personIds, inOrder: personNumber === undefined };
}

/** Groups the main table's events by person (one counting sort) into columns. */
export function groupByPerson(main: MainTable): AscofTable {
  const n = main.length;
  const columns = main.columns;
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
  const { personOf, personIds, inOrder } = personsOf(main);
  // In order, every person is one run and the slots are the rows; otherwise a counting sort
  // places each event after its person's earlier ones. Each column is then read in slot order.
  const { first, slots } = groupSlots(personOf, personIds.length, n, inOrder);
  let event = slots;
  if (event === undefined) {
    event = new Int32Array(n);
    for (let i = 0; i < n; i++) event[i] = i;
  }
  const days = (column: Column<string | null>): Int32Array =>
    daysInto(new Int32Array(n), column, n, slots);
  const codesOf = (column: Column<string | null>): Int32Array =>
    mapInto(new Int32Array(n), column, n, code, slots);
  const numbers = (column: Column<number | null>): Float64Array =>
    numbersInto(new Float64Array(n), column, slots);
  return {
    main,
    personIds,
    first,
    event,
    start: days(columns.Event_Start_Date),
    end: days(columns.Der_Event_End_Date),
    refEnd: days(columns.Ref_Period_End_Date),
    recordId: numbers(columns.Der_Unique_Record_ID),
    eventType: codesOf(columns.Event_Type),
    clientType: codesOf(columns.Client_Type_Cleaned),
    serviceType: codesOf(columns.Service_Type_Cleaned),
    component: codesOf(columns.Service_Component_Cleaned),
    deliveryMechanism: codesOf(columns.Delivery_Mechanism_Cleaned),
    outcome: codesOf(columns.Event_Outcome_Cleaned),
    birthYear: numbers(columns.Der_Birth_Year),
    birthMonth: numbers(columns.Der_Birth_Month),
    death: days(columns.Date_of_Death),
    keyOf: (k) => keys[k]!,
    code,
    day: dayOrNone,
  };
}
