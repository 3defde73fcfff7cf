import { REPORT_STATES, type ReportState } from './model.js';
import { REPORT_TRANSITIONS, type ReportTransition } from './transitions.js';

const STATE_LABELS: { readonly [S in ReportState]: string } = {
  'internal-quality-assurance': 'Internal quality assurance',
  'calibration-panel': 'Calibration panel',
  'draft-report': 'Draft report',
  'factual-accuracy-check': 'Factual accuracy check',
  'final-report': 'Final report',
  published: 'Published',
  'rating-process-review': 'Rating process review',
  withdrawn: 'Withdrawn to correct an error',
  superseded: 'Superseded',
};

const node = (state: ReportState | null): string =>
  state === null ? '[*]' : state.replace(/-/g, '_');

function label(x: ReportTransition): string {
  const who =
    x.by === 'cqc'
      ? ''
      : x.by === 'council'
        ? ' (council)'
        : ` (${x.by.map((r) => r.replace(/-/g, ' ')).join(' or ')})`;
  return `${x.event}${who}${x.guard === null ? '' : ` [${x.guard}]`}`;
}

/**
 * The report state machine as a Mermaid state diagram, generated from
 * `REPORT_TRANSITIONS` (the docs page embeds exactly this text, and a test checks it).
 * Edges are labelled with the event, who may record it when that is restricted, and the
 * guard in brackets.
 *
 * @example
 * ```ts
 * import { reportStateDiagram } from 'la-assurance/report';
 *
 * reportStateDiagram().split('\n')[0]; // 'stateDiagram-v2'
 * ```
 */
export function reportStateDiagram(): string {
  const lines = ['stateDiagram-v2'];
  for (const state of REPORT_STATES)
    lines.push(`    state "${STATE_LABELS[state]}" as ${node(state)}`);
  for (const x of REPORT_TRANSITIONS)
    lines.push(`    ${node(x.from)} --> ${node(x.to)} : ${label(x)}`);
  for (const state of REPORT_STATES)
    if (!REPORT_TRANSITIONS.some((x) => x.from === state)) lines.push(`    ${node(state)} --> [*]`);
  return lines.join('\n');
}
