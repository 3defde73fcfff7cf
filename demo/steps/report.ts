import { readFileSync } from 'node:fs';
import {
  applyReportEvent,
  interventionSignals,
  parseReport,
  reportDeadlines,
  reportRating,
  type Report,
  type ReportEvent,
} from 'la-assurance/report';
import { heading, table } from '../format.js';

interface LifecycleData {
  readonly events: readonly ReportEvent[];
  readonly lateComment: ReportEvent;
}

function describeEvent(e: ReportEvent): string {
  switch (e.type) {
    case 'factual-accuracy-comments-submitted':
      return `${e.comments.length} comment(s): ${e.comments.map((c) => c.id).join(', ')}`;
    case 'factual-accuracy-comment-decided':
      return `${e.commentId} ${e.decision}${e.amendment ? `; ${e.amendment.qualityStatement} → ${e.amendment.score}` : ''}`;
    default:
      return '';
  }
}

/** Walks one report from scoring to publication, with a factual-accuracy amendment that changes the rating. */
export function reportStep(): string {
  const data = JSON.parse(
    readFileSync(new URL('../data/report-lifecycle.json', import.meta.url), 'utf8'),
  ) as LifecycleData;
  const out = [heading('Report lifecycle: from draft to publication')];
  let report: Report | undefined;
  let beforeCheck: Report | undefined;
  for (const event of data.events) {
    const result = applyReportEvent(report, event);
    if (!result.success) {
      out.push(`Rejected ${event.type}: ${result.issues[0]!.code} — ${result.issues[0]!.message}`);
      break;
    }
    report = result.data;
    if (event.type === 'draft-report-sent') {
      beforeCheck = report;
      const due = reportDeadlines(report).factualAccuracyComments;
      out.push(
        `Draft emailed ${event.date}: factual accuracy comments due by ${due} (10 working days; Christmas, Boxing Day and New Year's Day are not working days).`,
      );
      const late = applyReportEvent(report, data.lateComment);
      if (!late.success)
        out.push(
          `A comment sent on ${data.lateComment.date} is rejected: ${late.issues[0]!.code} — ${late.issues[0]!.message}`,
        );
    }
  }
  if (!report || !beforeCheck) return out.join('\n');

  out.push(
    '',
    table(
      ['Date', 'Event', 'By', 'Detail'],
      report.history.map((e) => [e.date, e.type, e.by ?? '', describeEvent(e)]),
    ),
  );
  const before = reportRating(beforeCheck);
  const after = reportRating(report);
  out.push('', `State: ${report.state}. The rating is recomputed from the scores, never stored:`);
  out.push(
    `  before the factual accuracy check: ${before.band.label}, ${before.total} of ${before.maximum} = ${before.roundedPercentage}%`,
  );
  out.push(
    `  as published:                      ${after.band.label}, ${after.total} of ${after.maximum} = ${after.roundedPercentage}%`,
  );
  for (const a of report.amendments)
    out.push(
      `  amendment ${a.date}: ${a.qualityStatement} ${a.from} → ${a.to} (comment ${a.commentId}: ${a.reason})`,
    );
  out.push(
    `Rating process review may be requested until ${reportDeadlines(report).ratingProcessReviewRequest} (15 working days, one request of at most 500 words).`,
  );

  // Stored as JSON and read back: parseReport replays the history and rejects tampering.
  const restored = parseReport(JSON.stringify(report));
  out.push(
    `Stored as ${JSON.stringify(report).length} characters of JSON; read back and replayed: ${restored.state}, ${restored.history.length} events.`,
  );
  const signals = interventionSignals(report);
  out.push(...signals.explanation.map((line) => `  · ${line}`));
  return out.join('\n');
}
