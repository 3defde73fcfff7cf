// Stage 1 of the waiting-times method as columns: every event of interest read once, field
// by field, into typed arrays (dates as day numbers, list tests as flags), and grouped by
// (LA_Code, person) under the collation by one counting sort, so that no object is made per
// event and no text is compared twice.
import type { MainTableEvent } from '../model.js';
import { dayNumber, sqlCollationKey, sqlIn, sqlKeySet } from '../sql.js';
import { NO_DAY, bySlot, dayOrNone, groupSlots } from '../slots.js';
import {
  ASSESSMENT_PROGRESS_TO_SERVICE_OUTCOMES,
  EXISTING_CLIENT_SHORT_TERM_TYPES,
  LONG_TERM_SERVICE_TYPES,
  REQUEST_EXCLUDED_OUTCOME_GROUPS,
  REQUEST_PROGRESS_OUTCOMES,
  SERVICE_USER,
  SHORT_TERM_SERVICE_TYPES,
  WAITING_TIMES_ASSESSMENT_TYPES,
  WAITING_TIMES_MIN_AGE,
  WAITING_TIMES_REQUESTS_FROM,
  WORKING_AGE_BAND,
} from './values.js';

const LONG_TERM = sqlKeySet(LONG_TERM_SERVICE_TYPES);
const EXISTING_SHORT_TERM = sqlKeySet(EXISTING_CLIENT_SHORT_TERM_TYPES);
const TIMELINE_SERVICES = sqlKeySet([...LONG_TERM_SERVICE_TYPES, ...SHORT_TERM_SERVICE_TYPES]);
const TIMELINE_ASSESSMENTS = sqlKeySet(WAITING_TIMES_ASSESSMENT_TYPES);
const EXCLUDED_GROUPS = sqlKeySet(REQUEST_EXCLUDED_OUTCOME_GROUPS);
const REQUEST_PROGRESS = sqlKeySet(REQUEST_PROGRESS_OUTCOMES);
const ASSESSMENT_PROGRESS = sqlKeySet(ASSESSMENT_PROGRESS_TO_SERVICE_OUTCOMES);
const SERVICE_USER_KEY = sqlCollationKey(SERVICE_USER);
const REQUESTS_FROM_DAY = dayNumber(WAITING_TIMES_REQUESTS_FROM);
const WORKING_AGE_KEY = sqlCollationKey(WORKING_AGE_BAND);

/** Timeline kinds, numbered in the Stage 2.1 order (request < assessment < service). */
export const REQUEST = 1;
export const ASSESSMENT = 2;
export const SERVICE = 3;

/** Request checks of Stage 1.3a–b, in the order the SQL applies them. */
export const REQUEST_OK = 0;
export const NOT_SERVICE_USER = 1;
export const STARTS_BEFORE_2023_04_01 = 2;
const UNDER_25_AT_START = 3;

/** Service classes of the existing-client test (Stage 1.3c). */
export const LONG_TERM_SERVICE = 1;
export const SHORT_TERM_SERVICE = 2;

/**
 * The events of interest (requests, listed assessments, listed services), one slot each,
 * the slots of a person contiguous (`first[g]` to `first[g + 1] - 1`) and in input order.
 */
export interface TimelineColumns {
  readonly events: readonly MainTableEvent[];
  readonly first: Int32Array;
  /** The event (index into `events`) in each slot. */
  readonly event: Int32Array;
  readonly kind: Uint8Array;
  /** `Event_Start_Date` as written and as a day number. */
  readonly startText: readonly (string | null)[];
  readonly start: Int32Array;
  /** `Der_Working_Age_Band` with `18 to 64` relabelled `25 to 64` (Stage 1.3b / 2.1 `Modified_Working_Age_Band`). */
  readonly band: readonly (string | null)[];
  /** Rank of `ImportDate` among the distinct values (later = higher); -1 for NULL. */
  readonly importRank: Int32Array;
  readonly recordId: Float64Array;
  readonly row: Float64Array;
  /** `Der_Age_Event_Start_Date >= 25`. */
  readonly aged: Uint8Array;
  /** `LA_Code` is NULL (the existing-client join then matches nothing). */
  readonly laNull: Uint8Array;
  /** Requests: a Stage 1.3a–b check code. */
  readonly requestCheck: Uint8Array;
  /** Requests: `Event_Outcome_Grouped` NULL or NFA / Admitted to hospital (Stage 1.4). */
  readonly outcomeExcluded: Uint8Array;
  /** Requests: `Der_Conversation = 1`. */
  readonly conversation: Uint8Array;
  /** Requests: the outcome indicates progress; assessments: progress to service. */
  readonly progress: Uint8Array;
  /** Services: `LONG_TERM_SERVICE`, `SHORT_TERM_SERVICE` or 0. */
  readonly serviceClass: Uint8Array;
  /** Services: `Der_Event_End_Date` as a day number. */
  readonly end: Int32Array;
}

/** `Event_Type_Cleaned` (Stage 1.1) as a timeline kind, or 0. */
function kindOf(type: string | null): number {
  // The usual spellings first, without computing a collation key.
  if (type === 'Request') return REQUEST;
  if (type === 'Assessment') return ASSESSMENT;
  if (type === 'Service') return SERVICE;
  switch (sqlCollationKey(type)) {
    case 'request':
      return REQUEST;
    case 'assessment':
      return ASSESSMENT;
    case 'service':
      return SERVICE;
    default:
      return 0;
  }
}

/** Stage 1.3b / 2.1 `Modified_Working_Age_Band`. */
function modifiedBand(band: string): string {
  return band === WORKING_AGE_BAND || sqlCollationKey(band) === WORKING_AGE_KEY ? '25 to 64' : band;
}

/**
 * Groups people under the collation: (LA_Code key, person key), NULL LA codes together.
 * Prepared tables come sorted by person, so while the keys keep rising each new one is a new
 * person; the first key out of order switches to a look-up by key.
 */
class PersonGroups {
  private readonly keys: string[] = [];
  private byKey: Map<string, number> | undefined;
  private lastLa: string | null | undefined;
  private lastId: string | undefined;
  private lastGroup = -1;

  get count(): number {
    return this.keys.length;
  }

  /** Whether the keys came in rising order (each person one run, in order of first appearance). */
  get sorted(): boolean {
    return this.byKey === undefined;
  }

  groupOf(la: string | null, id: string): number {
    if (la === this.lastLa && id === this.lastId) return this.lastGroup;
    // SQL partitions put NULL LA codes together; '\u0000' cannot occur in a key's text.
    const key = `${la === null ? '\u0000' : sqlCollationKey(la)}\u0001${sqlCollationKey(id)}`;
    let group: number | undefined;
    const last = this.keys.length - 1;
    if (this.byKey === undefined) {
      if (last < 0 || key > this.keys[last]!) group = undefined;
      else if (key === this.keys[last]) group = last;
      else {
        this.byKey = new Map(this.keys.map((k, g) => [k, g] as const));
        group = this.byKey.get(key);
      }
    } else group = this.byKey.get(key);
    if (group === undefined) {
      group = this.keys.length;
      this.keys.push(key);
      this.byKey?.set(key, group);
    }
    this.lastLa = la;
    this.lastId = id;
    this.lastGroup = group;
    return group;
  }
}

/** Reads the events of interest into columns grouped by person (Stage 1), touching each event once. */
export function timelineColumns(events: readonly MainTableEvent[]): TimelineColumns {
  const size = events.length;
  const people = new PersonGroups();
  const groupOf = new Int32Array(size);
  const event = new Int32Array(size);
  const kind = new Uint8Array(size);
  const startText: (string | null)[] = new Array(size).fill(null);
  const start = new Int32Array(size);
  const importText: (string | null)[] = new Array(size).fill(null);
  const band: (string | null)[] = new Array(size).fill(null);
  const recordId = new Float64Array(size);
  const row = new Float64Array(size);
  const aged = new Uint8Array(size);
  const laNull = new Uint8Array(size);
  const requestCheck = new Uint8Array(size);
  const outcomeExcluded = new Uint8Array(size);
  const conversation = new Uint8Array(size);
  const progress = new Uint8Array(size);
  const serviceClass = new Uint8Array(size);
  const end = new Int32Array(size).fill(NO_DAY);
  let n = 0;
  for (let i = 0; i < size; i++) {
    const e = events[i]!;
    const type = kindOf(e.Event_Type_Cleaned);
    if (type === 0) continue;
    let service: string | null = null;
    if (type === ASSESSMENT) {
      if (!sqlIn(e.Assessment_Type_Cleaned, TIMELINE_ASSESSMENTS)) continue;
    } else if (type === SERVICE) {
      service = e.Service_Type_Cleaned;
      if (!sqlIn(service, TIMELINE_SERVICES)) continue;
    }
    const k = n++;
    const la = e.LA_Code;
    groupOf[k] = people.groupOf(la, e.Der_NHS_LA_Combined_Person_ID);
    event[k] = i;
    kind[k] = type;
    const text = e.Event_Start_Date;
    startText[k] = text;
    const startDay = dayOrNone(text);
    start[k] = startDay;
    importText[k] = e.ImportDate;
    band[k] = modifiedBand(e.Der_Working_Age_Band);
    recordId[k] = e.Der_Unique_Record_ID;
    row[k] = e.row;
    const age = e.Der_Age_Event_Start_Date;
    const isAged = age !== null && age >= WAITING_TIMES_MIN_AGE;
    aged[k] = isAged ? 1 : 0;
    laNull[k] = la === null ? 1 : 0;
    if (type === REQUEST) {
      const client = e.Client_Type_Cleaned;
      requestCheck[k] =
        client !== SERVICE_USER && sqlCollationKey(client) !== SERVICE_USER_KEY
          ? NOT_SERVICE_USER
          : startDay === NO_DAY || startDay < REQUESTS_FROM_DAY
            ? STARTS_BEFORE_2023_04_01
            : isAged
              ? REQUEST_OK
              : UNDER_25_AT_START;
      // `Event_Outcome_Grouped NOT IN ('NFA', 'Admitted to hospital')`: NULL fails too.
      const grouped = e.Event_Outcome_Grouped;
      outcomeExcluded[k] = grouped === null || sqlIn(grouped, EXCLUDED_GROUPS) ? 1 : 0;
      conversation[k] = e.Der_Conversation === 1 ? 1 : 0;
      progress[k] = sqlIn(e.Event_Outcome_Cleaned, REQUEST_PROGRESS) ? 1 : 0;
    } else if (type === ASSESSMENT) {
      progress[k] = sqlIn(e.Event_Outcome_Cleaned, ASSESSMENT_PROGRESS) ? 1 : 0;
    } else {
      serviceClass[k] = sqlIn(service, LONG_TERM)
        ? LONG_TERM_SERVICE
        : sqlIn(service, EXISTING_SHORT_TERM)
          ? SHORT_TERM_SERVICE
          : 0;
      end[k] = dayOrNone(e.Der_Event_End_Date);
    }
  }
  // While the people came in rising key order each is one run and the slots are the
  // selection order; otherwise a counting sort places each event after its person's earlier ones.
  const { first, slots } = groupSlots(groupOf, people.count, n, people.sorted);
  // ImportDate ranks: the distinct values in text order (SQL's datetime order for these); NULL -1.
  const distinct = [...new Set(importText.slice(0, n))].filter((v) => v !== null).sort();
  const rankOf = new Map(distinct.map((v, r) => [v, r] as const));
  const importRank = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const v = importText[k]!;
    importRank[k] = v === null ? -1 : rankOf.get(v)!;
  }
  return {
    events,
    first,
    event: bySlot(event, slots, n),
    kind: bySlot(kind, slots, n),
    startText: bySlot(startText, slots, n),
    band: bySlot(band, slots, n),
    start: bySlot(start, slots, n),
    importRank: bySlot(importRank, slots, n),
    recordId: bySlot(recordId, slots, n),
    row: bySlot(row, slots, n),
    aged: bySlot(aged, slots, n),
    laNull: bySlot(laNull, slots, n),
    requestCheck: bySlot(requestCheck, slots, n),
    outcomeExcluded: bySlot(outcomeExcluded, slots, n),
    conversation: bySlot(conversation, slots, n),
    progress: bySlot(progress, slots, n),
    serviceClass: bySlot(serviceClass, slots, n),
    end: bySlot(end, slots, n),
  };
}
