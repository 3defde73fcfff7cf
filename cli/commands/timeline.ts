import { parseArgs } from 'node:util';
import {
  TIMELINE_PRESETS,
  safeComputeAssessmentTimeline,
  type TimelinePresetName,
} from 'la-assurance/timeline';
import { InputError, UsageError, formatTable, type CliIo } from '../io.js';

export const timelineHelp = `Usage: la-assurance timeline --notified YYYY-MM-DD [options]

Plans one council's assessment on England & Wales working days: information return due,
on-site notice and window, and — once given — factual accuracy and rating review deadlines.

Options:
  --notified YYYY-MM-DD       Notification (information return request) date (required)
  --ir-submitted YYYY-MM-DD   Information return actually submitted
  --onsite-notice YYYY-MM-DD  Date the on-site dates were given
  --onsite-start YYYY-MM-DD   First on-site day
  --onsite-end YYYY-MM-DD     Last on-site day
  --draft-sent YYYY-MM-DD     Draft report emailed to the council
  --published YYYY-MM-DD      Report published
  --preset NAME               cqc-plan-2023 (default: CQC's published plan, on site 9–11 weeks
                              after notification) or observed-2025 (2025 practice: 17–26 weeks,
                              pre-site meetings and the expected publication)
  --json                      Machine-readable output
  -h, --help                  This help
`;

const FLAGS = {
  notified: 'notificationDate',
  'ir-submitted': 'informationReturnSubmittedDate',
  'onsite-notice': 'onSiteNoticeDate',
  'onsite-start': 'onSiteStartDate',
  'onsite-end': 'onSiteEndDate',
  'draft-sent': 'draftReportSentDate',
  published: 'publicationDate',
} as const;

export function timelineCommand(argv: readonly string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      ...Object.fromEntries(Object.keys(FLAGS).map((f) => [f, { type: 'string' as const }])),
      preset: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(timelineHelp);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const given = values as Record<string, unknown>;
  if (given.notified === undefined) throw new UsageError('--notified is required');
  const input: Record<string, unknown> = {};
  for (const [flag, field] of Object.entries(FLAGS)) {
    const value = given[flag];
    if (value !== undefined) input[field] = value;
  }
  const preset = given.preset;
  if (preset !== undefined && !Object.hasOwn(TIMELINE_PRESETS, preset as string)) {
    throw new UsageError(
      `--preset must be one of ${Object.keys(TIMELINE_PRESETS).join(', ')}; got '${String(preset)}'`,
    );
  }
  const result = safeComputeAssessmentTimeline(
    input,
    preset === undefined ? undefined : { preset: preset as TimelinePresetName },
  );
  if (!result.success) {
    const flagOf = (field: unknown) => Object.entries(FLAGS).find(([, f]) => f === field)?.[0];
    throw new InputError(
      result.issues
        .map((i) => `--${flagOf(i.path[0]) ?? String(i.path[0])}: ${i.message}`)
        .join('\n'),
    );
  }
  const { milestones, warnings } = result.data;
  if (values.json) {
    io.stdout(`${JSON.stringify(result.data, null, 2)}\n`);
  } else {
    io.stdout(
      formatTable(
        ['Date', 'Milestone', 'Rule', 'Basis'],
        milestones.map((m) => [m.date, m.label, m.rule, m.basis]),
      ),
    );
  }
  for (const w of warnings) io.stderr(`warning: ${w.message}\n`);
  return 0;
}
