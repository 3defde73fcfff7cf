// Stage 1 of the waiting-times method as columns: the main table's columns read in bulk
// (`Column.encode`: each list test, date and label worked out once per distinct value), the
// events of interest picked out, grouped by (LA_Code, person) under the collation by one
// counting sort, and their fields gathered into typed arrays in slot order (dates as day
// numbers, list tests as flags), so that no object is made per event and no text is
// compared twice.
import type { MainTable } from '../main-rows.js';
import { dayNumber, sqlCollationKey, sqlIn, sqlKeySet } from '../sql.js';
import { NO_DAY, dayOrNone, groupSlots, mapInto, numbersInto, pickInto } from '../slots.js';
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
  /** The main table; a slot's own fields are `main.columns.X.at(event[s])`. */
  readonly main: MainTable;
  readonly first: Int32Array;
  /** The event (row of `main`) in each slot. */
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

/** A column's rows as codes into one number per distinct value (`Column.encode`). */
interface Encoded {
  readonly codes: ArrayLike<number>;
  readonly values: readonly number[];
}

/** Not a service type of the timeline (Stage 1.2), as a service class. */
const NOT_TIMELINE = -1;

/** A service type's class for the existing-client test, or `NOT_TIMELINE`. */
function serviceClassOf(service: string | null): number {
  if (!sqlIn(service, TIMELINE_SERVICES)) return NOT_TIMELINE;
  return sqlIn(service, LONG_TERM)
    ? LONG_TERM_SERVICE
    : sqlIn(service, EXISTING_SHORT_TERM)
      ? SHORT_TERM_SERVICE
      : 0;
}

/**
 * Groups people under the collation: (LA_Code key, person key), NULL LA codes together.
 * Prepared tables come sorted by person, so while the keys keep rising each new one is a new
 * person; the first key out of order switches to a look-up by key. Groups are numbered in
 * order of first appearance.
 */
class PersonGroups {
  /** Each group's LA key and person key. */
  private readonly laKeys: (string | null)[] = [];
  private readonly idKeys: string[] = [];
  /** Group by person key, one map per LA key (made when the keys first fall). */
  private byKey: Map<string | null, Map<string, number>> | undefined;
  private lastLa: string | null | undefined;
  private lastId: string | undefined;
  private lastGroup = -1;

  get count(): number {
    return this.idKeys.length;
  }

  /** Whether the keys came in rising order (each person one run, in order of first appearance). */
  get sorted(): boolean {
    return this.byKey === undefined;
  }

  /** The group of a person id with LA key `laKey` (NULL sorts first). */
  groupOf(laKey: string | null, id: string): number {
    if (laKey === this.lastLa && id === this.lastId) return this.lastGroup;
    const idKey = sqlCollationKey(id);
    let group: number | undefined;
    const last = this.idKeys.length - 1;
    if (this.byKey === undefined) {
      const order =
        last < 0 ? 1 : compareKeys(laKey, idKey, this.laKeys[last]!, this.idKeys[last]!);
      if (order > 0) group = undefined;
      else if (order === 0) group = last;
      else {
        this.byKey = new Map();
        for (let g = 0; g <= last; g++) this.keysOf(this.laKeys[g]!).set(this.idKeys[g]!, g);
        group = this.keysOf(laKey).get(idKey);
      }
    } else group = this.keysOf(laKey).get(idKey);
    if (group === undefined) {
      group = this.idKeys.length;
      this.laKeys.push(laKey);
      this.idKeys.push(idKey);
      if (this.byKey !== undefined) this.keysOf(laKey).set(idKey, group);
    }
    this.lastLa = laKey;
    this.lastId = id;
    this.lastGroup = group;
    return group;
  }

  private keysOf(laKey: string | null): Map<string, number> {
    const byKey = this.byKey!;
    let keys = byKey.get(laKey);
    if (keys === undefined) byKey.set(laKey, (keys = new Map()));
    return keys;
  }
}

/** Order of (LA key, person key) pairs, NULL LA keys first. */
function compareKeys(la: string | null, id: string, la2: string | null, id2: string): number {
  if (la !== la2) {
    if (la === null) return -1;
    if (la2 === null) return 1;
    return la < la2 ? -1 : 1;
  }
  return id < id2 ? -1 : id > id2 ? 1 : 0;
}

/**
 * The events of interest (Stage 1.1–1.2: requests, assessments of a listed type, services of
 * a listed type), in input order, with each one's group ({@link PersonGroups}), and the
 * encodings read to find them: timeline kinds, service classes, and LA_Code keys.
 */
function eventsOfInterest(main: MainTable): {
  kind: Encoded;
  serviceClass: Encoded;
  laKey: { readonly codes: ArrayLike<number>; readonly values: readonly (string | null)[] };
  selected: Int32Array;
  groupOf: Int32Array;
  groups: number;
  inOrder: boolean;
} {
  const n = main.length;
  const c = main.columns;
  const kind = c.Event_Type_Cleaned.encode(n, kindOf);
  const assessment = c.Assessment_Type_Cleaned.encode(n, (v) => sqlIn(v, TIMELINE_ASSESSMENTS));
  const service = c.Service_Type_Cleaned.encode(n, serviceClassOf);
  const laKey = c.LA_Code.encode(n, sqlCollationKey);
  // Person ids are mostly distinct: read row by row (PersonGroups skips repeats).
  const ids = c.Der_NHS_LA_Combined_Person_ID;
  const people = new PersonGroups();
  const selected = new Int32Array(n);
  const groupOf = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const type = kind.values[kind.codes[i]!]!;
    if (type === 0) continue;
    if (type === ASSESSMENT && !assessment.values[assessment.codes[i]!]) continue;
    if (type === SERVICE && service.values[service.codes[i]!] === NOT_TIMELINE) continue;
    selected[m] = i;
    groupOf[m++] = people.groupOf(laKey.values[laKey.codes[i]!]!, ids.at(i));
  }
  return {
    kind,
    serviceClass: service,
    laKey,
    selected: selected.subarray(0, m),
    groupOf: groupOf.subarray(0, m),
    groups: people.count,
    inOrder: people.sorted,
  };
}

/** Reads the events of interest into columns grouped by person (Stage 1), in bulk, column by column. */
export function timelineColumns(main: MainTable): TimelineColumns {
  const n = main.length;
  const c = main.columns;
  const { selected, groupOf, groups, inOrder, ...read } = eventsOfInterest(main);
  const m = selected.length;
  // In order, each person is one run and the slots are the selection order; otherwise a
  // counting sort places each event after its person's earlier ones.
  const { first, slots } = groupSlots(groupOf, groups, m, inOrder);
  const event = slots === undefined ? selected : slots.map((k) => selected[k]!);
  // Each column in slot order: `x[s]` is a value of event `event[s]`.
  const kind = pickInto(new Uint8Array(m), read.kind, event);
  const startDates = c.Event_Start_Date.encode(n, (v) => v);
  const startText = pickInto(new Array<string | null>(m), startDates, event);
  const start = pickInto(
    new Int32Array(m),
    { codes: startDates.codes, values: startDates.values.map(dayOrNone) },
    event,
  );
  const band = mapInto(new Array<string | null>(m), c.Der_Working_Age_Band, n, modifiedBand, event);
  // ImportDate ranks: the distinct values in text order (SQL's datetime order for these); NULL -1.
  const imports = c.ImportDate.encode(n, (v) => v);
  const distinct = [...new Set(imports.values)].filter((v) => v !== null).sort();
  const rankOf = new Map(distinct.map((v, r) => [v, r] as const));
  const importRank = pickInto(
    new Int32Array(m),
    { codes: imports.codes, values: imports.values.map((v) => (v === null ? -1 : rankOf.get(v)!)) },
    event,
  );
  const aged = mapInto(
    new Uint8Array(m),
    c.Der_Age_Event_Start_Date,
    n,
    (age) => (age !== null && age >= WAITING_TIMES_MIN_AGE ? 1 : 0),
    event,
  );
  const laNull = pickInto(
    new Uint8Array(m),
    { codes: read.laKey.codes, values: read.laKey.values.map((la) => (la === null ? 1 : 0)) },
    event,
  );

  // The tests of one kind of event, each worked out once per distinct value.
  const serviceUser = c.Client_Type_Cleaned.encode(
    n,
    (client) => client === SERVICE_USER || sqlCollationKey(client) === SERVICE_USER_KEY,
  );
  // `Event_Outcome_Grouped NOT IN ('NFA', 'Admitted to hospital')`: NULL fails too.
  const excluded = c.Event_Outcome_Grouped.encode(
    n,
    (grouped) => grouped === null || sqlIn(grouped, EXCLUDED_GROUPS),
  );
  const outcome = c.Event_Outcome_Cleaned.encode(n, (v) => ({
    request: sqlIn(v, REQUEST_PROGRESS),
    assessment: sqlIn(v, ASSESSMENT_PROGRESS),
  }));
  const ends = c.Der_Event_End_Date.encode(n, dayOrNone);
  const conversations = c.Der_Conversation;
  const requestCheck = new Uint8Array(m);
  const outcomeExcluded = new Uint8Array(m);
  const conversation = new Uint8Array(m);
  const progress = new Uint8Array(m);
  const serviceClass = new Uint8Array(m);
  const end = new Int32Array(m).fill(NO_DAY);
  for (let s = 0; s < m; s++) {
    const i = event[s]!;
    const type = kind[s]!;
    if (type === REQUEST) {
      const startDay = start[s]!;
      requestCheck[s] = !serviceUser.values[serviceUser.codes[i]!]
        ? NOT_SERVICE_USER
        : startDay === NO_DAY || startDay < REQUESTS_FROM_DAY
          ? STARTS_BEFORE_2023_04_01
          : aged[s] === 1
            ? REQUEST_OK
            : UNDER_25_AT_START;
      outcomeExcluded[s] = excluded.values[excluded.codes[i]!] ? 1 : 0;
      conversation[s] = conversations.at(i) === 1 ? 1 : 0;
      progress[s] = outcome.values[outcome.codes[i]!]!.request ? 1 : 0;
    } else if (type === ASSESSMENT) {
      progress[s] = outcome.values[outcome.codes[i]!]!.assessment ? 1 : 0;
    } else {
      serviceClass[s] = read.serviceClass.values[read.serviceClass.codes[i]!]!;
      end[s] = ends.values[ends.codes[i]!]!;
    }
  }
  return {
    main,
    first,
    event,
    kind,
    startText,
    band,
    start,
    importRank,
    recordId: numbersInto(new Float64Array(m), c.Der_Unique_Record_ID, event),
    row: numbersInto(new Float64Array(m), c.row, event),
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
