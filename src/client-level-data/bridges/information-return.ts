import { mainRowsOf } from '../main-rows.js';
import type { InformationReturnTemplate } from '../../information-return/model.js';
import type { ValueResponse } from '../../information-return/submission.js';
import { MODELLED_FORMAL_TEMPLATE } from '../../information-return/templates.js';
import { isIsoDate } from '../../timeline/iso-date.js';
import type { CldDate, MainTableEvent, PreparedClientLevelData } from '../model.js';
import { continuousMedian, sqlIn, sqlCollationKey, sqlKeySet } from '../sql.js';
import {
  DIRECT_PAYMENT,
  LONG_TERM_SERVICE_TYPES,
  SERVICE_USER,
  UNPAID_CARER_CLIENT_TYPES,
} from '../waiting-times/values.js';
import { waitingTimes } from '../waiting-times/waiting-times.js';
import { activeOn, overlaps } from './people.js';

// [modelled] The information-return figures a council's CLD can supply. CQC's own item list
// is not public (the shipped templates are modelled too), so both the figures' definitions
// and which template item each fills are la-assurance's; each is documented on the figure.

/**
 * The figures {@link informationReturnFiguresFromClientLevelData} computes.
 *
 * @example
 * ```ts
 * import { CLD_FIGURE_IDS } from 'la-assurance/client-level-data';
 *
 * CLD_FIGURE_IDS[0]; // 'as-at'
 * ```
 */
export const CLD_FIGURE_IDS = [
  'as-at',
  'requests',
  'assessments',
  'carer-assessments',
  'reviews',
  'people-in-long-term-support',
  'people-in-long-term-support-at-end',
  'people-with-direct-payment',
  'median-wait-first-response',
  'median-wait-first-service',
] as const;

/**
 * A CLD figure id (see {@link CLD_FIGURE_IDS}).
 */
export type CldFigureId = (typeof CLD_FIGURE_IDS)[number];

/**
 * Which template item each figure answers by default: in la-assurance's modelled formal
 * template, `R1` (date the figures are as at) and `P1` (people receiving a direct payment).
 * The other figures have no matching item there (the template's waiting table `W1` asks
 * for people waiting now, which CLD does not record). [modelled]
 *
 * @example
 * ```ts
 * import { DEFAULT_CLD_FIGURE_ITEMS } from 'la-assurance/client-level-data';
 *
 * DEFAULT_CLD_FIGURE_ITEMS['people-with-direct-payment']; // 'P1'
 * ```
 */
export const DEFAULT_CLD_FIGURE_ITEMS: Readonly<Partial<Record<CldFigureId, string>>> =
  Object.freeze({ 'as-at': 'R1', 'people-with-direct-payment': 'P1' });

/**
 * One figure from CLD.
 */
export interface CldFigure {
  /** The figure. */
  readonly id: CldFigureId;
  /** What it is, for a person. */
  readonly title: string;
  /** The value; `null` when it cannot be computed (a median with no waits). */
  readonly value: number | string | null;
  /** `count`, `days` or `date` (the information return's value types). */
  readonly unit: 'count' | 'days' | 'date';
  /** How it is computed from the main table [modelled]. */
  readonly definition: string;
  /** The template item it answers, if any (and if that item is a data item of the same type). */
  readonly templateItemId: string | null;
}

/**
 * Options of {@link informationReturnFiguresFromClientLevelData}.
 */
export interface CldInformationReturnOptions {
  /** First day of the period the counts cover. */
  readonly from: CldDate;
  /** Last day of the period; snapshots ("at end", direct payments) are as at this day. */
  readonly to: CldDate;
  /** The template to answer. Default: la-assurance's modelled formal template. */
  readonly template?: InformationReturnTemplate;
  /** Which item each figure answers (`null`: none). Merged over {@link DEFAULT_CLD_FIGURE_ITEMS}. */
  readonly items?: Readonly<Partial<Record<CldFigureId, string | null>>>;
}

/**
 * What {@link informationReturnFiguresFromClientLevelData} returns.
 */
export interface CldInformationReturnFigures {
  /** Always `'modelled'`. */
  readonly status: 'modelled';
  /** The period's first day. */
  readonly from: CldDate;
  /** The period's last day. */
  readonly to: CldDate;
  /** The template answered. */
  readonly template: {
    /** Its id. */
    readonly id: string;
    /** Its version. */
    readonly version: string;
  };
  /** Every figure, in {@link CLD_FIGURE_IDS} order. */
  readonly figures: readonly CldFigure[];
  /** Answers keyed by template item id, ready to merge into a submission's `responses`. */
  readonly responses: Readonly<Record<string, ValueResponse>>;
}

const SERVICE_USER_KEY = sqlCollationKey(SERVICE_USER);
const CARER_TYPES = sqlKeySet(UNPAID_CARER_CLIENT_TYPES);
const LONG_TERM = sqlKeySet(LONG_TERM_SERVICE_TYPES);
const DP = sqlCollationKey(DIRECT_PAYMENT);

const isServiceUser = (e: MainTableEvent): boolean =>
  sqlCollationKey(e.Client_Type_Cleaned) === SERVICE_USER_KEY;
const typeIs = (e: MainTableEvent, type: string): boolean =>
  sqlCollationKey(e.Event_Type_Cleaned) === type;

/**
 * [modelled] The information-return figures a prepared CLD main table can supply: counts
 * of requests, assessments (people and unpaid carers) and reviews completed in the period,
 * people in long-term support (during the period and at its end), people with a direct
 * payment at its end, and the median waits to first response and first service (DHSC's
 * method, waits whose response event started in the period). `responses` answers the
 * template's data items that match a figure (by default `R1` and `P1` of the modelled formal
 * template), to merge into a submission. Never mutates its input.
 *
 * @throws RangeError when `from` or `to` is not a `YYYY-MM-DD` date or `from` is after `to`.
 * @example
 * ```ts
 * import { generateClientLevelData } from 'la-assurance/testing';
 * import { checkClientLevelData, prepareClientLevelData, informationReturnFiguresFromClientLevelData } from 'la-assurance/client-level-data';
 *
 * const { rows } = generateClientLevelData({ seed: 1, people: 50, periodStart: '2024-04-01', periodEnd: '2025-03-31' });
 * const checked = checkClientLevelData(rows);
 * if (!checked.success) throw new Error('rejected');
 * const prepared = prepareClientLevelData(checked.data, { periodStart: '2024-04-01', periodEnd: '2025-03-31' });
 * if (!prepared.success) throw new Error('rejected');
 * const { responses } = informationReturnFiguresFromClientLevelData(prepared.data, { from: '2024-04-01', to: '2025-03-31' });
 * responses['P1']; // the count of people with a direct payment, as { value }
 * ```
 */
export function informationReturnFiguresFromClientLevelData(
  prepared: PreparedClientLevelData,
  options: CldInformationReturnOptions,
): CldInformationReturnFigures {
  const { from, to, template = MODELLED_FORMAL_TEMPLATE } = options;
  if (!isIsoDate(from) || !isIsoDate(to) || from > to)
    throw new RangeError(
      `from and to must be dates written YYYY-MM-DD with from ≤ to; got ${JSON.stringify(from)}, ${JSON.stringify(to)}`,
    );
  const items = { ...DEFAULT_CLD_FIGURE_ITEMS, ...options.items };
  const completedInPeriod = (e: MainTableEvent): boolean =>
    e.Der_Event_End_Date !== null && e.Der_Event_End_Date >= from && e.Der_Event_End_Date <= to;
  const countEvents = (test: (e: MainTableEvent) => boolean): number =>
    mainRowsOf(prepared).reduce((n, e) => (test(e) ? n + 1 : n), 0);
  const countPeople = (test: (e: MainTableEvent) => boolean): number => {
    const people = new Set<string>();
    for (const e of mainRowsOf(prepared))
      if (test(e))
        people.add(
          `${sqlCollationKey(e.LA_Code)}\u0001${sqlCollationKey(e.Der_NHS_LA_Combined_Person_ID)}`,
        );
    return people.size;
  };
  const longTerm = (e: MainTableEvent): boolean =>
    isServiceUser(e) && typeIs(e, 'service') && sqlIn(e.Service_Type_Cleaned, LONG_TERM);

  // Waits of counted requests whose response event started in the period, in reported bands.
  const firstResponse: number[] = [];
  const firstService: number[] = [];
  for (const trace of waitingTimes(prepared, { explain: true }).requests) {
    const inPeriod = (start: string | null | undefined): boolean =>
      start != null && start >= from && start <= to;
    if (trace.firstResponseWait?.reported && inPeriod(trace.firstResponse?.start))
      firstResponse.push(trace.firstResponseWait.days);
    if (trace.firstServiceWait?.reported && inPeriod(trace.service?.start))
      firstService.push(trace.firstServiceWait.days);
  }

  const values: Record<
    CldFigureId,
    [title: string, value: number | string | null, unit: CldFigure['unit'], definition: string]
  > = {
    'as-at': ['Date the figures are as at', to, 'date', 'The last day of the period (`to`).'],
    requests: [
      'Requests for support completed',
      countEvents((e) => isServiceUser(e) && typeIs(e, 'request') && completedInPeriod(e)),
      'count',
      'Request events of service users whose (death-corrected) end date is in the period.',
    ],
    assessments: [
      'Assessments completed',
      countEvents((e) => isServiceUser(e) && typeIs(e, 'assessment') && completedInPeriod(e)),
      'count',
      'Assessment events of service users ending in the period (any assessment type).',
    ],
    'carer-assessments': [
      'Unpaid carers’ assessments completed',
      countEvents(
        (e) =>
          sqlIn(e.Client_Type_Cleaned, CARER_TYPES) &&
          typeIs(e, 'assessment') &&
          completedInPeriod(e),
      ),
      'count',
      'Assessment events of unpaid carers (client type Unpaid carer, or known by association) ending in the period.',
    ],
    reviews: [
      'Reviews completed',
      countEvents((e) => isServiceUser(e) && typeIs(e, 'review') && completedInPeriod(e)),
      'count',
      'Review events of service users ending in the period (planned and unplanned).',
    ],
    'people-in-long-term-support': [
      'People receiving long-term support during the period',
      countPeople((e) => longTerm(e) && overlaps(e, from, to)),
      'count',
      'Distinct service users with a long-term support service (nursing, residential, community, prison) running at any time in the period.',
    ],
    'people-in-long-term-support-at-end': [
      'People receiving long-term support at the end of the period',
      countPeople((e) => longTerm(e) && activeOn(e, to)),
      'count',
      'Distinct service users with a long-term support service running on `to`.',
    ],
    'people-with-direct-payment': [
      'People receiving a direct payment',
      countPeople(
        (e) =>
          isServiceUser(e) &&
          typeIs(e, 'service') &&
          activeOn(e, to) &&
          (sqlCollationKey(e.Delivery_Mechanism_Cleaned) === DP ||
            sqlCollationKey(e.Service_Component_Cleaned) === DP),
      ),
      'count',
      'Distinct service users with a service running on `to` whose delivery mechanism or component is Direct payment (as ASCOF 3D reads them); unpaid carers’ direct payments are not counted.',
    ],
    'median-wait-first-response': [
      'Median wait to first response (days)',
      firstResponse.length === 0 ? null : continuousMedian(firstResponse),
      'days',
      'DHSC waiting times v1.1, first response: the median (PERCENTILE_CONT) of the waits whose response event started in the period, both age bands.',
    ],
    'median-wait-first-service': [
      'Median wait to first service (days)',
      firstService.length === 0 ? null : continuousMedian(firstService),
      'days',
      'DHSC waiting times v1.1, first service: the median of the waits whose service started in the period, both age bands.',
    ],
  };

  const figures: CldFigure[] = [];
  const responses: Record<string, ValueResponse> = {};
  for (const id of CLD_FIGURE_IDS) {
    const [title, value, unit, definition] = values[id];
    const itemId = items[id] ?? null;
    const item = itemId === null ? undefined : template.items.find((i) => i.id === itemId);
    const matches = item !== undefined && item.kind === 'data' && item.value.type === unit;
    figures.push({ id, title, value, unit, definition, templateItemId: matches ? itemId : null });
    if (matches && value !== null) responses[itemId!] = { value };
  }
  return {
    status: 'modelled',
    from,
    to,
    template: { id: template.id, version: template.version },
    figures,
    responses,
  };
}
