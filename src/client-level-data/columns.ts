// The CLD columns as data: each field (database name, reference section b) with the headings
// it is known by, its kind, DQ module, the event types it applies to and whether we treat
// it as mandatory (modelled: the reference holds no per-field mandatory table, section b),
// and a small resolver from a file's headings to fields. Headings match ignoring case,
// spaces and punctuation (the intake layer's `headingKey`), so `Event_Start_Date`,
// `Event Start Date` and `event start date` are one column; a column mapping (the intake
// layer's shape) names a field's heading explicitly and wins over the aliases.
import { headingKey, mappedHeadingColumns } from '../intake/headings.js';
import type { ColumnMapping, ColumnMatch } from '../intake/model.js';
import type { CldListField } from './lists/value-lists.js';

/** How a column's text is read. */
export type CldColumnKind = 'text' | 'list' | 'date' | 'datetime' | 'integer' | 'decimal';

/** The event types a field applies to (`all`: every row). */
export type CldAppliesTo = 'all' | 'Request' | 'Assessment' | 'Service' | 'Review' | 'carer';

/** One CLD column. */
export interface CldColumn {
  /** The national database's column name (reference b). */
  readonly field: string;
  /** Other headings it is known by (the submission file's headings fold to the database name already). */
  readonly aliases: readonly string[];
  /** What kind of fault or value. */
  readonly kind: CldColumnKind;
  /** DHSC's DQ module (reference d.8). */
  readonly module: string;
  /** The event types the field applies to (reference b.4). */
  readonly appliesTo: CldAppliesTo;
  /** Whether a blank counts as "Failed: Blank (Mandatory)" where the field applies (modelled); `non-service`: for every event type but services. */
  readonly mandatory: boolean | 'non-service';
  /** Which layout carries it: a council's submission file, the national database, or both. */
  readonly layout: 'both' | 'submission' | 'national';
  /** Whether the cleaned record carries it (`false`: recognised, then left out, e.g. names and postcodes). */
  readonly carried: boolean;
}

const SUB = 'Submission information';
const PERSON = 'Person details';
const ALL = 'Events (all)';
const REQ = 'Events (requests only)';
const ASM = 'Events (assessments only)';
const SVC = 'Events (services only)';
const REV = 'Events (reviews only)';
const CARER = 'Carers and linked service users';
const COST = 'Costs (services only)';

const c = (
  field: string,
  kind: CldColumnKind,
  module: string,
  options: {
    aliases?: readonly string[];
    appliesTo?: CldAppliesTo;
    mandatory?: boolean | 'non-service';
    layout?: CldColumn['layout'];
    carried?: boolean;
  } = {},
): CldColumn => ({
  field,
  aliases: options.aliases ?? [],
  kind,
  module,
  appliesTo: options.appliesTo ?? 'all',
  mandatory: options.mandatory ?? false,
  layout: options.layout ?? 'both',
  carried: options.carried ?? true,
});

/** Every CLD column the check recognises, in the order of the reference's section b. */
export const CLD_COLUMNS: readonly CldColumn[] = [
  c('LA_Code', 'text', SUB, { aliases: ['LA Code', 'CASSR Code', 'Local Authority Code'] }),
  c('LA_Name', 'text', SUB, { aliases: ['Local Authority Name'] }),
  c('Reporting_Period_Start_Date', 'date', SUB),
  c('Reporting_Period_End_Date', 'date', SUB),
  c('ImportDate', 'datetime', SUB, { layout: 'national' }),
  c('ImportFileId', 'integer', SUB, { layout: 'national', carried: false }),
  c('Der_Unique_Record_ID', 'integer', SUB, { layout: 'national' }),
  c('LA_Person_Unique_Identifier', 'text', PERSON, {
    aliases: ['Der_LA_Person_Unique_Identifier_Pseudo'],
    mandatory: true,
  }),
  c('NHS_Number', 'text', PERSON, { aliases: ['Der_NHS_Number_Pseudo'] }),
  c('Der_NHS_Number_Traced_Pseudo', 'text', PERSON, { layout: 'national' }),
  c('First_Name', 'text', PERSON, { layout: 'submission', carried: false }),
  c('Last_Name', 'text', PERSON, { layout: 'submission', carried: false }),
  c('Postcode', 'text', PERSON, { layout: 'submission', carried: false }),
  c('Date_of_Birth', 'date', PERSON, { aliases: ['DOB'], layout: 'submission', mandatory: true }),
  c('Der_Birth_Year', 'integer', PERSON, { layout: 'national', mandatory: true }),
  c('Der_Birth_Month', 'integer', PERSON, { layout: 'national', mandatory: true }),
  c('Der_Age_Event_Start_Date', 'integer', PERSON, { layout: 'national' }),
  c('Der_Age_Reporting_Period_End_Date', 'integer', PERSON, { layout: 'national', carried: false }),
  c('GP_Practice_Code', 'text', PERSON, { carried: false }),
  c('GP_Practice_Name', 'text', PERSON, { carried: false }),
  c('Gender', 'list', PERSON, { aliases: ['Gender_Raw'] }),
  c('Ethnicity', 'list', PERSON, { aliases: ['Ethnicity_Raw'] }),
  c('Date_of_Death', 'date', PERSON),
  c('Client_Type', 'list', PERSON, { aliases: ['Client_Type_Raw'], mandatory: true }),
  c('Primary_Support_Reason', 'list', PERSON, { aliases: ['Primary_Support_Reason_Raw'] }),
  c('Accommodation_Status', 'list', PERSON, { aliases: ['Accommodation_Status_Raw'] }),
  c('Employment_Status', 'list', PERSON, { aliases: ['Employment_Status_Raw'] }),
  c('Has_Unpaid_Carer', 'text', PERSON),
  c('Autism_Spectrum_Disorder_ASD', 'text', PERSON, { carried: false }),
  c('Dementia', 'text', PERSON, { carried: false }),
  c('Visual_Impairment', 'text', PERSON, { carried: false }),
  c('Hearing_Impairment', 'text', PERSON, { carried: false }),
  c('Client_Funding_Status', 'list', PERSON, { aliases: ['Client_Funding_Status_Raw'] }),
  c('Event_Type', 'list', ALL, { mandatory: true }),
  c('Event_Reference', 'text', ALL),
  c('Event_Start_Date', 'date', ALL, { mandatory: true }),
  c('Event_End_Date', 'date', ALL, { aliases: ['Event_End_Date_Raw'], mandatory: 'non-service' }),
  c('Event_Description', 'text', ALL, { carried: false }),
  c('Event_Outcome', 'list', ALL, { aliases: ['Event_Outcome_Raw'], mandatory: 'non-service' }),
  c('Der_Conversation', 'integer', ALL, { layout: 'national' }),
  c('Der_Conversation_1', 'integer', ALL, { layout: 'national' }),
  c('Request_Route_of_Access', 'text', REQ, {
    aliases: ['Request_Route_Of_Access_Raw'],
    appliesTo: 'Request',
  }),
  c('Assessment_Type', 'list', ASM, {
    aliases: ['Assessment_Type_Raw'],
    appliesTo: 'Assessment',
    mandatory: true,
  }),
  c('Eligible_Needs_Identified', 'text', ASM, { appliesTo: 'Assessment' }),
  c('Method_of_Assessment', 'text', ASM, {
    aliases: ['Method_Of_Assessment_Raw'],
    appliesTo: 'Assessment',
  }),
  c('Total_Hrs_Caring_per_week', 'text', CARER, {
    aliases: ['Total_Hrs_Caring_Per_Week_Raw'],
    appliesTo: 'carer',
  }),
  c('No_of_adults_being_cared_for', 'integer', CARER, { appliesTo: 'carer' }),
  c('Adult_1_Linked_Person_ID', 'text', CARER, { appliesTo: 'carer' }),
  c('Adult_2_Linked_Person_ID', 'text', CARER, { appliesTo: 'carer' }),
  c('Adult_3_Linked_Person_ID', 'text', CARER, { appliesTo: 'carer' }),
  c('Service_Type', 'list', SVC, {
    aliases: ['Service_Type_Raw'],
    appliesTo: 'Service',
    mandatory: true,
  }),
  c('Service_Component', 'list', SVC, { aliases: ['Service_Component_Raw'], appliesTo: 'Service' }),
  c('Delivery_Mechanism', 'list', SVC, {
    aliases: ['Delivery_Mechanism_Raw'],
    appliesTo: 'Service',
  }),
  c('Provider_CQC_Location_ID', 'text', SVC, { appliesTo: 'Service' }),
  c('Provider_CQC_Location_Name', 'text', SVC, { appliesTo: 'Service', carried: false }),
  c('Unit_Cost', 'decimal', COST, { appliesTo: 'Service' }),
  c('Cost_Frequency_Unit_Type', 'text', COST, {
    aliases: ['Cost_Frequency_Unit_Type_Raw'],
    appliesTo: 'Service',
  }),
  c('Planned_units_per_week', 'decimal', COST, { appliesTo: 'Service' }),
  c('Review_Reason', 'text', REV, { aliases: ['Review_Reason_Raw'], appliesTo: 'Review' }),
  c('Review_Outcomes_Achieved', 'text', REV, {
    aliases: ['Review_Outcomes_Achieved_Raw'],
    appliesTo: 'Review',
  }),
  c('Method_of_Review', 'text', REV, { aliases: ['Method_Of_Review_Raw'], appliesTo: 'Review' }),
];

/** Which defined list (if any) a column is checked against. */
export const LIST_FIELD_OF: Readonly<Record<string, CldListField | undefined>> = {
  Event_Type: 'Event_Type',
  Event_Outcome: 'Event_Outcome',
  Client_Type: 'Client_Type',
  Ethnicity: 'Ethnicity',
  Gender: 'Gender',
  Primary_Support_Reason: 'Primary_Support_Reason',
  Accommodation_Status: 'Accommodation_Status',
  Employment_Status: 'Employment_Status',
  Client_Funding_Status: 'Client_Funding_Status',
  Assessment_Type: 'Assessment_Type',
  Service_Type: 'Service_Type',
  Service_Component: 'Service_Component',
  Delivery_Mechanism: 'Delivery_Mechanism',
};

const BY_KEY: ReadonlyMap<string, CldColumn> = (() => {
  const map = new Map<string, CldColumn>();
  for (const column of CLD_COLUMNS)
    for (const name of [column.field, ...column.aliases]) map.set(headingKey(name), column);
  return map;
})();

const BY_FIELD: ReadonlyMap<string, CldColumn> = new Map(CLD_COLUMNS.map((c) => [c.field, c]));

/** The CLD column a heading names by the field's name or an alias (no mapping), if any. */
export function cldColumnOfHeading(heading: string): CldColumn | undefined {
  return BY_KEY.get(headingKey(heading));
}

/** A file's headings resolved to CLD columns. */
export interface CldColumnResolution {
  /** Each recognised heading with its column, in the file's order (the first of two headings for one field wins; a mapped heading wins over the others). */
  readonly columns: readonly {
    /** The heading in the file. */
    readonly heading: string;
    /** The CLD column it names. */
    readonly column: CldColumn;
    /** How it was matched: by the mapping, by an alias, or by the field's own name. */
    readonly match: ColumnMatch;
  }[];
  /** Headings that are not CLD columns. */
  readonly unknown: readonly string[];
  /** Headings naming a field another heading already gives (an earlier one, or the mapping's). */
  readonly duplicates: readonly string[];
  /** Required fields with no heading (`'LA_Person_Unique_Identifier or NHS_Number'` when no person identifier at all). A field whose mapped heading is absent is in `mappedHeadingsNotFound` instead. */
  readonly missing: readonly string[];
  /** `national` when the headings include the national database's derived columns, else `submission`. */
  readonly layout: 'submission' | 'national';
  /** Mapping entries naming a field that is not a CLD column (its database name, e.g. `Event_Start_Date`), in the mapping's order. */
  readonly unknownMappingFields: readonly string[];
  /** Mapping entries whose heading the file does not have, in the mapping's order. */
  readonly mappedHeadingsNotFound: readonly {
    /** The field (database name). */
    readonly field: string;
    /** The heading the mapping gives for it. */
    readonly heading: string;
  }[];
}

/** Fields a file must have (the methods cannot run without them): reference d.3, d.4, d.5. */
const REQUIRED = ['Event_Type', 'Event_Start_Date', 'Event_End_Date', 'Client_Type'] as const;
const PERSON_IDS = [
  'LA_Person_Unique_Identifier',
  'NHS_Number',
  'Der_NHS_Number_Traced_Pseudo',
] as const;

/**
 * Resolves a file's headings to CLD columns, ignoring case, spaces and punctuation, and
 * says which headings are unknown and which required fields are missing. A `mapping`
 * (field database name → the file's heading, e.g. `{ "Event_Start_Date": "Start" }`)
 * names a field's heading explicitly: the mapped heading gives that field (written exactly
 * so, else ignoring case, spaces and punctuation) and wins over any heading that matches
 * it by name or alias (reported in `duplicates`). Mapping entries naming no CLD field, or
 * a heading the file does not have, are reported, not thrown.
 *
 * @example
 * ```ts
 * import { resolveCldColumns } from 'la-assurance/client-level-data';
 *
 * const r = resolveCldColumns(['Event Type', 'event_start_date', 'Event End Date', 'Client Type', 'NHS Number', 'Colour']);
 * r.unknown; // ['Colour']
 * r.missing; // []
 *
 * const mapped = resolveCldColumns(['Type', 'Start', 'End', 'Client Type', 'Person'], {
 *   Event_Type: 'Type', Event_Start_Date: 'Start', Event_End_Date: 'End', LA_Person_Unique_Identifier: 'Person',
 * });
 * mapped.columns[1]; // { heading: 'Start', column: { field: 'Event_Start_Date', … }, match: 'mapping' }
 * mapped.missing; // []
 * ```
 */
export function resolveCldColumns(
  headings: readonly string[],
  mapping: ColumnMapping = {},
): CldColumnResolution {
  const keys = headings.map(headingKey);
  // The mapping first: which headings it claims, for which fields.
  const unknownMappingFields: string[] = [];
  const mappedHeadingsNotFound: { field: string; heading: string }[] = [];
  const claimed = new Map<number, CldColumn[]>();
  const mappedFields = new Set<string>();
  for (const [field, heading] of Object.entries(mapping)) {
    const column = BY_FIELD.get(field);
    if (column === undefined) {
      unknownMappingFields.push(field);
      continue;
    }
    mappedFields.add(field);
    const index = mappedHeadingColumns(headings, keys, heading)[0];
    if (index === undefined) mappedHeadingsNotFound.push({ field, heading });
    else claimed.set(index, [...(claimed.get(index) ?? []), column]);
  }
  const columns: { heading: string; column: CldColumn; match: ColumnMatch }[] = [];
  const unknown: string[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < headings.length; i++) {
    const heading = headings[i]!;
    const mapped = claimed.get(i);
    if (mapped !== undefined) {
      for (const column of mapped) {
        seen.add(column.field);
        columns.push({ heading, column, match: 'mapping' });
      }
      continue;
    }
    const column = BY_KEY.get(keys[i]!);
    if (column === undefined) unknown.push(heading);
    else if (seen.has(column.field) || mappedFields.has(column.field)) duplicates.push(heading);
    else {
      seen.add(column.field);
      columns.push({
        heading,
        column,
        match: keys[i] === headingKey(column.field) ? 'name' : 'alias',
      });
    }
  }
  // A field whose mapped heading is absent is reported as that, not as missing too.
  const unresolved = (f: string) => !seen.has(f) && !mappedFields.has(f);
  const missing: string[] = REQUIRED.filter(unresolved);
  if (PERSON_IDS.every(unresolved)) missing.push('LA_Person_Unique_Identifier or NHS_Number');
  const national = columns.some(({ column }) => column.layout === 'national');
  return {
    columns,
    unknown,
    duplicates,
    missing,
    layout: national ? 'national' : 'submission',
    unknownMappingFields,
    mappedHeadingsNotFound,
  };
}
