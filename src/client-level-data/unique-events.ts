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
import type { ClientLevelDataEvent } from './model.js';
import { distinctRanks, radixOrder } from './radix.js';
import { sqlCollationKey } from './sql.js';

/** SQL NULL among the keys: sorts before every other key (the oracle's U+0000). */
const NULL_KEY = '\u0000';

/** An event in the period (reference d.3) with the values prepare derived for it. */
export interface Candidate {
  /** The checked event. */
  readonly event: ClientLevelDataEvent;
  readonly refStart: string;
  readonly refEnd: string;
  /** `Der_Event_End_Date` (changed by service cropping, d.5 step 2). */
  derEnd: string | null;
  /** `Event_Type LIKE '%service%'` on the raw type (d.3). */
  readonly isService: boolean;
  /** `Der_NHS_LA_Combined_Person_ID` (d.4 step 2). */
  readonly personId: string;
}

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
 * text and `Cost_Frequency_Unit_Type`, NULL as ''.
 */
export function uniqueEvents(
  candidates: readonly Candidate[],
  codes: KeyCodes,
  joined: boolean,
): UniqueEvents {
  const n = candidates.length;
  // One column per field; -1 (an unused d.6 field) sorts first.
  const field = Array.from({ length: WIDTH }, () => new Int32Array(n));
  const [start, end, client, person, eventType, route, assessment, service, component] = field;
  const [delivery, cost, frequency, planned] = field.slice(IDENTIFYING);
  const NULL = codes.nullCode;
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!;
    const e = c.event;
    const type = codes.typeTests(e.Event_Type);
    start![i] = e.Event_Start_Date === null ? NULL : codes.code(e.Event_Start_Date);
    end![i] = c.isService || c.derEnd === null ? NULL : codes.code(c.derEnd);
    client![i] = codes.raw(e.Client_Type_Raw);
    person![i] = codes.raw(c.personId);
    eventType![i] = codes.raw(e.Event_Type);
    route![i] = type.request ? codes.raw(e.Request_Route_of_Access) : NULL;
    assessment![i] = type.assessment ? codes.raw(e.Assessment_Type_Raw) : NULL;
    service![i] = c.isService ? codes.raw(e.Service_Type_Raw) : NULL;
    component![i] = c.isService ? codes.raw(e.Service_Component_Raw) : NULL;
    if (!joined && c.isService) {
      delivery![i] = codes.raw(e.Delivery_Mechanism_Cleaned, codes.emptyCode);
      cost![i] = codes.numeric2(e.Unit_Cost);
      frequency![i] = codes.raw(e.Cost_Frequency_Unit_Type, codes.emptyCode);
      planned![i] = codes.numeric2(e.Planned_units_per_week);
    } else delivery![i] = cost![i] = frequency![i] = planned![i] = -1;
  }
  // Codes → the sorted order of their key texts, shifted by one so -1 becomes 0.
  const rankOfCode = codes.ranks();
  for (const column of field)
    for (let i = 0; i < n; i++) column[i] = column[i]! < 0 ? 0 : rankOfCode[column[i]!]! + 1;
  const order = radixOrder(
    field,
    field.map(() => rankOfCode.length + 1),
    n,
  );
  const rank = new Int32Array(n);
  const partition = new Int32Array(n);
  let r = 0;
  let p = -1;
  for (let j = 0; j < n; j++) {
    const i = order[j]!;
    if (j === 0) {
      r = 1;
      p = 0;
    } else {
      const q = order[j - 1]!;
      let k = 0;
      while (k < WIDTH && field[k]![i] === field[k]![q]) k++;
      if (k < IDENTIFYING) {
        r++;
        p++;
      } else if (k < WIDTH) p++;
    }
    rank[i] = r;
    partition[i] = p;
  }
  return { rank, partition, partitions: p + 1 };
}

/** DHSC's stand-in for a NULL (open) end date in the d.6 order. */
const OPEN_END = '9999-01-01';

/**
 * The d.6 order (`GetUniqueEvents`): true when `a` is kept before `b` in their partition —
 * 1. (joined tables) the later file first; 2. `Der_Event_End_Date` descending, NULL as
 * 9999-01-01; 3. `Event_Outcome_Hierarchy` ascending, NULL as 999; 4. `Der_Conversation`
 * descending, NULL last (SQL Server); 5. `Der_Unique_Record_ID` descending.
 */
export function ranksBefore(a: Candidate, b: Candidate, joined: boolean): boolean {
  if (joined && a.refEnd !== b.refEnd) return a.refEnd > b.refEnd;
  const ae = a.derEnd ?? OPEN_END;
  const be = b.derEnd ?? OPEN_END;
  if (ae !== be) return ae > be;
  const ah = a.event.Event_Outcome_Hierarchy ?? 999;
  const bh = b.event.Event_Outcome_Hierarchy ?? 999;
  if (ah !== bh) return ah < bh;
  const ac = a.event.Der_Conversation;
  const bc = b.event.Der_Conversation;
  if (ac !== bc) {
    if (ac === null) return false;
    if (bc === null) return true;
    return ac > bc;
  }
  return a.event.Der_Unique_Record_ID > b.event.Der_Unique_Record_ID;
}
