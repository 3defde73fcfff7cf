// The few CLD values the waiting-times method and the bridges read, in one file so the
// integrator can point it at the shared lists module later. Each constant cites the list
// (shared/domain/client-level-data/lists/*.csv) or the method step (README e.6, DHSC
// `Waiting_times/waiting_times_method.sql`, v1.1 of 19 May 2026) it comes from. Values are
// the Release 2 spellings; every comparison with them goes through `sqlCollationKey` (sql.ts), as
// SQL Server's default collation compares case-insensitively.

/** `Client_Type_Cleaned` of a service user (`client_type.csv`; e.6 step 3). */
export const SERVICE_USER = 'Service user';

/** `Client_Type_Cleaned` values of unpaid carers (`client_type.csv`; e.0 has-unpaid-carer rule). */
export const UNPAID_CARER_CLIENT_TYPES = [
  'Unpaid carer',
  'Unpaid carer known by association',
] as const;

/** Long-term support service types (`service_type.csv`, `Service_Type_Grouped = Long term support`). */
export const LONG_TERM_SERVICE_TYPES = [
  'Long term support: Nursing care',
  'Long term support: Residential care',
  'Long term support: Community',
  'Long term support: Prison',
] as const;

/** Short-term support service types (`service_type.csv`, `Service_Type_Grouped = Short term support`). */
export const SHORT_TERM_SERVICE_TYPES = [
  'Short term support: ST-Max',
  'Short term support: Ongoing low level',
  'Short term support: Other short term',
] as const;

/** The short-term types that make a request an existing client's (e.6 step 3: ST-Max and Other short term; not Ongoing low level). */
export const EXISTING_CLIENT_SHORT_TERM_TYPES = [
  'Short term support: ST-Max',
  'Short term support: Other short term',
] as const;

/** Calendar months looked back for a long-term (12) or short-term (3) service (e.6 step 3, SQL Stage 1.3c). */
export const EXISTING_CLIENT_LOOKBACK_MONTHS = { longTerm: 12, shortTerm: 3 } as const;

/** Assessment types that count as a first response (`assessment_type.csv`, partial list; e.6 step 2). */
export const WAITING_TIMES_ASSESSMENT_TYPES = [
  'Short term assessment',
  'Long term assessment',
] as const;

/** Requests must start on or after this date (e.6 step 3, SQL Stage 1.3a). */
export const WAITING_TIMES_REQUESTS_FROM = '2023-04-01';

/** Youngest age at the event start counted (`Der_Age_Event_Start_Date >= 25`; e.6 steps 3–4). */
export const WAITING_TIMES_MIN_AGE = 25;

/**
 * Requests starting before this date are taken as recorded under Release 1 (e.6 step 6,
 * SQL Stage 3.1). [inferred by the reference from DHSC's code; no official statement]
 */
export const RELEASE_2_RECORDING_FROM = '2025-07-01';

/** `Event_Outcome_Grouped` values that make a request invalid (e.6 step 3; NULL also fails the SQL `NOT IN`). */
export const REQUEST_EXCLUDED_OUTCOME_GROUPS = ['NFA', 'Admitted to hospital'] as const;

/** Request outcomes that "indicate progress" (`waiting_times_outcome_flags.csv`, `request_indicates_progress = 1`). */
export const REQUEST_PROGRESS_OUTCOMES = [
  'Progress to reablement/ST-Max',
  'Progress to assessment, review or reassessment',
  'Progress to support planning or services',
  'Continuation of support or services',
  'Release 1 specification only: Not mapped',
] as const;

/** Assessment outcomes that "indicate progress to service" (`waiting_times_outcome_flags.csv`, `assessment_indicates_progress_to_service = 1`). */
export const ASSESSMENT_PROGRESS_TO_SERVICE_OUTCOMES = [
  'Progress to reablement/ST-Max',
  'Progress to support planning or services',
  'Continuation of support or services',
] as const;

/** The `Der_Working_Age_Band` relabelled for waiting times (`age_bands.csv`, Modified_Working_Age_Band). */
export const WORKING_AGE_BAND = '18 to 64';

/** `Delivery_Mechanism_Cleaned` / `Service_Component_Cleaned` value of a direct payment (`delivery_mechanism.csv`; ASCOF 3D, e.5). */
export const DIRECT_PAYMENT = 'Direct payment';

/** Service types ranked for a person's care setting: nursing before residential (`service_type.csv` hierarchies 1, 2). */
export const NURSING_CARE = 'Long term support: Nursing care';
/** See {@link NURSING_CARE}. */
export const RESIDENTIAL_CARE = 'Long term support: Residential care';
