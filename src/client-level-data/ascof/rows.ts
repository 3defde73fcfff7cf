import type { MainTable } from '../main-rows.js';
import { sqlCollationKey } from '../sql.js';
import { CollationCodes, daysInto, dayOrNone, groupSlots, mapInto, numbersInto } from '../slots.js';
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
 * written), and whether every person's events come as one run (then the numbers never fall).
 */
function personsOf(main: MainTable): {
  personOf: Int32Array;
  personIds: string[];
  inOrder: boolean;
} {
  const n = main.length;
  const personIds: string[] = [];
  const personOfId = new Map<string, number>();
  // Per distinct id: its number in order of first appearance, given when first met below.
  const ids = main.columns.Der_NHS_LA_Combined_Person_ID.encode(n, (id) => id);
  const personOfCode = new Int32Array(ids.values.length).fill(-1);
  const personOf = new Int32Array(n);
  let inOrder = true;
  let previous = -1;
  for (let i = 0; i < n; i++) {
    const c = ids.codes[i]!;
    let p = personOfCode[c]!;
    if (p < 0) {
      // A coded column may give one id more than one code: the id decides.
      const id = ids.values[c]!;
      p = personOfId.get(id) ?? personIds.length;
      if (p === personIds.length) {
        personIds.push(id);
        personOfId.set(id, p);
      }
      personOfCode[c] = p;
    }
    if (p < previous) inOrder = false;
    personOf[i] = previous = p;
  }
  return { personOf, personIds, inOrder };
}

/** Groups the main table's events by person (one counting sort) into columns. */
export function groupByPerson(main: MainTable): AscofTable {
  const n = main.length;
  const c = main.columns;
  const codes = new CollationCodes(KNOWN);
  const code = codes.code;
  const { personOf, personIds, inOrder } = personsOf(main);
  // In order, every person is one run and the slots are the rows; otherwise a counting sort
  // places each event after its person's earlier ones. Each column is then read in slot order.
  const { first, slots } = groupSlots(personOf, personIds.length, n, inOrder);
  const event = slots ?? Int32Array.from({ length: n }, (_, i) => i);
  const days = (column: typeof c.Event_Start_Date): Int32Array =>
    daysInto(new Int32Array(n), column, n, slots);
  const codesOf = (column: typeof c.Event_Type): Int32Array =>
    mapInto(new Int32Array(n), column, n, code, slots);
  const numbers = (column: typeof c.Der_Birth_Year): Float64Array =>
    numbersInto(new Float64Array(n), column, slots);
  return {
    main,
    personIds,
    first,
    event,
    start: days(c.Event_Start_Date),
    end: days(c.Der_Event_End_Date),
    refEnd: days(c.Ref_Period_End_Date),
    recordId: numbers(c.Der_Unique_Record_ID),
    eventType: codesOf(c.Event_Type),
    clientType: codesOf(c.Client_Type_Cleaned),
    serviceType: codesOf(c.Service_Type_Cleaned),
    component: codesOf(c.Service_Component_Cleaned),
    deliveryMechanism: codesOf(c.Delivery_Mechanism_Cleaned),
    outcome: codesOf(c.Event_Outcome_Cleaned),
    birthYear: numbers(c.Der_Birth_Year),
    birthMonth: numbers(c.Der_Birth_Month),
    death: days(c.Date_of_Death),
    keyOf: codes.keyOf,
    code,
    day: dayOrNone,
  };
}
