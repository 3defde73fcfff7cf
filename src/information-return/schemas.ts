import * as z from 'zod';
import { QUALITY_STATEMENT_IDS } from '../framework/quality-statements.js';
import { THEME_IDS } from '../framework/themes.js';
import { itemThemes } from './item-themes.js';
import type { IsoDate } from '../timeline/iso-date.js';
import {
  FORBIDDEN_KEYS,
  TEMPLATE_STATUSES,
  valueBounds,
  type InformationReturnTemplate,
  type TableColumn,
  type TemplateItem,
  type TemplateSection,
  type ValueType,
} from './model.js';

// The template model's source of truth. Typed as `z.ZodType<…>` so the API reference shows
// what a schema parses; the compiler checks each schema's output against the interfaces in
// model.ts. Cross-field rules (unique ids, known sections, min ≤ max) are refinements that
// carry a stable code in `params.code`.

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const key = (what: string) =>
  z
    .string()
    .regex(KEY, `${what}: 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit`)
    .refine(
      (k) => !(FORBIDDEN_KEYS as readonly string[]).includes(k),
      `${what}: this name is reserved`,
    );
const text = (max: number) => z.string().min(1).max(max).regex(/\S/, 'must not be blank');
const IsoDateSchema = z.iso.date() as unknown as z.ZodType<IsoDate>;
const bound = z.number().refine(Number.isFinite, 'must be a finite number');
const rows = z.number().int().min(0).max(10_000_000);

function custom(
  ctx: z.core.$RefinementCtx,
  code: string,
  path: (string | number)[],
  message: string,
): void {
  ctx.addIssue({ code: 'custom', params: { code }, path, message });
}

/** zod schema for a {@link ValueType}: `min` ≤ `max`, distinct enum options, whole-number bounds for counts. */
export const ValueTypeSchema: z.ZodType<ValueType> = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.enum(['count', 'percentage', 'days', 'money']),
      min: bound.optional(),
      max: bound.optional(),
      unit: text(40).optional(),
    }),
    z.strictObject({ type: z.literal('date') }),
    z.strictObject({ type: z.literal('enum'), options: z.array(text(200)).min(1).max(200) }),
  ])
  .superRefine((value, ctx) => {
    if (value.type === 'enum') {
      if (new Set(value.options).size !== value.options.length)
        custom(ctx, 'duplicate-option', ['options'], 'enum options must all be different');
      return;
    }
    if (value.type === 'date') return;
    const { min, max } = valueBounds(value);
    if (min > max) custom(ctx, 'invalid-bounds', ['min'], `min (${min}) is above max (${max})`);
    if (
      value.type === 'count' &&
      (!Number.isInteger(min) || (Number.isFinite(max) && !Number.isInteger(max)))
    ) {
      custom(ctx, 'invalid-bounds', ['min'], 'count bounds must be whole numbers');
    }
  });

/** zod schema for a {@link TableColumn}. */
export const TableColumnSchema: z.ZodType<TableColumn> = z.strictObject({
  id: key('column id'),
  title: text(500),
  value: ValueTypeSchema,
  required: z.boolean(),
});

const base = {
  id: key('item id'),
  section: key('section id'),
  title: text(500),
  description: text(5_000).optional(),
  qualityStatements: z.array(z.enum(QUALITY_STATEMENT_IDS)).max(9),
  themes: z.array(z.enum(THEME_IDS)).max(4).optional(),
  required: z.boolean(),
};

/** zod schema for a {@link TemplateItem} (discriminated by `kind`). */
export const TemplateItemSchema: z.ZodType<TemplateItem> = z
  .discriminatedUnion('kind', [
    z.strictObject({ ...base, kind: z.literal('document') }),
    z.strictObject({
      ...base,
      kind: z.literal('narrative'),
      minLength: z.number().int().min(1).optional(),
      maxLength: z.number().int().min(1).max(1_000_000),
    }),
    z.strictObject({ ...base, kind: z.literal('data'), value: ValueTypeSchema }),
    z.strictObject({
      ...base,
      kind: z.literal('table'),
      columns: z.array(TableColumnSchema).min(1).max(100),
      minRows: rows.optional(),
      maxRows: rows,
    }),
    z.strictObject({
      ...base,
      kind: z.literal('case-list'),
      minRows: rows.optional(),
      maxRows: rows,
    }),
  ])
  .superRefine((item, ctx) => {
    if (new Set(item.qualityStatements).size !== item.qualityStatements.length) {
      custom(
        ctx,
        'duplicate-quality-statement',
        ['qualityStatements'],
        'list each quality statement once',
      );
    }
    if (item.themes !== undefined) {
      // The formal return states each item's theme as well as its statements (domain reference §10): they must agree.
      const derived = itemThemes(item);
      const stated = [...new Set(item.themes)].sort();
      if (stated.length !== item.themes.length || stated.join() !== [...derived].sort().join()) {
        custom(
          ctx,
          'theme-mismatch',
          ['themes'],
          `the themes given (${item.themes.join(', ') || 'none'}) are not those of the item's quality statements (${derived.join(', ') || 'none'})`,
        );
      }
    }
    if (item.kind === 'narrative' && (item.minLength ?? 1) > item.maxLength) {
      custom(
        ctx,
        'invalid-bounds',
        ['minLength'],
        `minLength (${item.minLength}) is above maxLength (${item.maxLength})`,
      );
    }
    if (
      (item.kind === 'table' || item.kind === 'case-list') &&
      (item.minRows ?? 1) > item.maxRows
    ) {
      custom(
        ctx,
        'invalid-bounds',
        ['minRows'],
        `minRows (${item.minRows ?? 1}) is above maxRows (${item.maxRows})`,
      );
    }
    if (item.kind === 'table') {
      const ids = item.columns.map((c) => c.id);
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i)
          custom(
            ctx,
            'duplicate-column-id',
            ['columns', i, 'id'],
            `column id "${id}" is used twice`,
          );
      });
    }
  });

/** zod schema for a {@link TemplateSection}. */
export const TemplateSectionSchema: z.ZodType<TemplateSection> = z.strictObject({
  id: key('section id'),
  title: text(500),
  description: text(5_000).optional(),
});

/**
 * zod schema for an {@link InformationReturnTemplate}: field types, plus distinct section
 * and item ids, items in known sections, and effective dates in order. Each cross-field
 * problem carries a stable code in `params.code`.
 *
 * @example
 * ```ts
 * import { InformationReturnTemplateSchema, MODELLED_FORMAL_TEMPLATE } from 'la-assurance/information-return';
 *
 * InformationReturnTemplateSchema.safeParse(MODELLED_FORMAL_TEMPLATE).success; // true
 * ```
 */
export const InformationReturnTemplateSchema: z.ZodType<InformationReturnTemplate> = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'template id: lower-case letters, digits and -'),
    version: text(40),
    title: text(500),
    status: z.enum(TEMPLATE_STATUSES),
    effectiveFrom: IsoDateSchema,
    effectiveTo: IsoDateSchema.optional(),
    source: text(5_000).optional(),
    sections: z.array(TemplateSectionSchema).min(1).max(100),
    items: z.array(TemplateItemSchema).min(1).max(1_000),
  })
  .superRefine((template, ctx) => {
    if (template.effectiveTo !== undefined && template.effectiveTo < template.effectiveFrom) {
      custom(ctx, 'invalid-bounds', ['effectiveTo'], 'effectiveTo is before effectiveFrom');
    }
    const sections = template.sections.map((s) => s.id);
    sections.forEach((id, i) => {
      if (sections.indexOf(id) !== i)
        custom(
          ctx,
          'duplicate-section-id',
          ['sections', i, 'id'],
          `section id "${id}" is used twice`,
        );
    });
    const items = template.items.map((item) => item.id);
    template.items.forEach((item, i) => {
      if (items.indexOf(item.id) !== i)
        custom(ctx, 'duplicate-item-id', ['items', i, 'id'], `item id "${item.id}" is used twice`);
      if (!sections.includes(item.section)) {
        custom(
          ctx,
          'unknown-section',
          ['items', i, 'section'],
          `item ${item.id}: section "${item.section}" is not one of the template's sections (${sections.join(', ')})`,
        );
      }
    });
  });
