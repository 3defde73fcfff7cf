import { LaAssuranceError, type ValidationIssue, type ValidationResult } from '../errors/index.js';
import type { Report } from './model.js';
import type { ReportOptions } from './options.js';
import { replayReport } from './replay.js';
import { ReportSchema } from './schemas.js';

/** Stable codes of the issues `safeParseReport` returns. */
export type ReportParseIssueCode = 'invalid-json' | 'invalid-report' | 'history-rejected' | 'report-does-not-match-history';

type Issue = ValidationIssue<ReportParseIssueCode>;

/** Whether two JSON values are equal (object key order aside). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Reads a stored report (a JSON string, or the value `JSON.parse` gave) without throwing:
 * checks its shape, replays its history with {@link replayReport}, and accepts it only if
 * the replay is accepted and produces exactly the stored report. So a tampered report — an
 * event out of date order, an event the rules reject, a state or score the history does
 * not produce — is rejected with issues saying where. Returns the replayed report, frozen.
 *
 * @example
 * ```ts
 * const stored = JSON.stringify(report);
 * safeParseReport(stored).success; // true
 * const tampered = { ...JSON.parse(stored), state: 'published' };
 * const r = safeParseReport(tampered);
 * if (!r.success) r.issues[0]?.code; // 'report-does-not-match-history'
 * ```
 */
export function safeParseReport(input: unknown, options?: ReportOptions): ValidationResult<Report, ReportParseIssueCode> {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (error) {
      return { success: false, issues: [{ code: 'invalid-json', path: [], message: `The report is not valid JSON: ${(error as Error).message}` }] };
    }
  }
  const shape = ReportSchema.safeParse(value);
  if (!shape.success) {
    const issues = shape.error.issues.map((i): Issue => {
      const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      return { code: 'invalid-report', path, message: `${['report', ...path].join('.')}: ${i.message}` };
    });
    return { success: false, issues };
  }
  const stored = shape.data;
  const replay = replayReport(stored.history, options);
  if (!replay.success) {
    const { error } = replay;
    return { success: false, issues: [{ code: 'history-rejected', path: ['history', ...error.path], message: `report.history: ${error.message} (code ${error.code})` }] };
  }
  const issues: Issue[] = [];
  for (const key of Object.keys(replay.report) as (keyof Report)[]) {
    if (!sameJson(stored[key], replay.report[key])) {
      issues.push({
        code: 'report-does-not-match-history',
        path: [key],
        message: `report.${key}: replaying the history gives ${JSON.stringify(replay.report[key])}, not the stored ${JSON.stringify(stored[key])}`,
      });
    }
  }
  return issues.length > 0 ? { success: false, issues } : { success: true, data: replay.report };
}

/**
 * {@link safeParseReport} that throws: returns the report, or throws `LaAssuranceError`
 * with code `'invalid-report'` and every issue.
 *
 * @example
 * ```ts
 * const restored = parseReport(JSON.stringify(report));
 * restored.state === report.state; // true
 * ```
 */
export function parseReport(input: unknown, options?: ReportOptions): Report {
  const result = safeParseReport(input, options);
  if (!result.success) throw new LaAssuranceError('invalid-report', result.issues, 'Cannot read the report:');
  return result.data;
}
