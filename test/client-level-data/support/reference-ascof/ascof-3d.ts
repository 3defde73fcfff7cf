// Plain reference version (test oracle), copied from src/client-level-data/ascof/ascof-3d.ts before
// the columnar fast path; ascof/fast-vs-plain.properties.test.ts compares the two.
// ASCOF 3D: self-directed support and direct payments, clients (1a, 2a) and carers (1b, 2b).
// Reference e.5; DHSC ASCOF_measures/Create_ASCOF_3D_2425_Onwards.sql (provisional method).
import type { PersonFacts } from './person-details.js';
import type { AscofRow, AscofTable } from './rows.js';
import {
  sqlKeySet,
  sqlAgeFromDays,
  sqlCollationKey,
  sqlNotIn,
} from '../../../../src/client-level-data/sql.js';
import {
  ASCOF_3D_CARER_CLIENT_TYPES,
  ASCOF_3D_CLIENT_SETTING_HIERARCHY,
  CARER_SUPPORT,
  CARER_SUPPORT_HIERARCHY,
  CLIENT_TYPE,
  COMPONENT_DIRECT_PAYMENT,
  DELIVERY_MECHANISM,
  LONG_TERM_SERVICE_TYPES,
  OUTCOME,
  SERVICE_TYPE,
  type CarerSupportProvided,
} from '../../../../src/client-level-data/ascof/values.js';

const K_SERVICE_USER = sqlCollationKey(CLIENT_TYPE.serviceUser);
const LTS = sqlKeySet(LONG_TERM_SERVICE_TYPES);
const K_COMMUNITY = sqlCollationKey(SERVICE_TYPE.community);
const K_PRISON = sqlCollationKey(SERVICE_TYPE.prison);
const K_DIRECT_TO_CARER = sqlCollationKey(SERVICE_TYPE.directToCarer);
const K_INVOLVING = sqlCollationKey(SERVICE_TYPE.involvingCaredFor);
const K_DP = sqlCollationKey(DELIVERY_MECHANISM.directPayment);
const K_MANAGED = sqlCollationKey(DELIVERY_MECHANISM.managedBudget);
const K_COMMISSIONED = sqlCollationKey(DELIVERY_MECHANISM.commissioned);
const ALL_DM = sqlKeySet(Object.values(DELIVERY_MECHANISM));
const K_COMPONENT_DP = sqlCollationKey(COMPONENT_DIRECT_PAYMENT);
const K_IA = sqlCollationKey(OUTCOME.informationAndAdvice);
const K_ASSESSMENT = sqlCollationKey('Assessment');
const K_REVIEW = sqlCollationKey('Review');
const K_REQUEST = sqlCollationKey('Request');
const CARER_TYPES = sqlKeySet(ASCOF_3D_CARER_CLIENT_TYPES);
/** (service type, DM) → hierarchy, joined on TRIM()med values as the SQL does. */
const SETTING = new Map(
  ASCOF_3D_CLIENT_SETTING_HIERARCHY.map(
    ([t, dm, h]) => [`${sqlCollationKey(t)}\u0000${sqlCollationKey(dm)}`, h] as const,
  ),
);

/** A 3D client at the snapshot: their top-ranked setting. */
export interface Ascof3DClient {
  readonly person: string;
  readonly band: '18 to 64' | '65 and above' | 'Unknown';
  readonly community: boolean;
  readonly selfDirected: boolean;
  readonly directPayment: boolean;
  readonly unknownDeliveryMechanism: boolean;
}

/** A 3D carer in the year: their top-ranked support category. */
export interface Ascof3DCarer {
  readonly person: string;
  readonly band: '18 to 64' | '65 and above' | 'Unknown';
  readonly support: CarerSupportProvided;
}

function bandAt(
  f: PersonFacts | undefined,
  day: number,
): '18 to 64' | '65 and above' | 'Unknown' | 'Under 18' {
  if (f?.birthDay == null) return 'Unknown';
  const age = sqlAgeFromDays(f.birthDay, day);
  return age < 18 ? 'Under 18' : age <= 64 ? '18 to 64' : '65 and above';
}

/**
 * 3D clients, a snapshot at E (reference e.5): long-term services of service users open on
 * E; DM := `Direct payment` when the component is; DM blanked unless Community/Prison with a
 * listed DM; one setting per person by the minimum hierarchy.
 */
export function ascof3DClients(
  table: AscofTable,
  facts: ReadonlyMap<string, PersonFacts>,
  endDay: number,
): Ascof3DClient[] {
  const out: Ascof3DClient[] = [];
  for (const [person, rows] of table.persons) {
    const f = facts.get(person);
    let min = Infinity;
    const ranked: { hierarchy: number; row: AscofRow; dm: string }[] = [];
    for (const r of rows) {
      if (r.serviceType === null || !LTS.has(r.serviceType) || r.clientType !== K_SERVICE_USER)
        continue;
      if (r.start === null || r.start > endDay) continue;
      if (r.end !== null && (r.end < r.start || r.end < endDay)) continue;
      if (f?.deathDay != null && f.deathDay < endDay) continue;
      const componentDp = r.component === K_COMPONENT_DP;
      let dm = componentDp ? K_DP : r.deliveryMechanism;
      const trimmed = dm === null ? null : dm.trim();
      const listed = trimmed !== null && SETTING.has(`${r.serviceType.trim()}\u0000${trimmed}`);
      dm = listed && (r.serviceType === K_COMMUNITY || r.serviceType === K_PRISON) ? dm : '';
      const hierarchy =
        r.serviceType === K_COMMUNITY && componentDp
          ? 3
          : SETTING.get(`${r.serviceType.trim()}\u0000${dm!.trim()}`);
      if (hierarchy === undefined) continue;
      ranked.push({ hierarchy, row: r, dm: dm! });
      if (hierarchy < min) min = hierarchy;
    }
    if (ranked.length === 0) continue;
    const band = bandAt(f, endDay);
    if (band === 'Under 18') continue;
    let community = false;
    let selfDirected = false;
    let directPayment = false;
    let unknown = false;
    for (const { hierarchy, row, dm } of ranked) {
      if (hierarchy !== min || row.serviceType !== K_COMMUNITY) continue;
      community = true;
      const dp = dm === K_DP || row.component === K_COMPONENT_DP;
      if (dp) directPayment = true;
      if (dp || dm === K_MANAGED) selfDirected = true;
      if (dm === '' && (row.component === null || row.component !== K_COMPONENT_DP)) unknown = true;
    }
    out.push({
      person,
      band,
      community,
      selfDirected,
      directPayment,
      unknownDeliveryMechanism: unknown,
    });
  }
  return out;
}

/**
 * The support category of one carer row (reference e.5 step 2), the first rule that
 * matches; `null` when none does. Reproduces the T-SQL NULL quirk: the direct-to-carer rules
 * after the first need `component NOT LIKE 'Direct payment'`, false for a NULL component,
 * and `DM NOT IN (…)` is false for a NULL DM.
 */
function carerSupport(r: AscofRow): CarerSupportProvided | null {
  const dm = r.deliveryMechanism;
  const notDpComponent = r.component !== null && r.component !== K_COMPONENT_DP;
  if (r.serviceType === K_DIRECT_TO_CARER) {
    if (dm === K_DP || r.component === K_COMPONENT_DP) return CARER_SUPPORT.directPayment;
    if (dm === K_MANAGED && notDpComponent) return CARER_SUPPORT.managedBudget;
    if (dm === K_COMMISSIONED && notDpComponent) return CARER_SUPPORT.commissioned;
    if (sqlNotIn(dm, ALL_DM) && notDpComponent) return CARER_SUPPORT.unknownDeliveryMechanism;
    if (dm === null && notDpComponent) return CARER_SUPPORT.unknownDeliveryMechanism;
  }
  if (r.serviceType === K_INVOLVING) return CARER_SUPPORT.noDirectSupport;
  // Event_Outcome is COALESCEd to `Invalid and not mapped`, so it is never NULL here.
  const outcome = r.outcome ?? sqlCollationKey('Invalid and not mapped');
  if (r.eventType === K_ASSESSMENT || r.eventType === K_REVIEW)
    return outcome === K_IA ? CARER_SUPPORT.informationAndAdvice : CARER_SUPPORT.noDirectSupport;
  if (r.eventType === K_REQUEST) return CARER_SUPPORT.informationAndAdvice;
  return null;
}

function inCarerCohort(r: AscofRow, startDay: number, endDay: number): boolean {
  if (r.clientType === null || !CARER_TYPES.has(r.clientType)) return false;
  if (r.start === null || r.start > endDay) return false;
  if (r.end !== null && (r.end < startDay || r.end < r.start)) return false;
  const t = r.serviceType;
  return (
    (t === null && r.outcome === K_IA) ||
    t === K_DIRECT_TO_CARER ||
    t === K_INVOLVING ||
    ((r.eventType === K_ASSESSMENT || r.eventType === K_REVIEW) && t === null)
  );
}

/** 3D carers in the year (reference e.5): one support category per carer, the minimum hierarchy. */
export function ascof3DCarers(
  table: AscofTable,
  facts: ReadonlyMap<string, PersonFacts>,
  startDay: number,
  endDay: number,
): Ascof3DCarer[] {
  const out: Ascof3DCarer[] = [];
  for (const [person, rows] of table.persons) {
    const f = facts.get(person);
    if (f?.deathDay != null && f.deathDay < startDay) continue;
    let best: CarerSupportProvided | null = null;
    for (const r of rows) {
      if (!inCarerCohort(r, startDay, endDay)) continue;
      const support = carerSupport(r);
      if (
        support !== null &&
        (best === null || CARER_SUPPORT_HIERARCHY[support] < CARER_SUPPORT_HIERARCHY[best])
      )
        best = support;
    }
    if (best === null) continue;
    const band = bandAt(f, endDay);
    if (band === 'Under 18') continue;
    out.push({ person, band, support: best });
  }
  return out;
}
