// Plain reference version (test oracle), copied from src/client-level-data/waiting-times/
// waiting-times.ts before the columnar fast path; waiting-times-fast.properties.test.ts compares the two.
import { mainRowsOf } from '../../../src/client-level-data/main-rows.js';
import { isIsoDate } from '../../../src/timeline/iso-date.js';
import type {
  CldDate,
  MainTableEvent,
  PreparedClientLevelData,
} from '../../../src/client-level-data/model.js';
import type {
  WaitingTimeAgeBand,
  WaitingTimeCode,
  WaitingTimeExclusion,
  WaitingTimeLinkedEvent,
  WaitingTimeRequestTrace,
  WaitingTimeRow,
  WaitingTimesExplained,
  WaitingTimesOptions,
  WaitingTimeWait,
} from '../../../src/client-level-data/waiting-times/model.js';
import {
  WAITING_TIME_AGE_BANDS,
  WAITING_TIME_CODES,
} from '../../../src/client-level-data/waiting-times/model.js';
import {
  addMonths,
  continuousMedian,
  daysBetween,
  quarterStart,
  sqlIn,
  sqlCollationKey,
  sqlKeySet,
} from '../../../src/client-level-data/sql.js';
import {
  ASSESSMENT_PROGRESS_TO_SERVICE_OUTCOMES,
  EXISTING_CLIENT_LOOKBACK_MONTHS,
  EXISTING_CLIENT_SHORT_TERM_TYPES,
  LONG_TERM_SERVICE_TYPES,
  RELEASE_2_RECORDING_FROM,
  REQUEST_EXCLUDED_OUTCOME_GROUPS,
  REQUEST_PROGRESS_OUTCOMES,
  SERVICE_USER,
  SHORT_TERM_SERVICE_TYPES,
  WAITING_TIMES_ASSESSMENT_TYPES,
  WAITING_TIMES_MIN_AGE,
  WAITING_TIMES_REQUESTS_FROM,
  WORKING_AGE_BAND,
} from '../../../src/client-level-data/waiting-times/values.js';

// DHSC waiting-times method, provisional v1.1 (19 May 2026): reference section e.6, ported
// from `Waiting_times/waiting_times_method.sql` (DataS-DHSC/ASC-CLD-LA-Dashboard). The
// stage numbers in the comments are the SQL's. Every text test compares collation keys
// (case-insensitive, trailing spaces ignored) and treats NULL as SQL does.

const LONG_TERM = sqlKeySet(LONG_TERM_SERVICE_TYPES);
const EXISTING_SHORT_TERM = sqlKeySet(EXISTING_CLIENT_SHORT_TERM_TYPES);
const TIMELINE_SERVICES = sqlKeySet([...LONG_TERM_SERVICE_TYPES, ...SHORT_TERM_SERVICE_TYPES]);
const TIMELINE_ASSESSMENTS = sqlKeySet(WAITING_TIMES_ASSESSMENT_TYPES);
const EXCLUDED_GROUPS = sqlKeySet(REQUEST_EXCLUDED_OUTCOME_GROUPS);
const REQUEST_PROGRESS = sqlKeySet(REQUEST_PROGRESS_OUTCOMES);
const ASSESSMENT_PROGRESS = sqlKeySet(ASSESSMENT_PROGRESS_TO_SERVICE_OUTCOMES);
const SERVICE_USER_KEY = sqlCollationKey(SERVICE_USER);
const WORKING_AGE_KEY = sqlCollationKey(WORKING_AGE_BAND);

type Kind = 'request' | 'assessment' | 'service';
const KIND_RANK: Record<Kind, number> = { request: 1, assessment: 2, service: 3 };

/** A timeline event: a valid request, or an assessment or service aged 25+ at its start (Stage 2.1). */
interface TimelineEvent {
  readonly event: MainTableEvent;
  readonly kind: Kind;
  position: number;
  /** Assessments: the block's progress-to-service flag (Stage 2.3b); otherwise unused. */
  blockProgress: boolean;
}

interface PersonEvents {
  readonly requests: MainTableEvent[];
  readonly assessments: MainTableEvent[];
  /** Step-2 services of any age: the existing-client test reads these (Stage 1.3c). */
  readonly services: MainTableEvent[];
}

/** `Event_Type_Cleaned` (Stage 1.1) as a timeline kind, or null. */
function kindOf(event: MainTableEvent): Kind | null {
  const type = event.Event_Type_Cleaned;
  // The usual spellings first, without computing a collation key.
  if (type === 'Request') return 'request';
  if (type === 'Assessment') return 'assessment';
  if (type === 'Service') return 'service';
  switch (sqlCollationKey(type)) {
    case 'request':
      return 'request';
    case 'assessment':
      return 'assessment';
    case 'service':
      return 'service';
    default:
      return null;
  }
}

/** SQL `ORDER BY x DESC`: NULL sorts last. */
function compareDescNullsLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

/**
 * Stage 2.1 order: start (NULL first, as SQL sorts ascending), request < assessment <
 * service, `ImportDate` descending, `Der_Unique_Record_ID` descending. SQL leaves ties after
 * that unordered; the unique event reference and the row number settle them so the result
 * never depends on the input order.
 */
function compareTimeline(a: TimelineEvent, b: TimelineEvent): number {
  const sa = a.event.Event_Start_Date;
  const sb = b.event.Event_Start_Date;
  if (sa !== sb) {
    if (sa === null) return -1;
    if (sb === null) return 1;
    return sa < sb ? -1 : 1;
  }
  if (a.kind !== b.kind) return KIND_RANK[a.kind] - KIND_RANK[b.kind];
  const byImport = compareDescNullsLast(a.event.ImportDate, b.event.ImportDate);
  if (byImport !== 0) return byImport;
  if (a.event.Der_Unique_Record_ID !== b.event.Der_Unique_Record_ID)
    return b.event.Der_Unique_Record_ID - a.event.Der_Unique_Record_ID;
  if (a.event.Der_Unique_Event_Ref !== b.event.Der_Unique_Event_Ref)
    return a.event.Der_Unique_Event_Ref < b.event.Der_Unique_Event_Ref ? -1 : 1;
  return a.event.row - b.event.row;
}

/** Stage 1.3c: the earliest-starting service that makes the request an existing client's, or null. */
function existingClientService(
  request: MainTableEvent,
  services: readonly MainTableEvent[],
): MainTableEvent | null {
  const start = request.Event_Start_Date!;
  // The join needs LA_Code = LA_Code: a NULL LA code matches nothing.
  if (request.LA_Code === null) return null;
  const longTermFrom = addMonths(start, -EXISTING_CLIENT_LOOKBACK_MONTHS.longTerm);
  const shortTermFrom = addMonths(start, -EXISTING_CLIENT_LOOKBACK_MONTHS.shortTerm);
  let found: MainTableEvent | null = null;
  for (const s of services) {
    if (s.LA_Code === null || s.Event_Start_Date === null || !(s.Event_Start_Date < start))
      continue;
    const end = s.Der_Event_End_Date;
    const type = s.Service_Type_Cleaned;
    const matches =
      (sqlIn(type, LONG_TERM) && (end === null || end >= longTermFrom)) ||
      (sqlIn(type, EXISTING_SHORT_TERM) && (end === null || end >= shortTermFrom));
    if (
      matches &&
      (found === null ||
        s.Event_Start_Date < found.Event_Start_Date! ||
        (s.Event_Start_Date === found.Event_Start_Date && s.row < found.row))
    )
      found = s;
  }
  return found;
}

/** Stage 1.3a–1.4: why a request is not valid, or null when it is. */
function requestExclusion(
  request: MainTableEvent,
  services: readonly MainTableEvent[],
): { reason: WaitingTimeExclusion; service?: MainTableEvent } | null {
  if (
    request.Client_Type_Cleaned !== SERVICE_USER &&
    sqlCollationKey(request.Client_Type_Cleaned) !== SERVICE_USER_KEY
  )
    return { reason: 'not-service-user' };
  if (request.Event_Start_Date === null || request.Event_Start_Date < WAITING_TIMES_REQUESTS_FROM)
    return { reason: 'starts-before-2023-04-01' };
  if (
    request.Der_Age_Event_Start_Date === null ||
    !(request.Der_Age_Event_Start_Date >= WAITING_TIMES_MIN_AGE)
  )
    return { reason: 'under-25-at-start' };
  const service = existingClientService(request, services);
  if (service !== null) return { reason: 'existing-client', service };
  // `Event_Outcome_Grouped NOT IN ('NFA', 'Admitted to hospital')`: NULL fails too.
  if (
    request.Event_Outcome_Grouped === null ||
    sqlIn(request.Event_Outcome_Grouped, EXCLUDED_GROUPS)
  )
    return { reason: 'outcome-not-progressing' };
  return null;
}

/** Stage 1.3b / 2.1 `Modified_Working_Age_Band`. */
function modifiedBand(event: MainTableEvent): WaitingTimeWait['ageBand'] {
  const band = event.Der_Working_Age_Band;
  return band === WORKING_AGE_BAND || sqlCollationKey(band) === WORKING_AGE_KEY
    ? '25 to 64'
    : (event.Der_Working_Age_Band as WaitingTimeWait['ageBand']);
}

const isReportedBand = (band: string): band is WaitingTimeAgeBand =>
  band === '25 to 64' || band === '65 and above';

function linked(t: TimelineEvent | null): WaitingTimeLinkedEvent | null {
  return t === null
    ? null
    : {
        kind: t.kind,
        row: t.event.row,
        eventRef: t.event.Der_Unique_Event_Ref,
        start: t.event.Event_Start_Date,
        position: t.position,
      };
}

function outsideTimeline(kind: Kind, event: MainTableEvent): WaitingTimeLinkedEvent {
  return {
    kind,
    row: event.row,
    eventRef: event.Der_Unique_Event_Ref,
    start: event.Event_Start_Date,
    position: null,
  };
}

/** Collects the reported waits per code × quarter × band. */
class WaitGroups {
  private readonly groups = new Map<
    string,
    { code: WaitingTimeCode; quarter: CldDate; ageBand: WaitingTimeAgeBand; waits: number[] }
  >();
  constructor(private readonly quartersFrom: CldDate | undefined) {}

  /** Builds the wait of a response event (Stage 4.1) and files it if its band and quarter are reported (Stage 4.2). */
  add(
    code: WaitingTimeCode,
    requestStart: CldDate,
    response: MainTableEvent,
  ): WaitingTimeWait | null {
    const start = response.Event_Start_Date;
    if (start === null) return null; // DATEDIFF with NULL is NULL: no wait
    const days = daysBetween(requestStart, start);
    const quarter = quarterStart(start);
    const ageBand = modifiedBand(response);
    const reported =
      isReportedBand(ageBand) && (this.quartersFrom === undefined || quarter >= this.quartersFrom);
    if (reported) {
      const key = `${code}|${quarter}|${ageBand}`;
      let group = this.groups.get(key);
      if (group === undefined)
        this.groups.set(key, (group = { code, quarter, ageBand, waits: [] }));
      group.waits.push(days);
    }
    return { days, quarter, ageBand, reported };
  }

  rows(): WaitingTimeRow[] {
    const rows = [...this.groups.values()].map(({ code, quarter, ageBand, waits }) => ({
      code,
      quarter,
      ageBand,
      count: waits.length,
      median: continuousMedian(waits),
    }));
    return rows.sort(
      (a, b) =>
        WAITING_TIME_CODES.indexOf(a.code) - WAITING_TIME_CODES.indexOf(b.code) ||
        (a.quarter < b.quarter ? -1 : a.quarter > b.quarter ? 1 : 0) ||
        WAITING_TIME_AGE_BANDS.indexOf(a.ageBand) - WAITING_TIME_AGE_BANDS.indexOf(b.ageBand),
    );
  }
}

/** Stages 2.1–4.1 for one person: links, overlap exclusions and waits of each valid request. */
function linkPerson(
  person: PersonEvents,
  groups: WaitGroups,
  traces: WaitingTimeRequestTrace[] | undefined,
): void {
  const timeline: TimelineEvent[] = [];
  for (const request of person.requests) {
    const excluded = requestExclusion(request, person.services);
    if (excluded === null)
      timeline.push({ event: request, kind: 'request', position: 0, blockProgress: false });
    else
      traces?.push({
        row: request.row,
        eventRef: request.Der_Unique_Event_Ref,
        personId: request.Der_NHS_LA_Combined_Person_ID,
        start: request.Event_Start_Date,
        exclusion: excluded.reason,
        existingService:
          excluded.service === undefined ? null : outsideTimeline('service', excluded.service),
        position: null,
        firstAssessment: null,
        firstService: null,
        firstResponse: null,
        service: null,
        firstResponseWait: null,
        firstServiceWait: null,
      });
  }
  // Stage 2.2: a person with no valid request has no waits.
  if (timeline.length === 0) return;
  // Stage 2.1: assessments and services of people aged 25+ at the event's start (any client type).
  const aged = (e: MainTableEvent): boolean =>
    e.Der_Age_Event_Start_Date !== null && e.Der_Age_Event_Start_Date >= WAITING_TIMES_MIN_AGE;
  for (const a of person.assessments)
    if (aged(a)) timeline.push({ event: a, kind: 'assessment', position: 0, blockProgress: false });
  for (const s of person.services)
    if (aged(s)) timeline.push({ event: s, kind: 'service', position: 0, blockProgress: false });
  timeline.sort(compareTimeline);

  // Stage 2.3b: consecutive assessments form a block; its flag is the max over the block.
  const n = timeline.length;
  for (let i = 0; i < n; ) {
    timeline[i]!.position = i + 1;
    if (timeline[i]!.kind !== 'assessment') {
      i++;
      continue;
    }
    let j = i;
    let progress = false;
    while (j < n && timeline[j]!.kind === 'assessment') {
      timeline[j]!.position = j + 1;
      if (sqlIn(timeline[j]!.event.Event_Outcome_Cleaned, ASSESSMENT_PROGRESS)) progress = true;
      j++;
    }
    for (let k = i; k < j; k++) timeline[k]!.blockProgress = progress;
    i = j;
  }

  // Stage 2.4: the first assessment and first service after each position (scan backwards).
  const nextAssessment: (TimelineEvent | null)[] = new Array(n + 1).fill(null);
  const nextService: (TimelineEvent | null)[] = new Array(n + 1).fill(null);
  for (let i = n - 1; i >= 0; i--) {
    const t = timeline[i]!;
    nextAssessment[i] = t.kind === 'assessment' ? t : nextAssessment[i + 1]!;
    nextService[i] = t.kind === 'service' ? t : nextService[i + 1]!;
  }

  // Stage 3.4 state: the previous request's later linked event, and the running maxima
  // (COALESCE(MAX(...), 0): positions start at 1, so 0 never triggers).
  let previousLater: number | null = null;
  let maxResponsePrev = 0;
  let maxServicePrev = 0;
  for (let i = 0; i < n; i++) {
    const request = timeline[i]!;
    if (request.kind !== 'request') continue;
    const firstAssessment = nextAssessment[i + 1]!;
    const firstService = nextService[i + 1]!;
    const start = request.event.Event_Start_Date!;

    // Stage 3.1: a Release 1 request flagged as a conversation that indicates progress is its
    // own first response, unless an assessment follows that starts on the same day.
    const conversation =
      start < RELEASE_2_RECORDING_FROM &&
      request.event.Der_Conversation === 1 &&
      sqlIn(request.event.Event_Outcome_Cleaned, REQUEST_PROGRESS) &&
      (firstAssessment === null || start < firstAssessment.event.Event_Start_Date!);
    let response: TimelineEvent | null = conversation ? request : firstAssessment;
    // Stage 3.2: a service before the first response (by position), or a service when there is no response.
    if (firstService !== null && (response === null || response.position > firstService.position))
      response = firstService;
    // Stage 3.3: an assessment block that does not progress to a service cuts the part-2 link.
    const service =
      response !== null && response.kind === 'assessment' && !response.blockProgress
        ? null
        : firstService;

    // Stage 3.4: overlap with the follow-up of earlier requests (excluded ones count too).
    const responsePos = response?.position ?? null;
    const servicePos = service?.position ?? null;
    let exclusion: WaitingTimeExclusion | null = null;
    if (previousLater !== null && previousLater > request.position)
      exclusion = 'previous-request-follow-up-later';
    else if (responsePos !== null && responsePos <= maxResponsePrev)
      exclusion = 'first-response-already-linked';
    else if (servicePos !== null && servicePos <= maxServicePrev)
      exclusion = 'service-already-linked';
    // GREATEST ignores NULLs (SQL Server): NULL only when both are NULL.
    previousLater =
      responsePos === null
        ? servicePos
        : servicePos === null
          ? responsePos
          : Math.max(responsePos, servicePos);
    if (responsePos !== null) maxResponsePrev = Math.max(maxResponsePrev, responsePos);
    if (servicePos !== null) maxServicePrev = Math.max(maxServicePrev, servicePos);

    // Stage 4.1: waits of counted requests, each in the quarter of its response event.
    const firstResponseWait =
      exclusion === null && response !== null
        ? groups.add('WT-first-response', start, response.event)
        : null;
    const firstServiceWait =
      exclusion === null && service !== null
        ? groups.add('WT-first-service', start, service.event)
        : null;
    traces?.push({
      row: request.event.row,
      eventRef: request.event.Der_Unique_Event_Ref,
      personId: request.event.Der_NHS_LA_Combined_Person_ID,
      start,
      exclusion,
      existingService: null,
      position: request.position,
      firstAssessment: linked(firstAssessment),
      firstService: linked(firstService),
      firstResponse: linked(response),
      service: linked(service),
      firstResponseWait,
      firstServiceWait,
    });
  }
}

/** Groups the events of interest by (LA_Code, person) under the collation (Stage 1). */
function eventsByPerson(events: readonly MainTableEvent[]): Iterable<PersonEvents> {
  // Keyed by collation key; `byWritten` remembers each id as written so the key (a lower-
  // casing) is computed once per spelling, not once per event.
  const people = new Map<string, PersonEvents>();
  const byWritten = new Map<string | null, Map<string, PersonEvents>>();
  const personOf = (e: MainTableEvent): PersonEvents => {
    let ofLa = byWritten.get(e.LA_Code);
    if (ofLa === undefined) byWritten.set(e.LA_Code, (ofLa = new Map()));
    let person = ofLa.get(e.Der_NHS_LA_Combined_Person_ID);
    if (person === undefined) {
      // SQL partitions put NULL LA codes together; '\u0000' cannot occur in a key's text.
      const key = `${sqlCollationKey(e.LA_Code) ?? '\u0000'}\u0001${sqlCollationKey(e.Der_NHS_LA_Combined_Person_ID)}`;
      person = people.get(key);
      if (person === undefined)
        people.set(key, (person = { requests: [], assessments: [], services: [] }));
      ofLa.set(e.Der_NHS_LA_Combined_Person_ID, person);
    }
    return person;
  };
  for (const e of events) {
    const kind = kindOf(e);
    if (kind === 'request') personOf(e).requests.push(e);
    else if (kind === 'assessment' && sqlIn(e.Assessment_Type_Cleaned, TIMELINE_ASSESSMENTS))
      personOf(e).assessments.push(e);
    else if (kind === 'service' && sqlIn(e.Service_Type_Cleaned, TIMELINE_SERVICES))
      personOf(e).services.push(e);
  }
  return people.values();
}

/**
 * DHSC's waiting times (provisional method v1.1, 19 May 2026; reference e.6): for each
 * request for support from a new client aged 25 or more, the days to the first response
 * (an assessment, a service, or for Release 1 data the request itself when it was a
 * conversation) and to the first service; the median by quarter of the response event and
 * age band (`PERCENTILE_CONT(0.5)`). Rows are ordered by code, quarter and band; a quarter ×
 * band with no wait has no row. Deterministic and independent of the order of the events.
 * Never throws on data; never mutates its input.
 *
 * With `explain: true` it also returns, for every request event, its links, its waits and
 * the reason it was excluded.
 *
 * @param prepared - the main table of one council (`prepareClientLevelData`).
 * @param options - see {@link WaitingTimesOptions}.
 * @example
 * ```ts
 * import { generateClientLevelData } from 'la-assurance/testing';
 * import { checkClientLevelData, prepareClientLevelData, waitingTimes } from 'la-assurance/client-level-data';
 *
 * const { rows } = generateClientLevelData({ seed: 1, people: 50, periodStart: '2024-04-01', periodEnd: '2025-03-31' });
 * const checked = checkClientLevelData(rows);
 * if (!checked.success) throw new Error('rejected');
 * const prepared = prepareClientLevelData(checked.data, { periodStart: '2024-04-01', periodEnd: '2025-03-31' });
 * if (!prepared.success) throw new Error('rejected');
 * const waits = waitingTimes(prepared.data);
 * waits[0]?.code; // 'WT-first-response'
 * const { requests } = waitingTimes(prepared.data, { explain: true });
 * requests.filter((r) => r.exclusion === 'existing-client').length; // how many requests came from existing clients
 * ```
 */
export function plainWaitingTimes(
  prepared: PreparedClientLevelData,
  options?: WaitingTimesOptions & { readonly explain?: false },
): readonly WaitingTimeRow[];
export function plainWaitingTimes(
  prepared: PreparedClientLevelData,
  options: WaitingTimesOptions & { readonly explain: true },
): WaitingTimesExplained;
export function plainWaitingTimes(
  prepared: PreparedClientLevelData,
  options?: WaitingTimesOptions,
): readonly WaitingTimeRow[] | WaitingTimesExplained;
export function plainWaitingTimes(
  prepared: PreparedClientLevelData,
  options: WaitingTimesOptions = {},
): readonly WaitingTimeRow[] | WaitingTimesExplained {
  const { explain = false, quartersFrom } = options;
  if (quartersFrom !== undefined && !isIsoDate(quartersFrom)) {
    throw new RangeError(
      `quartersFrom must be a date written YYYY-MM-DD; got ${JSON.stringify(quartersFrom)}`,
    );
  }
  const groups = new WaitGroups(quartersFrom);
  const traces: WaitingTimeRequestTrace[] | undefined = explain ? [] : undefined;
  for (const person of eventsByPerson(mainRowsOf(prepared))) linkPerson(person, groups, traces);
  const rows = groups.rows();
  if (traces === undefined) return rows;
  traces.sort(
    (a, b) => a.row - b.row || (a.eventRef < b.eventRef ? -1 : a.eventRef > b.eventRef ? 1 : 0),
  );
  return { rows, requests: traces };
}
