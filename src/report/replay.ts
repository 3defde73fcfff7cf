import { unreadableIssue } from '../internal/unreadable.js';
import { applyToCore, readEvent, type ReportEventError } from './apply-event.js';
import { reportOf, type ReportCore } from './core.js';
import type { Report, ReportEvent } from './model.js';
import { resolveReportOptions, type ReportOptions } from './options.js';

const freezeIssue = (issue: ReportEventError): readonly ReportEventError[] =>
  Object.freeze([Object.freeze({ ...issue, path: Object.freeze([...issue.path]) })]);

/**
 * The result of {@link replayReport}: `{ success: true, data }` with the report, or
 * `{ success: false, issues }` with the first rejected event's issue, plus where the replay
 * stopped (`index`) and the report just before it (`report`).
 */
export type ReplayResult =
  | {
      /** Every event was accepted. */
      readonly success: true;
      /** The report the events produce. */
      readonly data: Report;
    }
  | {
      /** An event was rejected (or there were none, or the list could not be read). */
      readonly success: false;
      /** Why (one issue); its `path` starts with the index of the rejected event. */
      readonly issues: readonly ReportEventError[];
      /** The index of the rejected event (0 when there were no events). */
      readonly index: number;
      /** The report before the rejected event, or `undefined` if the first was rejected. */
      readonly report: Report | undefined;
    };

/**
 * Rebuilds a report from its events, applying them in order as `applyReportEvent` does
 * (O(1) amortised per event). Replaying `report.history` gives back `report`; the first
 * rejected event stops the replay. Never throws on bad data.
 *
 * @example
 * ```ts
 * import { replayReport } from 'la-assurance/report';
 *
 * const replayed = replayReport([
 *   { type: 'assessment-scored', date: '2024-11-04', council: 'Example Council', scores: { safeguarding: 2, 'assessing-needs': 3 } },
 *   { type: 'quality-assurance-completed', date: '2024-11-18' },
 *   { type: 'calibration-panel-held', date: '2024-12-02' },
 *   { type: 'draft-report-sent', date: '2024-12-20' }, // a Friday, before Christmas
 * ]);
 * if (!replayed.success) throw new Error(replayed.issues[0]?.message);
 * const report = replayed.data;
 * report.state; // 'factual-accuracy-check'
 * const again = replayReport(report.history);
 * again.success && again.data.state === report.state; // true
 * ```
 */
export function replayReport(
  events: readonly ReportEvent[],
  options?: ReportOptions,
): ReplayResult {
  const resolved = resolveReportOptions(options);
  let core: ReportCore | undefined;
  let index = 0;
  try {
    if (!Array.isArray(events) || events.length === 0) {
      const issue: ReportEventError = {
        code: 'invalid-report',
        path: [],
        message:
          "A report's history is a list of events starting with 'assessment-scored'; got none",
      };
      return { success: false, issues: freezeIssue(issue), index: 0, report: undefined };
    }
    for (; index < events.length; index++) {
      const read = readEvent(events[index]);
      const applied = 'error' in read ? read : applyToCore(core, read.event, resolved);
      if ('error' in applied) {
        const { error } = applied;
        const issue = {
          ...error,
          path: [index, ...error.path],
          message: `Event ${index}: ${error.message}`,
        };
        return {
          success: false,
          issues: freezeIssue(issue),
          index,
          report: core === undefined ? undefined : reportOf(core),
        };
      }
      core = applied.core;
    }
  } catch (error) {
    const issue = unreadableIssue(error, [index], `list of events at event ${index}`);
    return {
      success: false,
      issues: freezeIssue(issue),
      index,
      report: core === undefined ? undefined : reportOf(core),
    };
  }
  return { success: true, data: reportOf(core!) };
}
