// Latest person details (reference e.0; DHSC ASCOF_measures/Create_personal_details_table.sql):
// one row per person from the WHOLE joined main table, each attribute chosen on its own.
import type { Column } from '../event-store.js';
import { mainTableOf } from '../main-rows.js';
import type { CldDate, CldWorkingAgeBand, PreparedClientLevelData } from '../model.js';
import type { AscofPeriod } from './model.js';
import { resolvePeriod } from './period.js';
import { NO_CODE, groupByPerson, knownCode, knownCodes, type AscofTable } from './rows.js';
import { NO_DAY } from '../slots.js';
import { proxyBirthDate } from '../dates.js';
import { OPEN_END, keyMap, sqlAgeFromDays, sqlCollationKey } from '../sql.js';
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
} from './values.js';

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

/** Each person's birth and death as day numbers (`NO_DAY` when unknown), by person number: what the measures compare. */
export interface PersonFacts {
  readonly birthDay: Int32Array;
  readonly deathDay: Int32Array;
}

const UNKNOWN = 'Unknown';
const C_UNKNOWN = knownCode(UNKNOWN);
const C_INVALID = knownCode(INVALID_AND_NOT_MAPPED);
const C_SERVICE = knownCode('Service');
const C_UNDECLARED = knownCode(ETHNICITY_UNDECLARED);
const C_REFUSED = knownCode(ETHNICITY_REFUSED);
const C_PSR_CARER = knownCode(PSR_SUPPORT_TO_UNPAID_CARER);
const FUNDING = keyMap(CLIENT_FUNDING_STATUSES.map((v) => [v, v] as const));
const HAS_CARER = keyMap(HAS_UNPAID_CARER_VALUES.map((v) => [v, v] as const));
const GROUP = keyMap(ACCOMMODATION_STATUS_GROUP);
const SERVICE_HIERARCHY = new Map(
  SERVICE_TYPE_HIERARCHY.map(([t, h]) => [knownCode(t), h] as const),
);
const SERVICE_NAME = new Map(SERVICE_TYPE_HIERARCHY.map(([t]) => [knownCode(t), t] as const));
const USEFUL_COMPONENT = new Map(
  Object.values(ACCOMMODATION_USEFUL_COMPONENTS).map((c) => [knownCode(c), c] as const),
);
const CARER_CLIENT_TYPES = knownCodes([
  CLIENT_TYPE.unpaidCarer,
  CLIENT_TYPE.unpaidCarerByAssociation,
]);

/** A person's slots in the table. */
interface Slots {
  readonly table: AscofTable;
  readonly from: number;
  readonly to: number;
}

/**
 * One person detail of every event, read from its column in bulk: `values[codes[i]]` is
 * event i's value as the script compares it, and `keys[codes[i]]` the code of its key.
 */
interface Detail {
  readonly codes: ArrayLike<number>;
  readonly values: readonly string[];
  readonly keys: Int32Array;
}

/** The detail `compared` gives from `column`, worked out once per distinct text. */
function detail<T>(t: AscofTable, column: Column<T>, compared: (value: T) => string): Detail {
  const { codes, values } = column.encode(t.main.length, compared);
  const keys = new Int32Array(values.length);
  for (let c = 0; c < values.length; c++) keys[c] = t.code(values[c]!);
  return { codes, values, keys };
}

/**
 * The value held by all rows tied at rank 1 of DENSE_RANK() ORDER BY known DESC,
 * Ref_Period_End_Date DESC, Der_Event_End_Date DESC (NULL as 9999-01-01), Event_Start_Date
 * DESC (NULL sorts lowest), or `conflict` when they hold more than one distinct value
 * (`COUNT(DISTINCT …) > 1`, compared as the collation does).
 */
function latestValue(
  { table: t, from, to }: Slots,
  { codes, values, keys }: Detail,
  knownOf: (valueCode: number) => number,
  conflict: string,
): string {
  let best = -1;
  let bestKnown = 0;
  let bestRef = 0;
  let bestEnd = 0;
  let bestStart = 0;
  let value = conflict;
  let valueCode = NO_CODE;
  let conflicted = false;
  for (let s = from; s < to; s++) {
    const j = codes[t.event[s]!]!;
    const v = values[j]!;
    const c = keys[j]!;
    const known = knownOf(c);
    const ref = t.refEnd[s]!;
    const endRaw = t.end[s]!;
    const end = endRaw === NO_DAY ? OPEN_END : endRaw;
    const start = t.start[s]!;
    const order =
      best < 0 ? 1 : known - bestKnown || ref - bestRef || end - bestEnd || start - bestStart || 0;
    if (order > 0) {
      best = s;
      bestKnown = known;
      bestRef = ref;
      bestEnd = end;
      bestStart = start;
      value = v;
      valueCode = c;
      conflicted = false;
    } else if (order === 0) {
      if (c !== valueCode) conflicted = true;
      else if (v < value) value = v;
    }
  }
  return conflicted ? conflict : value;
}

/** Rank of a value as the script's `Der_<Field>_Known`: 1 known, 0 not. */
const knownUnlessUnknown = (c: number): number => (c === C_UNKNOWN ? 0 : 1);
const knownEmployment = (c: number): number => (c === C_UNKNOWN || c === C_INVALID ? 0 : 1);
const ethnicityRank = (c: number): number => (c === C_UNDECLARED ? 0 : c === C_REFUSED ? 1 : 2);
const knownPsr = (c: number): number => (c === C_UNKNOWN || c === C_PSR_CARER ? 0 : 1);

/** A cleaned value with `Invalid and not mapped`/NULL relabelled. */
function orLabel(value: string | null, label: string, t: AscofTable): string {
  return value === null || t.code(value) === C_INVALID ? label : value;
}

/** Birth year and month: both present first, then latest `Ref_Period_End_Date`, then the EARLIEST year, then month. The best slot, or -1. */
function latestBirth({ table: t, from, to }: Slots): number {
  let best = -1;
  for (let s = from; s < to; s++) if (best < 0 || compareBirth(t, s, best) > 0) best = s;
  return best;
}

const presentBirth = (t: AscofTable, s: number): number =>
  Number.isNaN(t.birthYear[s]!) || Number.isNaN(t.birthMonth[s]!) ? 0 : 1;
const orInfinity = (x: number): number => (Number.isNaN(x) ? Infinity : x);

function compareBirth(t: AscofTable, a: number, b: number): number {
  return (
    presentBirth(t, a) - presentBirth(t, b) ||
    t.refEnd[a]! - t.refEnd[b]! ||
    orInfinity(t.birthYear[b]!) - orInfinity(t.birthYear[a]!) ||
    orInfinity(t.birthMonth[b]!) - orInfinity(t.birthMonth[a]!) ||
    0
  );
}

/** Date of death: present first, then latest `Ref_Period_End_Date`, then the LATEST date. The best slot, or -1. */
function latestDeath({ table: t, from, to }: Slots): number {
  let best = -1;
  for (let s = from; s < to; s++) {
    if (best < 0) {
      best = s;
      continue;
    }
    const a = t.death[s]!;
    const b = t.death[best]!;
    const order =
      (a === NO_DAY ? 0 : 1) - (b === NO_DAY ? 0 : 1) ||
      t.refEnd[s]! - t.refEnd[best]! ||
      (a !== NO_DAY && b !== NO_DAY ? a - b : 0);
    if (order > 0) best = s;
  }
  return best;
}

const nullIfNaN = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * Accommodation inferred from the person's services when the latest recorded value is
 * `Unknown` (reference e.0): rank the `Event_Type = 'Service'` rows by latest end (open
 * first), service-type hierarchy, a useful component first, latest start; keep the rank-1
 * rows; a type or component survives only if exactly one distinct useful value remains.
 */
function inferAccommodation({ table: t, from, to }: Slots): string {
  const tied: number[] = [];
  for (let s = from; s < to; s++) {
    if (t.eventType[s] !== C_SERVICE) continue;
    const order = tied.length === 0 ? 1 : compareService(t, s, tied[0]!);
    if (order > 0) {
      tied.length = 0;
      tied.push(s);
    } else if (order === 0) tied.push(s);
  }
  const types = new Set<string>();
  const components = new Set<string>();
  for (const s of tied) {
    const type = SERVICE_NAME.get(t.serviceType[s]!);
    if (type !== undefined) types.add(type);
    const component = USEFUL_COMPONENT.get(t.component[s]!);
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

function compareService(t: AscofTable, a: number, b: number): number {
  const hierarchy = (s: number): number => SERVICE_HIERARCHY.get(t.serviceType[s]!) ?? 99;
  const useful = (s: number): number => (USEFUL_COMPONENT.has(t.component[s]!) ? 1 : 0);
  const end = (s: number): number => (t.end[s] === NO_DAY ? OPEN_END : t.end[s]!);
  return (
    end(a) - end(b) ||
    hierarchy(b) - hierarchy(a) ||
    useful(a) - useful(b) ||
    t.start[a]! - t.start[b]! ||
    0
  );
}

/** The person's slots. */
function slotsOf(table: AscofTable, person: number): Slots {
  return { table, from: table.first[person]!, to: table.first[person + 1]! };
}

/** The details ASCOF 2E reads (and {@link personDetails} besides the others), each with `Invalid and not mapped`/NULL as `Unknown`. */
interface Details2E {
  readonly accommodation: Detail;
  readonly gender: Detail;
  readonly primarySupportReason: Detail;
}

function details2E(t: AscofTable): Details2E {
  const c = t.main.columns;
  return {
    accommodation: detail(t, c.Accommodation_Status_Cleaned, (v) => orLabel(v, UNKNOWN, t)),
    gender: detail(t, c.Gender_Cleaned, (v) => orLabel(v, UNKNOWN, t)),
    primarySupportReason: detail(t, c.Primary_Support_Reason_Cleaned, (v) =>
      orLabel(v, UNKNOWN, t),
    ),
  };
}

/** Accommodation: `Unknown` is not known; conflicts → `Unknown`; then inferred from services when unknown. */
function accommodation(slots: Slots, d: Details2E): { value: string; inferred: boolean } {
  const recorded = latestValue(slots, d.accommodation, knownUnlessUnknown, UNKNOWN);
  const inferred = slots.table.code(recorded) === C_UNKNOWN;
  return { value: inferred ? inferAccommodation(slots) : recorded, inferred };
}

const gender = (slots: Slots, d: Details2E): string =>
  latestValue(slots, d.gender, knownUnlessUnknown, UNKNOWN);

const primarySupportReason = (slots: Slots, d: Details2E): string =>
  latestValue(slots, d.primarySupportReason, knownPsr, UNKNOWN);

/** The three details ASCOF 2E reads, by person (each column read once, here). */
export function detailsFor2E(
  table: AscofTable,
): (person: number) => { accommodation: string; gender: string; primarySupportReason: string } {
  const d = details2E(table);
  return (person) => {
    const slots = slotsOf(table, person);
    return {
      accommodation: accommodation(slots, d).value,
      gender: gender(slots, d),
      primarySupportReason: primarySupportReason(slots, d),
    };
  };
}

/**
 * The `LA_Person_Unique_Identifier`s named by unpaid carers' rows that overlap the period
 * (`Der_Event_End_Date` (NULL as 9999-01-01) ≥ S and `Event_Start_Date` ≤ E), as join keys.
 */
function linkedCaredForIds(t: AscofTable, start: number, end: number): ReadonlySet<string> {
  const ids = new Set<string>();
  const c = t.main.columns;
  const linkedIds = [
    c.Adult_1_Linked_Person_ID,
    c.Adult_2_Linked_Person_ID,
    c.Adult_3_Linked_Person_ID,
  ];
  for (let s = 0; s < t.event.length; s++) {
    if (!CARER_CLIENT_TYPES.has(t.clientType[s]!)) continue;
    const rowEnd = t.end[s] === NO_DAY ? OPEN_END : t.end[s]!;
    if (rowEnd < start || t.start[s] === NO_DAY || t.start[s]! > end) continue;
    const i = t.event[s]!;
    for (const linked of linkedIds) {
      const id = linked.at(i);
      if (id !== null) ids.add(sqlCollationKey(id));
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

/** The proxy date of birth (reference e.0) of the best birth slot, with its year and month. */
function birthOf(slots: Slots): { year: number | null; month: number | null; dob: CldDate | null } {
  const s = latestBirth(slots);
  const year = s < 0 ? null : nullIfNaN(slots.table.birthYear[s]!);
  const month = s < 0 ? null : nullIfNaN(slots.table.birthMonth[s]!);
  return { year, month, dob: proxyBirthDate(year, month) };
}

/** Birth and death day of every person in the table. */
export function personFacts(table: AscofTable): PersonFacts {
  const persons = table.personIds.length;
  const birthDay = new Int32Array(persons);
  const deathDay = new Int32Array(persons);
  // The proxy birth day of each (whole) year and month, worked out once.
  const proxyDay = new Map<number, number>();
  for (let p = 0; p < persons; p++) {
    const slots = slotsOf(table, p);
    const b = latestBirth(slots);
    const year = b < 0 ? Number.NaN : table.birthYear[b]!;
    const month = b < 0 ? Number.NaN : table.birthMonth[b]!;
    const memo = Number.isInteger(year) && Number.isInteger(month) && month >= 1 && month <= 12;
    let day = memo ? proxyDay.get(year * 12 + month) : undefined;
    if (day === undefined) {
      day = table.day(proxyBirthDate(nullIfNaN(year), nullIfNaN(month)));
      if (memo) proxyDay.set(year * 12 + month, day);
    }
    birthDay[p] = day;
    const d = latestDeath(slots);
    deathDay[p] = d < 0 ? NO_DAY : table.death[d]!;
  }
  return { birthDay, deathDay };
}

/** Every detail {@link personDetails} reads. */
interface AllDetails extends Details2E {
  /** NULL is already `Invalid and not mapped` at input and keeps that label (reference e.0). */
  readonly employment: Detail;
  /** `Invalid and not mapped`/NULL → `No data: Undeclared or not known`. */
  readonly ethnicity: Detail;
  /** Anything outside the three valid values → `Unknown`. */
  readonly funding: Detail;
  /** The listed value the trimmed text names, else `Unknown`. */
  readonly hasCarer: Detail;
}

function allDetails(t: AscofTable): AllDetails {
  const c = t.main.columns;
  return {
    ...details2E(t),
    employment: detail(t, c.Employment_Status_Cleaned, (v) => v ?? INVALID_AND_NOT_MAPPED),
    ethnicity: detail(t, c.Ethnicity_Cleaned, (v) => orLabel(v, ETHNICITY_UNDECLARED, t)),
    funding: detail(t, c.Client_Funding_Status_Cleaned, (v) =>
      v !== null && FUNDING.has(sqlCollationKey(v)) ? v : UNKNOWN,
    ),
    hasCarer: detail(t, c.Has_Unpaid_Carer, (v) =>
      v === null ? UNKNOWN : (HAS_CARER.get(sqlCollationKey(v.trim())) ?? UNKNOWN),
    ),
  };
}

/** Every detail of one person (reference e.0); `caredFor` from {@link linkedCaredForIds}. */
function personDetails(
  table: AscofTable,
  details: AllDetails,
  person: number,
  caredFor: ReadonlySet<string>,
  periodEndDay: number,
): LatestPersonDetails {
  const slots = slotsOf(table, person);
  const { value, inferred } = accommodation(slots, details);
  const employment = latestValue(slots, details.employment, knownEmployment, UNKNOWN);
  const ethnicity = latestValue(slots, details.ethnicity, ethnicityRank, ETHNICITY_UNDECLARED);
  const funding = latestValue(slots, details.funding, knownUnlessUnknown, UNKNOWN);
  const hasCarerRecorded = latestValue(slots, details.hasCarer, knownUnlessUnknown, UNKNOWN);
  const c = table.main.columns;
  let namedByCarer = false;
  for (let s = slots.from; s < slots.to && !namedByCarer; s++) {
    const id = c.LA_Person_Unique_Identifier.at(table.event[s]!);
    namedByCarer = id !== null && caredFor.has(sqlCollationKey(id));
  }
  const { year, month, dob } = birthOf(slots);
  const birthDay = table.day(dob);
  const age = birthDay === NO_DAY ? null : sqlAgeFromDays(birthDay, periodEndDay);
  const d = latestDeath(slots);
  return {
    Der_NHS_LA_Combined_Person_ID: table.personIds[person]!,
    Accommodation_Status: value,
    Accommodation_Status_Group: GROUP.get(sqlCollationKey(value)) ?? null,
    Accommodation_Status_Inferred: inferred,
    Employment_Status: employment,
    Gender: gender(slots, details),
    Ethnicity: ethnicity,
    Der_Birth_Year: year,
    Der_Birth_Month: month,
    Der_Birth_Date: dob,
    Der_Age_End_Of_Period: age,
    Der_Working_Age_Band_End_Of_Period: workingAgeBandEndOfPeriod(age),
    Date_of_Death: d < 0 ? null : c.Date_of_Death.at(table.event[d]!),
    Has_Unpaid_Carer: namedByCarer ? 'Yes' : hasCarerRecorded,
    Primary_Support_Reason: primarySupportReason(slots, details),
    Client_Funding_Status: funding,
  };
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
export function latestPersonDetails(
  prepared: PreparedClientLevelData,
  period: AscofPeriod,
): readonly LatestPersonDetails[] {
  const { startDay, endDay } = resolvePeriod(period);
  const table = groupByPerson(mainTableOf(prepared));
  const caredFor = linkedCaredForIds(table, startDay, endDay);
  const details = allDetails(table);
  return table.personIds
    .map((_, p) => personDetails(table, details, p, caredFor, endDay))
    .sort((a, b) =>
      a.Der_NHS_LA_Combined_Person_ID < b.Der_NHS_LA_Combined_Person_ID
        ? -1
        : a.Der_NHS_LA_Combined_Person_ID > b.Der_NHS_LA_Combined_Person_ID
          ? 1
          : 0,
    );
}
