import { LaAssuranceError, type ValidationIssue, type ValidationResult } from '../errors/index.js';
import { deepFreeze } from '../internal/deep-freeze.js';
import { unreadableIssue } from '../internal/unreadable.js';
import type { InformationReturnTemplate } from './model.js';
import { InformationReturnTemplateSchema } from './schemas.js';

/**
 * Stable codes of template issues: `invalid-template-field` (a field's type or format),
 * and the cross-field rules `duplicate-item-id`, `duplicate-section-id`,
 * `duplicate-column-id`, `duplicate-option`, `duplicate-quality-statement`,
 * `unknown-section`, `invalid-bounds`; `input-unreadable` when reading the spec throws (a
 * throwing getter, a revoked Proxy such as a stale Immer draft).
 */
export type TemplateIssueCode =
  | 'invalid-template-field'
  | 'duplicate-item-id'
  | 'duplicate-section-id'
  | 'duplicate-column-id'
  | 'duplicate-option'
  | 'duplicate-quality-statement'
  | 'theme-mismatch'
  | 'unknown-section'
  | 'invalid-bounds'
  | 'input-unreadable';

/**
 * Checks a template (for example CQC's official item list, written as JSON) and returns a
 * frozen copy, or every issue found. Never throws on bad data, nor on input that cannot be
 * read (a throwing getter or Proxy trap, a revoked Proxy): that gives one `input-unreadable` issue.
 *
 * @example
 * ```ts
 * import { MODELLED_FORMAL_TEMPLATE, safeDefineInformationReturnTemplate } from 'la-assurance/information-return';
 *
 * const result = safeDefineInformationReturnTemplate({ ...MODELLED_FORMAL_TEMPLATE, id: 'Bad Id' });
 * result.success; // false
 * ```
 */
export function safeDefineInformationReturnTemplate(
  spec: unknown,
): ValidationResult<InformationReturnTemplate, TemplateIssueCode> {
  let parsed: ReturnType<typeof InformationReturnTemplateSchema.safeParse>;
  try {
    parsed = InformationReturnTemplateSchema.safeParse(spec);
  } catch (error) {
    return Object.freeze({
      success: false,
      issues: Object.freeze([Object.freeze(unreadableIssue(error, [], 'template'))]),
    });
  }
  if (parsed.success) return Object.freeze({ success: true, data: deepFreeze(parsed.data) });
  const issues = parsed.error.issues.map((issue): ValidationIssue<TemplateIssueCode> => {
    const code =
      (issue.code === 'custom'
        ? (issue.params?.code as TemplateIssueCode | undefined)
        : undefined) ?? 'invalid-template-field';
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    return Object.freeze({
      code,
      path: Object.freeze(path),
      message: `${path.join('.') || 'template'}: ${issue.message}`,
    });
  });
  return Object.freeze({ success: false, issues: Object.freeze(issues) });
}

/**
 * Checks a template and returns a frozen copy, ready for `validateInformationReturn`. Use
 * it to load CQC's official return (give it `status: 'official'`) or your own variant.
 *
 * @throws LaAssuranceError with code `'invalid-template'` listing every issue.
 * @example
 * ```ts
 * import { defineInformationReturnTemplate, MODELLED_FORMAL_TEMPLATE } from 'la-assurance/information-return';
 *
 * // A template stored as JSON, read back and checked:
 * const official = defineInformationReturnTemplate(JSON.parse(JSON.stringify(MODELLED_FORMAL_TEMPLATE)));
 * official.items.length === MODELLED_FORMAL_TEMPLATE.items.length; // true
 * Object.isFrozen(official.items); // true
 * ```
 */
export function defineInformationReturnTemplate(spec: unknown): InformationReturnTemplate {
  const result = safeDefineInformationReturnTemplate(spec);
  if (result.success) return result.data;
  throw new LaAssuranceError(
    'invalid-template',
    result.issues,
    'The information return template is not valid',
  );
}
