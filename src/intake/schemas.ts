import * as z from 'zod';

/**
 * Zod schema of a column mapping (see {@link ColumnMapping}): a JSON object from the
 * library's field names to the headings of a council's export, both non-empty text.
 * Which field names are allowed depends on the module reading the rows; header
 * resolution reports a field it does not know, with a suggestion.
 *
 * @example
 * ```ts
 * import { ColumnMappingSchema } from 'la-assurance/intake';
 *
 * ColumnMappingSchema.parse({ id: 'Person ID', lastAssessed: 'Last Assessment Date' }).id; // 'Person ID'
 * ColumnMappingSchema.safeParse({ id: 7 }).success; // false
 * ```
 */
export const ColumnMappingSchema = z.record(
  z.string().min(1),
  z.string().min(1, 'give the heading as written in the file'),
);
