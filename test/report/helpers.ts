import {
  applyReportEvent,
  safeParseReport,
  type Report,
  type ReportEvent,
  type ReportOptions,
} from '../../src/report/index.js';
import type { QualityStatementScores } from '../../src/scoring/index.js';

/** Illustrative scores (not a published council): 22 of 36 = 61%, Requires improvement. */
export const SCORES: QualityStatementScores = {
  'assessing-needs': 2,
  'supporting-people-to-live-healthier-lives': 2,
  'equity-in-experience-and-outcomes': 3,
  'care-provision-integration-and-continuity': 2,
  'partnerships-and-communities': 3,
  'safe-systems-pathways-and-transitions': 2,
  safeguarding: 2,
  'governance-management-and-sustainability': 3,
  'learning-improvement-and-innovation': 3,
};

/** The events up to and including the draft's email on `draftSentOn`. */
export function toDraft(
  draftSentOn: string,
  scores: QualityStatementScores = SCORES,
): ReportEvent[] {
  return [
    {
      type: 'assessment-scored',
      date: '2024-01-02',
      council: 'Example Council',
      scores,
      by: 'cqc-assessment-team',
    },
    { type: 'quality-assurance-completed', date: '2024-01-15', by: 'cqc-quality-assurance' },
    { type: 'calibration-panel-held', date: '2024-02-01', by: 'cqc-calibration-panel' },
    { type: 'draft-report-sent', date: draftSentOn },
  ];
}

/** Draft emailed 2024-12-20, council responds with no comments, check concluded, published `publishedOn`. */
export function toPublished(publishedOn = '2025-01-20'): ReportEvent[] {
  return [
    ...toDraft('2024-12-20'),
    {
      type: 'factual-accuracy-comments-submitted',
      date: '2025-01-06',
      by: 'named-liaison',
      comments: [],
    },
    { type: 'factual-accuracy-check-concluded', date: '2025-01-10' },
    { type: 'report-published', date: publishedOn },
  ];
}

/** Applies events in order; throws (in tests only) with the error if one is rejected. */
export function build(events: readonly ReportEvent[], options?: ReportOptions): Report {
  let report: Report | undefined;
  for (const [i, event] of events.entries()) {
    const result = applyReportEvent(report, event, options);
    if (!result.success)
      throw new Error(
        `event ${i} rejected: ${result.issues[0]!.code} ${result.issues[0]!.message}`,
      );
    report = result.data;
  }
  return report!;
}

/** Applies one more event to the report the events build; returns the result. */
export function attempt(events: readonly ReportEvent[], next: unknown, options?: ReportOptions) {
  return applyReportEvent(build(events, options), next as ReportEvent, options);
}

/** The published report of {@link toPublished} as stored and read back (JSON round trip), to tamper with. */
export function storedReport(): Record<string, unknown> & { history: Record<string, unknown>[] } {
  return JSON.parse(JSON.stringify(build(toPublished()))) as Record<string, unknown> & {
    history: Record<string, unknown>[];
  };
}

/** The issues `safeParseReport` gives for `input` (none when it is accepted). */
export function parseIssues(input: unknown, options?: Parameters<typeof safeParseReport>[1]) {
  const r = safeParseReport(input, options);
  return r.success ? [] : r.issues;
}

/** `n` words. */
export function words(n: number): string {
  return Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
}

// Published results (domain README §3), QS1..QS9: Blackpool 6 Aug 2025 (12/36, six 1s),
// Norfolk 12 Dec 2025 (20/36, no 1).
export const BLACKPOOL: QualityStatementScores = {
  'assessing-needs': 1,
  'supporting-people-to-live-healthier-lives': 1,
  'equity-in-experience-and-outcomes': 1,
  'care-provision-integration-and-continuity': 2,
  'partnerships-and-communities': 2,
  'safe-systems-pathways-and-transitions': 2,
  safeguarding: 1,
  'governance-management-and-sustainability': 1,
  'learning-improvement-and-innovation': 1,
};
export const NORFOLK: QualityStatementScores = {
  'assessing-needs': 2,
  'supporting-people-to-live-healthier-lives': 2,
  'equity-in-experience-and-outcomes': 2,
  'care-provision-integration-and-continuity': 2,
  'partnerships-and-communities': 3,
  'safe-systems-pathways-and-transitions': 2,
  safeguarding: 2,
  'governance-management-and-sustainability': 2,
  'learning-improvement-and-innovation': 3,
};

/** Norfolk with assessing needs scored 1 and four statements at 4: 27/36 = 75 %, Good. */
export const GOOD_WITH_A_ONE: QualityStatementScores = {
  ...NORFOLK,
  'assessing-needs': 1,
  'supporting-people-to-live-healthier-lives': 4,
  'equity-in-experience-and-outcomes': 4,
  'care-provision-integration-and-continuity': 4,
  'safe-systems-pathways-and-transitions': 4,
};

/** The events of {@link toPublished} with the draft's scores replaced by `scores`. */
export function publishedEvents(scores: QualityStatementScores): ReportEvent[] {
  return [{ ...toPublished()[0]!, scores } as ReportEvent, ...toPublished().slice(1)];
}
