// ASCOF 3D: self-directed support and direct payments, clients (1a, 2a) and carers (1b, 2b).
// Reference e.5; DHSC ASCOF_measures/Create_ASCOF_3D_2425_Onwards.sql (provisional method).
import type { PersonFacts } from './person-details.js';
import { NO_CODE, byCode, knownCode, knownCodes, type AscofTable } from './rows.js';
import { NO_DAY } from '../slots.js';
import { sqlAgeFromDays, sqlCollationKey } from '../sql.js';
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
} from './values.js';

const C_SERVICE_USER = knownCode(CLIENT_TYPE.serviceUser);
const LTS = knownCodes(LONG_TERM_SERVICE_TYPES);
const C_COMMUNITY = knownCode(SERVICE_TYPE.community);
const C_PRISON = knownCode(SERVICE_TYPE.prison);
const C_DIRECT_TO_CARER = knownCode(SERVICE_TYPE.directToCarer);
const C_INVOLVING = knownCode(SERVICE_TYPE.involvingCaredFor);
const C_DP = knownCode(DELIVERY_MECHANISM.directPayment);
const C_MANAGED = knownCode(DELIVERY_MECHANISM.managedBudget);
const C_COMMISSIONED = knownCode(DELIVERY_MECHANISM.commissioned);
const ALL_DM = knownCodes(Object.values(DELIVERY_MECHANISM));
const C_COMPONENT_DP = knownCode(COMPONENT_DIRECT_PAYMENT);
const C_IA = knownCode(OUTCOME.informationAndAdvice);
const C_ASSESSMENT = knownCode('Assessment');
const C_REVIEW = knownCode('Review');
const C_REQUEST = knownCode('Request');
/** The blanked delivery mechanism `''`. */
const C_BLANK = knownCode('');
const CARER_TYPES = knownCodes(ASCOF_3D_CARER_CLIENT_TYPES);
/** (service type, DM) → hierarchy, joined on TRIM()med values as the SQL does. */
const SETTING = new Map(
  ASCOF_3D_CLIENT_SETTING_HIERARCHY.map(
    ([t, dm, h]) => [`${sqlCollationKey(t)}\u0000${sqlCollationKey(dm)}`, h] as const,
  ),
);
const SETTING_VALUES = new Set(
  ASCOF_3D_CLIENT_SETTING_HIERARCHY.flatMap(([t, dm]) => [sqlCollationKey(t), sqlCollationKey(dm)]),
);
const KEY_OF_CODE = new Map([...SETTING_VALUES].map((k) => [knownCode(k), k] as const));
/** The listed value a key TRIM()s to, as a code; `NO_CODE` when it trims to an unlisted value. */
const trimmedCode = (key: string): number => {
  const trimmed = key.trim();
  return SETTING_VALUES.has(trimmed) ? knownCode(trimmed) : NO_CODE;
};
/** The setting hierarchy of trimmed (service type, DM) codes. */
function settingOf(type: number, dm: number): number | undefined {
  if (type === NO_CODE || dm === NO_CODE) return undefined;
  return SETTING.get(`${KEY_OF_CODE.get(type)}\u0000${KEY_OF_CODE.get(dm)}`);
}

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
  birthDay: number,
  day: number,
): '18 to 64' | '65 and above' | 'Unknown' | 'Under 18' {
  if (birthDay === NO_DAY) return 'Unknown';
  const age = sqlAgeFromDays(birthDay, day);
  return age < 18 ? 'Under 18' : age <= 64 ? '18 to 64' : '65 and above';
}

/**
 * 3D clients, a snapshot at E (reference e.5): long-term services of service users open on
 * E; DM := `Direct payment` when the component is; DM blanked unless Community/Prison with a
 * listed DM; one setting per person by the minimum hierarchy.
 */
export function ascof3DClients(
  table: AscofTable,
  facts: PersonFacts,
  endDay: number,
): Ascof3DClient[] {
  const out: Ascof3DClient[] = [];
  const t = table;
  const trimmed = byCode(t, trimmedCode);
  const ranked: { hierarchy: number; slot: number; dm: number }[] = [];
  for (let p = 0; p < t.personIds.length; p++) {
    const deathDay = facts.deathDay[p]!;
    // Death before E removes every row of the person.
    if (deathDay !== NO_DAY && deathDay < endDay) continue;
    let min = Infinity;
    ranked.length = 0;
    for (let s = t.first[p]!; s < t.first[p + 1]!; s++) {
      const type = t.serviceType[s]!;
      if (!LTS.has(type) || t.clientType[s] !== C_SERVICE_USER) continue;
      const start = t.start[s]!;
      const end = t.end[s]!;
      if (start === NO_DAY || start > endDay) continue;
      if (end !== NO_DAY && (end < start || end < endDay)) continue;
      const componentDp = t.component[s] === C_COMPONENT_DP;
      let dm = componentDp ? C_DP : t.deliveryMechanism[s]!;
      const listed = dm !== NO_CODE && settingOf(trimmed(type), trimmed(dm)) !== undefined;
      dm = listed && (type === C_COMMUNITY || type === C_PRISON) ? dm : C_BLANK;
      const hierarchy =
        type === C_COMMUNITY && componentDp ? 3 : settingOf(trimmed(type), trimmed(dm));
      if (hierarchy === undefined) continue;
      ranked.push({ hierarchy, slot: s, dm });
      if (hierarchy < min) min = hierarchy;
    }
    if (ranked.length === 0) continue;
    const band = bandAt(facts.birthDay[p]!, endDay);
    if (band === 'Under 18') continue;
    let community = false;
    let selfDirected = false;
    let directPayment = false;
    let unknown = false;
    for (const { hierarchy, slot, dm } of ranked) {
      if (hierarchy !== min || t.serviceType[slot] !== C_COMMUNITY) continue;
      community = true;
      const component = t.component[slot]!;
      const dp = dm === C_DP || component === C_COMPONENT_DP;
      if (dp) directPayment = true;
      if (dp || dm === C_MANAGED) selfDirected = true;
      if (dm === C_BLANK && component !== C_COMPONENT_DP) unknown = true;
    }
    out.push({
      person: t.personIds[p]!,
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
function carerSupport(t: AscofTable, s: number): CarerSupportProvided | null {
  const dm = t.deliveryMechanism[s]!;
  const component = t.component[s]!;
  const type = t.serviceType[s]!;
  const notDpComponent = component !== NO_CODE && component !== C_COMPONENT_DP;
  if (type === C_DIRECT_TO_CARER) {
    if (dm === C_DP || component === C_COMPONENT_DP) return CARER_SUPPORT.directPayment;
    if (dm === C_MANAGED && notDpComponent) return CARER_SUPPORT.managedBudget;
    if (dm === C_COMMISSIONED && notDpComponent) return CARER_SUPPORT.commissioned;
    // `DM NOT IN (…)` is false for NULL; the next rule takes a NULL DM.
    if (dm !== NO_CODE && !ALL_DM.has(dm) && notDpComponent)
      return CARER_SUPPORT.unknownDeliveryMechanism;
    if (dm === NO_CODE && notDpComponent) return CARER_SUPPORT.unknownDeliveryMechanism;
  }
  if (type === C_INVOLVING) return CARER_SUPPORT.noDirectSupport;
  // Event_Outcome is COALESCEd to `Invalid and not mapped`, so it is never NULL here (nor IA).
  const eventType = t.eventType[s]!;
  if (eventType === C_ASSESSMENT || eventType === C_REVIEW)
    return t.outcome[s] === C_IA
      ? CARER_SUPPORT.informationAndAdvice
      : CARER_SUPPORT.noDirectSupport;
  if (eventType === C_REQUEST) return CARER_SUPPORT.informationAndAdvice;
  return null;
}

function inCarerCohort(t: AscofTable, s: number, startDay: number, endDay: number): boolean {
  if (!CARER_TYPES.has(t.clientType[s]!)) return false;
  const start = t.start[s]!;
  const end = t.end[s]!;
  if (start === NO_DAY || start > endDay) return false;
  if (end !== NO_DAY && (end < startDay || end < start)) return false;
  const type = t.serviceType[s]!;
  const eventType = t.eventType[s]!;
  return (
    (type === NO_CODE && t.outcome[s] === C_IA) ||
    type === C_DIRECT_TO_CARER ||
    type === C_INVOLVING ||
    ((eventType === C_ASSESSMENT || eventType === C_REVIEW) && type === NO_CODE)
  );
}

/** 3D carers in the year (reference e.5): one support category per carer, the minimum hierarchy. */
export function ascof3DCarers(
  table: AscofTable,
  facts: PersonFacts,
  startDay: number,
  endDay: number,
): Ascof3DCarer[] {
  const out: Ascof3DCarer[] = [];
  const t = table;
  for (let p = 0; p < t.personIds.length; p++) {
    const deathDay = facts.deathDay[p]!;
    if (deathDay !== NO_DAY && deathDay < startDay) continue;
    let best: CarerSupportProvided | null = null;
    for (let s = t.first[p]!; s < t.first[p + 1]!; s++) {
      if (!inCarerCohort(t, s, startDay, endDay)) continue;
      const support = carerSupport(t, s);
      if (
        support !== null &&
        (best === null || CARER_SUPPORT_HIERARCHY[support] < CARER_SUPPORT_HIERARCHY[best])
      )
        best = support;
    }
    if (best === null) continue;
    const band = bandAt(facts.birthDay[p]!, endDay);
    if (band === 'Under 18') continue;
    out.push({ person: t.personIds[p]!, band, support: best });
  }
  return out;
}
