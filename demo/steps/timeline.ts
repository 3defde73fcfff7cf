import { readFileSync } from 'node:fs';
import {
  MILESTONE_IDS,
  TIMELINE_PRESETS,
  addWorkingDays,
  bankHolidays,
  computeAssessmentTimeline,
  safeComputeAssessmentTimeline,
} from 'la-assurance/timeline';
import { heading, table } from '../format.js';

/** The assessment timeline for councils notified on given dates, as tables, plus the working-day calendar at Christmas. */
export function timelineStep(): string {
  const data = JSON.parse(
    readFileSync(new URL('../data/timeline-assessments.json', import.meta.url), 'utf8'),
  ) as {
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
    out.push(
      table(
        ['Date', 'Milestone', 'Rule', 'Basis'],
        result.data.milestones.map((m) => [m.date, m.label, m.rule, m.basis]),
      ),
    );
    for (const w of result.data.warnings) out.push(`  ! ${w.message}`);
  }
  out.push(presetsSideBySide('2025-02-10'));
  out.push(
    '',
    `10 working days from Fri 2024-12-20: ${addWorkingDays('2024-12-20', 10)} (date-fns addBusinessDays, blind to holidays, says 2025-01-03)`,
    `Bank holidays 2024: ${bankHolidays(2024)
      .map((h) => `${h.date} ${h.name}`)
      .join('; ')}`,
  );
  return out.join('\n');
}

/** Both presets for one notification date, one row per milestone (a dash where a preset has none). */
function presetsSideBySide(notificationDate: string): string {
  const plan = computeAssessmentTimeline({ notificationDate }, { preset: 'cqc-plan-2023' });
  const practice = computeAssessmentTimeline({ notificationDate }, { preset: 'observed-2025' });
  const cell = (t: typeof plan, id: string): string => {
    const m = t.milestones.find((x) => x.id === id);
    return m === undefined ? '—' : `${m.date} (${m.basis})`;
  };
  const ids = MILESTONE_IDS.filter((id) => cell(plan, id) !== '—' || cell(practice, id) !== '—');
  return [
    '',
    heading(`Notified ${notificationDate}: CQC's plan (Nov 2023) and 2025 practice side by side`),
    table(
      [
        'Milestone',
        TIMELINE_PRESETS['cqc-plan-2023'].label.split(':')[0]!,
        TIMELINE_PRESETS['observed-2025'].label.split(':')[0]!,
      ],
      ids.map((id) => [
        practice.milestones.find((m) => m.id === id)?.label ??
          plan.milestones.find((m) => m.id === id)!.label,
        cell(plan, id),
        cell(practice, id),
      ]),
    ),
    `  Use the 2025 preset to plan: ${TIMELINE_PRESETS['observed-2025'].source}`,
  ].join('\n');
}
