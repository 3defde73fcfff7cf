// ASCOF 2E (and 2E LD): people receiving long-term support who live in their own home or with family.
// Reference e.4; DHSC ASCOF_measures/Create_ASCOF_2E_2425_Onwards.sql (provisional method).
import { detailsFor2E, type PersonFacts } from './person-details.js';
import { knownCode, knownCodes, type AscofTable } from './rows.js';
import { NO_DAY } from '../slots.js';
import { OPEN_END, keyMap, sqlKeySet, sqlAgeFromDays } from '../sql.js';
import {
  ACCOMMODATION_STATUS_GROUP,
  CLIENT_TYPE,
  INFERRED_ACCOMMODATION,
  LONG_TERM_SERVICE_TYPES,
  PSR_LEARNING_DISABILITY,
} from './values.js';

const C_SERVICE = knownCode('Service');
const C_SERVICE_USER = knownCode(CLIENT_TYPE.serviceUser);
const LTS = knownCodes(LONG_TERM_SERVICE_TYPES);
const GROUP = keyMap(ACCOMMODATION_STATUS_GROUP);
const C_LD = knownCode(PSR_LEARNING_DISABILITY);
const C_MALE = knownCode('Male');
const C_FEMALE = knownCode('Female');
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
  /** Primary support reason `Learning Disability Support` (the 2E LD cohort is these people aged 18–64). */
  readonly learningDisability: boolean;
}

/** A long-term service of a service user overlapping [S, E]: its end capped at E (open = 9999-01-01), else -Infinity. */
function cappedEndInCohort(t: AscofTable, s: number, startDay: number, endDay: number): number {
  if (t.clientType[s] !== C_SERVICE_USER || t.eventType[s] !== C_SERVICE) return -Infinity;
  const start = t.start[s]!;
  if (!LTS.has(t.serviceType[s]!) || start === NO_DAY) return -Infinity;
  const end = t.end[s]!;
  if (end !== NO_DAY && end < start) return -Infinity;
  if (!(start <= endDay && (end === NO_DAY || end >= startDay))) return -Infinity;
  return Math.min(end === NO_DAY ? OPEN_END : end, endDay);
}

/**
 * The 2E cohort (reference e.4): persons with a long-term service overlapping [S, E], not
 * dead before S, aged ≥ 18 (or of unknown age) at the latest of their service ends capped at
 * E. The LD variant's cohort is the part of it with PSR `Learning Disability Support` aged
 * 18–64 ({@link ascof2ELearningDisability}): the same tests and more.
 */
export function ascof2ECohort(
  table: AscofTable,
  facts: PersonFacts,
  startDay: number,
  endDay: number,
): Ascof2EPerson[] {
  const out: Ascof2EPerson[] = [];
  const t = table;
  const detailsOf = detailsFor2E(t);
  for (let p = 0; p < t.personIds.length; p++) {
    let cappedEnd = -Infinity;
    for (let s = t.first[p]!; s < t.first[p + 1]!; s++) {
      const capped = cappedEndInCohort(t, s, startDay, endDay);
      if (capped > cappedEnd) cappedEnd = capped;
    }
    if (cappedEnd === -Infinity) continue;
    const deathDay = facts.deathDay[p]!;
    if (deathDay !== NO_DAY && deathDay < startDay) continue;
    const birthDay = facts.birthDay[p]!;
    const age = birthDay === NO_DAY ? null : sqlAgeFromDays(birthDay, cappedEnd);
    if (age !== null && age < 18) continue;
    const band = age === null ? 'Unknown' : age <= 64 ? '18 to 64' : '65 and above';
    const details = detailsOf(p);
    const accommodation = t.keyOf(t.code(details.accommodation));
    const group = GROUP.get(accommodation);
    const gender = t.code(details.gender);
    out.push({
      person: t.personIds[p]!,
      band,
      sex: gender === C_MALE ? 'Male' : gender === C_FEMALE ? 'Female' : null,
      settled: group === 1,
      unknownAccommodation: group === undefined || UNKNOWN_ACCOMMODATION.has(accommodation),
      learningDisability: t.code(details.primarySupportReason) === C_LD,
    });
  }
  return out;
}

/** The 2E LD cohort (reference e.4): PSR `Learning Disability Support`, aged 18–64. */
export function ascof2ELearningDisability(cohort: readonly Ascof2EPerson[]): Ascof2EPerson[] {
  return cohort.filter((p) => p.learningDisability && p.band === '18 to 64');
}
