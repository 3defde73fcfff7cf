import { LaAssuranceError, type ValidationIssue, type ValidationResult } from '../errors/index.js';
import { unreadableIssue } from '../internal/unreadable.js';
import { reportDigest } from './digest.js';
import type { Report } from './model.js';
import type { ReportOptions } from './options.js';
import { replayReport } from './replay.js';
import { jsonForMessage, sameJson } from './same-json.js';
import { ReportSchema } from './schemas.js';

/** Stable codes of the issues `safeParseReport` returns. */
export type ReportParseIssueCode =
  | 'invalid-json'
  | 'invalid-report'
  | 'history-rejected'
  | 'report-does-not-match-history'
  | 'digest-mismatch'
  | 'input-unreadable';

/** Options of {@link safeParseReport} and {@link parseReport}. */
export interface ReportParseOptions extends ReportOptions {
  /**
   * The digest you stored with the report (`reportDigest`). When given, a history whose
   * digest differs is rejected with `digest-mismatch`: any edit of a past event is detected.
   */
  readonly digest?: string;
}

type Issue = ValidationIssue<ReportParseIssueCode>;

const pathKey = (p: PropertyKey): string | number =>
  typeof p === 'symbol' ? (p.description ?? 'symbol') : p;

function parse(
  input: unknown,
  options: ReportParseOptions | undefined,
): ValidationResult<Report, ReportParseIssueCode> {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (error) {
      return {
        success: false,
        issues: [
          {
            code: 'invalid-json',
            path: [],
            message: `The report is not valid JSON: ${(error as Error).message}`,
          },
        ],
      };
    }
  }
  const shape = ReportSchema.safeParse(value);
  if (!shape.success) {
    const issues = shape.error.issues.map((i): Issue => {
      const path = i.path.map(pathKey);
      return {
        code: 'invalid-report',
        path,
        message: `${['report', ...path].join('.')}: ${i.message}`,
      };
    });
    return { success: false, issues };
  }
  const stored = shape.data;
  const replay = replayReport(stored.history, options);
  if (!replay.success) {
    const error = replay.issues[0]!;
    return {
      success: false,
      issues: [
        {
          code: 'history-rejected',
          path: ['history', ...error.path],
          message: `report.history: ${error.message} (code ${error.code})`,
        },
      ],
    };
  }
  const issues: Issue[] = [];
  for (const key of Object.keys(replay.data) as (keyof Report)[]) {
    if (!sameJson(stored[key], replay.data[key])) {
      issues.push({
        code: 'report-does-not-match-history',
        path: [key],
        message: `report.${key}: replaying the history gives ${jsonForMessage(replay.data[key])}, not the stored ${jsonForMessage(stored[key])}`,
      });
    }
  }
  const expected = options?.digest;
  if (expected !== undefined) {
    const actual = reportDigest(replay.data);
    if (actual !== expected) {
      issues.push({
        code: 'digest-mismatch',
        path: ['history'],
        message: `report.history: its digest is ${actual}, not the stored ${String(expected)}; a past event was edited`,
      });
    }
  }
  return issues.length > 0 ? { success: false, issues } : { success: true, data: replay.data };
}

/**
 * Reads a stored report (a JSON string, or the value `JSON.parse` gave) without throwing:
 * checks its shape, replays its history with {@link replayReport}, and accepts it only if
 * the replay is accepted and produces exactly the stored report. So a tampered report — an
 * event out of date order, an event the rules reject, a state or score the history does
 * not produce — is rejected with issues saying where. With `options.digest` (see
 * `reportDigest`) any edit of a past event is rejected too. Input that cannot be read (a
 * throwing getter, a revoked Proxy) gives `input-unreadable`. Returns the replayed report,
 * frozen. A report stored before a field was added to `Report` still reads.
 *
 * @example
 * ```ts
 * import { replayReport, safeParseReport } from 'la-assurance/report';
 *
 * const replayed = replayReport([
 *   { type: 'assessment-scored', date: '2024-11-04', council: 'Example Council', scores: { safeguarding: 2, 'assessing-needs': 3 } },
 *   { type: 'quality-assurance-completed', date: '2024-11-18' },
 *   { type: 'calibration-panel-held', date: '2024-12-02' },
 *   { type: 'draft-report-sent', date: '2024-12-20' }, // a Friday, before Christmas
 * ]);
 * if (!replayed.success) throw new Error(replayed.issues[0]?.message);
 * const report = replayed.data;
 * const stored = JSON.stringify(report);
 * safeParseReport(stored).success; // true
 * const tampered = { ...JSON.parse(stored), state: 'published' };
 * const r = safeParseReport(tampered);
 * !r.success && r.issues[0]?.code; // 'report-does-not-match-history'
 * ```
 */
export function safeParseReport(
  input: unknown,
  options?: ReportParseOptions,
): ValidationResult<Report, ReportParseIssueCode> {
  if (options?.digest !== undefined && typeof options.digest !== 'string')
    throw new TypeError('options.digest must be a string made by reportDigest');
  try {
    return parse(input, options);
  } catch (error) {
    return { success: false, issues: [unreadableIssue(error, [], 'report')] };
  }
}

/**
 * {@link safeParseReport} that throws: returns the report, or throws `LaAssuranceError`
 * with code `'invalid-report'` and every issue.
 *
 * @example
 * ```ts
 * import { parseReport, replayReport } from 'la-assurance/report';
 *
 * const replayed = replayReport([
 *   { type: 'assessment-scored', date: '2024-11-04', council: 'Example Council', scores: { safeguarding: 2, 'assessing-needs': 3 } },
 *   { type: 'quality-assurance-completed', date: '2024-11-18' },
 *   { type: 'calibration-panel-held', date: '2024-12-02' },
 *   { type: 'draft-report-sent', date: '2024-12-20' }, // a Friday, before Christmas
 * ]);
 * if (!replayed.success) throw new Error(replayed.issues[0]?.message);
 * const report = replayed.data;
 * const restored = parseReport(JSON.stringify(report));
 * restored.state === report.state; // true
 * ```
 */
export function parseReport(input: unknown, options?: ReportParseOptions): Report {
  const result = safeParseReport(input, options);
  if (!result.success)
    throw new LaAssuranceError('invalid-report', result.issues, 'Cannot read the report:');
  return result.data;
}
