import { readFileSync } from 'node:fs';
import { addWorkingDays, bankHolidays, safeComputeAssessmentTimeline } from 'la-assurance/timeline';
import { heading, table } from '../format.js';

/** The assessment timeline for councils notified on given dates, as tables, plus the working-day calendar at Christmas. */
export function timelineStep(): string {
  const data = JSON.parse(readFileSync(new URL('../data/timeline-assessments.json', import.meta.url), 'utf8')) as {
    assessments: { council: string; input: unknown }[];
  };
  const out = [heading('Assessment timelines (England & Wales working days)')];
  for (const { council, input } of data.assessments) {
    const result = safeComputeAssessmentTimeline(input);
    if (!result.success) {
      out.push(`${council}: ${result.issues.map((i) => i.message).join('; ')}`);
      continue;
    }
    out.push(`\n${council}`);
    out.push(table(['Date', 'Milestone', 'Rule', 'Basis'], result.data.milestones.map((m) => [m.date, m.label, m.rule, m.basis])));
    for (const w of result.data.warnings) out.push(`  ! ${w.message}`);
  }
  out.push(
    '',
    `10 working days from Fri 2024-12-20: ${addWorkingDays('2024-12-20', 10)} (date-fns addBusinessDays, blind to holidays, says 2025-01-03)`,
    `Bank holidays 2024: ${bankHolidays(2024).map((h) => `${h.date} ${h.name}`).join('; ')}`,
  );
  return out.join('\n');
}
