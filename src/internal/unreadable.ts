import type { IssuePath, ValidationIssue } from '../errors/index.js';
import { dottedPath } from './issue-path.js';

/** Whether `error` is the engine's "Maximum call stack size exceeded" (input nested too deeply). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * The issue a `safe…` function returns when reading its input threw — a getter or Proxy
 * trap that throws, a revoked Proxy (a stale Immer draft), or nesting too deep to walk —
 * instead of letting the error escape: code `input-unreadable` (or `stack-overflow`).
 */
export function unreadableIssue(error: unknown, path: IssuePath, what: string): ValidationIssue<'input-unreadable' | 'stack-overflow'> {
  const where = dottedPath(path);
  return isStackOverflow(error)
    ? { code: 'stack-overflow', path, message: `${where}: the ${what} is nested or linked too deeply to read; send it as plain JSON data` }
    : { code: 'input-unreadable', path, message: `${where}: reading the ${what} failed (a getter or Proxy threw, or the Proxy was revoked); send it as plain JSON data` };
}
