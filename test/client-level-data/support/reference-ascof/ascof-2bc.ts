// Plain reference version (test oracle), copied from src/client-level-data/ascof/ascof-2bc.ts before
// the columnar fast path; ascof/fast-vs-plain.properties.test.ts compares the two.
// ASCOF 2B / 2C: long-term support needs met by admission to residential or nursing care.
// Reference e.2; DHSC ASCOF_measures/Create_ASCOF_2B2C_2425_Onwards.sql (provisional method).
import type { PersonFacts } from './person-details.js';
import type { AscofTable } from './rows.js';
import { sqlAgeFromDays, sqlCollationKey } from '../../../../src/client-level-data/sql.js';
import {
  CLIENT_TYPE,
  OUTCOME,
  SERVICE_TYPE,
} from '../../../../src/client-level-data/ascof/values.js';

const K_SERVICE = sqlCollationKey('Service');
const K_SERVICE_USER = sqlCollationKey(CLIENT_TYPE.serviceUser);
const K_RESIDENTIAL = sqlCollationKey(SERVICE_TYPE.residential);
const K_NURSING = sqlCollationKey(SERVICE_TYPE.nursing);
const K_SELF_FUNDED = sqlCollationKey(OUTCOME.selfFunded);

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
  facts: ReadonlyMap<string, PersonFacts>,
  startDay: number,
  endDay: number,
): NewAdmissions {
  const working: string[] = [];
  const older: string[] = [];
  for (const [person, rows] of table.persons) {
    const f = facts.get(person);
    if (f?.birthDay == null) continue;
    if (f.deathDay !== null && f.deathDay < startDay) continue;
    const build = rows.filter((r) => {
      if (r.eventType !== K_SERVICE || r.clientType !== K_SERVICE_USER) return false;
      if (r.serviceType !== K_RESIDENTIAL && r.serviceType !== K_NURSING) return false;
      const c = r.component;
      const residentialOrNursing = c === null || c.includes('residential') || c.includes('nursing');
      const notShort = c !== null && !c.includes('short');
      return residentialOrNursing && notShort;
    });
    if (build.length === 0) continue;
    let band: '18 to 64' | '65 and above' | null = null;
    for (const a of build) {
      if (a.start === null || a.start < startDay || a.start > endDay) continue;
      if (a.outcome !== null && a.outcome === K_SELF_FUNDED) continue;
      const admission = a.start;
      const existing = build.some(
        (b) =>
          b.start !== null && b.start < admission && (b.end === null || admission - b.end < 365),
      );
      if (existing) continue;
      const age = sqlAgeFromDays(f.birthDay, admission);
      if (age < 18) continue;
      const ageBand = age <= 64 ? '18 to 64' : '65 and above';
      if (band === null || ageBand < band) band = ageBand;
    }
    if (band === '18 to 64') working.push(person);
    else if (band === '65 and above') older.push(person);
  }
  return { '18 to 64': working.sort(), '65 and above': older.sort() };
}
