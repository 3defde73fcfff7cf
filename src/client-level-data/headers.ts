// The header of a CLD file, before any row is read: the headings resolved to CLD columns
// (by name, alias or the column mapping), the problems that stop the check (a required
// column missing, a mapping naming no CLD field or a heading the file lacks) and the
// warnings reported once (unknown and duplicate columns). The check reads its first row
// through this; a dry run calls it alone.
import type { ValidationResult } from '../errors/index.js';
import {
  assertColumnMapping,
  headingKey,
  mappedHeadingNotFoundIssue,
  unknownMappingFieldIssue,
} from '../intake/headings.js';
import {
  cldIssue,
  type ClientLevelDataHeaders,
  type CldIssue,
  type CldIssueCode,
  type ResolveClientLevelDataHeadersOptions,
} from './check-model.js';
import { CLD_COLUMNS, cldColumnOfHeading, resolveCldColumns } from './columns.js';

const CLD_FIELD_NAMES = CLD_COLUMNS.map((c) => c.field);

/** The intake layer's message as a sentence, as the check's messages are written. */
const sentence = (message: string): string =>
  `${message.charAt(0).toUpperCase()}${message.slice(1)}${message.endsWith('?') ? '' : '.'}`;

/**
 * Resolves the header of a Client Level Data file — its headings, before any row is
 * read — as {@link checkClientLevelData} does with its first row: each field matched by
 * the column mapping when the mapping names it, else by its database name or a known
 * heading, all ignoring case, spaces and punctuation. Fails (`success: false`, issues at
 * row 0) when a required column is missing (`missing-column`), when the mapping names a
 * field that is not a CLD column (`unknown-mapping-field`) or a heading the file does not
 * have (`mapped-heading-not-found`), each message naming the field and the headings found.
 * Otherwise gives the resolution and the warnings the check reports once (unknown and
 * duplicate columns). For dry runs: the header's problems without reading the rows.
 *
 * @example
 * ```ts
 * import { resolveClientLevelDataHeaders } from 'la-assurance/client-level-data';
 *
 * const headings = ['Person', 'Type', 'Start', 'End', 'Client Type', 'Colour'];
 * const header = resolveClientLevelDataHeaders(headings, {
 *   mapping: { LA_Person_Unique_Identifier: 'Person', Event_Type: 'Type', Event_Start_Date: 'Start', Event_End_Date: 'End' },
 * });
 * header.success && header.data.resolution.columns.map((c) => `${c.column.field} ← ${c.heading} (${c.match})`)[2]; // 'Event_Start_Date ← Start (mapping)'
 * header.success && header.data.warnings.map((w) => w.code); // ['unknown-column']
 *
 * const wrong = resolveClientLevelDataHeaders(headings, { mapping: { Event_Start: 'Start' } });
 * !wrong.success && wrong.issues[0]?.code; // 'unknown-mapping-field'
 * ```
 */
export function resolveClientLevelDataHeaders(
  headings: readonly string[],
  options: ResolveClientLevelDataHeadersOptions = {},
): ValidationResult<ClientLevelDataHeaders, CldIssueCode> {
  assertColumnMapping(options.mapping);
  const resolution = resolveCldColumns(headings, options.mapping);
  const fatal: CldIssue[] = [];
  for (const field of resolution.unknownMappingFields) {
    const issue = unknownMappingFieldIssue(
      field,
      CLD_FIELD_NAMES,
      "a CLD field's database name (e.g. Event_Start_Date; see CLD_COLUMNS)",
    );
    fatal.push(cldIssue(0, field, issue.code, 'error', sentence(issue.message)));
  }
  const keys = headings.map(headingKey);
  for (const { field, heading } of resolution.mappedHeadingsNotFound) {
    const issue = mappedHeadingNotFoundIssue(field, heading, headings, keys);
    fatal.push(cldIssue(0, field, issue.code, 'error', sentence(issue.message)));
  }
  const found = headings.length === 0 ? '(none)' : headings.map((h) => `'${h}'`).join(', ');
  for (const field of resolution.missing)
    fatal.push(
      cldIssue(
        0,
        field,
        'missing-column',
        'error',
        `The file has no column for ${field} (a heading such as '${field.replace(/_/g, ' ')}', or name yours in a column mapping); the headings found were: ${found}.`,
      ),
    );
  if (fatal.length > 0) return { success: false, issues: fatal };
  const warnings: CldIssue[] = [];
  for (const heading of resolution.unknown)
    warnings.push(
      cldIssue(
        0,
        heading,
        'unknown-column',
        'warning',
        `Column '${heading}' is not a CLD field; it was ignored.`,
      ),
    );
  for (const heading of resolution.duplicates) {
    const field = cldColumnOfHeading(heading)?.field;
    const given = resolution.columns.find((c) => c.column.field === field);
    warnings.push(
      cldIssue(
        0,
        heading,
        'duplicate-column',
        'warning',
        `Column '${heading}' names ${field ?? 'a field'}, which ${given === undefined ? 'another column gives' : `column '${given.heading}' gives${given.match === 'mapping' ? ' (by the column mapping)' : ''}`}; it was ignored.`,
      ),
    );
  }
  return { success: true, data: { resolution, warnings } };
}
