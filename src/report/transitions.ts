import type { CouncilRole, ReportEventType, ReportState } from './model.js';

/** One allowed transition of the report state machine. */
export interface ReportTransition {
  /** The state the event applies in; `null` before the report exists. */
  readonly from: ReportState | null;
  /** The event. */
  readonly event: ReportEventType;
  /** The state after it. */
  readonly to: ReportState;
  /** Who may record it: any CQC role, any council role, or only the roles listed. */
  readonly by: 'cqc' | 'council' | readonly CouncilRole[];
  /** The rule (beyond state and role) the event must meet, in words; `null` if none. */
  readonly guard: string | null;
}

const t = (
  from: ReportState | null,
  event: ReportEventType,
  to: ReportState,
  guard: string | null = null,
  by: ReportTransition['by'] = 'cqc',
): ReportTransition => Object.freeze({ from, event, to, by, guard });

/**
 * The report state machine as data: every allowed (state, event) pair, its target state,
 * who may record it and its guard. Any event not listed for the current state is an
 * `illegal-transition` error. `reportStateDiagram()` draws this table, and
 * `applyReportEvent` looks transitions up in it, so the docs and the code cannot drift.
 * Every event must also be dated on or after the previous one.
 *
 * @example
 * ```ts
 * import { REPORT_TRANSITIONS } from 'la-assurance/report';
 *
 * REPORT_TRANSITIONS.filter((x) => x.from === 'published').map((x) => x.event); // ['rating-process-review-requested', 'report-withdrawn', 'report-superseded', 'section-50-notice-given', 'special-measures-recommended']
 * ```
 */
export const REPORT_TRANSITIONS: readonly ReportTransition[] = Object.freeze([
  t(null, 'assessment-scored', 'internal-quality-assurance'),
  t(
    'internal-quality-assurance',
    'score-amended',
    'internal-quality-assurance',
    'scored statement, new score',
  ),
  t('internal-quality-assurance', 'quality-assurance-completed', 'calibration-panel'),
  t('calibration-panel', 'score-amended', 'calibration-panel', 'scored statement, new score'),
  t('calibration-panel', 'calibration-panel-held', 'draft-report'),
  t('draft-report', 'score-amended', 'draft-report', 'scored statement, new score'),
  t('draft-report', 'draft-report-sent', 'factual-accuracy-check'),
  t(
    'factual-accuracy-check',
    'factual-accuracy-extension-granted',
    'factual-accuracy-check',
    'exceptional circumstances, later deadline',
  ),
  t(
    'factual-accuracy-check',
    'factual-accuracy-comments-submitted',
    'factual-accuracy-check',
    'by the 10th working day after the email or the extended date, new comment ids',
    'council',
  ),
  t(
    'factual-accuracy-check',
    'factual-accuracy-comment-decided',
    'factual-accuracy-check',
    'undecided comment, an amendment only if accepted',
  ),
  t(
    'factual-accuracy-check',
    'factual-accuracy-check-concluded',
    'final-report',
    'every comment decided, and the council responded or the deadline passed',
  ),
  t('final-report', 'report-published', 'published'),
  t(
    'published',
    'rating-process-review-requested',
    'rating-process-review',
    'by the 15th working day after publication, first request, at most 500 words',
    ['chief-executive', 'named-liaison'],
  ),
  t('rating-process-review', 'rating-process-review-concluded', 'published'),
  t('published', 'report-withdrawn', 'withdrawn'),
  t('withdrawn', 'score-amended', 'withdrawn', 'scored statement, new score'),
  t('withdrawn', 'report-republished', 'published'),
  t('published', 'report-superseded', 'superseded'),
  t('withdrawn', 'report-superseded', 'superseded'),
  // Section 50, Health and Social Care Act 2008 (domain reference §10): after publication.
  t('published', 'section-50-notice-given', 'published', 'action date not before the notice'),
  t('published', 'special-measures-recommended', 'published', 'once per assessment'),
]);

/**
 * The transition for `event` in `state`, or `undefined` if the event is not allowed there.
 *
 * @example
 * ```ts
 * import { findReportTransition } from 'la-assurance/report';
 *
 * findReportTransition('final-report', 'report-published')?.to; // 'published'
 * findReportTransition('draft-report', 'report-published');     // undefined
 * ```
 */
export function findReportTransition(
  state: ReportState | null,
  event: ReportEventType,
): ReportTransition | undefined {
  return REPORT_TRANSITIONS.find((x) => x.from === state && x.event === event);
}
