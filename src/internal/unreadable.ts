import type { IssuePath, ValidationIssue } from '../errors/index.js';
import { dottedPath } from './issue-path.js';

/**
 * The issue a `safe…` function returns when reading its input threw — a getter or Proxy
 * trap that throws, a revoked Proxy (a stale Immer draft), or nesting too deep to walk —
 * instead of letting the error escape. `what` names the input ("scores", "profiles").
 */
export function unreadableIssue(
  error: unknown,
  path: IssuePath,
  what: string,
): ValidationIssue<'input-unreadable'> {
  const why = unreadableReason(error);
  return {
    code: 'input-unreadable',
    path,
    message: `${dottedPath(path)}: reading the ${what} failed (${why}); send plain JSON data`,
  };
}

/** Why reading a value threw, for a person: too deep, or a getter, Proxy or conversion that threw. */
export function unreadableReason(error: unknown): string {
  return error instanceof RangeError && /call stack/i.test(error.message)
    ? 'it is nested or linked too deeply'
    : 'a getter or Proxy threw, or the Proxy was revoked';
}
