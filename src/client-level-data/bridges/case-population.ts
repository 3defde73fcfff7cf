import { mainRowsOf } from '../main-rows.js';
import type {
  CaseRecord,
  CareSetting,
  EthnicGroup,
  PrimarySupportReason,
} from '../../case-tracking/case-record.js';
import { isIsoDate, type IsoDate } from '../../timeline/iso-date.js';
import type { CldDate, MainTableEvent, PreparedClientLevelData } from '../model.js';
import { addDays, sqlCollationKey } from '../sql.js';
import {
  DIRECT_PAYMENT,
  NURSING_CARE,
  RESIDENTIAL_CARE,
  SERVICE_USER,
} from '../waiting-times/values.js';
import { latestPersonDetails } from '../ascof/person-details.js';
import { activeOn, groupByPerson, latestCouncilId, overlaps } from './people.js';

// [modelled] From DHSC's main table to the records la-assurance/case-tracking samples from.
// CQC has published no mapping from CLD to case tracking; each rule below is la-assurance's
// and documented in docs/client-level-data-waiting-times.md ("Case tracking from CLD").

/**
 * Options of {@link casePopulationFromClientLevelData}.
 */
export interface CldCasePopulationOptions {
  /** The date the records describe: ages, open services and "last assessed" are as at this day. */
  readonly asOf: CldDate;
  /** People count when one of their service-user events runs in the `lookbackDays` days to `asOf`. Default 365 [modelled]. */
  readonly lookbackDays?: number;
  /**
   * Council person ids (`LA_Person_Unique_Identifier`) with a section 42 safeguarding enquiry.
   * CLD holds no safeguarding data, so without this every record says `false` [modelled].
   */
  readonly safeguardingEnquiries?: Iterable<string>;
  /**
   * Whether a request's `Request_Route_of_Access` is a discharge from hospital. Default: the
   * text mentions both "hospital" and "discharge", any case [modelled: the R2 route list was not
   * read for the reference].
   */
  readonly isHospitalDischargeRoute?: (route: string) => boolean;
  /** Oldest age (at `asOf`) flagged `transition`. Default 25, the top of case tracking's `18-25` band [modelled]. */
  readonly transitionMaxAge?: number;
}

/**
 * Why a person of the main table has no case record:
 *
 * - `not-a-service-user`: no event with client type `Service user` (unpaid carers only).
 * - `no-recent-event`: no service-user event running in the look-back window to `asOf`.
 * - `deceased`: the person's date of death is on or before `asOf`.
 * - `age-unknown`: no birth year and month, or a birth year outside 1000–9999 (no proxy date of birth).
 * - `age-out-of-range`: under 18 or over 120 at `asOf` (case tracking covers adults, 18–120).
 * - `primary-support-reason-unknown`: no known primary support reason, or conflicting latest ones.
 * - `no-council-person-id`: no `LA_Person_Unique_Identifier` of 1–200 characters, or the
 *   person's latest rows give conflicting ones (the NHS number is never used as a case id).
 * - `council-person-id-shared`: the council id belongs to more than one person (combined id).
 */
export type CldCaseExclusion =
  | 'not-a-service-user'
  | 'no-recent-event'
  | 'deceased'
  | 'age-unknown'
  | 'age-out-of-range'
  | 'primary-support-reason-unknown'
  | 'no-council-person-id'
  | 'council-person-id-shared';

/**
 * What {@link casePopulationFromClientLevelData} returns: every person of the main table is
 * either in `records` or in `excluded`.
 */
export interface CldCasePopulation {
  /** Always `'modelled'`: the mapping from CLD to case records is la-assurance's. */
  readonly status: 'modelled';
  /** The `asOf` date. */
  readonly asOf: CldDate;
  /** One case record per person, ordered by id; `safeSelectCaseSample` accepts each. */
  readonly records: readonly CaseRecord[];
  /** The people left out, each with its reason, ordered by person id. */
  readonly excluded: readonly {
    /** `Der_NHS_LA_Combined_Person_ID`. */
    readonly personId: string;
    /** Why. */
    readonly reason: CldCaseExclusion;
  }[];
}

const SERVICE_USER_KEY = sqlCollationKey(SERVICE_USER);
const DIRECT_PAYMENT_KEY = sqlCollationKey(DIRECT_PAYMENT);

/** R2 (and R1) primary support reasons by the start of their text (`primary_support_reason.csv`). */
const PSR_BY_PREFIX: readonly (readonly [string, PrimarySupportReason])[] = [
  ['physical support', 'physical-support'],
  ['sensory support', 'sensory-support'],
  ['support with memory', 'support-with-memory-and-cognition'],
  ['learning disability', 'learning-disability-support'],
  ['mental health', 'mental-health-support'],
  ['social support', 'social-support'],
];

/** `Ethnicity_Grouped` (the text before `:`, or ` - ` in R1; `ethnicity.csv`) to the ONS high-level group. */
const ETHNICITY_BY_GROUP: ReadonlyMap<string, EthnicGroup> = new Map([
  ['asian or asian british', 'asian'],
  ['black, black british, caribbean or african', 'black'],
  ['mixed or multiple ethnic groups', 'mixed'],
  ['white', 'white'],
  ['other ethnic group', 'other'],
]);

function primarySupportReasonOf(cleaned: string | null): PrimarySupportReason | null {
  const key = sqlCollationKey(cleaned);
  if (key === null || key === 'unknown' || key === 'invalid and not mapped') return null;
  for (const [prefix, id] of PSR_BY_PREFIX) if (key.startsWith(prefix)) return id;
  return null;
}

function ethnicGroupOf(cleaned: string | null): EthnicGroup {
  const key = sqlCollationKey(cleaned);
  if (key === null) return 'not-stated';
  const colon = key.indexOf(':');
  const dash = key.indexOf(' - ');
  const group = colon >= 0 ? key.slice(0, colon) : dash >= 0 ? key.slice(0, dash) : key;
  return ETHNICITY_BY_GROUP.get(group.trim()) ?? 'not-stated';
}

/** Nursing, then residential, then community (`service_type.csv` hierarchy). */
function settingOf(services: readonly MainTableEvent[], asOf: CldDate): CareSetting {
  const active = services.filter((s) => activeOn(s, asOf));
  // No service running at asOf: the setting of the latest-ending earlier service; none at all → community.
  const pool =
    active.length > 0
      ? active
      : latestEnding(
          services.filter((s) => s.Event_Start_Date !== null && s.Event_Start_Date <= asOf),
        );
  const types = new Set(pool.map((s) => sqlCollationKey(s.Service_Type_Cleaned)));
  if (types.has(sqlCollationKey(NURSING_CARE))) return 'nursing';
  if (types.has(sqlCollationKey(RESIDENTIAL_CARE))) return 'residential';
  return 'community';
}

function latestEnding(services: readonly MainTableEvent[]): MainTableEvent[] {
  let latest: string | null = null;
  for (const s of services)
    if (s.Der_Event_End_Date !== null && (latest === null || s.Der_Event_End_Date > latest))
      latest = s.Der_Event_End_Date;
  return services.filter((s) => s.Der_Event_End_Date === latest);
}

/** The latest completion date (`Der_Event_End_Date`) on or before `asOf` of events of one type. */
function lastCompleted(
  rows: readonly MainTableEvent[],
  type: string,
  asOf: CldDate,
): IsoDate | undefined {
  let latest: string | undefined;
  for (const e of rows) {
    const end = e.Der_Event_End_Date;
    if (
      sqlCollationKey(e.Event_Type_Cleaned) === type &&
      end !== null &&
      end <= asOf &&
      (latest === undefined || end > latest)
    )
      latest = end;
  }
  return latest as IsoDate | undefined;
}

const defaultHospitalDischarge = (route: string): boolean => {
  const key = route.toLowerCase();
  return key.includes('hospital') && key.includes('discharge');
};

/**
 * [modelled] Case records from a council's CLD main table, ready for `safeSelectCaseSample` of
 * `la-assurance/case-tracking`, so the 50 → 10 → 6 sample can be drawn straight from a CLD
 * file. One record per person (combined person id) who was a service user with an event in
 * the year to `asOf`; every other person is listed in `excluded` with the reason. The
 * record's id is the council's own person id (never the NHS number).
 *
 * Mapping (each rule la-assurance's; see the docs): age at `asOf` from the birth year and
 * month; primary support reason, ethnic group and has-unpaid-carer from the person's latest
 * known value (DHSC's person-details rule); setting from the service types running at
 * `asOf` (nursing, then residential, else community); `unpaidCarer` when the latest value is
 * `Yes` or an unpaid carer's row links the person; `hospitalDischarge` when a request in the
 * window came by a hospital-discharge route; `directPayment` when a running service is
 * delivered by direct payment; `transition` at ages 18–25; `safeguardingEnquiry` only from
 * the option (CLD has no safeguarding data); `lastAssessed` / `lastReviewed` from the
 * latest completed assessment or review on or before `asOf`.
 *
 * Deterministic and independent of the order of the events; never mutates its input.
 *
 * @throws RangeError when `asOf` is not a `YYYY-MM-DD` date or `lookbackDays` / `transitionMaxAge` is not a whole number ≥ 1 / ≥ 18.
 * @example
 * ```ts
 * import { generateClientLevelData } from 'la-assurance/testing';
 * import { checkClientLevelData, prepareClientLevelData, casePopulationFromClientLevelData } from 'la-assurance/client-level-data';
 * import { defaultCaseCriteria, safeSelectCaseSample } from 'la-assurance/case-tracking';
 *
 * const { rows } = generateClientLevelData({ seed: 1, people: 50, periodStart: '2024-04-01', periodEnd: '2025-03-31' });
 * const checked = checkClientLevelData(rows);
 * if (!checked.success) throw new Error('rejected');
 * const prepared = prepareClientLevelData(checked.data, { periodStart: '2024-04-01', periodEnd: '2025-03-31' });
 * if (!prepared.success) throw new Error('rejected');
 * const { records } = casePopulationFromClientLevelData(prepared.data, { asOf: '2025-03-31' });
 * const sample = safeSelectCaseSample(records, { seed: 'Anyshire 2025-04', criteria: defaultCaseCriteria({ asOf: '2025-03-31' }) });
 * sample.success; // true
 * ```
 */
export function casePopulationFromClientLevelData(
  prepared: PreparedClientLevelData,
  options: CldCasePopulationOptions,
): CldCasePopulation {
  const {
    asOf,
    lookbackDays = 365,
    transitionMaxAge = 25,
    isHospitalDischargeRoute = defaultHospitalDischarge,
  } = options;
  if (!isIsoDate(asOf))
    throw new RangeError(`asOf must be a date written YYYY-MM-DD; got ${JSON.stringify(asOf)}`);
  if (!Number.isInteger(lookbackDays) || lookbackDays < 1)
    throw new RangeError(`lookbackDays must be a whole number ≥ 1; got ${lookbackDays}`);
  if (!Number.isInteger(transitionMaxAge) || transitionMaxAge < 18)
    throw new RangeError(`transitionMaxAge must be a whole number ≥ 18; got ${transitionMaxAge}`);
  const windowStart = addDays(asOf, -(lookbackDays - 1));
  const safeguarding = new Set(
    [...(options.safeguardingEnquiries ?? [])].map((id) => sqlCollationKey(id)),
  );

  // DHSC's latest person details over the window (reference e.0): birth, death, primary
  // support reason, ethnicity and has-unpaid-carer (forced to `Yes` where an unpaid carer's
  // row in the window names the person), and the age at `asOf`.
  const details = new Map(
    latestPersonDetails(prepared, { periodStart: windowStart, periodEnd: asOf }).map(
      (d) => [d.Der_NHS_LA_Combined_Person_ID, d] as const,
    ),
  );

  const candidates: { personId: string; record: CaseRecord }[] = [];
  const excluded: { personId: string; reason: CldCaseExclusion }[] = [];
  for (const { personId, rows: allRows } of groupByPerson(mainRowsOf(prepared))) {
    const rows = allRows.filter((e) => sqlCollationKey(e.Client_Type_Cleaned) === SERVICE_USER_KEY);
    const exclude = (reason: CldCaseExclusion): void => void excluded.push({ personId, reason });
    if (rows.length === 0) {
      exclude('not-a-service-user');
      continue;
    }
    if (!rows.some((e) => overlaps(e, windowStart, asOf))) {
      exclude('no-recent-event');
      continue;
    }
    const person = details.get(personId)!;
    const death = person.Date_of_Death;
    if (death !== null && death <= asOf) {
      exclude('deceased');
      continue;
    }
    const age = person.Der_Age_End_Of_Period;
    if (age === null) {
      exclude('age-unknown');
      continue;
    }
    if (age < 18 || age > 120) {
      exclude('age-out-of-range');
      continue;
    }
    const psr = primarySupportReasonOf(person.Primary_Support_Reason);
    if (psr === null) {
      exclude('primary-support-reason-unknown');
      continue;
    }
    const councilId = latestCouncilId(allRows);
    if (councilId === null || councilId.length < 1 || councilId.length > 200) {
      exclude('no-council-person-id');
      continue;
    }
    const services = rows.filter((e) => sqlCollationKey(e.Event_Type_Cleaned) === 'service');
    const lastAssessed = lastCompleted(rows, 'assessment', asOf);
    const lastReviewed = lastCompleted(rows, 'review', asOf);
    candidates.push({
      personId,
      record: {
        id: councilId,
        age,
        primarySupportReason: psr,
        ethnicity: ethnicGroupOf(person.Ethnicity),
        setting: settingOf(services, asOf),
        unpaidCarer: sqlCollationKey(person.Has_Unpaid_Carer) === 'yes',
        hospitalDischarge: rows.some(
          (e) =>
            sqlCollationKey(e.Event_Type_Cleaned) === 'request' &&
            e.Request_Route_of_Access !== null &&
            overlaps(e, windowStart, asOf) &&
            isHospitalDischargeRoute(e.Request_Route_of_Access),
        ),
        safeguardingEnquiry: safeguarding.has(sqlCollationKey(councilId)),
        directPayment: services.some(
          (s) =>
            activeOn(s, asOf) &&
            (sqlCollationKey(s.Delivery_Mechanism_Cleaned) === DIRECT_PAYMENT_KEY ||
              sqlCollationKey(s.Service_Component_Cleaned) === DIRECT_PAYMENT_KEY),
        ),
        transition: age <= transitionMaxAge,
        ...(lastAssessed === undefined ? {} : { lastAssessed }),
        ...(lastReviewed === undefined ? {} : { lastReviewed }),
      },
    });
  }

  // A council id shared by two people (two combined ids) identifies neither.
  const idCount = new Map<string, number>();
  for (const { record } of candidates) idCount.set(record.id, (idCount.get(record.id) ?? 0) + 1);
  const records: CaseRecord[] = [];
  for (const c of candidates) {
    if (idCount.get(c.record.id)! > 1)
      excluded.push({ personId: c.personId, reason: 'council-person-id-shared' });
    else records.push(c.record);
  }
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  excluded.sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  return { status: 'modelled', asOf, records, excluded };
}
