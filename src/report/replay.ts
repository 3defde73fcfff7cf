import { applyReportEvent, type ReportEventError } from './apply-event.js';
import type { Report, ReportEvent } from './model.js';
import type { ReportOptions } from './options.js';

/** The result of {@link replayReport}. */
export type ReplayResult =
  | {
      /** Every event was accepted. */
      readonly success: true;
      /** The report the events produce. */
      readonly report: Report;
    }
  | {
      /** An event was rejected (or there were none). */
      readonly success: false;
      /** Why; `path` starts with the index of the rejected event. */
      readonly error: ReportEventError;
      /** The index of the rejected event (0 when there were no events). */
      readonly index: number;
      /** The report before the rejected event, or `undefined` if the first was rejected. */
      readonly report: Report | undefined;
    };

/**
 * Rebuilds a report from its events, applying them in order with {@link applyReportEvent}.
 * Replaying `report.history` gives back `report`; the first rejected event stops the replay.
 *
 * @example
 * ```ts
 * const again = replayReport(report.history);
 * again.success && again.report.state === report.state; // true
 * ```
 */
export function replayReport(events: readonly ReportEvent[], options?: ReportOptions): ReplayResult {
  if (!Array.isArray(events) || events.length === 0) {
    return {
      success: false,
      error: Object.freeze({ code: 'invalid-report', path: Object.freeze([]), message: "A report's history is a list of events starting with 'assessment-scored'; got none" }),
      index: 0,
      report: undefined,
    };
  }
  let report: Report | undefined;
  for (const [index, event] of events.entries()) {
    const result = applyReportEvent(report, event, options);
    if (!result.success) {
      const error = Object.freeze({ ...result.error, path: Object.freeze([index, ...result.error.path]), message: `Event ${index}: ${result.error.message}` });
      return { success: false, error, index, report };
    }
    report = result.report;
  }
  return { success: true, report: report! };
}
