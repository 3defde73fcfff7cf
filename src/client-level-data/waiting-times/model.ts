import type { CldDate, CldWorkingAgeBand } from '../model.js';

/**
 * The two waiting-time measures of DHSC's provisional method v1.1 (reference e.6):
 * `WT-first-response` is DHSC's "Wait time to first response" (part 1) and
 * `WT-first-service` its "Wait time to first service" (part 2).
 *
 * @example
 * ```ts
 * import { WAITING_TIME_CODES } from 'la-assurance/client-level-data';
 *
 * WAITING_TIME_CODES; // ['WT-first-response', 'WT-first-service']
 * ```
 */
export const WAITING_TIME_CODES = ['WT-first-response', 'WT-first-service'] as const;

/**
 * A waiting-time measure code (see {@link WAITING_TIME_CODES}).
 */
export type WaitingTimeCode = (typeof WAITING_TIME_CODES)[number];

/**
 * The age bands waiting times are reported in: DHSC relabels `Der_Working_Age_Band`
 * `18 to 64` as `25 to 64` (only people aged 25 or more at the request's start are
 * counted); waits in any other band are dropped (reference e.6 steps 3 and 8).
 *
 * @example
 * ```ts
 * import { WAITING_TIME_AGE_BANDS } from 'la-assurance/client-level-data';
 *
 * WAITING_TIME_AGE_BANDS; // ['25 to 64', '65 and above']
 * ```
 */
export const WAITING_TIME_AGE_BANDS = ['25 to 64', '65 and above'] as const;

/**
 * A waiting-time age band (see {@link WAITING_TIME_AGE_BANDS}).
 */
export type WaitingTimeAgeBand = (typeof WAITING_TIME_AGE_BANDS)[number];

/**
 * One output row: the median wait, in days, of the waits whose response event started in
 * the quarter, for one age band (reference e.6 step 9).
 */
export interface WaitingTimeRow {
  /** Which wait. */
  readonly code: WaitingTimeCode;
  /** First day of the financial quarter the response event (first response, or service) started in, `YYYY-MM-DD`. */
  readonly quarter: CldDate;
  /** The response event's age band. */
  readonly ageBand: WaitingTimeAgeBand;
  /** Number of waits. */
  readonly count: number;
  /** Median wait in days, `PERCENTILE_CONT(0.5)` (a half day when two middle waits differ by an odd number). */
  readonly median: number;
}

/**
 * Options of `waitingTimes`.
 */
export interface WaitingTimesOptions {
  /** Also return, for every request, its links, its waits and why it was excluded. Default `false`. */
  readonly explain?: boolean;
  /**
   * Report only quarters starting on or after this date (DHSC's dashboard shows quarters
   * from `2024-04-01`; its own tables keep all). Default: every quarter.
   */
  readonly quartersFrom?: CldDate;
}

/**
 * Why a request gives no waits, in the order DHSC's code applies the tests (reference e.6):
 *
 * - `not-service-user`: `Client_Type_Cleaned` is not `Service user` (step 3).
 * - `starts-before-2023-04-01`: the request starts before 2023-04-01, or has no start (step 3).
 * - `under-25-at-start`: `Der_Age_Event_Start_Date` is under 25 or unknown (step 3).
 * - `existing-client`: the person had a long-term service ending within 12 months before the
 *   request, or an ST-Max / other short-term service ending within 3 months, or one still
 *   open, that started before the request (step 3; `existingService` names it).
 * - `outcome-not-progressing`: `Event_Outcome_Grouped` is `NFA`, `Admitted to hospital` or blank (step 3).
 * - `previous-request-follow-up-later`: the previous request's later linked event comes after
 *   this request in the person's timeline (step 7, first rule).
 * - `first-response-already-linked`: this request's first response is at or before the latest
 *   first response of an earlier request (step 7, second rule).
 * - `service-already-linked`: this request's service is at or before the latest service of an
 *   earlier request (step 7, third rule).
 */
export type WaitingTimeExclusion =
  | 'not-service-user'
  | 'starts-before-2023-04-01'
  | 'under-25-at-start'
  | 'existing-client'
  | 'outcome-not-progressing'
  | 'previous-request-follow-up-later'
  | 'first-response-already-linked'
  | 'service-already-linked';

/**
 * An event of the person's waiting-times timeline, as linked to a request.
 */
export interface WaitingTimeLinkedEvent {
  /** The event's type in the timeline. */
  readonly kind: 'request' | 'assessment' | 'service';
  /** The event's input row number (`row` of the main-table event). */
  readonly row: number;
  /** The event's `Der_Unique_Event_Ref`. */
  readonly eventRef: string;
  /** The event's start date. */
  readonly start: CldDate | null;
  /** 1-based position in the person's timeline (DHSC's `person_valid_event_order`); `null` for an event outside the timeline. */
  readonly position: number | null;
}

/**
 * One wait of a request, before the age-band filter of the output.
 */
export interface WaitingTimeWait {
  /** Days from the request's start to the response event's start. */
  readonly days: number;
  /** First day of the quarter of the response event's start. */
  readonly quarter: CldDate;
  /** The response event's `Der_Working_Age_Band`, with `18 to 64` relabelled `25 to 64`. */
  readonly ageBand: WaitingTimeAgeBand | Exclude<CldWorkingAgeBand, '18 to 64'>;
  /** Whether the wait is in an output row (its band is reported and its quarter not before `quartersFrom`). */
  readonly reported: boolean;
}

/**
 * How one request was treated: its links (step 6), its waits (step 8) or why it has none.
 */
export interface WaitingTimeRequestTrace {
  /** The request's input row number. */
  readonly row: number;
  /** The request's `Der_Unique_Event_Ref`. */
  readonly eventRef: string;
  /** `Der_NHS_LA_Combined_Person_ID`. */
  readonly personId: string;
  /** The request's start date. */
  readonly start: CldDate | null;
  /** Why the request gives no waits; `null` when it is counted (it may still have no response yet). */
  readonly exclusion: WaitingTimeExclusion | null;
  /** For `existing-client`: the earliest-starting service that makes the person an existing client. */
  readonly existingService: WaitingTimeLinkedEvent | null;
  /** The request's position in the timeline; `null` when it failed a step-3 test (it is not in the timeline). */
  readonly position: number | null;
  /** The first assessment after the request in the timeline. */
  readonly firstAssessment: WaitingTimeLinkedEvent | null;
  /** The first service after the request in the timeline. */
  readonly firstService: WaitingTimeLinkedEvent | null;
  /** The first response: the request itself (Release 1 conversation rule), the first assessment or the first service. */
  readonly firstResponse: WaitingTimeLinkedEvent | null;
  /** The part-2 service: the first service, unless the first response is an assessment block without progress to service. */
  readonly service: WaitingTimeLinkedEvent | null;
  /** The wait to first response, when the request is counted and has one. */
  readonly firstResponseWait: WaitingTimeWait | null;
  /** The wait to first service, when the request is counted and has one. */
  readonly firstServiceWait: WaitingTimeWait | null;
}

/**
 * What `waitingTimes(prepared, { explain: true })` returns: the rows and a trace for every
 * request event of the prepared data (in the order of the prepared events).
 */
export interface WaitingTimesExplained {
  /** The output rows, as without `explain`. */
  readonly rows: readonly WaitingTimeRow[];
  /** One trace per request event. */
  readonly requests: readonly WaitingTimeRequestTrace[];
}
