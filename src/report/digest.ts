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
 * import { replayReport, reportDigest, safeParseReport } from 'la-assurance/report';
 *
 * const replayed = replayReport([
 *   { type: 'assessment-scored', date: '2024-11-04', council: 'Example Council', scores: { safeguarding: 2, 'assessing-needs': 3 } },
 *   { type: 'quality-assurance-completed', date: '2024-11-18' },
 *   { type: 'calibration-panel-held', date: '2024-12-02' },
 *   { type: 'draft-report-sent', date: '2024-12-20' }, // a Friday, before Christmas
 * ]);
 * if (!replayed.success) throw new Error(replayed.issues[0]?.message);
 * const report = replayed.data;
 * const digest = reportDigest(report); // 'sha256:…' (64 hex digits)
 * digest.length; // 71
 * safeParseReport(JSON.stringify(report), { digest }).success; // true
 * ```
 */
export function reportDigest(report: Report): string {
  return `sha256:${sha256Hex(new TextEncoder().encode(JSON.stringify(report.history)))}`;
}
