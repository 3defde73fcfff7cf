import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from './run-cli.js';

describe('la-assurance sample', () => {
  // cases.csv: 300 rows exported as councils do (UTF-8 BOM, CRLF, quoted fields, a free-text
  // column with commas); line 11 has an unknown support reason, line 21 repeats line 4's id.
  // The sample is drawn from the rest, and the exit code is 1 because rows were left out.
  it('selects 50 → 10 → 6 from a council-style CSV, reporting bad rows by line', () => {
    const r = runCli(['sample', `${FIXTURES}cases.csv`, '--seed', 'Anyshire 2025-01']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^Sample of 50 from 297 valid records \(299 read\)/);
    expect(r.stdout).toContain('Engage:');
    expect(r.stderr).toContain(
      'line 11: primarySupportReason ("primarySupportReason") is "telepathy": not a known primary support reason — row rejected',
    );
    expect(r.stderr).toContain('300 rows read: 299 kept, 1 rejected');
    expect(r.stderr).toContain('id C-0000003 appears at line 4, line 21 — all left out');
  });

  it('is reproducible and --json carries the whole result', () => {
    const a = runCli(['sample', `${FIXTURES}cases.csv`, '--seed', 'S', '--json']);
    const b = runCli(['sample', `${FIXTURES}cases.csv`, '--seed', 'S', '--json']);
    expect(a.stdout).toBe(b.stdout);
    const s = JSON.parse(a.stdout) as {
      sample: unknown[];
      shortlist: unknown[];
      engage: unknown[];
    };
    expect([s.sample.length, s.shortlist.length, s.engage.length]).toEqual([50, 10, 6]);
    const other = JSON.parse(
      runCli(['sample', `${FIXTURES}cases.csv`, '--seed', 'T', '--json']).stdout,
    ) as { sample: { id: string }[] };
    expect(other.sample.map((c) => c.id)).not.toEqual(
      (s.sample as { id: string }[]).map((c) => c.id),
    );
  });

  it('exits 1 with --reject-invalid, 2 without --seed', () => {
    const r = runCli(['sample', `${FIXTURES}cases.csv`, '--seed', 'S', '--reject-invalid']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('line 11');
    expect(runCli(['sample', `${FIXTURES}cases.csv`]).status).toBe(2);
  });
});

describe('la-assurance validate', () => {
  it('validates the bundled example return and reports completeness', () => {
    const r = runCli(['validate', 'demo/data/information-return-example.json']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('valid against modelled-formal-2023-12 1 (modelled)');
    expect(r.stdout).toMatch(/Required items: \d+ of \d+ answered/);
  });

  it('exits 1 listing issues by path on stderr', () => {
    const broken = {
      template: { id: 'modelled-formal-2023-12', version: '1' },
      responses: { SA1: { text: 42 } },
    };
    const r = runCli(['validate', '-'], JSON.stringify(broken));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('-: responses.SA1');
  });

  it('exits 2 when the template cannot be known, 1 for an unknown named template', () => {
    expect(runCli(['validate', '-'], '{}').status).toBe(2);
    expect(
      runCli(
        ['validate', '-'],
        JSON.stringify({ template: { id: 'nope', version: '1' }, responses: {} }),
      ).status,
    ).toBe(1);
  });
});
