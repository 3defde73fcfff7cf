import type {
  CareSetting,
  EthnicGroup,
  PrimarySupportReason,
} from '../case-tracking/case-record.js';

// Published labels as councils' systems write them, mapped to the case record's ids. The
// primary support reason and ethnicity labels are the Client Level Data (CLD) defined
// lists in their Release 1 and Release 2 spellings (source: DHSC ASC-CLD-LA-Dashboard
// reference tables, as collected in shared/domain/client-level-data/lists/
// primary_support_reason.csv and ethnicity.csv; a test reads copies of those files and
// checks every label is here). Matching folds case and punctuation, so the R1 form
// "Asian or Asian British - Pakistani" and the R2 form "Asian or Asian British: Pakistani"
// are one key. Each table also accepts the library's own ids.

/**
 * Label → id pairs; several labels per id.
 */
export type LabelTable<Id extends string> = readonly (readonly [label: string, id: Id])[];

/**
 * CLD primary support reasons (R1 and R2 spellings, and the SALT group names) to the
 * SALT categories of the case record. `Unknown` is left out on purpose: a case record
 * needs a reason, so a row saying Unknown is rejected with that explanation.
 *
 * @example
 * ```ts
 * import { PRIMARY_SUPPORT_REASON_LABELS } from 'la-assurance/intake';
 *
 * PRIMARY_SUPPORT_REASON_LABELS.find(([label]) => label === 'Learning Disability Support')?.[1]; // 'learning-disability-support'
 * ```
 */
export const PRIMARY_SUPPORT_REASON_LABELS: LabelTable<PrimarySupportReason> = [
  ['Physical Support: Access & mobility only', 'physical-support'],
  ['Physical support: Access and mobility only', 'physical-support'],
  ['Physical Support: Personal care support', 'physical-support'],
  ['Physical Support', 'physical-support'],
  ['Sensory Support: Support for visual impairment', 'sensory-support'],
  ['Sensory Support: Support for hearing impairment', 'sensory-support'],
  ['Sensory Support: Support for dual impairment', 'sensory-support'],
  ['Sensory Support', 'sensory-support'],
  ['Support with Memory & Cognition', 'support-with-memory-and-cognition'],
  ['Learning Disability Support', 'learning-disability-support'],
  ['Mental Health Support', 'mental-health-support'],
  ['Social Support: Substance misuse support', 'social-support'],
  ['Social Support: Asylum seeker support', 'social-support'],
  ['Social Support: Support for Social Isolation/Other', 'social-support'],
  ['Social support: Support for social isolation or other', 'social-support'],
  ['Social Support: Support to Carer', 'social-support'],
  ['Social support: Support to unpaid carer', 'social-support'],
  ['Social Support', 'social-support'],
];

/**
 * CLD ethnicity labels (R2 `Group: detail`, R1 `Group - detail`, and the group names) to
 * the ONS high-level groups of the case record; "No data" (refused, undeclared or not
 * known) is `not-stated`. The 2021 Census group names are accepted too.
 *
 * @example
 * ```ts
 * import { ETHNICITY_LABELS } from 'la-assurance/intake';
 *
 * ETHNICITY_LABELS.find(([label]) => label === 'White: Irish')?.[1]; // 'white'
 * ```
 */
export const ETHNICITY_LABELS: LabelTable<EthnicGroup> = [
  ['Asian or Asian British: Any other Asian background', 'asian'],
  ['Asian or Asian British: Bangladeshi', 'asian'],
  ['Asian or Asian British: Chinese', 'asian'],
  ['Asian or Asian British: Indian', 'asian'],
  ['Asian or Asian British: Pakistani', 'asian'],
  ['Asian or Asian British', 'asian'],
  ['Asian, Asian British or Asian Welsh', 'asian'],
  ['Black, Black British, Caribbean or African: African', 'black'],
  [
    'Black, Black British, Caribbean or African: Any other Black, Black British or Caribbean background',
    'black',
  ],
  ['Black, Black British, Caribbean or African: Caribbean', 'black'],
  ['Black, Black British, Caribbean or African', 'black'],
  ['Black, Black British, Black Welsh, Caribbean or African', 'black'],
  ['Mixed or multiple ethnic groups: Any other Mixed or multiple ethnic background', 'mixed'],
  ['Mixed or multiple ethnic groups: White and Asian', 'mixed'],
  ['Mixed or multiple ethnic groups: White and Black African', 'mixed'],
  ['Mixed or multiple ethnic groups: White and Black Caribbean', 'mixed'],
  ['Mixed or multiple ethnic groups', 'mixed'],
  ['No data: Refused', 'not-stated'],
  ['No data: Undeclared or not known', 'not-stated'],
  ['No data', 'not-stated'],
  ['Not stated', 'not-stated'],
  ['Other ethnic group: Any other ethnic group', 'other'],
  ['Other ethnic group: Arab', 'other'],
  ['Other ethnic group', 'other'],
  ['White: Any other White background', 'white'],
  ['White: English, Welsh, Scottish, Northern Irish or British', 'white'],
  ['White: Gypsy or Irish Traveller', 'white'],
  ['White: Irish', 'white'],
  ['White: Roma', 'white'],
  ['White', 'white'],
];

/**
 * Care settings as people write them, and the CLD long-term service types (R2 and R1
 * spellings, `service_type.csv`). Prison and short-term support have no setting in the
 * case record and are rejected with that explanation.
 *
 * @example
 * ```ts
 * import { CARE_SETTING_LABELS } from 'la-assurance/intake';
 *
 * CARE_SETTING_LABELS.find(([label]) => label === 'Long term support: Nursing care')?.[1]; // 'nursing'
 * ```
 */
export const CARE_SETTING_LABELS: LabelTable<CareSetting> = [
  ['Community', 'community'],
  ['Community based', 'community'],
  ['Living at home', 'community'],
  ['Residential', 'residential'],
  ['Residential care', 'residential'],
  ['Care home', 'residential'],
  ['Nursing', 'nursing'],
  ['Nursing care', 'nursing'],
  ['Nursing home', 'nursing'],
  ['Long term support: Community', 'community'],
  ['Long term support: Residential care', 'residential'],
  ['Long term support: Nursing care', 'nursing'],
];

/** Labels that are known but have no id in the case record, with why. */
export const LABELS_WITHOUT_ID: Readonly<Record<string, readonly string[]>> = {
  primarySupportReason: ['Unknown', 'Invalid and not mapped'],
  ethnicity: ['Invalid and not mapped'],
  setting: [
    'Long term support: Prison',
    'Short term support: ST-Max',
    'Short term support: Ongoing low level',
    'Short term support: Other short term',
  ],
};
