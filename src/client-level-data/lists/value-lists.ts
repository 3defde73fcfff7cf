// Every CLD defined list as data the check validates against, with its provenance and
// whether the reference knows it completely (reference section c, "Coverage warning": a
// partial list holds only the values DHSC's code uses, so a miss against it is a warning,
// never a rejection). And the Release 1 → Release 2 mapping (reference a, c.1, c.2).
import {
  CLD_ACCOMMODATION_STATUSES,
  CLD_DELIVERY_MECHANISMS,
  CLD_EMPLOYMENT_STATUSES,
  CLD_ETHNICITIES,
  CLD_EVENT_OUTCOMES,
  CLD_PRIMARY_SUPPORT_REASONS,
  CLD_SERVICE_TYPES,
  INVALID_AND_NOT_MAPPED,
  RELEASE_1_ONLY_NOT_MAPPED,
} from './tables.js';

/** The CLD fields that have a defined list the check knows (database names). */
export const CLD_LIST_FIELDS = [
  'Event_Type',
  'Event_Outcome',
  'Client_Type',
  'Ethnicity',
  'Gender',
  'Primary_Support_Reason',
  'Accommodation_Status',
  'Employment_Status',
  'Client_Funding_Status',
  'Assessment_Type',
  'Service_Type',
  'Service_Component',
  'Delivery_Mechanism',
] as const;

/** A field with a known defined list. */
export type CldListField = (typeof CLD_LIST_FIELDS)[number];

/** One defined list: its Release 2 values, where they come from, and whether the list is complete. */
export interface CldValueList {
  /** The field (database name). */
  readonly field: CldListField;
  /** The Release 2 values the submitter may use. */
  readonly values: readonly string[];
  /** Values DHSC's cleaning produces that are not in the specification (e.g. `Invalid and not mapped`). */
  readonly cleaningValues: readonly string[];
  /**
   * `true` when the reference enumerated the list in full from a DHSC/NHSE reference table;
   * `false` when it holds only the values the methods use (a value outside it may be valid:
   * the check warns, and the official list passed as the `lists` option makes it strict).
   */
  readonly complete: boolean;
  /** Provenance: the reference file and the DHSC/NHSE source behind it. */
  readonly source: string;
}

const list = (
  field: CldListField,
  values: readonly string[],
  complete: boolean,
  source: string,
  cleaningValues: readonly string[] = [INVALID_AND_NOT_MAPPED],
): CldValueList => ({ field, values, cleaningValues, complete, source });

const spec = <T extends { readonly value: string; readonly inSpecification?: boolean }>(
  rows: readonly T[],
): string[] =>
  rows
    .filter((r) => r.value !== INVALID_AND_NOT_MAPPED && r.inSpecification !== false)
    .map((r) => r.value);

/** The defined lists the check validates against (reference section c). */
export const CLD_VALUE_LISTS: Readonly<Record<CldListField, CldValueList>> = {
  Event_Type: list(
    'Event_Type',
    ['Request', 'Assessment', 'Service', 'Review'],
    true,
    'lists/event_type.csv (DHSC Stored_procedures; NHSE code)',
  ),
  Event_Outcome: list(
    'Event_Outcome',
    spec(CLD_EVENT_OUTCOMES),
    true,
    'lists/event_outcome_r2.csv (DHSC 6-deduplication.md, ASCOF scripts)',
    [RELEASE_1_ONLY_NOT_MAPPED, INVALID_AND_NOT_MAPPED],
  ),
  Client_Type: list(
    'Client_Type',
    ['Service user', 'Unpaid carer', 'Unpaid carer known by association'],
    true,
    'lists/client_type.csv (DHSC ASCOF and person-details code)',
  ),
  Ethnicity: list(
    'Ethnicity',
    spec(CLD_ETHNICITIES),
    true,
    'lists/ethnicity.csv (DHSC 5-data-cleaning.md)',
  ),
  Gender: list(
    'Gender',
    ['Male', 'Female', 'Unknown'],
    false,
    'lists/gender.csv (values seen in DHSC code only)',
  ),
  Primary_Support_Reason: list(
    'Primary_Support_Reason',
    CLD_PRIMARY_SUPPORT_REASONS.map((r) => r.value),
    false,
    'lists/primary_support_reason.csv (R1 from NHSE #REF_PSR; R2 wording from third-party code, unverified)',
  ),
  Accommodation_Status: list(
    'Accommodation_Status',
    spec(CLD_ACCOMMODATION_STATUSES),
    true,
    'lists/accommodation_status.csv (DHSC ASCOF 2E, person details; NHSE LTS004)',
  ),
  Employment_Status: list(
    'Employment_Status',
    spec(CLD_EMPLOYMENT_STATUSES),
    true,
    'lists/employment_status.csv (DHSC person details; NHSE LTS004)',
  ),
  Client_Funding_Status: list(
    'Client_Funding_Status',
    [
      'Fully social care funded',
      'Joint client and social care funded',
      'Fully client funded',
      'Unknown',
    ],
    false,
    'lists/client_funding_status.csv (DHSC person-details code; probably complete, not confirmed)',
  ),
  Assessment_Type: list(
    'Assessment_Type',
    ['Short term assessment', 'Long term assessment'],
    false,
    'lists/assessment_type.csv (values in DHSC waiting-times code only)',
  ),
  Service_Type: list(
    'Service_Type',
    spec(CLD_SERVICE_TYPES),
    true,
    'lists/service_type.csv (DHSC 5-data-cleaning.md; NHSE reference tables)',
  ),
  Service_Component: list(
    'Service_Component',
    [
      'Direct payment',
      'Equipment',
      'Reablement',
      'Short term residential care',
      'Short term nursing care',
      'Shared Lives',
      'Extra care housing',
      'Community supported living',
      'Home support or domiciliary care',
    ],
    false,
    'lists/service_component.csv (values in DHSC code only)',
  ),
  Delivery_Mechanism: list(
    'Delivery_Mechanism',
    CLD_DELIVERY_MECHANISMS.map((d) => d.value),
    true,
    'lists/delivery_mechanism.csv (DHSC ASCOF 3D; NHSE LTS001a)',
  ),
};

/** One Release 1 value and the Release 2 value it maps forward to (reference a, "The October 2025 change"). */
export interface CldRelease1Mapping {
  /** The field (database name). */
  readonly field: CldListField;
  /** The Release 1 wording. */
  readonly release1: string;
  /** The Release 2 value it maps to. */
  readonly release2: string;
  /** `true` when the reference inferred the pairing by matching wording rather than reading it in DHSC's code. */
  readonly inferred: boolean;
  /** Provenance: the reference file and the DHSC/NHSE source. */
  readonly source: string;
}

const r1 = (
  field: CldListField,
  release1: string,
  release2: string,
  inferred: boolean,
  source: string,
): CldRelease1Mapping => ({ field, release1, release2, inferred, source });

const OUTCOMES_SOURCE = 'lists/event_outcome_r1.csv (NHSE R1 values; pairing inferred by wording)';

/**
 * Release 1 values mapped forward to Release 2. Values that differ only in letter case
 * (e.g. `Service User`) need no entry: the lookup is case-insensitive, as SQL Server's is.
 */
export const CLD_RELEASE_1_MAPPINGS: readonly CldRelease1Mapping[] = [
  r1('Client_Type', 'Carer', 'Unpaid carer', false, 'lists/client_type.csv'),
  r1(
    'Client_Type',
    'Carer known by association',
    'Unpaid carer known by association',
    false,
    'lists/client_type.csv',
  ),
  r1(
    'Event_Outcome',
    'Progress to Assessment',
    'Progress to assessment, review or reassessment',
    true,
    `${OUTCOMES_SOURCE}; DHSC R1-era code names the R2 value a "multiple mapping"`,
  ),
  r1(
    'Event_Outcome',
    'Progress to Re-assessment / Unplanned Review',
    'Progress to assessment, review or reassessment',
    true,
    OUTCOMES_SOURCE,
  ),
  r1(
    'Event_Outcome',
    'Progress to Support Planning / Services',
    'Progress to support planning or services',
    true,
    OUTCOMES_SOURCE,
  ),
  r1(
    'Event_Outcome',
    'Progress to End of Life Care',
    RELEASE_1_ONLY_NOT_MAPPED,
    false,
    'DHSC waiting_times_method.sql Stage 2.3a',
  ),
  r1(
    'Event_Outcome',
    'Progress to financial assessment',
    RELEASE_1_ONLY_NOT_MAPPED,
    false,
    'DHSC waiting_times_method.sql Stage 2.3a',
  ),
  r1(
    'Event_Outcome',
    'No change in package',
    'Continuation of support or services',
    true,
    `${OUTCOMES_SOURCE}; DHSC R1-era code names the R2 value a "multiple mapping"`,
  ),
  r1(
    'Event_Outcome',
    'Provision of service',
    'Continuation of support or services',
    true,
    OUTCOMES_SOURCE,
  ),
  r1(
    'Event_Outcome',
    'Service ended as planned',
    'NFA: Support ended as planned',
    true,
    `${OUTCOMES_SOURCE}; same ASCOF 2A role (DHSC commit 892b086)`,
  ),
  r1('Event_Outcome', 'NFA - Deceased', 'NFA: Deceased', true, OUTCOMES_SOURCE),
  r1(
    'Event_Outcome',
    'NFA - Moved to another LA',
    'NFA: Responsibility moved to another local authority',
    true,
    OUTCOMES_SOURCE,
  ),
  r1(
    'Event_Outcome',
    'NFA - 100% NHS funded care',
    'NFA: Referral to NHS services or NHS funded social care',
    true,
    OUTCOMES_SOURCE,
  ),
  r1(
    'Event_Outcome',
    'NFA - Information & Advice / Signposting only',
    'NFA: Information and advice or signposting',
    true,
    OUTCOMES_SOURCE,
  ),
  r1(
    'Event_Outcome',
    'NFA - Self-funded client (Inc. 12wk disregard)',
    'NFA: Self-funded client or under 12wk disregard',
    true,
    OUTCOMES_SOURCE,
  ),
  r1('Event_Outcome', 'NFA - Support declined', 'NFA: Support declined', true, OUTCOMES_SOURCE),
  r1(
    'Event_Outcome',
    'NFA - Support ended: Other reason',
    'NFA: Support ended for other reason',
    true,
    OUTCOMES_SOURCE,
  ),
  r1(
    'Event_Outcome',
    'NFA - No services offered: Other reason',
    'NFA: No services offered for other reason',
    true,
    OUTCOMES_SOURCE,
  ),
  r1('Event_Outcome', 'NFA- Other', 'NFA: Other', true, OUTCOMES_SOURCE),
  ...CLD_SERVICE_TYPES.filter(
    (s) => s.release1 !== null && s.release1.toLowerCase() !== s.value.toLowerCase(),
  ).map((s) => r1('Service_Type', s.release1!, s.value, false, 'lists/service_type.csv')),
  ...CLD_ETHNICITIES.filter((e) => e.release1 !== null).map((e) =>
    r1(
      'Ethnicity',
      e.release1!,
      e.value,
      true,
      'lists/ethnicity.csv (R1 forms from NHSE code; pairing inferred by matching labels)',
    ),
  ),
  ...CLD_ACCOMMODATION_STATUSES.filter(
    (a) => a.release1 !== null && a.release1.toLowerCase() !== a.value.toLowerCase(),
  ).map((a) =>
    r1('Accommodation_Status', a.release1!, a.value, false, 'lists/accommodation_status.csv'),
  ),
  ...CLD_EMPLOYMENT_STATUSES.filter(
    (e) => e.release1 !== null && e.release1.toLowerCase() !== e.value.toLowerCase(),
  ).map((e) => r1('Employment_Status', e.release1!, e.value, false, 'lists/employment_status.csv')),
  ...CLD_PRIMARY_SUPPORT_REASONS.filter(
    (p) => p.release1.toLowerCase() !== p.value.toLowerCase(),
  ).map((p) =>
    r1(
      'Primary_Support_Reason',
      p.release1,
      p.value,
      !p.verified,
      'lists/primary_support_reason.csv (R2 wording from third-party code unless confirmed by DHSC)',
    ),
  ),
];
