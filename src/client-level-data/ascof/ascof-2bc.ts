// ASCOF 2B / 2C: long-term support needs met by admission to residential or nursing care.
// Reference e.2; DHSC ASCOF_measures/Create_ASCOF_2B2C_2425_Onwards.sql (provisional method).
import type { PersonFacts } from './person-details.js';
import { byCode, knownCode, type AscofTable } from './rows.js';
import { NO_DAY } from '../slots.js';
import { sqlAgeFromDays } from '../sql.js';
import { CLIENT_TYPE, OUTCOME, SERVICE_TYPE } from './values.js';

const C_SERVICE = knownCode('Service');
const C_SERVICE_USER = knownCode(CLIENT_TYPE.serviceUser);
const C_RESIDENTIAL = knownCode(SERVICE_TYPE.residential);
const C_NURSING = knownCode(SERVICE_TYPE.nursing);
const C_SELF_FUNDED = knownCode(OUTCOME.selfFunded);

/** The component test on a collation key (see {@link newAdmissions}); NULL fails it. */
function residentialOrNursingComponent(c: string): boolean {
  return (c.includes('residential') || c.includes('nursing')) && !c.includes('short');
}

/** The persons with a new admission in the period, by band (a person with admissions in both bands is in `18 to 64` only). */
export interface NewAdmissions {
  readonly '18 to 64': readonly string[];
  readonly '65 and above': readonly string[];
}

/**
 * New admissions to long-term residential or nursing care starting in [S, E] (reference e.2):
 * - build rows: `Event_Type = 'Service'`, service user, residential/nursing type, a birth
 *   date in person details, no death before S, and (component NULL or containing
 *   `Residential`/`Nursing`) AND component NOT LIKE `%Short%` — which is false for a NULL
 *   component, so NULL-component rows drop out despite the first test (T-SQL NULL semantics);
 * - admissions: build rows starting in [S, E] whose outcome is NULL or not self-funded;
 * - existing: another build row (any outcome, any date) starting before the admission and
 *   ending < 365 days before it, or open;
 * - age at the admission start ≥ 18; the band is the alphabetical minimum per person.
 */
export function newAdmissions(
  table: AscofTable,
  facts: PersonFacts,
  startDay: number,
  endDay: number,
): NewAdmissions {
  const working: string[] = [];
  const older: string[] = [];
  const t = table;
  const componentPasses = byCode(t, residentialOrNursingComponent);
  const build: number[] = [];
  for (let p = 0; p < t.personIds.length; p++) {
    const birthDay = facts.birthDay[p]!;
    if (birthDay === NO_DAY) continue;
    const deathDay = facts.deathDay[p]!;
    if (deathDay !== NO_DAY && deathDay < startDay) continue;
    build.length = 0;
    for (let s = t.first[p]!; s < t.first[p + 1]!; s++) {
      if (t.eventType[s] !== C_SERVICE || t.clientType[s] !== C_SERVICE_USER) continue;
      const type = t.serviceType[s]!;
      if (type !== C_RESIDENTIAL && type !== C_NURSING) continue;
      const c = t.component[s]!;
      // (c NULL or residential/nursing) AND c NOT LIKE '%short%': false for NULL.
      if (c >= 0 && componentPasses(c)) build.push(s);
    }
    if (build.length === 0) continue;
    let band: '18 to 64' | '65 and above' | null = null;
    for (const a of build) {
      const admission = t.start[a]!;
      if (admission === NO_DAY || admission < startDay || admission > endDay) continue;
      if (t.outcome[a] === C_SELF_FUNDED) continue;
      const existing = build.some((b) => {
        const start = t.start[b]!;
        const end = t.end[b]!;
        return start !== NO_DAY && start < admission && (end === NO_DAY || admission - end < 365);
      });
      if (existing) continue;
      const age = sqlAgeFromDays(birthDay, admission);
      if (age < 18) continue;
      const ageBand = age <= 64 ? '18 to 64' : '65 and above';
      if (band === null || ageBand < band) band = ageBand;
    }
    const person = t.personIds[p]!;
    if (band === '18 to 64') working.push(person);
    else if (band === '65 and above') older.push(person);
  }
  return { '18 to 64': working.sort(), '65 and above': older.sort() };
}
