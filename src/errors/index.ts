/** A path to the offending value inside the input, e.g. `['scores', 'safeguarding']`. */
export type IssuePath = readonly (string | number)[];

/**
 * One problem found in input data. `code` is stable (programs branch on it); `message`
 * names the field and says what to do, for a person.
 */
export interface ValidationIssue<Code extends string = string> {
  /** Stable, kebab-case identifier of the kind of problem. */
  readonly code: Code;
  /** Where in the input the problem is (empty for the input as a whole). */
  readonly path: IssuePath;
  /** What is wrong and how to fix it, in plain words. */
  readonly message: string;
}

/** The result of a `safe…` function: the data, or every issue found. Never thrown. */
export type ValidationResult<T, Code extends string = string> =
  | {
      /** The input was valid. */
      readonly success: true;
      /** The validated (and, where the function computes something, computed) data. */
      readonly data: T;
    }
  | {
      /** The input was not valid. */
      readonly success: false;
      /** Every problem found, at least one. */
      readonly issues: readonly ValidationIssue<Code>[];
    };

const BRAND = Symbol.for('la-assurance.error');

/**
 * The one error class the library throws for bad data (its throwing functions, such as
 * `scoreAssessment`, throw it; their `safe…` twins return the same issues instead).
 * `code` names the operation that failed; `issues` lists every problem found.
 *
 * @example
 * ```ts
 * import { isLaAssuranceError, scoreAssessment } from 'la-assurance';
 *
 * let caught: unknown;
 * try {
 *   scoreAssessment({ safeguarding: 5 } as never);
 * } catch (error) {
 *   caught = error;
 * }
 * isLaAssuranceError(caught) && caught.code; // 'invalid-scores'
 * isLaAssuranceError(caught) && caught.issues[0]?.message; // 'scores.safeguarding: a score must be a whole number from 1 to 4; got 5'
 * ```
 */
export class LaAssuranceError<Code extends string = string> extends Error {
  /** Stable code of the failed operation, e.g. `'invalid-scores'`. */
  readonly code: string;
  /** Every problem found in the input. */
  readonly issues: readonly ValidationIssue<Code>[];

  constructor(code: string, issues: readonly ValidationIssue<Code>[], summary: string) {
    const detail = issues
      .slice(0, 5)
      .map((i) => `\n  - ${i.message}`)
      .join('');
    const more = issues.length > 5 ? `\n  … and ${issues.length - 5} more` : '';
    super(`${summary}${detail}${more}`);
    this.name = 'LaAssuranceError';
    this.code = code;
    this.issues = issues;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether `value` is a {@link LaAssuranceError}. Works across copies of the library (for
 * example its ESM and CJS builds loaded side by side), where `instanceof` would not.
 *
 * @example
 * ```ts
 * import { isLaAssuranceError } from 'la-assurance';
 *
 * isLaAssuranceError(new Error('x')); // false
 * ```
 */
export function isLaAssuranceError(value: unknown): value is LaAssuranceError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[BRAND] === true
  );
}
