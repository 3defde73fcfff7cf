// The CLD defined lists with the attributes DHSC's and NHS England's methods attach to each
// value, transcribed from the reference's `lists/*.csv` (shared/domain/client-level-data,
// section c). One row per value, in the CSV's order. Where the reference marks a pairing or a
// spelling [inferred] or unverified, the row says so; nothing here is presented as more
// official than its source.

/** `Invalid and not mapped`: DHSC's cleaned value for a raw value its mapping tables cannot map (reference d.4). */
export const INVALID_AND_NOT_MAPPED = 'Invalid and not mapped';

/** `Release 1 specification only: Not mapped`: DHSC's cleaned value for R1-only outcomes (reference a, c.1). */
export const RELEASE_1_ONLY_NOT_MAPPED = 'Release 1 specification only: Not mapped';

/** One event outcome (Release 2) with its group, hierarchy and ASCOF 2A roles. */
export interface CldEventOutcome {
  /** The Release 2 value (or a DHSC cleaning value). */
  readonly value: string;
  /** `Event_Outcome_Grouped` (reference c.1). */
  readonly group: string;
  /** `Event_Outcome_Hierarchy`: 1 = highest priority; `null` for `Invalid and not mapped` (DHSC treats it as 999). */
  readonly hierarchy: number | null;
  /** ASCOF 2A step 1 hierarchy: +100 for the "unusable" outcomes, 999 for invalid (reference e.1). */
  readonly ascof2aHierarchy: number;
  /** Counts in the ASCOF 2A denominator when it is a cluster's final outcome (reference e.1 step 8). */
  readonly ascof2aDenominator: boolean;
  /** Counts in the ASCOF 2A numerator when it is a cluster's final outcome. */
  readonly ascof2aNumerator: boolean;
  /** An "unable to classify" outcome in ASCOF 2A. */
  readonly ascof2aUnableToClassify: boolean;
  /** Whether the value is in the R2 specification (`false`: a DHSC cleaning value). */
  readonly inSpecification: boolean;
}

const outcome = (
  value: string,
  group: string,
  hierarchy: number | null,
  a2: number,
  den: boolean,
  num: boolean,
  unable: boolean,
  inSpecification = true,
): CldEventOutcome => ({
  value,
  group,
  hierarchy,
  ascof2aHierarchy: a2,
  ascof2aDenominator: den,
  ascof2aNumerator: num,
  ascof2aUnableToClassify: unable,
  inSpecification,
});

/** Event outcomes, Release 2, in hierarchy order. Source: `lists/event_outcome_r2.csv` (DHSC `6-deduplication.md`, `Create_ASCOF_2A_2425_Onwards.sql`); complete. */
export const CLD_EVENT_OUTCOMES: readonly CldEventOutcome[] = [
  outcome(
    'Progress to reablement/ST-Max',
    'Progress to reablement/ST-Max',
    1,
    101,
    false,
    false,
    true,
  ),
  outcome(
    'Progress to assessment, review or reassessment',
    'Progress to assessment, review or reassessment',
    2,
    102,
    false,
    false,
    true,
  ),
  outcome(RELEASE_1_ONLY_NOT_MAPPED, RELEASE_1_ONLY_NOT_MAPPED, 3, 103, false, false, true, false),
  outcome(
    'Progress to support planning or services',
    'Progress to support planning or services',
    4,
    104,
    false,
    false,
    true,
  ),
  outcome(
    'Continuation of support or services',
    'Continuation of support or services',
    5,
    105,
    false,
    false,
    true,
  ),
  outcome('Admitted to hospital', 'Admitted to hospital', 6, 6, false, false, false),
  outcome('NFA: Responsibility moved to another local authority', 'NFA', 7, 7, true, true, false),
  outcome(
    'NFA: Referral to NHS services or NHS funded social care',
    'NFA',
    8,
    8,
    false,
    false,
    false,
  ),
  outcome('NFA: Self-funded client or under 12wk disregard', 'NFA', 9, 9, false, false, false),
  outcome('NFA: Information and advice or signposting', 'NFA', 10, 10, true, true, false),
  outcome(
    'NFA: Referral to other service within the local authority',
    'NFA',
    11,
    11,
    true,
    true,
    false,
  ),
  outcome('NFA: Support declined', 'NFA', 12, 12, false, false, false),
  outcome('NFA: Deceased', 'NFA', 13, 13, false, false, false),
  outcome('NFA: Support ended as planned', 'NFA', 14, 14, true, true, false),
  outcome('NFA: Support ended for other reason', 'NFA', 15, 15, true, true, false),
  outcome('NFA: No services offered for other reason', 'NFA', 16, 16, true, true, false),
  outcome('NFA: Other', 'NFA', 17, 17, true, true, false),
  outcome(INVALID_AND_NOT_MAPPED, INVALID_AND_NOT_MAPPED, null, 999, false, false, true, false),
];

/** One service type (Release 2) with its group, Release 1 form and the hierarchies the methods use. */
export interface CldServiceType {
  /** The Release 2 value. */
  readonly value: string;
  /** `Service_Type_Grouped` (reference c.2). */
  readonly group: 'Long term support' | 'Short term support' | 'Unpaid carer support' | 'Unknown';
  /** The Release 1 wording. */
  readonly release1: string | null;
  /** ASCOF 2A sequel hierarchy (reference e.1 step 7.3); also the person-details hierarchy (e.0). */
  readonly ascof2aHierarchy: number | null;
  /** NHSE SALT STS001 hierarchy (reference e.7). */
  readonly sts001Hierarchy: number | null;
  /** NHSE SALT STS002a hierarchy (reference e.7). */
  readonly sts002aHierarchy: number | null;
}

/** Service types, Release 2. Source: `lists/service_type.csv` (DHSC `5-data-cleaning.md`; NHSE reference tables); complete. */
export const CLD_SERVICE_TYPES: readonly CldServiceType[] = [
  {
    value: 'Long term support: Nursing care',
    group: 'Long term support',
    release1: 'Long Term Support: Nursing Care',
    ascof2aHierarchy: 1,
    sts001Hierarchy: 2,
    sts002aHierarchy: 1,
  },
  {
    value: 'Long term support: Residential care',
    group: 'Long term support',
    release1: 'Long Term Support: Residential Care',
    ascof2aHierarchy: 2,
    sts001Hierarchy: 3,
    sts002aHierarchy: 2,
  },
  {
    value: 'Long term support: Community',
    group: 'Long term support',
    release1: 'Long Term Support: Community',
    ascof2aHierarchy: 3,
    sts001Hierarchy: 4,
    sts002aHierarchy: 3,
  },
  {
    value: 'Long term support: Prison',
    group: 'Long term support',
    release1: 'Long Term Support: Prison',
    ascof2aHierarchy: 4,
    sts001Hierarchy: 5,
    sts002aHierarchy: 4,
  },
  {
    value: 'Short term support: ST-Max',
    group: 'Short term support',
    release1: 'Short Term Support: ST-Max',
    ascof2aHierarchy: 5,
    sts001Hierarchy: 1,
    sts002aHierarchy: null,
  },
  {
    value: 'Short term support: Ongoing low level',
    group: 'Short term support',
    release1: 'Short Term Support: Ongoing Low Level',
    ascof2aHierarchy: 6,
    sts001Hierarchy: 6,
    sts002aHierarchy: 5,
  },
  {
    value: 'Short term support: Other short term',
    group: 'Short term support',
    release1: 'Short Term Support: Other Short Term',
    ascof2aHierarchy: 7,
    sts001Hierarchy: 7,
    sts002aHierarchy: 6,
  },
  {
    value: 'Unpaid carer support: Direct to unpaid carer',
    group: 'Unpaid carer support',
    release1: 'Carer Support: Direct to Carer',
    ascof2aHierarchy: null,
    sts001Hierarchy: null,
    sts002aHierarchy: null,
  },
  {
    value: 'Unpaid carer support: Support involving the person cared-for',
    group: 'Unpaid carer support',
    release1: 'Carer Support: Support involving the person cared-for',
    ascof2aHierarchy: null,
    sts001Hierarchy: null,
    sts002aHierarchy: null,
  },
  {
    value: INVALID_AND_NOT_MAPPED,
    group: 'Unknown',
    release1: null,
    ascof2aHierarchy: null,
    sts001Hierarchy: null,
    sts002aHierarchy: null,
  },
];

/** One ethnicity (Release 2) with its group and the Release 1 form the NHSE code uses. */
export interface CldEthnicity {
  /** The Release 2 value. */
  readonly value: string;
  /** `Ethnicity_Grouped`: the text before the colon; `Unknown` for invalid (reference c.2). */
  readonly group: string;
  /** The Release 1 form (` - ` where R2 has `: `); the pairing is [inferred] by matching labels. */
  readonly release1: string | null;
}

const ethnicity = (group: string, detail: string, r1Detail = detail): CldEthnicity => ({
  value: `${group}: ${detail}`,
  group,
  release1: `${group} - ${r1Detail}`,
});

/** Ethnicities, Release 2. Source: `lists/ethnicity.csv` (DHSC `5-data-cleaning.md`; R1 forms from NHSE code); R2 complete, R1 pairing [inferred]. */
export const CLD_ETHNICITIES: readonly CldEthnicity[] = [
  ethnicity('Asian or Asian British', 'Any other Asian background'),
  ethnicity('Asian or Asian British', 'Bangladeshi'),
  ethnicity('Asian or Asian British', 'Chinese'),
  ethnicity('Asian or Asian British', 'Indian'),
  ethnicity('Asian or Asian British', 'Pakistani'),
  ethnicity('Black, Black British, Caribbean or African', 'African'),
  ethnicity(
    'Black, Black British, Caribbean or African',
    'Any other Black, Black British or Caribbean background',
  ),
  ethnicity('Black, Black British, Caribbean or African', 'Caribbean'),
  ethnicity('Mixed or multiple ethnic groups', 'Any other Mixed or multiple ethnic background'),
  ethnicity('Mixed or multiple ethnic groups', 'White and Asian'),
  ethnicity('Mixed or multiple ethnic groups', 'White and Black African'),
  ethnicity('Mixed or multiple ethnic groups', 'White and Black Caribbean'),
  ethnicity('No data', 'Refused'),
  ethnicity('No data', 'Undeclared or not known', 'Undeclared or Not known'),
  ethnicity('Other ethnic group', 'Any other ethnic group'),
  ethnicity('Other ethnic group', 'Arab'),
  ethnicity('White', 'Any other White background'),
  ethnicity('White', 'English, Welsh, Scottish, Northern Irish or British'),
  ethnicity('White', 'Gypsy or Irish Traveller'),
  ethnicity('White', 'Irish'),
  ethnicity('White', 'Roma'),
  { value: INVALID_AND_NOT_MAPPED, group: 'Unknown', release1: null },
];

/** One accommodation status with its ASCOF 2E settled group. */
export interface CldAccommodationStatus {
  /** The Release 2 value. */
  readonly value: string;
  /** The Release 1 wording; `null` for DHSC-derived values. */
  readonly release1: string | null;
  /** Settled (ASCOF 2E numerator, group 1) or not (group 0) (reference c.2). */
  readonly settled: boolean;
  /** DHSC person-details sort order. */
  readonly sortOrder: number;
  /** Whether the value is in the specification (`false`: derived by DHSC's person-details step, reference e.0). */
  readonly inSpecification: boolean;
}

const accommodation = (
  value: string,
  release1: string | null,
  settled: boolean,
  sortOrder: number,
  inSpecification = true,
): CldAccommodationStatus => ({ value, release1, settled, sortOrder, inSpecification });

/** Accommodation statuses. Source: `lists/accommodation_status.csv` (DHSC ASCOF 2E, person details; NHSE LTS004); complete (20 spec values + 2 DHSC-derived). */
export const CLD_ACCOMMODATION_STATUSES: readonly CldAccommodationStatus[] = [
  accommodation(
    'Owner occupier or shared ownership scheme',
    'Owner occupier or shared ownership scheme',
    true,
    1,
  ),
  accommodation('Tenant: Local authority or other social housing provider', 'Tenant', true, 2),
  accommodation('Tenant: Private landlord', 'Tenant - private landlord', true, 3),
  accommodation(
    'Settled mainstream housing with family or friends',
    'Settled mainstream housing with family / friends',
    true,
    4,
  ),
  accommodation(
    'Supported accommodation, supported lodgings or supported group home',
    'Supported accommodation / supported lodgings / supported group home',
    true,
    5,
  ),
  accommodation('Shared Lives scheme', 'Shared Lives scheme', true, 6),
  accommodation(
    'Approved premises for offenders released from prison or under probation supervision',
    'Approved premises for offenders released from prison or under probation supervision',
    true,
    7,
  ),
  accommodation(
    'Sheltered housing, extra care housing or other sheltered housing',
    'Sheltered housing / extra care housing / other sheltered housing',
    true,
    8,
  ),
  accommodation(
    'Mobile accommodation for Gypsy, Roma and Traveller communities',
    'Mobile accommodation for Gypsy / Roma and Traveller communities',
    true,
    9,
  ),
  accommodation('Rough sleeper or squatting', 'Rough sleeper / squatting', false, 10),
  accommodation(
    'Night shelter, emergency hostel or direct access hostel',
    'Night shelter / emergency hostel / direct access hostel',
    false,
    11,
  ),
  accommodation('Refuge', 'Refuge', false, 12),
  accommodation(
    'Placed in temporary accommodation by the council (inc. homelessness resettlement)',
    'Placed in temporary accommodation by the council (inc. homelessness resettlement)',
    false,
    13,
  ),
  accommodation(
    'Staying with family or friends as a short term guest',
    'Staying with family / friends as a short-term guest',
    false,
    14,
  ),
  accommodation(
    'Acute hospital or long term healthcare residential facility',
    'Acute / long-term healthcare residential facility or hospital',
    false,
    15,
  ),
  accommodation('Registered care home', 'Registered care home', false, 16),
  accommodation('Registered nursing home', 'Registered nursing home', false, 17),
  accommodation(
    'Prison, young offenders institution or detention centre',
    'Prison / Young offenders institution / detention centre',
    false,
    18,
  ),
  accommodation('Other temporary accommodation', 'Other temporary accommodation', false, 19),
  accommodation('Unknown', 'Unknown', false, 20),
  accommodation('Unknown: Presumed at home', null, true, 21, false),
  accommodation('Unknown: Presumed in community', null, false, 22, false),
];

/** One employment status with whether it counts as employed (SALT LTS004). */
export interface CldEmploymentStatus {
  /** The Release 2 value. */
  readonly value: string;
  /** The Release 1 wording. */
  readonly release1: string | null;
  /** In paid employment (reference, `lists/employment_status.csv` `employed_group`). */
  readonly employed: boolean;
  /** DHSC person-details sort order. */
  readonly sortOrder: number;
}

/** Employment statuses. Source: `lists/employment_status.csv`; complete (7 spec values + DHSC's invalid value). */
export const CLD_EMPLOYMENT_STATUSES: readonly CldEmploymentStatus[] = [
  {
    value: 'Not in paid employment: Not actively seeking work or retired',
    release1: 'Not in Paid Employment (not actively seeking work / retired)',
    employed: false,
    sortOrder: 2,
  },
  {
    value: 'Not in paid employment: Seeking work',
    release1: 'Not in Paid Employment (seeking work)',
    employed: false,
    sortOrder: 3,
  },
  {
    value: 'Not in paid employment: Voluntary work only',
    release1: 'Not in Paid Employment (voluntary work only)',
    employed: false,
    sortOrder: 4,
  },
  {
    value: 'Paid: 16 or more hours a week',
    release1: 'Paid: 16 or more hours a week',
    employed: true,
    sortOrder: 5,
  },
  {
    value: 'Paid: Hours per week unknown',
    release1: 'Paid: Hours per week unknown',
    employed: true,
    sortOrder: 6,
  },
  {
    value: 'Paid: Less than 16 hours a week',
    release1: 'Paid: Less than 16 hours a week',
    employed: true,
    sortOrder: 7,
  },
  { value: 'Unknown', release1: 'Unknown', employed: false, sortOrder: 8 },
  { value: INVALID_AND_NOT_MAPPED, release1: null, employed: false, sortOrder: 1 },
];

/** One delivery mechanism with its ASCOF 3D / LTS001a hierarchy. */
export interface CldDeliveryMechanism {
  /** The Release 2 value. */
  readonly value: string;
  /** The Release 1 wording. */
  readonly release1: string;
  /** Hierarchy for `Long term support: Community` (reference e.5, `lists/ascof3d_client_setting_hierarchy.csv`); blank/invalid = 6. */
  readonly communityHierarchy: number;
  /** Hierarchy for `Long term support: Prison`; blank/invalid = 9; `null` when it does not apply. */
  readonly prisonHierarchy: number | null;
}

/** Delivery mechanisms. Source: `lists/delivery_mechanism.csv`; complete (3 values). Not mandatory. */
export const CLD_DELIVERY_MECHANISMS: readonly CldDeliveryMechanism[] = [
  {
    value: 'Direct payment',
    release1: 'Direct Payment',
    communityHierarchy: 3,
    prisonHierarchy: null,
  },
  {
    value: 'CASSR managed personal budget',
    release1: 'CASSR Managed Personal Budget',
    communityHierarchy: 4,
    prisonHierarchy: 7,
  },
  {
    value: 'CASSR commissioned support',
    release1: 'CASSR Commissioned Support',
    communityHierarchy: 5,
    prisonHierarchy: 8,
  },
];

/** One primary support reason, Release 1 with the Release 2 wording. */
export interface CldPrimarySupportReason {
  /** The Release 2 wording. Only `Learning disability support` (case-insensitively) and `Social support: Support to unpaid carer` are confirmed in DHSC code; the rest come from third-party code and are unverified. */
  readonly value: string;
  /** The Release 1 wording. */
  readonly release1: string;
  /** Whether the R2 wording is confirmed by DHSC code. */
  readonly verified: boolean;
}

const psr = (release1: string, value: string, verified = false): CldPrimarySupportReason => ({
  value,
  release1,
  verified,
});

/** Primary support reasons. Source: `lists/primary_support_reason.csv` (R1 from NHSE `#REF_PSR`, complete; R2 wording partly unverified, so the list is partial). */
export const CLD_PRIMARY_SUPPORT_REASONS: readonly CldPrimarySupportReason[] = [
  psr('Physical Support: Access & mobility only', 'Physical support: Access and mobility only'),
  psr('Physical Support: Personal care support', 'Physical support: Personal care support'),
  psr(
    'Sensory Support: Support for visual impairment',
    'Sensory support: Support for visual impairment',
  ),
  psr(
    'Sensory Support: Support for hearing impairment',
    'Sensory support: Support for hearing impairment',
  ),
  psr(
    'Sensory Support: Support for dual impairment',
    'Sensory support: Support for dual impairment',
  ),
  psr('Support with Memory & Cognition', 'Support with memory and cognition'),
  psr('Learning Disability Support', 'Learning disability support', true),
  psr('Mental Health Support', 'Mental health support'),
  psr('Social Support: Substance misuse support', 'Social support: Substance misuse support'),
  psr('Social Support: Asylum seeker support', 'Social support: Asylum seeker support'),
  psr(
    'Social Support: Support for Social Isolation/Other',
    'Social support: Support for social isolation or other',
  ),
  psr('Social Support: Support to Carer', 'Social support: Support to unpaid carer', true),
  psr('Unknown', 'Unknown', true),
];
