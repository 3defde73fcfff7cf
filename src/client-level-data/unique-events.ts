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
import { NO_DAY, dayOrNone } from './slots.js';
import { dayNumber, sqlCollationKey } from './sql.js';

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
/** The largest bound of a packed sort key (a radix pass counts that many buckets). */
const PACKED_BOUND = 1 << 20;

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
  const EMPTY = codes.emptyCode;
  // Every key code, per distinct value of each column, before any row is read.
  const raw = (v: string | null): number => codes.raw(v);
  const orEmpty = (v: string | null): number => codes.raw(v, EMPTY);
  const startKey = c.Event_Start_Date.encode(size, (v) => (v === null ? NULL : codes.code(v)));
  const typeKey = c.Event_Type.encode(size, raw);
  const tests = c.Event_Type.encode(size, (v) => codes.typeTests(v));
  const clientKey = c.Client_Type_Raw.encode(size, raw);
  const routeKey = c.Request_Route_of_Access.encode(size, raw);
  const assessmentKey = c.Assessment_Type_Raw.encode(size, raw);
  const serviceKey = c.Service_Type_Raw.encode(size, raw);
  const componentKey = c.Service_Component_Raw.encode(size, raw);
  // Der_Event_End_Date is the end date or the date of death (d.3; cropping comes later).
  const endKeyOfDay = new Map<number, number>();
  for (const column of [c.Event_End_Date, c.Date_of_Death])
    for (const date of column.encode(size, (v) => v).values)
      if (date !== null) endKeyOfDay.set(dayOrNone(date), codes.code(date));
  // The d.6 cost fields (single submissions only).
  const none = { codes: new Uint8Array(0), values: [] as number[] };
  const deliveryKey = joined ? none : c.Delivery_Mechanism_Cleaned.encode(size, orEmpty);
  const frequencyKey = joined ? none : c.Cost_Frequency_Unit_Type.encode(size, orEmpty);
  const costKey = joined ? none : c.Unit_Cost.encode(size, (v) => codes.numeric2(v));
  const plannedKey = joined
    ? none
    : c.Planned_units_per_week.encode(size, (v) => codes.numeric2(v));

  // Each field's keys as ranks among that field's own keys, from 1 (0: the field is unused).
  const rankOfCode = codes.ranks();
  const local = (keys: Iterable<number>): { rank: Int32Array; bound: number } => {
    const distinct = [...new Set([...keys, NULL, EMPTY])].sort(
      (x, y) => rankOfCode[x]! - rankOfCode[y]!,
    );
    const rank = new Int32Array(rankOfCode.length);
    distinct.forEach((code, r) => {
      rank[code] = r + 1;
    });
    return { rank, bound: distinct.length + 1 };
  };
  const fields = [
    local(startKey.values),
    local(endKeyOfDay.values()),
    local(clientKey.values),
    { rank: persons.rank, bound: persons.count }, // the person's key rank itself
    local(typeKey.values),
    local(routeKey.values),
    local(assessmentKey.values),
    local(serviceKey.values),
    local(componentKey.values),
    local(deliveryKey.values),
    local(costKey.values),
    local(frequencyKey.values),
    local(plannedKey.values),
  ];
  // Neighbouring fields packed into one sort key while the product of their bounds stays
  // small (the identifying fields and the d.6 fields never share a key), so a row costs a
  // few keys and the radix sort a few passes.
  const groups: number[][] = [];
  for (const [from, to] of [
    [0, IDENTIFYING],
    [IDENTIFYING, WIDTH],
  ] as const) {
    let group: number[] = [];
    let product = 1;
    for (let f = from; f < to; f++) {
      const bound = fields[f]!.bound;
      if (group.length > 0 && product * bound > PACKED_BOUND) {
        groups.push(group);
        group = [];
        product = 1;
      }
      group.push(f);
      product *= bound;
    }
    groups.push(group);
  }
  const identifyingGroups = groups.findIndex((g) => g[0] === IDENTIFYING);
  const keys = groups.map(() => new Int32Array(n));
  const value = new Int32Array(WIDTH);
  for (let j = 0; j < n; j++) {
    const i = period.event[j]!;
    const isService = period.service[j] === 1;
    const type = tests.values[tests.codes[i]!]!;
    const derEnd = period.derEnd[j]!;
    value[0] = startKey.values[startKey.codes[i]!]!;
    value[1] = isService || derEnd === NO_DAY ? NULL : endKeyOfDay.get(derEnd)!;
    value[2] = clientKey.values[clientKey.codes[i]!]!;
    value[3] = period.person[j]!;
    value[4] = typeKey.values[typeKey.codes[i]!]!;
    value[5] = type.request ? routeKey.values[routeKey.codes[i]!]! : NULL;
    value[6] = type.assessment ? assessmentKey.values[assessmentKey.codes[i]!]! : NULL;
    value[7] = isService ? serviceKey.values[serviceKey.codes[i]!]! : NULL;
    value[8] = isService ? componentKey.values[componentKey.codes[i]!]! : NULL;
    const costs = !joined && isService;
    value[9] = costs ? deliveryKey.values[deliveryKey.codes[i]!]! : -1;
    value[10] = costs ? costKey.values[costKey.codes[i]!]! : -1;
    value[11] = costs ? frequencyKey.values[frequencyKey.codes[i]!]! : -1;
    value[12] = costs ? plannedKey.values[plannedKey.codes[i]!]! : -1;
    for (let g = 0; g < groups.length; g++) {
      let key = 0;
      for (const f of groups[g]!) {
        const field = fields[f]!;
        key = key * field.bound + (value[f]! < 0 ? 0 : field.rank[value[f]!]!);
      }
      keys[g]![j] = key;
    }
  }
  const order = radixOrder(
    keys,
    groups.map((g) => g.reduce((product, f) => product * fields[f]!.bound, 1)),
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
      let g = 0;
      while (g < keys.length && keys[g]![j] === keys[g]![q]) g++;
      if (g < identifyingGroups) {
        r++;
        p++;
      } else if (g < keys.length) p++;
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
