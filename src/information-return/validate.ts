import { LaAssuranceError } from '../errors/index.js';
import { compileTemplate } from './compile.js';
import { informationReturnCompleteness } from './completeness.js';
import { IssueSink } from './issue-sink.js';
import type { InformationReturnTemplate } from './model.js';
import type {
  InformationReturnIssue,
  InformationReturnValidation,
  ValidateInformationReturnOptions,
  ValidatedInformationReturn,
} from './submission.js';

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * Validates an information return against a template. Never throws on bad data: returns
 * the typed submission with its completeness report, or every issue found (each with a
 * stable `code`, the `path`, the `itemId` and a message a council officer can act on).
 *
 * Hostile input is contained: issues beyond `maxIssues` are only counted
 * (`suppressedIssues`); arrays longer than an item's `maxRows` and over-long text are
 * refused before they are read; the walk never goes deeper than the template's structure;
 * `__proto__`, `constructor` and `prototype` keys are refused and never reach the output;
 * cycles, functions, symbols and BigInt are issues; a getter or proxy that throws, or a
 * stack overflow, becomes an issue. The input is never mutated. The template is compiled
 * on first use and cached, so validating many returns against one template is fast.
 *
 * @throws RangeError when `maxIssues` is not a whole number ≥ 1, TypeError when the template
 * has an unknown item kind or value type (programmer misuse: build templates with
 * `defineInformationReturnTemplate`).
 * @example
 * ```ts
 * import { MODELLED_FORMAL_TEMPLATE, validateInformationReturn } from 'la-assurance/information-return';
 *
 * const text = '{ "template": { "id": "modelled-formal-2023-12", "version": "1" }, "council": "Example Council", "responses": {} }';
 * const result = validateInformationReturn(JSON.parse(text), MODELLED_FORMAL_TEMPLATE);
 * result.success; // false
 * !result.success && result.issues[0]?.code; // 'missing-required-item'
 * ```
 */
export function validateInformationReturn(
  input: unknown,
  template: InformationReturnTemplate,
  options: ValidateInformationReturnOptions = {},
): InformationReturnValidation {
  const maxIssues = options.maxIssues ?? 100;
  if (!Number.isInteger(maxIssues) || maxIssues < 1)
    throw new RangeError(`maxIssues must be a whole number ≥ 1; got ${String(maxIssues)}`);
  const compiled = compileTemplate(template);
  const sink = new IssueSink(maxIssues);
  let submission;
  try {
    submission = compiled.check(input, sink, options.allowIncomplete ?? false);
  } catch (error) {
    submission = undefined;
    if (isStackOverflow(error)) {
      sink.add(
        'stack-overflow',
        [],
        'submission: the input is nested or linked too deeply to read; send it as plain JSON data',
      );
    } else {
      sink.add(
        'input-unreadable',
        [],
        'submission: reading the input failed (a getter or proxy threw); send it as plain JSON data',
      );
    }
  }
  if (submission === undefined || sink.count > 0) {
    return Object.freeze({
      success: false,
      issues: Object.freeze(sink.issues),
      suppressedIssues: sink.suppressed,
    });
  }
  const data: ValidatedInformationReturn = Object.freeze({
    submission,
    completeness: informationReturnCompleteness(submission.responses, template),
  });
  return Object.freeze({ success: true, data });
}

/**
 * Like {@link validateInformationReturn}, but returns the validated return and throws on
 * invalid data.
 *
 * @throws LaAssuranceError with code `'invalid-information-return'` and the issues listed.
 * @example
 * ```ts
 * import { MODELLED_PILOT_TEMPLATE, parseInformationReturn } from 'la-assurance/information-return';
 * import { exampleInformationReturn } from 'la-assurance/testing';
 *
 * const data = exampleInformationReturn(MODELLED_PILOT_TEMPLATE, { seed: 'demo', notHeldShare: 0 });
 * const { submission, completeness } = parseInformationReturn(data, MODELLED_PILOT_TEMPLATE);
 * submission.council; // 'Example Council'
 * completeness.complete; // true
 * ```
 */
export function parseInformationReturn(
  input: unknown,
  template: InformationReturnTemplate,
  options: ValidateInformationReturnOptions = {},
): ValidatedInformationReturn {
  const result = validateInformationReturn(input, template, options);
  if (result.success) return result.data;
  const more = result.suppressedIssues > 0 ? ` (${result.suppressedIssues} more not listed)` : '';
  throw new LaAssuranceError<InformationReturnIssue['code']>(
    'invalid-information-return',
    result.issues,
    `The information return does not match template ${template.id} version ${template.version}: ${result.issues.length + result.suppressedIssues} issue(s)${more}`,
  );
}
