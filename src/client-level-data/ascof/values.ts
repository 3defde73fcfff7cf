// The few value tables the ASCOF measures need, in ONE place so the integrator can point
// them at the shared CLD lists module later. Every table cites the reference list it copies
// (shared/domain/client-level-data/lists/*.csv) and the DHSC script that uses it
// (DataS-DHSC/ASC-CLD-LA-Dashboard, ASCOF_measures/*_2425_Onwards.sql and
// Create_personal_details_table.sql, HEAD 9bee728).
//
// Values are written exactly as the lists spell them; every comparison goes through
// `sqlCollationKey` (sql.ts), so a different letter case or trailing spaces still match, as under
// SQL Server's default collation (reference, introduction, behaviour 1).

/** Release 2 event outcomes with their `Event_Outcome_Hierarchy` (lists/event_outcome_r2.csv; reference c.1). */
export const EVENT_OUTCOME_HIERARCHY: readonly (readonly [outcome: string, hierarchy: number])[] = [
  ['Progress to reablement/ST-Max', 1],
  ['Progress to assessment, review or reassessment', 2],
  ['Release 1 specification only: Not mapped', 3],
  ['Progress to support planning or services', 4],
  ['Continuation of support or services', 5],
  ['Admitted to hospital', 6],
  ['NFA: Responsibility moved to another local authority', 7],
  ['NFA: Referral to NHS services or NHS funded social care', 8],
  ['NFA: Self-funded client or under 12wk disregard', 9],
  ['NFA: Information and advice or signposting', 10],
  ['NFA: Referral to other service within the local authority', 11],
  ['NFA: Support declined', 12],
  ['NFA: Deceased', 13],
  ['NFA: Support ended as planned', 14],
  ['NFA: Support ended for other reason', 15],
  ['NFA: No services offered for other reason', 16],
  ['NFA: Other', 17],
];

/** The DHSC cleaning value for an outcome that could not be mapped (reference d.4). */
export const INVALID_AND_NOT_MAPPED = 'Invalid and not mapped';

/**
 * ASCOF 2A "unable to classify" outcomes whose hierarchy gets +100 (lists/event_outcome_r2.csv
 * column `ascof2a_penalised_hierarchy`; reference e.1 step 1). `Invalid and not mapped` and a
 * NULL outcome rank 999.
 */
export const ASCOF_2A_PENALISED_OUTCOMES: readonly string[] = [
  'Continuation of support or services',
  'Progress to support planning or services',
  'Progress to assessment, review or reassessment',
  'Progress to reablement/ST-Max',
  'Release 1 specification only: Not mapped',
];

/** ASCOF 2A final outcomes counted in the denominator (lists/event_outcome_r2.csv `ascof2a_in_denominator_if_final`; reference e.1 step 8). */
export const ASCOF_2A_DENOMINATOR_OUTCOMES: readonly string[] = [
  'Long term support: Community',
  'Long term support: Nursing care',
  'Long term support: Residential care',
  'Long term support: Prison',
  'Short term support: Ongoing low level',
  'Short term support: Other short term',
  'Short term support: Residential or Nursing care',
  'NFA: Information and advice or signposting',
  'NFA: Support ended as planned',
  'NFA: Responsibility moved to another local authority',
  'NFA: Other',
  'NFA: No services offered for other reason',
  'NFA: Support ended for other reason',
  'NFA: Referral to other service within the local authority',
];

/** ASCOF 2A final outcomes counted in the numerator: the denominator list without long-term support and short-term residential/nursing (reference e.1 step 8). */
export const ASCOF_2A_NUMERATOR_OUTCOMES: readonly string[] = ASCOF_2A_DENOMINATOR_OUTCOMES.filter(
  (o) =>
    !o.startsWith('Long term support:') && o !== 'Short term support: Residential or Nursing care',
);

/** The ASCOF 2A sequel types (lists/ascof2a_sequel_types.csv). */
export const ASCOF_2A_SEQUEL_TYPES = ['1', '2', '3', '4a', '4b', '4c', '5', '6'] as const;

/** Service types (lists/service_type.csv, `Service_Type_Cleaned_r2`). */
export const SERVICE_TYPE = {
  nursing: 'Long term support: Nursing care',
  residential: 'Long term support: Residential care',
  community: 'Long term support: Community',
  prison: 'Long term support: Prison',
  stMax: 'Short term support: ST-Max',
  ongoingLowLevel: 'Short term support: Ongoing low level',
  otherShortTerm: 'Short term support: Other short term',
  directToCarer: 'Unpaid carer support: Direct to unpaid carer',
  involvingCaredFor: 'Unpaid carer support: Support involving the person cared-for',
} as const;

/** The four long-term support (LTS) service types (lists/service_type.csv, `Service_Type_Grouped = Long term support`). */
export const LONG_TERM_SERVICE_TYPES: readonly string[] = [
  SERVICE_TYPE.nursing,
  SERVICE_TYPE.residential,
  SERVICE_TYPE.community,
  SERVICE_TYPE.prison,
];

/**
 * Service-type hierarchy shared by the 2A sequel step and the person-details accommodation
 * inference (lists/service_type.csv `dhsc_2a_sequel_hierarchy` = `dhsc_person_details_hierarchy`).
 * Any other type ranks 99 in both scripts.
 */
export const SERVICE_TYPE_HIERARCHY: readonly (readonly [
  serviceType: string,
  hierarchy: number,
])[] = [
  [SERVICE_TYPE.nursing, 1],
  [SERVICE_TYPE.residential, 2],
  [SERVICE_TYPE.community, 3],
  [SERVICE_TYPE.prison, 4],
  [SERVICE_TYPE.stMax, 5],
  [SERVICE_TYPE.ongoingLowLevel, 6],
  [SERVICE_TYPE.otherShortTerm, 7],
];

/** The 2A step-3 outcome for "other short term" with a short-term residential/nursing component (reference e.1 step 7.3). */
export const SHORT_TERM_RESIDENTIAL_OR_NURSING = 'Short term support: Residential or Nursing care';

/** Components preferred within a 2A step-3 tie (reference e.1 step 7.3). */
export const SHORT_TERM_RESIDENTIAL_COMPONENTS: readonly string[] = [
  'Short term residential care',
  'Short term nursing care',
];

/** Service components the accommodation inference can use (reference e.0; Create_personal_details_table.sql). */
export const ACCOMMODATION_USEFUL_COMPONENTS = {
  sharedLives: 'Shared Lives',
  supportedLiving: 'Community supported living',
  extraCare: 'Extra care housing',
  homeSupport: 'Home support or domiciliary care',
} as const;

/**
 * Accommodation status values with the ASCOF 2E settled group (lists/accommodation_status.csv
 * `settled_group(ASCOF 2E numerator=1)`): the first nine spec values and DHSC's derived
 * `Unknown: Presumed at home` are settled (1); everything else is 0.
 */
export const ACCOMMODATION_STATUS_GROUP: readonly (readonly [status: string, settled: 0 | 1])[] = [
  ['Owner occupier or shared ownership scheme', 1],
  ['Tenant: Local authority or other social housing provider', 1],
  ['Tenant: Private landlord', 1],
  ['Settled mainstream housing with family or friends', 1],
  ['Supported accommodation, supported lodgings or supported group home', 1],
  ['Shared Lives scheme', 1],
  ['Approved premises for offenders released from prison or under probation supervision', 1],
  ['Sheltered housing, extra care housing or other sheltered housing', 1],
  ['Mobile accommodation for Gypsy, Roma and Traveller communities', 1],
  ['Rough sleeper or squatting', 0],
  ['Night shelter, emergency hostel or direct access hostel', 0],
  ['Refuge', 0],
  ['Placed in temporary accommodation by the council (inc. homelessness resettlement)', 0],
  ['Staying with family or friends as a short term guest', 0],
  ['Acute hospital or long term healthcare residential facility', 0],
  ['Registered care home', 0],
  ['Registered nursing home', 0],
  ['Prison, young offenders institution or detention centre', 0],
  ['Other temporary accommodation', 0],
  ['Unknown', 0],
  ['Unknown: Presumed at home', 1],
  ['Unknown: Presumed in community', 0],
];

/** The accommodation values the person-details inference can produce (reference e.0). */
export const INFERRED_ACCOMMODATION = {
  nursingHome: 'Registered nursing home',
  careHome: 'Registered care home',
  sharedLives: 'Shared Lives scheme',
  sheltered: 'Sheltered housing, extra care housing or other sheltered housing',
  supported: 'Supported accommodation, supported lodgings or supported group home',
  presumedAtHome: 'Unknown: Presumed at home',
  presumedInCommunity: 'Unknown: Presumed in community',
  prison: 'Prison, young offenders institution or detention centre',
  unknown: 'Unknown',
} as const;

/** The three valid client funding statuses (lists/client_funding_status.csv; Create_personal_details_table.sql). */
export const CLIENT_FUNDING_STATUSES: readonly string[] = [
  'Fully social care funded',
  'Joint client and social care funded',
  'Fully client funded',
];

/** Ethnicity "not known" values (lists/ethnicity.csv; person-details rank 0 and 1). */
export const ETHNICITY_UNDECLARED = 'No data: Undeclared or not known';
export const ETHNICITY_REFUSED = 'No data: Refused';

/** A PSR that counts as "not known" in the person-details ranking but keeps its value (reference e.0). */
export const PSR_SUPPORT_TO_UNPAID_CARER = 'Social support: Support to unpaid carer';

/** The PSR of ASCOF 2E LD (Create_ASCOF_2E_2425_Onwards.sql `@LD_PSR`; lists/primary_support_reason.csv). */
export const PSR_LEARNING_DISABILITY = 'Learning Disability Support';

/**
 * **Modelled.** DHSC cleans `Has_Unpaid_Carer` through `REF_Has_Unpaid_Carer_Mapping`, a
 * table the reference did not read (section c: "Has unpaid carer (full)" not found). We map
 * `Yes`, `No` and `Unknown` to themselves (any case, surrounding spaces ignored); anything
 * else, and blank, to `Invalid and not mapped`, which person details then reads as `Unknown`.
 */
export const HAS_UNPAID_CARER_VALUES: readonly string[] = ['Yes', 'No', 'Unknown'];

/** Client types (lists/client_type.csv), including the R1 carer labels DHSC's 3D script still lists. */
export const CLIENT_TYPE = {
  serviceUser: 'Service user',
  unpaidCarer: 'Unpaid carer',
  unpaidCarerByAssociation: 'Unpaid carer known by association',
} as const;

/** Client types of the 3D carers cohort (Create_ASCOF_3D_2425_Onwards.sql; reference e.5). */
export const ASCOF_3D_CARER_CLIENT_TYPES: readonly string[] = [
  'Carer',
  'Unpaid carer',
  'Carer known by association',
  'Unpaid carer known by association',
];

/** Delivery mechanisms (lists/delivery_mechanism.csv). */
export const DELIVERY_MECHANISM = {
  directPayment: 'Direct payment',
  managedBudget: 'CASSR managed personal budget',
  commissioned: 'CASSR commissioned support',
} as const;

/** The 3D client setting hierarchy: (service type, delivery mechanism or '') → rank (lists/ascof3d_client_setting_hierarchy.csv). */
export const ASCOF_3D_CLIENT_SETTING_HIERARCHY: readonly (readonly [
  serviceType: string,
  deliveryMechanism: string,
  hierarchy: number,
])[] = [
  [SERVICE_TYPE.nursing, '', 1],
  [SERVICE_TYPE.residential, '', 2],
  [SERVICE_TYPE.community, DELIVERY_MECHANISM.directPayment, 3],
  [SERVICE_TYPE.community, DELIVERY_MECHANISM.managedBudget, 4],
  [SERVICE_TYPE.community, DELIVERY_MECHANISM.commissioned, 5],
  [SERVICE_TYPE.community, '', 6],
  [SERVICE_TYPE.prison, DELIVERY_MECHANISM.managedBudget, 7],
  [SERVICE_TYPE.prison, DELIVERY_MECHANISM.commissioned, 8],
  [SERVICE_TYPE.prison, '', 9],
];

/** The 3D carer support-provided categories and their hierarchy (lists/ascof3d_carer_support_provided.csv). */
export const CARER_SUPPORT = {
  directPayment: 'Direct Payment only',
  managedBudget: 'CASSR Managed Personal Budget',
  commissioned: 'CASSR Commissioned Support only',
  unknownDeliveryMechanism: 'Support Direct to Carer: Unknown Delivery Mech',
  informationAndAdvice: 'Information, Advice and Other Universal Services / Signposting',
  noDirectSupport: 'No Direct Support Provided to Carer',
} as const;

/** A carer support category. */
export type CarerSupportProvided = (typeof CARER_SUPPORT)[keyof typeof CARER_SUPPORT];

export const CARER_SUPPORT_HIERARCHY: Readonly<Record<CarerSupportProvided, number>> = {
  [CARER_SUPPORT.directPayment]: 1,
  [CARER_SUPPORT.managedBudget]: 2,
  [CARER_SUPPORT.commissioned]: 3,
  [CARER_SUPPORT.unknownDeliveryMechanism]: 4,
  [CARER_SUPPORT.informationAndAdvice]: 5,
  [CARER_SUPPORT.noDirectSupport]: 6,
};

/** The component value that stands for a direct payment (reference e.5). */
export const COMPONENT_DIRECT_PAYMENT = 'Direct payment';

/** The component of 2A step 5 (reference e.1 step 7.5). */
export const COMPONENT_EQUIPMENT = 'Equipment';

/** The outcome of the 3D carer rules and the 2A step-4 exclusion. */
export const OUTCOME = {
  informationAndAdvice: 'NFA: Information and advice or signposting',
  supportEndedAsPlanned: 'NFA: Support ended as planned',
  admittedToHospital: 'Admitted to hospital',
  deceased: 'NFA: Deceased',
  selfFunded: 'NFA: Self-funded client or under 12wk disregard',
} as const;
