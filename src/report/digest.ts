import { sha256Hex } from '../internal/sha256.js';
import type { Report } from './model.js';

/**
 * An integrity digest of a report's event history: `'sha256:'` and the SHA-256 of the
 * history's JSON text (UTF-8; each event's fields in the fixed order the library stores
 * them). Store it apart from the report (another table, a signed record) and pass it to
 * `safeParseReport(stored, { digest })`: any edit of any past event — a changed reason, a
 * date moved by a day, a role swapped — then fails with `digest-mismatch`, even one that
 * keeps the history consistent (which the replay check alone cannot see). The same value
 * as Web Crypto's `crypto.subtle.digest('SHA-256', …)` of that text, computed synchronously.
 *
 * @example
 * ```ts
 * import { reportDigest, safeParseReport } from 'la-assurance/report';
 *
 * const digest = reportDigest(report); // 'sha256:…' (64 hex digits)
 * safeParseReport(JSON.stringify(report), { digest }).success; // true
 * ```
 */
export function reportDigest(report: Report): string {
  return `sha256:${sha256Hex(new TextEncoder().encode(JSON.stringify(report.history)))}`;
}
