import type { ThemeId } from '../framework/themes.js';
import type { QualityStatementId } from '../framework/quality-statements.js';
import type { IsoDate } from '../timeline/iso-date.js';

/**
 * Who wrote a template: `official` (CQC's own item list, loaded by you with
 * `defineInformationReturnTemplate`) or `modelled` (built by la-assurance from what CQC has
 * published, because the official list is not public).
 *
 * @example
 * ```ts
 * import { TEMPLATE_STATUSES } from 'la-assurance/information-return';
 *
 * TEMPLATE_STATUSES; // ['official', 'modelled']
 * ```
 */
export const TEMPLATE_STATUSES = ['official', 'modelled'] as const;

/**
 * A template's status (see {@link TEMPLATE_STATUSES}).
 */
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

/**
 * The kinds of item an information return asks for, and the answer each takes:
 * `document` → `{ document: { title, link | fileName, section? } }`, `data` → `{ value }`,
 * `narrative` → `{ text }`, `table` → `{ rows }`, `case-list` → `{ cases }`. Any item may
 * instead be answered `{ notHeld: true, reason }`.
 *
 * @example
 * ```ts
 * import { ITEM_KINDS } from 'la-assurance/information-return';
 *
 * ITEM_KINDS.includes('case-list'); // true
 * ```
 */
export const ITEM_KINDS = ['document', 'data', 'narrative', 'table', 'case-list'] as const;

/**
 * An item kind (see {@link ITEM_KINDS}).
 */
export type ItemKind = (typeof ITEM_KINDS)[number];

/**
 * The value types of data items and table columns: `count` (a whole number of people,
 * applications…), `percentage` (0–100 unless bounded otherwise), `days` (a number of days,
 * decimals allowed, e.g. a median wait), `date` (`YYYY-MM-DD`), `enum` (one of the listed
 * options) and `money` (pounds sterling, decimals allowed).
 *
 * @example
 * ```ts
 * import { VALUE_TYPES } from 'la-assurance/information-return';
 *
 * VALUE_TYPES.length; // 6
 * ```
 */
export const VALUE_TYPES = ['count', 'percentage', 'days', 'date', 'enum', 'money'] as const;

/**
 * A value type name (see {@link VALUE_TYPES}).
 */
export type ValueTypeName = (typeof VALUE_TYPES)[number];

/**
 * A numeric value type with optional bounds (inclusive) and a display unit. Default
 * bounds: `min` 0 for every numeric type, `max` 100 for percentages, none otherwise.
 */
export interface NumericValueType {
  /** `count` (whole numbers), `percentage`, `days` or `money` (pounds). */
  readonly type: 'count' | 'percentage' | 'days' | 'money';
  /** Smallest accepted value (inclusive); default 0. */
  readonly min?: number | undefined;
  /** Largest accepted value (inclusive); default 100 for percentages, otherwise none. */
  readonly max?: number | undefined;
  /** Unit shown to people, e.g. `'people'`; defaults: `%`, `days`, `£`, none for counts. */
  readonly unit?: string | undefined;
}

/**
 * A calendar date value, written `YYYY-MM-DD`.
 */
export interface DateValueType {
  /** Always `'date'`. */
  readonly type: 'date';
}

/**
 * A value that must be one of a fixed list of strings.
 */
export interface EnumValueType {
  /** Always `'enum'`. */
  readonly type: 'enum';
  /** The accepted values (at least one, all different). */
  readonly options: readonly string[];
}

/**
 * The type of a data item's value or of a table column.
 */
export type ValueType = NumericValueType | DateValueType | EnumValueType;

/**
 * What every template item has, whatever its kind.
 */
export interface TemplateItemBase {
  /** Stable id, unique in the template (letters, digits, `.`, `_`, `-`; e.g. `'D4'`). */
  readonly id: string;
  /** Id of the section the item sits in. */
  readonly section: string;
  /** The item's title, as a council officer sees it. */
  readonly title: string;
  /** Guidance on what to give. */
  readonly description?: string | undefined;
  /** The quality statements the item evidences (may be empty, e.g. for an "as at" date). */
  readonly qualityStatements: readonly QualityStatementId[];
  /**
   * The themes the item evidences, where the template states them (CQC's formal return
   * tags each item with its theme and statements). Optional: when given, they must be the
   * themes of `qualityStatements` (see `itemThemes`), or the template is rejected.
   */
  readonly themes?: readonly ThemeId[] | undefined;
  /** Whether the return must answer it (an answer may be "not held, because …"). */
  readonly required: boolean;
}

/**
 * An item answered with a document reference.
 */
export interface DocumentItem extends TemplateItemBase {
  /** Always `'document'`. */
  readonly kind: 'document';
}

/**
 * An item answered with free text, such as the self-assessment of a theme.
 */
export interface NarrativeItem extends TemplateItemBase {
  /** Always `'narrative'`. */
  readonly kind: 'narrative';
  /** Fewest characters (UTF-16 code units) accepted; default 1. Text must not be blank. */
  readonly minLength?: number | undefined;
  /** Most characters (UTF-16 code units) accepted. */
  readonly maxLength: number;
}

/**
 * An item answered with one value of a declared type.
 */
export interface DataItem extends TemplateItemBase {
  /** Always `'data'`. */
  readonly kind: 'data';
  /** The value's type, bounds and unit. */
  readonly value: ValueType;
}

/**
 * A column of a table item.
 */
export interface TableColumn {
  /** Key of the column in each row (letters, digits, `.`, `_`, `-`). */
  readonly id: string;
  /** The column's heading. */
  readonly title: string;
  /** The type of its cells. */
  readonly value: ValueType;
  /** Whether every row must fill it. */
  readonly required: boolean;
}

/**
 * An item answered with rows of typed cells.
 */
export interface TableItem extends TemplateItemBase {
  /** Always `'table'`. */
  readonly kind: 'table';
  /** The columns (at least one, distinct ids). */
  readonly columns: readonly TableColumn[];
  /** Fewest rows accepted; default 1. */
  readonly minRows?: number | undefined;
  /** Most rows accepted. */
  readonly maxRows: number;
}

/**
 * An item answered with case records (the case-record model of `la-assurance/case-tracking`).
 */
export interface CaseListItem extends TemplateItemBase {
  /** Always `'case-list'`. */
  readonly kind: 'case-list';
  /** Fewest cases accepted; default 1. */
  readonly minRows?: number | undefined;
  /** Most cases accepted. */
  readonly maxRows: number;
}

/**
 * One item of an information return template.
 */
export type TemplateItem = DocumentItem | NarrativeItem | DataItem | TableItem | CaseListItem;

/**
 * A section of a template (items are listed in template order, each naming its section).
 */
export interface TemplateSection {
  /** Stable id, unique in the template. */
  readonly id: string;
  /** The section's title. */
  readonly title: string;
  /** What the section is for. */
  readonly description?: string | undefined;
}

/**
 * A versioned information return template: the items a council must return, as data.
 * Validation, completeness and the JSON Schema are generated from it, so a new CQC item
 * list needs no code change: load it with `defineInformationReturnTemplate`.
 *
 * @example
 * ```ts
 * import { MODELLED_FORMAL_TEMPLATE } from 'la-assurance/information-return';
 *
 * MODELLED_FORMAL_TEMPLATE.status; // 'modelled'
 * ```
 */
export interface InformationReturnTemplate {
  /** Stable id (lower-case letters, digits and `-`), e.g. `'modelled-formal-2023-12'`. */
  readonly id: string;
  /** Version of this template (submissions name the id and version they answer). */
  readonly version: string;
  /** Title shown to people. */
  readonly title: string;
  /** `official` (CQC's list) or `modelled` (la-assurance's reconstruction). */
  readonly status: TemplateStatus;
  /** First day the template applies. */
  readonly effectiveFrom: IsoDate;
  /** Last day the template applies, if it has been replaced. */
  readonly effectiveTo?: IsoDate | undefined;
  /** Where the content comes from, and for a modelled template what is modelled. */
  readonly source?: string | undefined;
  /** The sections, in order. */
  readonly sections: readonly TemplateSection[];
  /** The items, in order (at least one, distinct ids). */
  readonly items: readonly TemplateItem[];
}

/**
 * Keys that never reach an output and are refused anywhere in a submission or a template,
 * because assigning them can change an object's prototype in JavaScript.
 *
 * @example
 * ```ts
 * import { FORBIDDEN_KEYS } from 'la-assurance/information-return';
 *
 * FORBIDDEN_KEYS.includes('__proto__'); // true
 * ```
 */
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * Length limits (UTF-16 code units) of the short text fields of a submission.
 * Narrative limits come from each narrative item.
 *
 * @example
 * ```ts
 * import { TEXT_LIMITS } from 'la-assurance/information-return';
 *
 * TEXT_LIMITS.reason; // 2000
 * ```
 */
export const TEXT_LIMITS = {
  /** A document's title. */
  documentTitle: 500,
  /** A document's link (an `http(s)://` address). */
  link: 2000,
  /** A document's file name. */
  fileName: 255,
  /** A pointer to a section of a document, e.g. "section 4, pages 12–15". */
  section: 500,
  /** Why an item is not held. */
  reason: 2000,
  /** The council's name. */
  council: 200,
  /** Text in a table cell of enum type, and in the extra (non-model) fields of a case row. */
  cell: 1000,
} as const;

/**
 * The inclusive bounds a numeric value type accepts, with the defaults applied (`min` 0;
 * `max` 100 for percentages, otherwise `Infinity`).
 *
 * @example
 * ```ts
 * import { valueBounds } from 'la-assurance/information-return';
 *
 * valueBounds({ type: 'percentage' }); // { min: 0, max: 100 }
 * ```
 */
export function valueBounds(value: NumericValueType): {
  /** Smallest accepted value. */
  readonly min: number;
  /** Largest accepted value (`Infinity` when unbounded). */
  readonly max: number;
} {
  return { min: value.min ?? 0, max: value.max ?? (value.type === 'percentage' ? 100 : Infinity) };
}
