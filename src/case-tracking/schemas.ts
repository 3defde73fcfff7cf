import * as z from 'zod';
import type { IsoDate } from '../timeline/iso-date.js';
import {
  AGE_BANDS,
  CARE_SETTINGS,
  CASE_AGE_RANGE,
  CASE_ID_MAX_LENGTH,
  ETHNIC_GROUPS,
  PRIMARY_SUPPORT_REASONS,
  ageBandOf,
  CASE_FLAGS,
  type CaseRecord,
} from './case-record.js';
import { CASE_DIMENSION_CATEGORIES, CASE_DIMENSION_FIELDS, type CaseCriteria } from './criteria.js';

// Typed as `z.ZodType<…>` so the API reference shows what a schema parses, not zod's internals;
// test/case-tracking/schemas.test-d.ts checks the inferred types equal the library's own.

// `z.iso.date()` accepts exactly the real proleptic-Gregorian `YYYY-MM-DD` dates that
// `isIsoDate` accepts (leap years included) and stays representable in JSON Schema
// (`format: date` plus a pattern), which a `z.custom` would not; the cast only adds the brand.
const IsoDateStringSchema = z.iso.date() as unknown as z.ZodType<IsoDate>;

/**
 * zod view of {@link CaseRecord}: accepts and rejects exactly what `safeParseCaseRecord`
 * does (a property test keeps the two equal). Extra fields are kept (loose object) and
 * ignored. Use it to compose case rows into your own schemas; for large exports,
 * `safeParseCaseRecord` is much faster and gives more specific messages.
 *
 * @example
 * ```ts
 * import { CaseRecordSchema } from 'la-assurance/case-tracking';
 *
 * const result = CaseRecordSchema.safeParse({
 *   id: 'C1', ageBand: '85+', primarySupportReason: 'physical-support', ethnicity: 'white',
 *   setting: 'community', unpaidCarer: true, hospitalDischarge: false,
 *   safeguardingEnquiry: false, directPayment: false, transition: false, team: 'North',
 * });
 * result.success; // true
 * result.success && 'team' in result.data; // true (extra fields are kept)
 * ```
 */
export const CaseRecordSchema: z.ZodType<CaseRecord> = z
  .looseObject({
    id: z.string().min(1).max(CASE_ID_MAX_LENGTH),
    age: z.number().int().min(CASE_AGE_RANGE.min).max(CASE_AGE_RANGE.max).optional(),
    ageBand: z.enum(AGE_BANDS).optional(),
    primarySupportReason: z.enum(PRIMARY_SUPPORT_REASONS),
    ethnicity: z.enum(ETHNIC_GROUPS),
    setting: z.enum(CARE_SETTINGS),
    unpaidCarer: z.boolean(),
    hospitalDischarge: z.boolean(),
    safeguardingEnquiry: z.boolean(),
    directPayment: z.boolean(),
    transition: z.boolean(),
    lastAssessed: IsoDateStringSchema.optional(),
    lastReviewed: IsoDateStringSchema.optional(),
  })
  .superRefine((record, ctx) => {
    if (record.age === undefined && record.ageBand === undefined) {
      ctx.addIssue({ code: 'custom', path: ['age'], message: 'give age (whole years) or ageBand' });
    } else if (
      // zod runs this even when a field failed: compare only a valid age with a given band.
      Number.isInteger(record.age) &&
      record.age! >= CASE_AGE_RANGE.min &&
      record.age! <= CASE_AGE_RANGE.max &&
      record.ageBand !== undefined &&
      ageBandOf(record.age!) !== record.ageBand
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['ageBand'],
        message: `ageBand does not match age ${record.age}`,
      });
    }
  });

const minimum = z.number().int().min(0);

/**
 * zod schema for {@link CaseCriteria}, to load criteria from JSON (for example CQC's own,
 * with `status: 'official'`). It checks that each category belongs to its field, that
 * fields, categories and rule ids are not repeated and that minimums are whole numbers ≥ 0.
 *
 * @example
 * ```ts
 * import { CaseCriteriaSchema, defaultCaseCriteria, safeSelectCaseSample } from 'la-assurance/case-tracking';
 * import { generateCasePopulation } from 'la-assurance/testing';
 *
 * const text = JSON.stringify({ ...defaultCaseCriteria(), id: 'anyshire-2025' }); // as read from a file
 * const criteria = CaseCriteriaSchema.parse(JSON.parse(text));
 * const cases = [...generateCasePopulation({ seed: 'demo', size: 1000 })];
 * const result = safeSelectCaseSample(cases, { seed: 'Anyshire 2025-01', criteria });
 * result.success && result.data.criteria.id; // 'anyshire-2025'
 * CaseCriteriaSchema.safeParse({ ...defaultCaseCriteria(), status: 'draft' }).success; // false
 * ```
 */
export const CaseCriteriaSchema: z.ZodType<CaseCriteria> = z
  .object({
    id: z.string().min(1),
    title: z.string(),
    status: z.enum(['official', 'modelled']),
    dimensions: z.array(
      z.object({
        field: z.enum(CASE_DIMENSION_FIELDS),
        categories: z.array(z.object({ id: z.string(), minimum })),
        proportional: z.boolean().optional(),
      }),
    ),
    mustInclude: z.array(
      z.object({
        id: z.string().min(1),
        title: z.string(),
        minimum,
        match: z.union([
          z.object({ flag: z.enum(CASE_FLAGS) }),
          z.object({ assessedOrReviewedSince: z.iso.date() }),
        ]),
      }),
    ),
  })
  .superRefine((criteria, ctx) => {
    const fields = new Set<string>();
    criteria.dimensions.forEach((dimension, d) => {
      if (fields.has(dimension.field))
        ctx.addIssue({
          code: 'custom',
          path: ['dimensions', d, 'field'],
          message: `dimension ${dimension.field} appears twice`,
        });
      fields.add(dimension.field);
      const allowed: readonly string[] = CASE_DIMENSION_CATEGORIES[dimension.field];
      const seen = new Set<string>();
      dimension.categories.forEach((category, c) => {
        if (!allowed.includes(category.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['dimensions', d, 'categories', c, 'id'],
            message: `${dimension.field} has no category ${JSON.stringify(category.id)}; use one of ${allowed.join(', ')}`,
          });
        }
        if (seen.has(category.id))
          ctx.addIssue({
            code: 'custom',
            path: ['dimensions', d, 'categories', c, 'id'],
            message: `category ${category.id} appears twice`,
          });
        seen.add(category.id);
      });
    });
    const ids = new Set<string>();
    criteria.mustInclude.forEach((rule, r) => {
      if (ids.has(rule.id))
        ctx.addIssue({
          code: 'custom',
          path: ['mustInclude', r, 'id'],
          message: `rule ${rule.id} appears twice`,
        });
      ids.add(rule.id);
    });
  });
