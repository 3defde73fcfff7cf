import type { IssuePath } from '../errors/index.js';
import { describeValue } from '../internal/describe.js';
import type { InformationReturnIssue, InformationReturnIssueCode } from './submission.js';

// Collects issues up to a cap and counts the rest, so an error flood costs neither time
// building messages nobody reads nor memory holding them.
export class IssueSink {
  readonly issues: InformationReturnIssue[] = [];
  suppressed = 0;

  constructor(private readonly max: number) {}

  /** Whether the listed issues have reached the cap (callers may then only count). */
  get full(): boolean {
    return this.issues.length >= this.max;
  }

  get count(): number {
    return this.issues.length + this.suppressed;
  }

  add(code: InformationReturnIssueCode, path: IssuePath, message: string, itemId?: string): void {
    if (this.issues.length >= this.max) {
      this.suppressed++;
      return;
    }
    this.issues.push(
      Object.freeze(
        itemId === undefined
          ? { code, path: Object.freeze(path), message }
          : { code, path: Object.freeze(path), itemId, message },
      ),
    );
  }
}

/** `responses.C1.cases[3].ethnicity`: a path as people read it. */
export function pathText(path: IssuePath): string {
  let text = '';
  for (const part of path)
    text += typeof part === 'number' ? `[${part}]` : text === '' ? part : `.${part}`;
  return text;
}

/** A key for a message: quoted, cut to 40 characters (keys can be hostile too). */
export function describeKey(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
}

/**
 * The code for a value of the wrong type: `unsupported-value` for values JSON cannot hold
 * (functions, symbols, BigInt), `cyclic-reference` for an object enclosing the position
 * it appears at, else `fallback`.
 */
export function wrongValueCode(
  value: unknown,
  ancestors: readonly unknown[],
  fallback: InformationReturnIssueCode,
): InformationReturnIssueCode {
  const type = typeof value;
  if (type === 'function' || type === 'symbol' || type === 'bigint') return 'unsupported-value';
  if (type === 'object' && value !== null && ancestors.includes(value)) return 'cyclic-reference';
  return fallback;
}

/** describeValue, plus BigInt and cycles said plainly. */
export function describeWrongValue(value: unknown, ancestors: readonly unknown[]): string {
  if (typeof value === 'bigint') return `${value}n (a BigInt, which JSON cannot hold)`;
  if (typeof value === 'object' && value !== null && ancestors.includes(value))
    return 'a reference back to an enclosing object (a cycle)';
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== null && proto !== Object.prototype) {
      const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
      return typeof name === 'string' && name !== ''
        ? `a ${name} object`
        : 'an object that is not plain data';
    }
  }
  return describeValue(value);
}
