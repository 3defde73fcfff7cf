// The unique events of DHSC's main table (reference d.5 step 1) and the deduplication
// partitions (d.6), computed on integer codes instead of joined text keys: a million rows
// then cost one dictionary lookup per identifying field and one sort of row numbers, with
// no key string per row. The plain version that joins the collation keys into one string
// per row is kept as the test oracle (test/client-level-data/support/reference-prepare.ts);
// a property test checks both give the same table, trace and `Der_Unique_Event_Ref`s.
//
// Why codes are exact: two events are the same unique event when every identifying field
// has the same SQL comparison key (collation key, NULL matching NULL); each distinct key
// gets one code, so equal codes ⇔ equal keys. The dense rank n of `Der_Unique_Event_Ref`
// follows the sorted order of the keys field by field (the order of the oracle's joined
// keys, whose separator sorts below every character); the reference says only equality of
// the reference matters, since SQL Server's own order cannot be reproduced (d.5 step 1).
import type { PeriodEvents } from './period-events.js';
import { distinctRanks, radixOrder } from './radix.js';
import { NO_DAY } from './slots.js';
import { dayNumber, isoDate, sqlCollationKey } from './sql.js';

/** SQL NULL among the keys: sorts before every other key (the oracle's U+0000). */
const NULL_KEY = '\u0000';

/** What the raw `Event_Type` says under `LIKE` (case-insensitive, reference d.3 and d.5). */
export interface EventTypeTests {
  readonly service: boolean;
  readonly request: boolean;
  readonly assessment: boolean;
}

/** `CAST(x AS numeric(18,2))` as text: rounded half away from zero to 2 decimals (reference d.6). */
export function numeric2(value: number): string {
  const scaled = Number((Math.abs(value) * 100).toPrecision(15));
  return ((Math.sign(value) * Math.round(scaled)) / 100).toFixed(2);
}

/**
 * Codes for the keys of one run: each distinct key text gets a code, each raw value its
 * key's code (memoised per raw value, since values repeat), and {@link ranks} turns codes
 * into positions in the sorted order of the keys.
 */
export class KeyCodes {
  private readonly codeOfKey = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly codeOfRaw = new Map<string, number>();
  private readonly codeOfNumber = new Map<number, number>();
  private readonly types = new Map<string, EventTypeTests>();
  /** The code of SQL NULL. */
  readonly nullCode: number = this.code(NULL_KEY);
  /** The code of the empty text (d.6 writes NULL as '' in the service partition). */
  readonly emptyCode: number = this.code('');

  /** The code of a key text. */
  code(key: string): number {
    let c = this.codeOfKey.get(key);
    if (c === undefined) {
      c = this.keys.length;
      this.codeOfKey.set(key, c);
      this.keys.push(key);
    }
    return c;
  }

  /** The code of a raw value's collation key (`sqlCollationKey`); NULL → `ifNull`. */
  raw(value: string | null, ifNull: number = this.nullCode): number {
    if (value === null) return ifNull;
    let c = this.codeOfRaw.get(value);
    if (c === undefined) {
      c = this.code(sqlCollationKey(value));
      this.codeOfRaw.set(value, c);
    }
    return c;
  }

  /** The code of a number as `numeric(18,2)` text; NULL → ''. */
  numeric2(value: number | null): number {
    if (value === null) return this.emptyCode;
    let c = this.codeOfNumber.get(value);
    if (c === undefined) {
      c = this.code(numeric2(value));
      this.codeOfNumber.set(value, c);
    }
    return c;
  }

  /** `LIKE '%service%'`, `'%request%'`, `'%assessment%'` on a raw event type (NULL: all false). */
  typeTests(eventType: string | null): EventTypeTests {
    if (eventType === null) return { service: false, request: false, assessment: false };
    let t = this.types.get(eventType);
    if (t === undefined) {
      const k = sqlCollationKey(eventType);
      t = {
        service: k.includes('service'),
        request: k.includes('request'),
        assessment: k.includes('assessment'),
      };
      this.types.set(eventType, t);
    }
    return t;
  }

  /** Each code's position in the sorted order of the key texts (UTF-16 order, as `Array.prototype.sort`). */
  ranks(): Int32Array {
    return distinctRanks(this.keys);
  }
}

/** Identifying fields per event (d.5 step 1), then the d.6 service-partition fields. */
const IDENTIFYING = 9;
const WIDTH = IDENTIFYING + 4;

/** Each person's collation key (d.4 step 2 ids) as a rank among the persons' keys: equal keys, equal ranks. */
export interface PersonKeys {
  /** Per person: the rank of its key (from 0). */
  readonly rank: Int32Array;
  /** Distinct keys. */
  readonly count: number;
}

/**
 * The ranks of the persons' collation keys, given the ranks of their ids as text (distinct
 * ids, `distinctRanks` order). Ids are usually their own keys (digits): then the id ranks
 * are the key ranks, with no second sort.
 */
export function personKeys(personIds: readonly string[], idRanks: Int32Array): PersonKeys {
  const keys = personIds.map((id) => sqlCollationKey(id));
  if (keys.every((k, p) => k === personIds[p])) return { rank: idRanks, count: personIds.length };
  const codeOf = new Map<string, number>();
  const distinct: string[] = [];
  const code = Int32Array.from(keys, (k) => {
    let c = codeOf.get(k);
    if (c === undefined) {
      c = distinct.length;
      distinct.push(k);
      codeOf.set(k, c);
    }
    return c;
  });
  const rankOfCode = distinctRanks(distinct);
  return { rank: code.map((c) => rankOfCode[c]!), count: distinct.length };
}

/** The unique-event number of each candidate, and its d.6 partition. */
export interface UniqueEvents {
  /** `n` of `Der_Unique_Event_Ref` per candidate: the dense rank, from 1, of its identifying keys. */
  readonly rank: Int32Array;
  /** The d.6 partition per candidate (0-based, dense). */
  readonly partition: Int32Array;
  /** How many partitions. */
  readonly partitions: number;
}

/**
 * Numbers the unique events (d.5 step 1) and the deduplication partitions (d.6) of the
 * candidates. Identifying fields (raw values, collation keys; NULL matches NULL):
 * `Event_Start_Date`, `Der_Event_End_Date` (non-services), `Client_Type`, the combined
 * person id, `Event_Type`, `Request_Route_of_Access` (requests), `Assessment_Type`
 * (assessments), `Service_Type` and `Service_Component` (services). The partition is the
 * unique event, and in a single submission a service's partition adds
 * `Delivery_Mechanism_Cleaned`, `Unit_Cost` and `Planned_units_per_week` as numeric(18,2)
 * text and `Cost_Frequency_Unit_Type`, NULL as ''. Each field's key code is computed once
 * per distinct value of its column; a row costs a few typed-array reads.
 */
export function uniqueEvents(period: PeriodEvents, persons: PersonKeys): UniqueEvents {
  const { checked, codes, joined } = period;
  const c = checked.columns;
  const size = checked.length;
  const n = period.event.length;
  const NULL = codes.nullCode;
  const raw = (v: string | null): number => codes.raw(v);
  const startKey = c.Event_Start_Date.encode(size, (v) => (v === null ? NULL : codes.code(v)));
  const typeKey = c.Event_Type.encode(size, raw);
  const tests = c.Event_Type.encode(size, (v) => codes.typeTests(v));
  const clientKey = c.Client_Type_Raw.encode(size, raw);
  const routeKey = c.Request_Route_of_Access.encode(size, raw);
  const assessmentKey = c.Assessment_Type_Raw.encode(size, raw);
  const serviceKey = c.Service_Type_Raw.encode(size, raw);
  const componentKey = c.Service_Component_Raw.encode(size, raw);
  const deliveryKey = c.Delivery_Mechanism_Cleaned.encode(size, (v) =>
    codes.raw(v, codes.emptyCode),
  );
  const frequencyKey = c.Cost_Frequency_Unit_Type.encode(size, (v) =>
    codes.raw(v, codes.emptyCode),
  );
  const endKeyOfDay = new Map<number, number>();
  const endKey = (day: number): number => {
    let k = endKeyOfDay.get(day);
    if (k === undefined) {
      k = codes.code(isoDate(day));
      endKeyOfDay.set(day, k);
    }
    return k;
  };
  // One column per field; -1 (an unused d.6 field) sorts first.
  const field = Array.from({ length: WIDTH }, () => new Int32Array(n));
  const [start, end, client, person, eventType, route, assessment, service, component] = field;
  const [delivery, cost, frequency, planned] = field.slice(IDENTIFYING);
  for (let j = 0; j < n; j++) {
    const i = period.event[j]!;
    const isService = period.service[j] === 1;
    const type = tests.values[tests.codes[i]!]!;
    const derEnd = period.derEnd[j]!;
    start![j] = startKey.values[startKey.codes[i]!]!;
    end![j] = isService || derEnd === NO_DAY ? NULL : endKey(derEnd);
    client![j] = clientKey.values[clientKey.codes[i]!]!;
    person![j] = persons.rank[period.person[j]!]!;
    eventType![j] = typeKey.values[typeKey.codes[i]!]!;
    route![j] = type.request ? routeKey.values[routeKey.codes[i]!]! : NULL;
    assessment![j] = type.assessment ? assessmentKey.values[assessmentKey.codes[i]!]! : NULL;
    service![j] = isService ? serviceKey.values[serviceKey.codes[i]!]! : NULL;
    component![j] = isService ? componentKey.values[componentKey.codes[i]!]! : NULL;
    if (!joined && isService) {
      delivery![j] = deliveryKey.values[deliveryKey.codes[i]!]!;
      cost![j] = codes.numeric2(c.Unit_Cost.at(i));
      frequency![j] = frequencyKey.values[frequencyKey.codes[i]!]!;
      planned![j] = codes.numeric2(c.Planned_units_per_week.at(i));
    } else delivery![j] = cost![j] = frequency![j] = planned![j] = -1;
  }
  // Codes → the sorted order of their key texts, shifted by one so -1 becomes 0 (the
  // person field holds its key's rank among the persons' keys already).
  const rankOfCode = codes.ranks();
  for (const column of field) {
    if (column === person) continue;
    for (let j = 0; j < n; j++) column[j] = column[j]! < 0 ? 0 : rankOfCode[column[j]!]! + 1;
  }
  const order = radixOrder(
    field,
    field.map((column) => (column === person ? persons.count : rankOfCode.length + 1)),
    n,
  );
  const rank = new Int32Array(n);
  const partition = new Int32Array(n);
  let r = 0;
  let p = -1;
  for (let k = 0; k < n; k++) {
    const j = order[k]!;
    if (k === 0) {
      r = 1;
      p = 0;
    } else {
      const q = order[k - 1]!;
      let f = 0;
      while (f < WIDTH && field[f]![j] === field[f]![q]) f++;
      if (f < IDENTIFYING) {
        r++;
        p++;
      } else if (f < WIDTH) p++;
    }
    rank[j] = r;
    partition[j] = p;
  }
  return { rank, partition, partitions: p + 1 };
}

/** DHSC's stand-in for a NULL (open) end date in the d.6 order (9999-01-01). */
const OPEN_END = dayNumber('9999-01-01');

/**
 * The d.6 order (`GetUniqueEvents`) of candidates `a` and `b`: true when `a` is kept before
 * `b` in their partition — 1. (joined tables) the later file first; 2. `Der_Event_End_Date`
 * descending, NULL as 9999-01-01; 3. `Event_Outcome_Hierarchy` ascending, NULL as 999;
 * 4. `Der_Conversation` descending, NULL last (SQL Server); 5. `Der_Unique_Record_ID` descending.
 */
export function ranksBefore(period: PeriodEvents, a: number, b: number): boolean {
  if (period.joined) {
    const ar = period.refs[period.ref[a]!]!.end;
    const br = period.refs[period.ref[b]!]!.end;
    if (ar !== br) return ar > br;
  }
  const ae = period.derEnd[a] === NO_DAY ? OPEN_END : period.derEnd[a]!;
  const be = period.derEnd[b] === NO_DAY ? OPEN_END : period.derEnd[b]!;
  if (ae !== be) return ae > be;
  const c = period.checked.columns;
  const ia = period.event[a]!;
  const ib = period.event[b]!;
  const ah = c.Event_Outcome_Hierarchy.at(ia) ?? 999;
  const bh = c.Event_Outcome_Hierarchy.at(ib) ?? 999;
  if (ah !== bh) return ah < bh;
  const ac = c.Der_Conversation.at(ia);
  const bc = c.Der_Conversation.at(ib);
  if (ac !== bc) {
    if (ac === null) return false;
    if (bc === null) return true;
    return ac > bc;
  }
  return c.Der_Unique_Record_ID.at(ia) > c.Der_Unique_Record_ID.at(ib);
}
