import { mainTableOf } from '../main-rows.js';
import { isIsoDate } from '../../timeline/iso-date.js';
import type { CldDate, PreparedClientLevelData } from '../model.js';
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
} from './model.js';
import { WAITING_TIME_AGE_BANDS, WAITING_TIME_CODES } from './model.js';
import { addMonths, continuousMedian, dayNumber, quarterStart } from '../sql.js';
import {
  ASSESSMENT,
  LONG_TERM_SERVICE,
  NOT_SERVICE_USER,
  REQUEST,
  REQUEST_OK,
  SERVICE,
  SHORT_TERM_SERVICE,
  STARTS_BEFORE_2023_04_01,
  type TimelineColumns,
  timelineColumns,
} from './columns.js';
import { NO_DAY } from '../slots.js';
import { EXISTING_CLIENT_LOOKBACK_MONTHS, RELEASE_2_RECORDING_FROM } from './values.js';

// DHSC waiting-times method, provisional v1.1 (19 May 2026): reference section e.6, ported
// from `Waiting_times/waiting_times_method.sql` (DataS-DHSC/ASC-CLD-LA-Dashboard). The
// stage numbers in the comments are the SQL's. Every text test compares collation keys
// (case-insensitive, trailing spaces ignored) and treats NULL as SQL does. Stage 1 reads the
// events into columns (columns.ts); a person's timeline is an array of slots.

const RELEASE_2_DAY = dayNumber(RELEASE_2_RECORDING_FROM);
const KIND_NAME = ['', 'request', 'assessment', 'service'] as const;
type Kind = WaitingTimeLinkedEvent['kind'];

/**
 * Stage 2.1 order: start (NULL first, as SQL sorts ascending), request < assessment <
 * service, `ImportDate` descending (NULL last), `Der_Unique_Record_ID` descending. SQL leaves
 * ties after that unordered; the unique event reference and the row number settle them so
 * the result never depends on the input order.
 */
function timelineOrder(c: TimelineColumns): (a: number, b: number) => number {
  return (a, b) => {
    const byStart = c.start[a]! - c.start[b]!;
    if (byStart !== 0) return byStart;
    const byKind = c.kind[a]! - c.kind[b]!;
    if (byKind !== 0) return byKind;
    // Ranks keep the text order of the ImportDates; NULL (-1) goes last under DESC.
    const byImport = c.importRank[b]! - c.importRank[a]!;
    if (byImport !== 0) return byImport;
    if (c.recordId[a] !== c.recordId[b]) return c.recordId[b]! - c.recordId[a]!;
    const refA = c.main.columns.Der_Unique_Event_Ref.at(c.event[a]!);
    const refB = c.main.columns.Der_Unique_Event_Ref.at(c.event[b]!);
    if (refA !== refB) return refA < refB ? -1 : 1;
    return c.row[a]! - c.row[b]!;
  };
}

/** Stage 1.3c: the earliest-starting service (slot) that makes the request an existing client's, or -1. */
function existingClientService(
  c: TimelineColumns,
  request: number,
  from: number,
  to: number,
): number {
  // The join needs LA_Code = LA_Code: a NULL LA code matches nothing.
  if (c.laNull[request] === 1) return -1;
  const start = c.start[request]!;
  const text = c.startText[request]!;
  const longTermFrom = dayNumber(addMonths(text, -EXISTING_CLIENT_LOOKBACK_MONTHS.longTerm));
  const shortTermFrom = dayNumber(addMonths(text, -EXISTING_CLIENT_LOOKBACK_MONTHS.shortTerm));
  let found = -1;
  for (let s = from; s < to; s++) {
    if (c.kind[s] !== SERVICE || c.laNull[s] === 1) continue;
    const serviceStart = c.start[s]!;
    if (serviceStart === NO_DAY || !(serviceStart < start)) continue;
    const end = c.end[s]!;
    const type = c.serviceClass[s]!;
    const matches =
      (type === LONG_TERM_SERVICE && (end === NO_DAY || end >= longTermFrom)) ||
      (type === SHORT_TERM_SERVICE && (end === NO_DAY || end >= shortTermFrom));
    if (
      matches &&
      (found < 0 ||
        serviceStart < c.start[found]! ||
        (serviceStart === c.start[found] && c.row[s]! < c.row[found]!))
    )
      found = s;
  }
  return found;
}

/** Stage 1.3a–1.4: why a request is not valid, or null when it is. */
function requestExclusion(
  c: TimelineColumns,
  request: number,
  from: number,
  to: number,
): { reason: WaitingTimeExclusion; service?: number } | null {
  const check = c.requestCheck[request]!;
  if (check !== REQUEST_OK)
    return {
      reason:
        check === NOT_SERVICE_USER
          ? 'not-service-user'
          : check === STARTS_BEFORE_2023_04_01
            ? 'starts-before-2023-04-01'
            : 'under-25-at-start',
    };
  const service = existingClientService(c, request, from, to);
  if (service >= 0) return { reason: 'existing-client', service };
  if (c.outcomeExcluded[request] === 1) return { reason: 'outcome-not-progressing' };
  return null;
}

function linkedEvent(
  c: TimelineColumns,
  slot: number,
  kind: Kind,
  position: number | null,
): WaitingTimeLinkedEvent {
  return {
    kind,
    row: c.row[slot]!,
    eventRef: c.main.columns.Der_Unique_Event_Ref.at(c.event[slot]!),
    start: c.startText[slot]!,
    position,
  };
}

/** A traced request's own fields, read from the columns of its slot. */
function requestFields(
  c: TimelineColumns,
  slot: number,
): Pick<WaitingTimeRequestTrace, 'row' | 'eventRef' | 'personId' | 'start'> {
  const event = c.event[slot]!;
  return {
    row: c.row[slot]!,
    eventRef: c.main.columns.Der_Unique_Event_Ref.at(event),
    personId: c.main.columns.Der_NHS_LA_Combined_Person_ID.at(event),
    start: c.startText[slot]!,
  };
}

/** Collects the reported waits per code × quarter × band. */
class WaitGroups {
  private readonly groups = new Map<
    number,
    { code: WaitingTimeCode; quarter: CldDate; ageBand: WaitingTimeAgeBand; waits: number[] }
  >();
  constructor(private readonly quartersFrom: CldDate | undefined) {}

  /** Builds the wait of a response event (Stage 4.1) and files it if its band and quarter are reported (Stage 4.2). */
  add(
    c: TimelineColumns,
    code: WaitingTimeCode,
    requestStart: number,
    response: number,
  ): WaitingTimeWait | null {
    const start = c.startText[response]!;
    if (start === null) return null; // DATEDIFF with NULL is NULL: no wait
    const days = c.start[response]! - requestStart;
    const quarter = quarterStart(start);
    const ageBand = c.band[response] as WaitingTimeWait['ageBand'];
    const band = ageBand === '25 to 64' ? 0 : ageBand === '65 and above' ? 1 : -1;
    const reported = band >= 0 && (this.quartersFrom === undefined || quarter >= this.quartersFrom);
    if (reported) {
      // Quarter number from the year and month digits, the code and the band in one number.
      const q = Number(start.slice(0, 4)) * 4 + Math.floor((Number(start.slice(5, 7)) - 1) / 3);
      const key = (q * 2 + (code === 'WT-first-response' ? 0 : 1)) * 2 + band;
      let group = this.groups.get(key);
      if (group === undefined)
        this.groups.set(
          key,
          (group = { code, quarter, ageBand: ageBand as WaitingTimeAgeBand, waits: [] }),
        );
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

/** Work arrays reused from person to person. */
interface Scratch {
  timeline: number[];
  blockProgress: Uint8Array;
  nextAssessment: Int32Array;
  nextService: Int32Array;
}

/** Stages 2.1–4.1 for one person (slots `from` to `to`): links, overlap exclusions and waits of each valid request. */
function linkPerson(
  c: TimelineColumns,
  from: number,
  to: number,
  order: (a: number, b: number) => number,
  scratch: Scratch,
  groups: WaitGroups,
  traces: WaitingTimeRequestTrace[] | undefined,
): void {
  const timeline = scratch.timeline;
  timeline.length = 0;
  for (let s = from; s < to; s++) {
    if (c.kind[s] !== REQUEST) continue;
    const excluded = requestExclusion(c, s, from, to);
    if (excluded === null) timeline.push(s);
    else if (traces !== undefined) {
      traces.push({
        ...requestFields(c, s),
        exclusion: excluded.reason,
        existingService:
          excluded.service === undefined ? null : linkedEvent(c, excluded.service, 'service', null),
        position: null,
        firstAssessment: null,
        firstService: null,
        firstResponse: null,
        service: null,
        firstResponseWait: null,
        firstServiceWait: null,
      });
    }
  }
  // Stage 2.2: a person with no valid request has no waits.
  if (timeline.length === 0) return;
  // Stage 2.1: assessments and services of people aged 25+ at the event's start (any client type).
  for (let s = from; s < to; s++) if (c.kind[s] !== REQUEST && c.aged[s] === 1) timeline.push(s);
  timeline.sort(order);

  // Stage 2.3b: consecutive assessments form a block; its flag is the max over the block.
  // Positions are 1-based indices into the timeline; slot `k` of the scratch arrays is timeline[k].
  const n = timeline.length;
  if (scratch.blockProgress.length < n + 1) {
    const size = Math.max(n + 1, scratch.blockProgress.length * 2);
    scratch.blockProgress = new Uint8Array(size);
    scratch.nextAssessment = new Int32Array(size);
    scratch.nextService = new Int32Array(size);
  }
  const { blockProgress, nextAssessment, nextService } = scratch;
  for (let i = 0; i < n; ) {
    if (c.kind[timeline[i]!] !== ASSESSMENT) {
      i++;
      continue;
    }
    let j = i;
    let progress = 0;
    while (j < n && c.kind[timeline[j]!] === ASSESSMENT) {
      if (c.progress[timeline[j]!] === 1) progress = 1;
      j++;
    }
    for (let k = i; k < j; k++) blockProgress[k] = progress;
    i = j;
  }

  // Stage 2.4: the first assessment and first service after each index (scan backwards; -1 = none).
  nextAssessment[n] = -1;
  nextService[n] = -1;
  for (let i = n - 1; i >= 0; i--) {
    const kind = c.kind[timeline[i]!];
    nextAssessment[i] = kind === ASSESSMENT ? i : nextAssessment[i + 1]!;
    nextService[i] = kind === SERVICE ? i : nextService[i + 1]!;
  }

  // Stage 3.4 state: the previous request's later linked event, and the running maxima
  // (COALESCE(MAX(...), 0): positions start at 1, so 0 never triggers).
  let previousLater: number | null = null;
  let maxResponsePrev = 0;
  let maxServicePrev = 0;
  for (let i = 0; i < n; i++) {
    const request = timeline[i]!;
    if (c.kind[request] !== REQUEST) continue;
    const firstAssessment = nextAssessment[i + 1]!;
    const firstService = nextService[i + 1]!;
    const start = c.start[request]!;

    // Stage 3.1: a Release 1 request flagged as a conversation that indicates progress is its
    // own first response, unless an assessment follows that starts on the same day.
    const conversation =
      start < RELEASE_2_DAY &&
      c.conversation[request] === 1 &&
      c.progress[request] === 1 &&
      (firstAssessment < 0 || start < c.start[timeline[firstAssessment]!]!);
    // Timeline indices: `response` and `service` are -1 when absent.
    let response = conversation ? i : firstAssessment;
    // Stage 3.2: a service before the first response (by position), or a service when there is no response.
    if (firstService >= 0 && (response < 0 || response > firstService)) response = firstService;
    // Stage 3.3: an assessment block that does not progress to a service cuts the part-2 link.
    const service =
      response >= 0 && c.kind[timeline[response]!] === ASSESSMENT && blockProgress[response] === 0
        ? -1
        : firstService;

    // Stage 3.4: overlap with the follow-up of earlier requests (excluded ones count too).
    const responsePos = response < 0 ? null : response + 1;
    const servicePos = service < 0 ? null : service + 1;
    let exclusion: WaitingTimeExclusion | null = null;
    if (previousLater !== null && previousLater > i + 1)
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
      exclusion === null && response >= 0
        ? groups.add(c, 'WT-first-response', start, timeline[response]!)
        : null;
    const firstServiceWait =
      exclusion === null && service >= 0
        ? groups.add(c, 'WT-first-service', start, timeline[service]!)
        : null;
    if (traces === undefined) continue;
    const linked = (index: number): WaitingTimeLinkedEvent | null =>
      index < 0
        ? null
        : linkedEvent(c, timeline[index]!, KIND_NAME[c.kind[timeline[index]!]!] as Kind, index + 1);
    traces.push({
      ...requestFields(c, request),
      exclusion,
      existingService: null,
      position: i + 1,
      firstAssessment: linked(firstAssessment),
      firstService: linked(firstService),
      firstResponse: linked(response),
      service: linked(service),
      firstResponseWait,
      firstServiceWait,
    });
  }
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
export function waitingTimes(
  prepared: PreparedClientLevelData,
  options?: WaitingTimesOptions & { readonly explain?: false },
): readonly WaitingTimeRow[];
export function waitingTimes(
  prepared: PreparedClientLevelData,
  options: WaitingTimesOptions & { readonly explain: true },
): WaitingTimesExplained;
export function waitingTimes(
  prepared: PreparedClientLevelData,
  options?: WaitingTimesOptions,
): readonly WaitingTimeRow[] | WaitingTimesExplained;
export function waitingTimes(
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
  const columns = timelineColumns(mainTableOf(prepared));
  const order = timelineOrder(columns);
  const scratch: Scratch = {
    timeline: [],
    blockProgress: new Uint8Array(64),
    nextAssessment: new Int32Array(64),
    nextService: new Int32Array(64),
  };
  for (let g = 0; g + 1 < columns.first.length; g++)
    linkPerson(columns, columns.first[g]!, columns.first[g + 1]!, order, scratch, groups, traces);
  const rows = groups.rows();
  if (traces === undefined) return rows;
  traces.sort(
    (a, b) => a.row - b.row || (a.eventRef < b.eventRef ? -1 : a.eventRef > b.eventRef ? 1 : 0),
  );
  return { rows, requests: traces };
}
