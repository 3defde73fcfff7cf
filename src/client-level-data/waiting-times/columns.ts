// Stage 1 of the waiting-times method as columns: every event of interest read once, field
// by field, into typed arrays (dates as day numbers, list tests as flags), and grouped by
// (LA_Code, person) under the collation by one counting sort, so that no object is made per
// event and no text is compared twice.
import type { MainTableEvent } from '../model.js';
import { dayNumber, sqlCollationKey, sqlIn, sqlKeySet } from '../sql.js';
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

/** A NULL date. */
export const NO_DAY = -2147483648;

/** Timeline kinds, numbered in the Stage 2.1 order (request < assessment < service). */
export const REQUEST = 1;
export const ASSESSMENT = 2;
export const SERVICE = 3;

/** Request checks of Stage 1.3a–b, in the order the SQL applies them. */
export const REQUEST_OK = 0;
export const NOT_SERVICE_USER = 1;
export const STARTS_BEFORE_2023_04_01 = 2;
export const UNDER_25_AT_START = 3;

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

const day = (date: string | null): number => (date === null ? NO_DAY : dayNumber(date));

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

/** Reads the events of interest into columns grouped by person (Stage 1). */
export function timelineColumns(events: readonly MainTableEvent[]): TimelineColumns {
  // Pass 1: which events count, and their person.
  const selected: number[] = [];
  const kindOfSelected: number[] = [];
  const groupOfSelected: number[] = [];
  const people = new PersonGroups();
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const kind = kindOf(e.Event_Type_Cleaned);
    if (kind === 0) continue;
    if (kind === ASSESSMENT && !sqlIn(e.Assessment_Type_Cleaned, TIMELINE_ASSESSMENTS)) continue;
    if (kind === SERVICE && !sqlIn(e.Service_Type_Cleaned, TIMELINE_SERVICES)) continue;
    selected.push(i);
    kindOfSelected.push(kind);
    groupOfSelected.push(people.groupOf(e.LA_Code, e.Der_NHS_LA_Combined_Person_ID));
  }
  const groups = people.count;
  const first = new Int32Array(groups + 1);
  for (const g of groupOfSelected) first[g + 1]!++;
  for (let g = 0; g < groups; g++) first[g + 1]! += first[g]!;
  const next = first.slice(0, groups);

  // Pass 2: the fields the method reads, each once.
  const n = selected.length;
  const event = new Int32Array(n);
  const kind = new Uint8Array(n);
  const startText: (string | null)[] = new Array(n).fill(null);
  const start = new Int32Array(n);
  const importRank = new Int32Array(n);
  const recordId = new Float64Array(n);
  const row = new Float64Array(n);
  const aged = new Uint8Array(n);
  const laNull = new Uint8Array(n);
  const requestCheck = new Uint8Array(n);
  const outcomeExcluded = new Uint8Array(n);
  const conversation = new Uint8Array(n);
  const progress = new Uint8Array(n);
  const serviceClass = new Uint8Array(n);
  const end = new Int32Array(n).fill(NO_DAY);
  const imports = new Map<string, number[]>();
  for (let k = 0; k < n; k++) {
    const i = selected[k]!;
    const e = events[i]!;
    const s = next[groupOfSelected[k]!]!++;
    event[s] = i;
    const type = kindOfSelected[k]!;
    kind[s] = type;
    const text = e.Event_Start_Date;
    startText[s] = text;
    start[s] = day(text);
    const imported = e.ImportDate;
    if (imported === null) importRank[s] = -1;
    else {
      const slots = imports.get(imported);
      if (slots === undefined) imports.set(imported, [s]);
      else slots.push(s);
    }
    recordId[s] = e.Der_Unique_Record_ID;
    row[s] = e.row;
    const age = e.Der_Age_Event_Start_Date;
    aged[s] = age !== null && age >= WAITING_TIMES_MIN_AGE ? 1 : 0;
    laNull[s] = e.LA_Code === null ? 1 : 0;
    if (type === REQUEST) {
      const client = e.Client_Type_Cleaned;
      requestCheck[s] =
        client !== SERVICE_USER && sqlCollationKey(client) !== SERVICE_USER_KEY
          ? NOT_SERVICE_USER
          : start[s]! === NO_DAY || start[s]! < REQUESTS_FROM_DAY
            ? STARTS_BEFORE_2023_04_01
            : aged[s] === 0
              ? UNDER_25_AT_START
              : REQUEST_OK;
      // `Event_Outcome_Grouped NOT IN ('NFA', 'Admitted to hospital')`: NULL fails too.
      const grouped = e.Event_Outcome_Grouped;
      outcomeExcluded[s] = grouped === null || sqlIn(grouped, EXCLUDED_GROUPS) ? 1 : 0;
      conversation[s] = e.Der_Conversation === 1 ? 1 : 0;
      progress[s] = sqlIn(e.Event_Outcome_Cleaned, REQUEST_PROGRESS) ? 1 : 0;
    } else if (type === ASSESSMENT) {
      progress[s] = sqlIn(e.Event_Outcome_Cleaned, ASSESSMENT_PROGRESS) ? 1 : 0;
    } else {
      const service = e.Service_Type_Cleaned;
      serviceClass[s] = sqlIn(service, LONG_TERM)
        ? LONG_TERM_SERVICE
        : sqlIn(service, EXISTING_SHORT_TERM)
          ? SHORT_TERM_SERVICE
          : 0;
      end[s] = day(e.Der_Event_End_Date);
    }
  }
  // ImportDate ranks: the distinct values in text order (SQL's datetime order for these).
  const distinct = [...imports.keys()].sort();
  distinct.forEach((value, rank) => {
    for (const s of imports.get(value)!) importRank[s] = rank;
  });
  return {
    events,
    first,
    event,
    kind,
    startText,
    start,
    importRank,
    recordId,
    row,
    aged,
    laNull,
    requestCheck,
    outcomeExcluded,
    conversation,
    progress,
    serviceClass,
    end,
  };
}
