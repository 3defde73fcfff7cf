import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from './run-cli.js';

describe('la-assurance tranche', () => {
  it('resolves councils by common names and picks the optimum', () => {
    const r = runCli(['tranche', `${FIXTURES}profiles-names.json`, '--size', '2']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('total score 80 (exact optimum)'); // Bristol (high concern, 50) + a 30
    expect(r.stdout).toMatch(/Bristol, City of\s+unitary/);
  });

  it('gives JSON with --json', () => {
    const r = runCli(['tranche', `${FIXTURES}profiles-names.json`, '--size', '1', '--json']);
    const t = JSON.parse(r.stdout) as { selected: { council: { code: string } }[] };
    expect(t.selected.map((s) => s.council.code)).toEqual(['E06000023']);
  });

  it('runs on the bundled 153 example profiles with balance constraints', () => {
    const r = runCli([
      'tranche',
      'demo/data/council-profiles.json',
      '--min-per-type',
      '3',
      '--max-per-region',
      '3',
      '--json',
    ]);
    expect(r.status).toBe(0);
    const t = JSON.parse(r.stdout) as {
      selected: unknown[];
      byRegion: Record<string, number>;
      byType: Record<string, number>;
    };
    expect(t.selected).toHaveLength(20);
    expect(Math.max(...Object.values(t.byRegion))).toBeLessThanOrEqual(3);
    expect(Math.min(...Object.values(t.byType))).toBeGreaterThanOrEqual(3);
  });

  it('exits 1 naming the profile for an ambiguous or unknown council', () => {
    const r = runCli(['tranche', `${FIXTURES}profiles-ambiguous.json`, '--notified', '2023-12-04']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'profile 1: "Nottingham" is ambiguous: Nottingham (E06000018), Nottinghamshire (E10000024)',
    );
    expect(r.stderr).toContain('profile 2: "Atlantis" is not a council');
  });

  it('exits 1 when no tranche can meet the constraints, 2 on bad usage', () => {
    expect(runCli(['tranche', `${FIXTURES}profiles-names.json`, '--size', '9']).status).toBe(1);
    expect(runCli(['tranche', `${FIXTURES}profiles-names.json`, '--size', 'x']).status).toBe(2);
    expect(runCli(['tranche']).status).toBe(2);
  });
});
