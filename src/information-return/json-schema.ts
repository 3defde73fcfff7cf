import * as z from 'zod';
import { AGE_BANDS, CASE_AGE_RANGE } from '../case-tracking/case-record.js';
import { CaseRecordSchema } from '../case-tracking/schemas.js';
import { deepFreeze } from '../internal/deep-freeze.js';
import { getQualityStatement } from '../framework/quality-statements.js';
import { LINK_PATTERN } from './compile.js';
import {
  FORBIDDEN_KEYS,
  TEXT_LIMITS,
  valueBounds,
  type InformationReturnTemplate,
  type TemplateItem,
  type ValueType,
} from './model.js';
import { assertNever } from './values.js';

/**
 * A JSON Schema document (draft 2020-12), as a plain frozen object ready for
 * `JSON.stringify` or a JSON Schema validator.
 */
export type JsonSchema = { readonly [keyword: string]: unknown };

const text = (max: number, min = 1): JsonSchema => ({
  type: 'string',
  minLength: min,
  maxLength: max,
  pattern: '\\S',
});
const DATE: JsonSchema = (() => {
  const { $schema: _, ...date } = z.toJSONSchema(z.iso.date(), { target: 'draft-2020-12' });
  return date;
})();

function valueSchema(value: ValueType): JsonSchema {
  switch (value.type) {
    case 'count':
    case 'percentage':
    case 'days':
    case 'money': {
      const { min, max } = valueBounds(value);
      return {
        type: value.type === 'count' ? 'integer' : 'number',
        minimum: min,
        ...(Number.isFinite(max) ? { maximum: max } : {}),
        ...(value.unit ? { description: `unit: ${value.unit}` } : {}),
      };
    }
    case 'date':
      return DATE;
    case 'enum':
      return { enum: [...value.options] };
    default:
      return assertNever(value);
  }
}

const answer = (key: string, schema: JsonSchema): JsonSchema => ({
  type: 'object',
  properties: { [key]: schema },
  required: [key],
  additionalProperties: false,
});

function answerSchema(item: TemplateItem): JsonSchema {
  switch (item.kind) {
    case 'document':
      return answer('document', { $ref: '#/$defs/documentReference' });
    case 'narrative':
      return answer('text', text(item.maxLength, item.minLength ?? 1));
    case 'data':
      return answer('value', valueSchema(item.value));
    case 'table':
      return answer('rows', {
        type: 'array',
        minItems: item.minRows ?? 1,
        maxItems: item.maxRows,
        items: {
          type: 'object',
          properties: Object.fromEntries(
            item.columns.map((c) => [c.id, { title: c.title, ...valueSchema(c.value) }]),
          ),
          required: item.columns.filter((c) => c.required).map((c) => c.id),
          additionalProperties: false,
        },
      });
    case 'case-list':
      return answer('cases', {
        type: 'array',
        minItems: item.minRows ?? 1,
        maxItems: item.maxRows,
        items: { $ref: '#/$defs/caseRecord' },
      });
    default:
      return assertNever(item);
  }
}

const AGE_LIMITS: Readonly<Record<(typeof AGE_BANDS)[number], readonly [number, number]>> = {
  '18-25': [CASE_AGE_RANGE.min, 25],
  '26-64': [26, 64],
  '65-84': [65, 84],
  '85+': [85, CASE_AGE_RANGE.max],
};

/**
 * The case record as JSON Schema: zod's conversion of `CaseRecordSchema`, plus what a
 * refinement says and JSON Schema can too (age or ageBand given; ageBand agrees with age)
 * and the information return's rule for extra fields (scalars, no forbidden keys).
 */
function caseRecordSchema(): JsonSchema {
  const { $schema: _, ...base } = z.toJSONSchema(CaseRecordSchema, { target: 'draft-2020-12' });
  return {
    ...base,
    additionalProperties: {
      type: ['string', 'number', 'boolean', 'null'],
      maxLength: TEXT_LIMITS.cell,
    },
    propertyNames: { not: { enum: [...FORBIDDEN_KEYS] } },
    anyOf: [{ required: ['age'] }, { required: ['ageBand'] }],
    allOf: AGE_BANDS.map((band) => ({
      if: {
        type: 'object',
        required: ['age', 'ageBand'],
        properties: {
          age: { type: 'number', minimum: AGE_LIMITS[band][0], maximum: AGE_LIMITS[band][1] },
        },
      },
      then: { properties: { ageBand: { const: band } } },
    })),
  };
}

/**
 * Options of {@link informationReturnJsonSchema}: the validation options that change
 * what is accepted.
 */
export interface InformationReturnJsonSchemaOptions {
  /** Do not require the template's required items (as `validateInformationReturn`'s option). Default `false`. */
  readonly allowIncomplete?: boolean;
}

/**
 * A JSON Schema (draft 2020-12) for submissions to `template`, for teams not on TypeScript.
 * It accepts and rejects what `validateInformationReturn` does for JSON data (tested with
 * ajv on generated submissions and their mutations), with two documented differences
 * JSON Schema cannot express: string lengths are counted in code points by JSON Schema but
 * in UTF-16 code units by the library (they differ only for characters outside the Basic
 * Multilingual Plane, such as emoji), and `format: date` needs the pattern beside it to
 * be checked by validators that ignore formats (both are given).
 *
 * @example
 * ```ts
 * import { informationReturnJsonSchema, MODELLED_FORMAL_TEMPLATE } from 'la-assurance/information-return';
 *
 * const schema = informationReturnJsonSchema(MODELLED_FORMAL_TEMPLATE);
 * schema.$schema; // 'https://json-schema.org/draft/2020-12/schema'
 * ```
 */
export function informationReturnJsonSchema(
  template: InformationReturnTemplate,
  options: InformationReturnJsonSchemaOptions = {},
): JsonSchema {
  const items = Object.fromEntries(
    template.items.map((item) => {
      const evidences = item.qualityStatements
        .map((id) => `QS${getQualityStatement(id).number}`)
        .join(', ');
      const description = [
        item.description,
        item.required ? 'Required.' : 'Optional.',
        evidences ? `Evidences ${evidences}.` : '',
      ]
        .filter(Boolean)
        .join(' ');
      return [
        item.id,
        {
          title: `${item.id} ${item.title}`,
          description,
          oneOf: [answerSchema(item), { $ref: '#/$defs/notHeld' }],
        },
      ];
    }),
  );
  return deepFreeze({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `Information return: ${template.title}`,
    description: `Submissions to template ${template.id} version ${template.version} (${template.status}${
      template.status === 'modelled' ? ': la-assurance’s reconstruction, not CQC’s item list' : ''
    }). Generated by la-assurance.`,
    type: 'object',
    properties: {
      template: {
        type: 'object',
        properties: { id: { const: template.id }, version: { const: template.version } },
        required: ['id', 'version'],
        additionalProperties: false,
      },
      council: text(TEXT_LIMITS.council),
      submittedOn: DATE,
      responses: {
        type: 'object',
        properties: items,
        required: options.allowIncomplete
          ? []
          : template.items.filter((i) => i.required).map((i) => i.id),
        additionalProperties: false,
      },
    },
    required: ['template', 'responses'],
    additionalProperties: false,
    $defs: {
      notHeld: {
        type: 'object',
        properties: { notHeld: { const: true }, reason: text(TEXT_LIMITS.reason) },
        required: ['notHeld', 'reason'],
        additionalProperties: false,
      },
      documentReference: {
        type: 'object',
        properties: {
          title: text(TEXT_LIMITS.documentTitle),
          link: { type: 'string', maxLength: TEXT_LIMITS.link, pattern: LINK_PATTERN },
          fileName: text(TEXT_LIMITS.fileName),
          section: text(TEXT_LIMITS.section),
        },
        required: ['title'],
        anyOf: [{ required: ['link'] }, { required: ['fileName'] }],
        additionalProperties: false,
      },
      caseRecord: caseRecordSchema(),
    },
  });
}
