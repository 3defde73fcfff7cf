import type { ValidationIssue, ValidationResult } from '../errors/index.js';
import type {
  ColumnMapping,
  HeaderIssueCode,
  IntakeField,
  ResolvedColumn,
  ResolvedHeader,
} from './model.js';
import { closest } from './suggest.js';

/**
 * Folds a heading to the key it is matched by: case, white space and punctuation
 * ignored, so "Person ID", "person_id", "PERSON-ID" and "PersonId" are the same heading.
 *
 * @example
 * ```ts
 * import { headingKey } from 'la-assurance/intake';
 *
 * headingKey(' Last Assessment Date '); // 'lastassessmentdate'
 * headingKey('last_assessment_date');   // 'lastassessmentdate'
 * ```
 */
export function headingKey(heading: string): string {
  return heading
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const quote = (s: string): string => JSON.stringify(s);
const listed = (headings: readonly string[]): string =>
  headings.length === 0 ? '(none)' : headings.map(quote).join(', ');
const headingsFound = (headings: readonly string[]): string =>
  `the file's headings are: ${listed(headings)}`;

/**
 * Throws a `TypeError` when a column mapping given as an option is not an object of
 * heading strings (programmer misuse; a mapping read from JSON is checked with
 * `ColumnMappingSchema` first). `undefined` is no mapping.
 */
export function assertColumnMapping(
  mapping: unknown,
): asserts mapping is ColumnMapping | undefined {
  if (mapping === undefined) return;
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping))
    throw new TypeError('mapping must be an object from field names to headings');
  for (const [field, heading] of Object.entries(mapping))
    if (typeof heading !== 'string')
      throw new TypeError(`mapping.${field} must be a heading (a string); got ${typeof heading}`);
}

/**
 * The columns a mapped heading names: those whose heading is written exactly so, else
 * those equal to it ignoring case, spaces and punctuation ({@link headingKey}). `keys` are
 * the headings' keys, in order.
 */
export function mappedHeadingColumns(
  headings: readonly string[],
  keys: readonly string[],
  mapped: string,
): number[] {
  const exact = headings.flatMap((h, index) => (h === mapped ? [index] : []));
  if (exact.length > 0) return exact;
  const key = headingKey(mapped);
  return keys.flatMap((k, index) => (k === key && k !== '' ? [index] : []));
}

/**
 * The issue of a mapping entry naming a field the table does not have, with the nearest
 * field name as a suggestion. `expected` says what a field name is, after "that is not".
 */
export function unknownMappingFieldIssue(
  name: string,
  fieldNames: readonly string[],
  expected: string,
): ValidationIssue<'unknown-mapping-field'> {
  const guess = closest(
    headingKey(name),
    fieldNames.map((f) => [headingKey(f), f] as const),
  );
  return {
    code: 'unknown-mapping-field',
    path: ['mapping', name],
    message: `the mapping names a field "${name}" that is not ${expected}${guess !== undefined ? `; did you mean "${guess}"?` : ''}`,
  };
}

/**
 * The issue of a mapping entry whose heading the file does not have: names the field, the
 * heading, the nearest heading found and every heading found.
 */
export function mappedHeadingNotFoundIssue(
  field: string,
  mapped: string,
  headings: readonly string[],
  keys: readonly string[],
): ValidationIssue<'mapped-heading-not-found'> {
  const guess = closest(
    headingKey(mapped),
    keys.map((k, i) => [k, headings[i]!] as const),
  );
  return {
    code: 'mapped-heading-not-found',
    path: ['mapping', field],
    message: `the mapping gives "${mapped}" for ${field}, but the file has no such heading${guess !== undefined ? ` (did you mean "${guess}"?)` : ''}; ${headingsFound(headings)}`,
  };
}

/**
 * Resolves a file's headings against a field table, before any row is read. Each field is
 * matched by the mapping when the mapping names it, else by its name or an alias, all
 * ignoring case, spaces and punctuation ({@link headingKey}). Fails, naming the column and
 * the headings found, when a required field has no column, when two columns feed one
 * field, or when the mapping names a heading or field that does not exist; headings no
 * field uses are reported once, as a warning. Never throws on bad data; a `mapping` that is
 * not an object of heading strings is a `TypeError` (programmer misuse of the option).
 *
 * @param headings - the header row as found in the file.
 * @param fields - the field table (`{ field, aliases, required }`), as data.
 * @param mapping - explicit field → heading choices, e.g. `{ "id": "Person ID" }`.
 * @example
 * ```ts
 * import { resolveHeader } from 'la-assurance/intake';
 *
 * const result = resolveHeader(['Person ID', 'Notes'], [{ field: 'id', aliases: ['Person ID'], required: true }]);
 * result.success && result.data.columns[0]; // { field: 'id', index: 0, heading: 'Person ID', match: 'alias' }
 * ```
 */
export function resolveHeader(
  headings: readonly string[],
  fields: readonly IntakeField[],
  mapping: ColumnMapping = {},
): ValidationResult<ResolvedHeader, HeaderIssueCode> {
  assertColumnMapping(mapping);
  const errors: ValidationIssue<HeaderIssueCode>[] = [];
  const warnings: ValidationIssue<HeaderIssueCode>[] = [];
  const keys = headings.map(headingKey);
  const found = headingsFound(headings);
  if (headings.every((h) => h.trim() === '')) {
    return {
      success: false,
      issues: [
        {
          code: 'empty-header',
          path: [],
          message: 'the first row has no headings; the file must start with a header row',
        },
      ],
    };
  }
  const names = fields.map((f) => f.field);
  for (const name of Object.keys(mapping)) {
    if (names.includes(name)) continue;
    errors.push(unknownMappingFieldIssue(name, names, `one of ${names.join(', ')}`));
  }
  const columns: ResolvedColumn[] = [];
  const used = new Set<number>();
  for (const f of fields) {
    const mapped = mapping[f.field];
    let matches: { index: number; match: ResolvedColumn['match'] }[];
    if (mapped !== undefined) {
      matches = mappedHeadingColumns(headings, keys, mapped).map((index) => ({
        index,
        match: 'mapping' as const,
      }));
      if (matches.length === 0) {
        errors.push(mappedHeadingNotFoundIssue(f.field, mapped, headings, keys));
        continue;
      }
    } else {
      const nameKey = headingKey(f.field);
      const aliasKeys = new Set((f.aliases ?? []).map(headingKey));
      matches = keys.flatMap((k, index): { index: number; match: ResolvedColumn['match'] }[] =>
        k === ''
          ? []
          : k === nameKey
            ? [{ index, match: 'name' }]
            : aliasKeys.has(k)
              ? [{ index, match: 'alias' }]
              : [],
      );
    }
    if (matches.length > 1) {
      errors.push({
        code: 'duplicate-column',
        path: [f.field],
        message: `${matches.length} columns could give ${f.field}: ${matches.map((m) => `${quote(headings[m.index]!)} (column ${m.index + 1})`).join(', ')}; rename or remove all but one, or choose one in the mapping`,
      });
      continue;
    }
    const m = matches[0];
    if (m === undefined) {
      const accepted = [f.field, ...(f.aliases ?? [])];
      if (f.required === true) {
        const guess = closest(
          headingKey(f.field),
          keys.map((k, i) => [k, headings[i]!] as const),
        );
        errors.push({
          code: 'missing-column',
          path: [f.field],
          message: `no column for ${f.field} (required): expected a heading such as ${accepted.slice(0, 4).map(quote).join(', ')}${guess !== undefined ? ` (is it "${guess}"?)` : ''}, or name it in a mapping; ${found}`,
        });
      } else {
        warnings.push({
          code: 'optional-column-absent',
          path: [f.field],
          message: `no column for ${f.field} (optional): it is left out of every record`,
        });
      }
      continue;
    }
    used.add(m.index);
    columns.push({ field: f.field, index: m.index, heading: headings[m.index]!, match: m.match });
  }
  if (errors.length > 0) return { success: false, issues: errors };
  const unused = headings.flatMap((heading, index) =>
    used.has(index) ? [] : [{ index, heading }],
  );
  if (unused.length > 0) {
    warnings.push({
      code: 'unused-column',
      path: [],
      message: `${unused.length} column${unused.length === 1 ? '' : 's'} not used: ${listed(unused.map((u) => u.heading))}`,
    });
  }
  const repeated = [
    ...new Set(
      unused.map((u) => keys[u.index]!).filter((k, i, all) => k !== '' && all.indexOf(k) !== i),
    ),
  ];
  for (const key of repeated) {
    const same = unused.filter((u) => keys[u.index] === key);
    warnings.push({
      code: 'duplicate-heading',
      path: [],
      message: `heading ${quote(same[0]!.heading)} appears ${same.length} times (columns ${same.map((u) => u.index + 1).join(', ')}); no field uses it`,
    });
  }
  return { success: true, data: { headings: [...headings], columns, unused, warnings } };
}
