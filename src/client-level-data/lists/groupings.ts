// The lookups DHSC's methods apply to cleaned values: outcome hierarchy and group, service
// type group, ethnicity group, settled accommodation, review type, event type, age bands.
// Each reads the tables in ./tables.ts; matching is case-insensitive (SQL Server collation).
import type { CldAgeBand, CldWorkingAgeBand } from '../model.js';
import { sqlCollationKey } from '../sql.js';
import {
  CLD_ACCOMMODATION_STATUSES,
  CLD_EMPLOYMENT_STATUSES,
  CLD_ETHNICITIES,
  CLD_EVENT_OUTCOMES,
  CLD_SERVICE_TYPES,
  INVALID_AND_NOT_MAPPED,
  type CldEventOutcome,
  type CldServiceType,
} from './tables.js';

function index<T>(rows: readonly T[], key: (row: T) => string): ReadonlyMap<string, T> {
  return new Map(rows.map((row) => [sqlCollationKey(key(row)), row]));
}

const OUTCOMES = index(CLD_EVENT_OUTCOMES, (o) => o.value);
const SERVICE_TYPES = index(CLD_SERVICE_TYPES, (s) => s.value);
const ETHNICITIES = index(CLD_ETHNICITIES, (e) => e.value);
const ACCOMMODATION = index(CLD_ACCOMMODATION_STATUSES, (a) => a.value);
const EMPLOYMENT = index(CLD_EMPLOYMENT_STATUSES, (e) => e.value);

/**
 * The row of {@link CLD_EVENT_OUTCOMES} for a cleaned outcome (case-insensitive), or
 * `undefined` for NULL or an unknown value.
 *
 * @example
 * ```ts
 * import { eventOutcomeInfo } from 'la-assurance/client-level-data';
 *
 * eventOutcomeInfo('NFA: Other')?.ascof2aNumerator; // true
 * ```
 */
export function eventOutcomeInfo(cleaned: string | null): CldEventOutcome | undefined {
  return cleaned === null ? undefined : OUTCOMES.get(sqlCollationKey(cleaned));
}

/**
 * `Event_Outcome_Hierarchy` (reference c.1, d.4 step 4): 1 = highest priority; `null` for
 * NULL, `Invalid and not mapped` or an unknown value (DHSC sorts those as 999).
 *
 * @example
 * ```ts
 * import { eventOutcomeHierarchy } from 'la-assurance/client-level-data';
 *
 * eventOutcomeHierarchy('Admitted to hospital'); // 6
 * ```
 */
export function eventOutcomeHierarchy(cleaned: string | null): number | null {
  return eventOutcomeInfo(cleaned)?.hierarchy ?? null;
}

/**
 * `Event_Outcome_Grouped` (reference c.1): `NFA` for every `NFA: …` value, the value itself
 * otherwise; `null` for NULL (a NULL raw value matches no mapping row, reference d.4).
 *
 * @example
 * ```ts
 * import { eventOutcomeGroup } from 'la-assurance/client-level-data';
 *
 * eventOutcomeGroup('NFA: Support declined'); // 'NFA'
 * ```
 */
export function eventOutcomeGroup(cleaned: string | null): string | null {
  if (cleaned === null) return null;
  return eventOutcomeInfo(cleaned)?.group ?? INVALID_AND_NOT_MAPPED;
}

/**
 * The row of {@link CLD_SERVICE_TYPES} for a cleaned service type (case-insensitive).
 *
 * @example
 * ```ts
 * import { serviceTypeInfo } from 'la-assurance/client-level-data';
 *
 * serviceTypeInfo('Short term support: ST-Max')?.ascof2aHierarchy; // 5
 * ```
 */
export function serviceTypeInfo(cleaned: string | null): CldServiceType | undefined {
  return cleaned === null ? undefined : SERVICE_TYPES.get(sqlCollationKey(cleaned));
}

/**
 * `Service_Type_Grouped` (reference c.2): `Long term support`, `Short term support`,
 * `Unpaid carer support`, or `Unknown` for an invalid value; `null` for NULL.
 *
 * @example
 * ```ts
 * import { serviceTypeGroup } from 'la-assurance/client-level-data';
 *
 * serviceTypeGroup('Long term support: Prison'); // 'Long term support'
 * ```
 */
export function serviceTypeGroup(cleaned: string | null): string | null {
  if (cleaned === null) return null;
  return serviceTypeInfo(cleaned)?.group ?? 'Unknown';
}

/**
 * `Ethnicity_Grouped` (reference c.2): the text before the colon; `Unknown` for invalid; `null` for NULL.
 *
 * @example
 * ```ts
 * import { ethnicityGroup } from 'la-assurance/client-level-data';
 *
 * ethnicityGroup('White: Irish'); // 'White'
 * ```
 */
export function ethnicityGroup(cleaned: string | null): string | null {
  if (cleaned === null) return null;
  return ETHNICITIES.get(sqlCollationKey(cleaned))?.group ?? 'Unknown';
}

/**
 * Whether an accommodation status is "settled" (ASCOF 2E numerator group 1, reference c.2),
 * including DHSC's derived `Unknown: Presumed at home`. NULL and unknown values are not settled.
 *
 * @example
 * ```ts
 * import { isSettledAccommodation } from 'la-assurance/client-level-data';
 *
 * isSettledAccommodation('Tenant: Private landlord'); // true
 * isSettledAccommodation('Registered care home'); // false
 * ```
 */
export function isSettledAccommodation(cleaned: string | null): boolean {
  return cleaned !== null && ACCOMMODATION.get(sqlCollationKey(cleaned))?.settled === true;
}

/**
 * Whether an employment status is paid employment (`lists/employment_status.csv`).
 *
 * @example
 * ```ts
 * import { isInPaidEmployment } from 'la-assurance/client-level-data';
 *
 * isInPaidEmployment('Paid: Less than 16 hours a week'); // true
 * ```
 */
export function isInPaidEmployment(cleaned: string | null): boolean {
  return cleaned !== null && EMPLOYMENT.get(sqlCollationKey(cleaned))?.employed === true;
}

/** The cleaned event types (reference e.6 step 1). */
export type CldEventTypeCleaned =
  | 'Request'
  | 'Assessment'
  | 'Service'
  | 'Review'
  | 'Invalid and not mapped';

/**
 * `Event_Type_Cleaned` (reference e.6 step 1): the raw type contains "service" → `Service`;
 * else "assessment"; else "request"; else "review" (case-insensitive, in that order);
 * anything else, NULL included, → `Invalid and not mapped`.
 *
 * @example
 * ```ts
 * import { cleanEventType } from 'la-assurance/client-level-data';
 *
 * cleanEventType('Service (LTS)'); // 'Service'
 * ```
 */
export function cleanEventType(raw: string | null): CldEventTypeCleaned {
  if (raw === null) return INVALID_AND_NOT_MAPPED;
  switch (raw) {
    // The common spellings first: no lower-casing on the hot path.
    case 'Service':
    case 'Request':
    case 'Assessment':
    case 'Review':
      return raw;
  }
  const lower = raw.toLowerCase();
  if (lower.includes('service')) return 'Service';
  if (lower.includes('assessment')) return 'Assessment';
  if (lower.includes('request')) return 'Request';
  if (lower.includes('review')) return 'Review';
  return INVALID_AND_NOT_MAPPED;
}

/**
 * `Review_Type` (reference c.2, d.4 step 5). For a review (raw `Event_Type = 'Review'`,
 * case-insensitive, trailing spaces ignored): the cleaned review reason starting
 * `Unplanned` → `Unplanned`; `Planned` → `Planned review of long term support`; exactly
 * `Review of short term support` → itself; NULL or empty → `null`; anything else (including
 * `Invalid and not mapped`) → `Review Type Unknown`. An event type that contains "review"
 * but is not exactly `Review` → `Review Type Unknown`; other events → `null`.
 *
 * @example
 * ```ts
 * import { reviewType } from 'la-assurance/client-level-data';
 *
 * reviewType('Review', 'Planned: Scheduled'); // 'Planned review of long term support'
 * reviewType('Service', null); // null
 * ```
 */
export function reviewType(
  eventTypeRaw: string | null,
  reviewReasonCleaned: string | null,
): string | null {
  if (eventTypeRaw === null) return null;
  const type = sqlCollationKey(eventTypeRaw);
  if (type !== 'review') return type.includes('review') ? 'Review Type Unknown' : null;
  if (reviewReasonCleaned === null || reviewReasonCleaned === '') return null;
  const reason = sqlCollationKey(reviewReasonCleaned);
  if (reason.startsWith('unplanned')) return 'Unplanned';
  if (reason.startsWith('planned')) return 'Planned review of long term support';
  if (reason === 'review of short term support') return 'Review of short term support';
  return 'Review Type Unknown';
}

/**
 * `Der_Age_Band` (reference d.5 step 4, `lists/age_bands.csv`); `Unknown` for a NULL age.
 *
 * @example
 * ```ts
 * import { ageBand } from 'la-assurance/client-level-data';
 *
 * ageBand(70); // '65 to 74'
 * ```
 */
export function ageBand(age: number | null): CldAgeBand {
  if (age === null) return 'Unknown';
  if (age < 18) return 'Under 18';
  if (age <= 24) return '18 to 24';
  if (age <= 44) return '25 to 44';
  if (age <= 64) return '45 to 64';
  if (age <= 74) return '65 to 74';
  if (age <= 84) return '75 to 84';
  if (age <= 94) return '85 to 94';
  return '95 and above';
}

/**
 * `Der_Working_Age_Band` (reference d.5 step 5); `Unknown` for a NULL age.
 *
 * @example
 * ```ts
 * import { workingAgeBand } from 'la-assurance/client-level-data';
 *
 * workingAgeBand(64); // '18 to 64'
 * ```
 */
export function workingAgeBand(age: number | null): CldWorkingAgeBand {
  if (age === null) return 'Unknown';
  if (age < 18) return 'Under 18';
  return age <= 64 ? '18 to 64' : '65 and above';
}
