// Plain reference version (test oracle), copied from src/client-level-data/ascof/ascof-2e.ts before
// the columnar fast path; ascof/fast-vs-plain.properties.test.ts compares the two.
// ASCOF 2E (and 2E LD): people receiving long-term support who live in their own home or with family.
// Reference e.4; DHSC ASCOF_measures/Create_ASCOF_2E_2425_Onwards.sql (provisional method).
import type { PersonFacts } from './person-details.js';
import type { AscofRow, AscofTable } from './rows.js';
import {
  OPEN_END,
  keyMap,
  sqlKeySet,
  sqlAgeFromDays,
  sqlCollationKey,
} from '../../../../src/client-level-data/sql.js';
import {
  ACCOMMODATION_STATUS_GROUP,
  CLIENT_TYPE,
  INFERRED_ACCOMMODATION,
  LONG_TERM_SERVICE_TYPES,
  PSR_LEARNING_DISABILITY,
} from '../../../../src/client-level-data/ascof/values.js';

const K_SERVICE = sqlCollationKey('Service');
const K_SERVICE_USER = sqlCollationKey(CLIENT_TYPE.serviceUser);
const LTS = sqlKeySet(LONG_TERM_SERVICE_TYPES);
const GROUP = keyMap(ACCOMMODATION_STATUS_GROUP);
const K_LD = sqlCollationKey(PSR_LEARNING_DISABILITY);
const K_MALE = sqlCollationKey('Male');
const K_FEMALE = sqlCollationKey('Female');
/** The 2E "unknown" count: `Unknown` and both derived `Unknown: …` values, besides values outside the list. */
const UNKNOWN_ACCOMMODATION = sqlKeySet([
  INFERRED_ACCOMMODATION.unknown,
  INFERRED_ACCOMMODATION.presumedAtHome,
  INFERRED_ACCOMMODATION.presumedInCommunity,
]);

/** One person of the 2E cohort. */
export interface Ascof2EPerson {
  readonly person: string;
  readonly band: '18 to 64' | '65 and above' | 'Unknown';
  readonly sex: 'Male' | 'Female' | null;
  readonly settled: boolean;
  readonly unknownAccommodation: boolean;
}

function inCohort(r: AscofRow, startDay: number, endDay: number): boolean {
  if (r.clientType !== K_SERVICE_USER || r.eventType !== K_SERVICE) return false;
  if (r.serviceType === null || !LTS.has(r.serviceType) || r.start === null) return false;
  if (r.end !== null && r.end < r.start) return false;
  return r.start <= endDay && (r.end === null || r.end >= startDay);
}

/**
 * The 2E cohort (reference e.4): persons with a long-term service overlapping [S, E], not
 * dead before S, aged ≥ 18 (or of unknown age) at the latest of their service ends capped at
 * E; for the LD variant only PSR `Learning Disability Support` aged 18–64.
 */
export function ascof2ECohort(
  table: AscofTable,
  facts: ReadonlyMap<string, PersonFacts>,
  startDay: number,
  endDay: number,
  learningDisability: boolean,
): Ascof2EPerson[] {
  const out: Ascof2EPerson[] = [];
  for (const [person, rows] of table.persons) {
    let cappedEnd = -Infinity;
    for (const r of rows) {
      if (!inCohort(r, startDay, endDay)) continue;
      const end = r.end ?? OPEN_END;
      const capped = Math.min(end, endDay);
      if (capped > cappedEnd) cappedEnd = capped;
    }
    if (cappedEnd === -Infinity) continue;
    const f = facts.get(person);
    if (f === undefined) continue;
    if (f.deathDay !== null && f.deathDay < startDay) continue;
    if (learningDisability && table.key(f.details.Primary_Support_Reason) !== K_LD) continue;
    const age = f.birthDay === null ? null : sqlAgeFromDays(f.birthDay, cappedEnd);
    if (age !== null && age < 18) continue;
    const band = age === null ? 'Unknown' : age <= 64 ? '18 to 64' : '65 and above';
    if (learningDisability && band !== '18 to 64') continue;
    const accommodation = table.key(f.details.Accommodation_Status)!;
    const group = GROUP.get(accommodation);
    const gender = table.key(f.details.Gender);
    out.push({
      person,
      band,
      sex: gender === K_MALE ? 'Male' : gender === K_FEMALE ? 'Female' : null,
      settled: group === 1,
      unknownAccommodation: group === undefined || UNKNOWN_ACCOMMODATION.has(accommodation),
    });
  }
  return out;
}
