import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  REPORT_EVENT_TYPES,
  REPORT_STATES,
  REPORT_TRANSITIONS,
  reportStateDiagram,
} from '../../src/report/index.js';

describe('the state machine and its diagram', () => {
  it('docs/report.md embeds exactly the generated diagram', () => {
    const page = readFileSync(new URL('../../docs/report.md', import.meta.url), 'utf8');
    const blocks = [...page.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]);
    expect(blocks).toEqual([reportStateDiagram()]);
  });

  it('draws every state and transition', () => {
    const diagram = reportStateDiagram();
    for (const state of REPORT_STATES) expect(diagram).toContain(` as ${state.replace(/-/g, '_')}`);
    expect(diagram.split('\n').filter((l) => l.includes(' --> ')).length).toBe(
      REPORT_TRANSITIONS.length + 1,
    );
  });

  it('the table is consistent: every event and state is used, no (state, event) pair twice, every state reachable', () => {
    expect(new Set(REPORT_TRANSITIONS.map((x) => x.event))).toEqual(new Set(REPORT_EVENT_TYPES));
    const pairs = REPORT_TRANSITIONS.map((x) => `${x.from}|${x.event}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const reached = new Set<string | null>([null]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const x of REPORT_TRANSITIONS)
        if (reached.has(x.from) && !reached.has(x.to)) {
          reached.add(x.to);
          changed = true;
        }
    }
    expect([...reached].filter((s) => s !== null).sort()).toEqual([...REPORT_STATES].sort());
  });
});
