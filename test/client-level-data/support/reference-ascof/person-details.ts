// Plain reference version (test oracle), copied from src/client-level-data/ascof/person-details.ts before
// the columnar fast path; ascof/fast-vs-plain.properties.test.ts compares the two.
// Latest person details (reference e.0; DHSC ASCOF_measures/Create_personal_details_table.sql):
// one row per person from the WHOLE joined main table, each attribute chosen on its own.
import { mainRowsOf } from '../../../../src/client-level-data/main-rows.js';
import type {
  CldDate,
  CldWorkingAgeBand,
  PreparedClientLevelData,
} from '../../../../src/client-level-data/model.js';
import type { AscofPeriod } from '../../../../src/client-level-data/ascof/model.js';
import { resolvePeriod } from '../../../../src/client-level-data/ascof/period.js';
import { groupByPerson, type AscofRow, type AscofTable } from './rows.js';
import { proxyBirthDate } from '../../../../src/client-level-data/dates.js';
import {
  OPEN_END,
  keyMap,
  sqlKeySet,
  sqlAgeFromDays,
  sqlCollationKey,
} from '../../../../src/client-level-data/sql.js';
import {
  ACCOMMODATION_STATUS_GROUP,
  ACCOMMODATION_USEFUL_COMPONENTS,
  CLIENT_FUNDING_STATUSES,
  CLIENT_TYPE,
  ETHNICITY_REFUSED,
  ETHNICITY_UNDECLARED,
  HAS_UNPAID_CARER_VALUES,
  INFERRED_ACCOMMODATION,
  INVALID_AND_NOT_MAPPED,
  PSR_SUPPORT_TO_UNPAID_CARER,
  SERVICE_TYPE,
  SERVICE_TYPE_HIERARCHY,
} from '../../../../src/client-level-data/ascof/values.js';

/** One person's latest details, as DHSC's `<table>_Latest_Person_Data` (reference e.0). */
export interface LatestPersonDetails {
  /** The person (reference d.4). */
  readonly Der_NHS_LA_Combined_Person_ID: string;
  /** Latest known accommodation; when that is `Unknown`, the value inferred from the person's services (may stay `Unknown`). */
  readonly Accommodation_Status: string;
  /** 1 = settled (ASCOF 2E numerator), 0 = not; `null` for a value outside the list. */
  readonly Accommodation_Status_Group: 0 | 1 | null;
  /** Whether the recorded accommodation was `Unknown` so the service-based inference ran. */
  readonly Accommodation_Status_Inferred: boolean;
  /** Latest known employment status (reference e.0: `Invalid and not mapped` can remain). */
  readonly Employment_Status: string;
  /** Latest known gender, `Unknown` on a conflict. */
  readonly Gender: string;
  /** Latest known ethnicity, `No data: Undeclared or not known` on a conflict. */
  readonly Ethnicity: string;
  /** Year of birth (non-NULL first, then the earliest). */
  readonly Der_Birth_Year: number | null;
  /** Month of birth. */
  readonly Der_Birth_Month: number | null;
  /** The 1st of the birth month: DHSC's proxy date of birth; `null` without both parts or for a year outside 1000–9999. */
  readonly Der_Birth_Date: CldDate | null;
  /** floor(days(birth date, period end) / 365.25). */
  readonly Der_Age_End_Of_Period: number | null;
  /** 1–17 `Under 18`, 18–64, 65+, anything else (including 0 and no birth date) `Unknown`. */
  readonly Der_Working_Age_Band_End_Of_Period: CldWorkingAgeBand;
  /** Latest recorded date of death. */
  readonly Date_of_Death: CldDate | null;
  /** `Yes` when an unpaid carer's row in the period names the person, else the latest recorded value. */
  readonly Has_Unpaid_Carer: string;
  /** Latest known primary support reason, `Unknown` on a conflict. */
  readonly Primary_Support_Reason: string;
  /** Latest known funding status; anything outside the three valid values is `Unknown`. */
  readonly Client_Funding_Status: string;
}

/** Person details with the dates the measures compare, as day numbers. */
export interface PersonFacts {
  readonly details: LatestPersonDetails;
  readonly birthDay: number | null;
  readonly deathDay: number | null;
}

const UNKNOWN = 'Unknown';
const K_UNKNOWN = sqlCollationKey(UNKNOWN);
const K_INVALID = sqlCollationKey(INVALID_AND_NOT_MAPPED);
const K_SERVICE = sqlCollationKey('Service');
const K_UNDECLARED = sqlCollationKey(ETHNICITY_UNDECLARED);
const K_REFUSED = sqlCollationKey(ETHNICITY_REFUSED);
const K_PSR_CARER = sqlCollationKey(PSR_SUPPORT_TO_UNPAID_CARER);
const FUNDING = keyMap(CLIENT_FUNDING_STATUSES.map((v) => [v, v] as const));
const HAS_CARER = keyMap(HAS_UNPAID_CARER_VALUES.map((v) => [v, v] as const));
const GROUP = keyMap(ACCOMMODATION_STATUS_GROUP);
const SERVICE_HIERARCHY = keyMap(SERVICE_TYPE_HIERARCHY);
const SERVICE_NAME = keyMap(SERVICE_TYPE_HIERARCHY.map(([t]) => [t, t] as const));
const USEFUL_COMPONENT = keyMap(
  Object.values(ACCOMMODATION_USEFUL_COMPONENTS).map((c) => [c, c] as const),
);
const CARER_CLIENT_TYPES = sqlKeySet([
  CLIENT_TYPE.unpaidCarer,
  CLIENT_TYPE.unpaidCarerByAssociation,
]);

/**
 * DENSE_RANK() ORDER BY known DESC, Ref_Period_End_Date DESC, Der_Event_End_Date DESC
 * (NULL as 9999-01-01), Event_Start_Date DESC (NULL sorts lowest): > 0 when `a` ranks first.
 */
function compareLatest(knownA: number, a: AscofRow, knownB: number, b: AscofRow): number {
  return (
    knownA - knownB ||
    (a.refEnd ?? -Infinity) - (b.refEnd ?? -Infinity) ||
    (a.end ?? OPEN_END) - (b.end ?? OPEN_END) ||
    (a.start ?? -Infinity) - (b.start ?? -Infinity) ||
    0
  );
}

/**
 * The value held by all rows tied at rank 1, or `conflict` when they hold more than one
 * distinct value (`COUNT(DISTINCT …) > 1`, compared as the collation does).
 */
function latestValue(
  rows: readonly AscofRow[],
  key: (value: string) => string,
  valueOfRow: (row: AscofRow) => string,
  knownOf: (valueKey: string) => number,
  conflict: string,
): string {
  let best: AscofRow | undefined;
  let bestKnown = 0;
  let value = conflict;
  let valueKey = '';
  let conflicted = false;
  for (const row of rows) {
    const v = valueOfRow(row);
    const k = key(v);
    const known = knownOf(k);
    const order = best === undefined ? 1 : compareLatest(known, row, bestKnown, best);
    if (order > 0) {
      best = row;
      bestKnown = known;
      value = v;
      valueKey = k;
      conflicted = false;
    } else if (order === 0) {
      if (k !== valueKey) conflicted = true;
      else if (v < value) value = v;
    }
  }
  return conflicted ? conflict : value;
}

/** Rank of a value as the script's `Der_<Field>_Known`: 1 known, 0 not. */
const knownUnlessUnknown = (k: string): number => (k === K_UNKNOWN ? 0 : 1);
const knownEmployment = (k: string): number => (k === K_UNKNOWN || k === K_INVALID ? 0 : 1);
const ethnicityRank = (k: string): number => (k === K_UNDECLARED ? 0 : k === K_REFUSED ? 1 : 2);
const knownPsr = (k: string): number => (k === K_UNKNOWN || k === K_PSR_CARER ? 0 : 1);

/** Birth year and month: both present first, then latest `Ref_Period_End_Date`, then the EARLIEST year, then month. */
function latestBirth(rows: readonly AscofRow[]): { year: number | null; month: number | null } {
  let best: AscofRow | undefined;
  for (const row of rows) {
    if (best === undefined || compareBirth(row, best) > 0) best = row;
  }
  return { year: best?.event.Der_Birth_Year ?? null, month: best?.event.Der_Birth_Month ?? null };
}

function compareBirth(a: AscofRow, b: AscofRow): number {
  const present = (r: AscofRow): number =>
    r.event.Der_Birth_Year !== null && r.event.Der_Birth_Month !== null ? 1 : 0;
  return (
    present(a) - present(b) ||
    (a.refEnd ?? -Infinity) - (b.refEnd ?? -Infinity) ||
    (b.event.Der_Birth_Year ?? Infinity) - (a.event.Der_Birth_Year ?? Infinity) ||
    (b.event.Der_Birth_Month ?? Infinity) - (a.event.Der_Birth_Month ?? Infinity) ||
    0
  );
}

/** Date of death: present first, then latest `Ref_Period_End_Date`, then the LATEST date. */
function latestDeath(rows: readonly AscofRow[]): CldDate | null {
  let best: AscofRow | undefined;
  for (const row of rows) {
    if (best === undefined) {
      best = row;
      continue;
    }
    const a = row.event.Date_of_Death;
    const b = best.event.Date_of_Death;
    const order =
      (a === null ? 0 : 1) - (b === null ? 0 : 1) ||
      (row.refEnd ?? -Infinity) - (best.refEnd ?? -Infinity) ||
      (a !== null && b !== null ? (a > b ? 1 : a < b ? -1 : 0) : 0);
    if (order > 0) best = row;
  }
  return best?.event.Date_of_Death ?? null;
}

/**
 * Accommodation inferred from the person's services when the latest recorded value is
 * `Unknown` (reference e.0): rank the `Event_Type = 'Service'` rows by latest end (open
 * first), service-type hierarchy, a useful component first, latest start; keep the rank-1
 * rows; a type or component survives only if exactly one distinct useful value remains.
 */
function inferAccommodation(rows: readonly AscofRow[]): string {
  let best: AscofRow | undefined;
  const tied: AscofRow[] = [];
  for (const row of rows) {
    if (row.eventType !== K_SERVICE) continue;
    if (best === undefined) {
      best = row;
      tied.push(row);
      continue;
    }
    const order = compareService(row, best);
    if (order > 0) {
      best = row;
      tied.length = 0;
      tied.push(row);
    } else if (order === 0) tied.push(row);
  }
  const types = new Set<string>();
  const components = new Set<string>();
  for (const row of tied) {
    const type = row.serviceType === null ? undefined : SERVICE_NAME.get(row.serviceType);
    if (type !== undefined) types.add(type);
    const component = row.component === null ? undefined : USEFUL_COMPONENT.get(row.component);
    if (component !== undefined) components.add(component);
  }
  const type = types.size === 1 ? [...types][0]! : null;
  const component = components.size === 1 ? [...components][0]! : null;
  if (type === SERVICE_TYPE.nursing) return INFERRED_ACCOMMODATION.nursingHome;
  if (type === SERVICE_TYPE.residential) return INFERRED_ACCOMMODATION.careHome;
  if (component === ACCOMMODATION_USEFUL_COMPONENTS.sharedLives)
    return INFERRED_ACCOMMODATION.sharedLives;
  if (component === ACCOMMODATION_USEFUL_COMPONENTS.extraCare)
    return INFERRED_ACCOMMODATION.sheltered;
  if (component === ACCOMMODATION_USEFUL_COMPONENTS.supportedLiving)
    return INFERRED_ACCOMMODATION.supported;
  if (type === SERVICE_TYPE.community && component === ACCOMMODATION_USEFUL_COMPONENTS.homeSupport)
    return INFERRED_ACCOMMODATION.presumedAtHome;
  if (type === SERVICE_TYPE.community && component === null)
    return INFERRED_ACCOMMODATION.presumedInCommunity;
  if (type === SERVICE_TYPE.prison) return INFERRED_ACCOMMODATION.prison;
  return INFERRED_ACCOMMODATION.unknown;
}

function compareService(a: AscofRow, b: AscofRow): number {
  const hierarchy = (r: AscofRow): number =>
    r.serviceType === null ? 99 : (SERVICE_HIERARCHY.get(r.serviceType) ?? 99);
  const useful = (r: AscofRow): number =>
    r.component !== null && USEFUL_COMPONENT.has(r.component) ? 1 : 0;
  return (
    (a.end ?? OPEN_END) - (b.end ?? OPEN_END) ||
    hierarchy(b) - hierarchy(a) ||
    useful(a) - useful(b) ||
    (a.start ?? -Infinity) - (b.start ?? -Infinity) ||
    0
  );
}

/**
 * The `LA_Person_Unique_Identifier`s named by unpaid carers' rows that overlap the period
 * (`Der_Event_End_Date` (NULL as 9999-01-01) ≥ S and `Event_Start_Date` ≤ E), as join keys.
 */
function linkedCaredForIds(table: AscofTable, start: number, end: number): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const rows of table.persons.values()) {
    for (const row of rows) {
      if (row.clientType === null || !CARER_CLIENT_TYPES.has(row.clientType)) continue;
      if ((row.end ?? OPEN_END) < start || row.start === null || row.start > end) continue;
      for (const id of [
        row.event.Adult_1_Linked_Person_ID,
        row.event.Adult_2_Linked_Person_ID,
        row.event.Adult_3_Linked_Person_ID,
      ]) {
        const key = table.key(id);
        if (key !== null) ids.add(key);
      }
    }
  }
  return ids;
}

function workingAgeBandEndOfPeriod(age: number | null): CldWorkingAgeBand {
  if (age === null) return 'Unknown';
  if (age >= 1 && age <= 17) return 'Under 18';
  if (age >= 18 && age <= 64) return '18 to 64';
  if (age >= 65) return '65 and above';
  return 'Unknown';
}

/** Person details of every person in the table, keyed by person id. */
export function personFacts(
  table: AscofTable,
  periodStartDay: number,
  periodEndDay: number,
): ReadonlyMap<string, PersonFacts> {
  const caredFor = linkedCaredForIds(table, periodStartDay, periodEndDay);
  const key = table.key as (value: string) => string;
  /** A cleaned value with `Invalid and not mapped`/NULL relabelled. */
  const orLabel = (value: string | null, label: string): string =>
    value === null || key(value) === K_INVALID ? label : value;
  const accommodationOf = (r: AscofRow): string =>
    orLabel(r.event.Accommodation_Status_Cleaned, UNKNOWN);
  // Employment: NULL is already `Invalid and not mapped` at input and keeps that label (reference e.0).
  const employmentOf = (r: AscofRow): string =>
    r.event.Employment_Status_Cleaned ?? INVALID_AND_NOT_MAPPED;
  const genderOf = (r: AscofRow): string => orLabel(r.event.Gender_Cleaned, UNKNOWN);
  const ethnicityOf = (r: AscofRow): string =>
    orLabel(r.event.Ethnicity_Cleaned, ETHNICITY_UNDECLARED);
  const fundingOf = (r: AscofRow): string => {
    const v = r.event.Client_Funding_Status_Cleaned;
    return v !== null && FUNDING.has(key(v)) ? v : UNKNOWN;
  };
  const psrOf = (r: AscofRow): string => orLabel(r.event.Primary_Support_Reason_Cleaned, UNKNOWN);
  const hasCarerOf = (r: AscofRow): string =>
    r.event.Has_Unpaid_Carer === null
      ? UNKNOWN
      : (HAS_CARER.get(key(r.event.Has_Unpaid_Carer.trim())) ?? UNKNOWN);
  const out = new Map<string, PersonFacts>();
  for (const [person, rows] of table.persons) {
    // Accommodation: `Invalid and not mapped`/NULL → `Unknown`; `Unknown` is not known; conflicts → `Unknown`.
    const recorded = latestValue(rows, key, accommodationOf, knownUnlessUnknown, UNKNOWN);
    const inferred = key(recorded) === K_UNKNOWN;
    const accommodation = inferred ? inferAccommodation(rows) : recorded;
    const employment = latestValue(rows, key, employmentOf, knownEmployment, UNKNOWN);
    const gender = latestValue(rows, key, genderOf, knownUnlessUnknown, UNKNOWN);
    const ethnicity = latestValue(rows, key, ethnicityOf, ethnicityRank, ETHNICITY_UNDECLARED);
    const funding = latestValue(rows, key, fundingOf, knownUnlessUnknown, UNKNOWN);
    const psr = latestValue(rows, key, psrOf, knownPsr, UNKNOWN);
    const hasCarerRecorded = latestValue(rows, key, hasCarerOf, knownUnlessUnknown, UNKNOWN);
    const namedByCarer = rows.some((r) => {
      const id = table.key(r.event.LA_Person_Unique_Identifier);
      return id !== null && caredFor.has(id);
    });
    const { year, month } = latestBirth(rows);
    const dob = proxyBirthDate(year, month);
    const birthDay = table.day(dob);
    const age = birthDay === null ? null : sqlAgeFromDays(birthDay, periodEndDay);
    const death = latestDeath(rows);
    const details: LatestPersonDetails = {
      Der_NHS_LA_Combined_Person_ID: person,
      Accommodation_Status: accommodation,
      Accommodation_Status_Group: GROUP.get(key(accommodation)) ?? null,
      Accommodation_Status_Inferred: inferred,
      Employment_Status: employment,
      Gender: gender,
      Ethnicity: ethnicity,
      Der_Birth_Year: year,
      Der_Birth_Month: month,
      Der_Birth_Date: dob,
      Der_Age_End_Of_Period: age,
      Der_Working_Age_Band_End_Of_Period: workingAgeBandEndOfPeriod(age),
      Date_of_Death: death,
      Has_Unpaid_Carer: namedByCarer ? 'Yes' : hasCarerRecorded,
      Primary_Support_Reason: psr,
      Client_Funding_Status: funding,
    };
    out.set(person, { details, birthDay, deathDay: table.day(death) });
  }
  return out;
}

/**
 * DHSC's latest person details (reference e.0, `Create_personal_details_table.sql`): one row
 * per person from the whole prepared table, each attribute taken from the person's latest
 * rows (known values first, then the latest submission, end date and start date; conflicting
 * tied values become `Unknown`), the accommodation inferred from services where it is
 * unknown, and `Has_Unpaid_Carer` forced to `Yes` where an unpaid carer's row in the period
 * names the person. The period sets the age (at its end) and the carer look-up window.
 * Rows are sorted by person id.
 *
 * @example
 * ```ts
 * import { generateClientLevelData } from 'la-assurance/testing';
 * import { checkClientLevelData, prepareClientLevelData, latestPersonDetails } from 'la-assurance/client-level-data';
 *
 * const { rows } = generateClientLevelData({ seed: 1, people: 50, periodStart: '2024-04-01', periodEnd: '2025-03-31' });
 * const checked = checkClientLevelData(rows);
 * if (!checked.success) throw new Error('rejected');
 * const prepared = prepareClientLevelData(checked.data, { periodStart: '2024-04-01', periodEnd: '2025-03-31' });
 * if (!prepared.success) throw new Error('rejected');
 * const people = latestPersonDetails(prepared.data, { periodStart: '2024-04-01', periodEnd: '2025-03-31' });
 * people[0]?.Accommodation_Status; // that person's latest accommodation status
 * ```
 */
export function plainLatestPersonDetails(
  prepared: PreparedClientLevelData,
  period: AscofPeriod,
): readonly LatestPersonDetails[] {
  const { startDay, endDay } = resolvePeriod(period);
  const facts = personFacts(groupByPerson(mainRowsOf(prepared)), startDay, endDay);
  return [...facts.values()]
    .map((f) => f.details)
    .sort((a, b) =>
      a.Der_NHS_LA_Combined_Person_ID < b.Der_NHS_LA_Combined_Person_ID
        ? -1
        : a.Der_NHS_LA_Combined_Person_ID > b.Der_NHS_LA_Combined_Person_ID
          ? 1
          : 0,
    );
}
