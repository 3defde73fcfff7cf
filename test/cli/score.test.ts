import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from './run-cli.js';

describe('la-assurance (built bin)', () => {
  it('prints help with exit 0, and usage with exit 2 when called without a command', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: la-assurance <command>/);
    expect(help.stdout).toMatch(/score/);
    const none = runCli([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/Usage/);
  });

  it('rejects an unknown command with exit 2', () => {
    const r = runCli(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });

  it('prints its version', () => {
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('la-assurance score', () => {
  it('scores a file with published label variants (Camden, 28 Feb 2025: 89% Outstanding)', () => {
    const r = runCli(['score', `${FIXTURES}camden.json`]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Camden: Outstanding (89%)');
    expect(r.stdout).toContain('QS6  Safe systems, pathways and transitions');
  });

  it('gives JSON with --json', () => {
    const r = runCli(['score', '--scores', '2,2,2,2,3,2,2,2,3', '--json']);
    expect(r.status).toBe(0);
    const [result] = JSON.parse(r.stdout) as [{ rating: string; roundedPercentage: number }];
    expect(result).toMatchObject({ rating: 'requires-improvement', roundedPercentage: 56 }); // Norfolk, Dec 2025
  });

  it('reads stdin for -', () => {
    const r = runCli(
      ['score', '-', '--json'],
      JSON.stringify({ safeguarding: 4, 'assessing-needs': 4 }),
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)[0].rating).toBe('outstanding');
  });

  it('exits 1 naming file, item and field on invalid input, on stderr', () => {
    const r = runCli(['score', `${FIXTURES}bad-scores.json`]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'bad-scores.json: Example A: scores.safeguarding: a score must be a whole number from 1 to 4; got "3" (a string)',
    );
    expect(r.stderr).toContain(
      'bad-scores.json: Example B: scores.Housing: "Housing" is not a quality statement id',
    );
  });

  it('exits 1 on a missing file or bad JSON', () => {
    expect(runCli(['score', 'no-such-file.json']).stderr).toContain(
      'no-such-file.json: cannot read the file (ENOENT)',
    );
    const r = runCli(['score', '-'], '{ nope');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('-: not valid JSON');
  });

  it('exits 2 on bad usage', () => {
    expect(runCli(['score']).status).toBe(2);
    expect(
      runCli(['score', '--rounding', 'sideways', '--scores', '1,1,1,1,1,1,1,1,1']).status,
    ).toBe(2);
    expect(runCli(['score', '--nope']).status).toBe(2);
  });

  it('exits 1 when --scores does not give nine scores', () => {
    const r = runCli(['score', '--scores', '3,3']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('give nine comma-separated scores');
  });
});
