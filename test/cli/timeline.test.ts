import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('la-assurance timeline', () => {
  it('plans the milestones from the notification date', () => {
    const r = runCli(['timeline', '--notified', '2024-09-02', '--draft-sent', '2024-12-20']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/2024-09-23\s+Information return due/); // 3 weeks after notification
    expect(r.stdout).toMatch(/2025-01-08\s+Factual accuracy comments due/); // 10 working days over Christmas
  });

  it('gives JSON with --json', () => {
    const r = runCli([
      'timeline',
      '--notified',
      '2024-09-02',
      '--published',
      '2025-03-14',
      '--json',
    ]);
    const { milestones } = JSON.parse(r.stdout) as { milestones: { id: string; date: string }[] };
    expect(milestones.find((m) => m.id === 'rating-review-request-due')?.date).toBe('2025-04-04');
  });

  it('exits 1 naming the flag on a bad date, 2 without --notified', () => {
    const bad = runCli(['timeline', '--notified', '2024-02-30']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--notified');
    expect(runCli(['timeline']).status).toBe(2);
  });

  it('--preset observed-2025 plans with the 2025 practice (Devon, notified 10 Feb 2025: window to 11 Aug 2025); an unknown preset is a usage error', () => {
    const r = runCli(['timeline', '--notified', '2025-02-10', '--preset', 'observed-2025']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/2025-08-11\s+On-site window closes/);
    expect(r.stdout).toMatch(/Leadership presentation/);
    expect(
      runCli(['timeline', '--notified', '2025-02-10', '--preset', 'observed-2024']).status,
    ).toBe(2);
  });

  it('a notification in late 2199 is rejected with exit 1, not a stack trace', () => {
    const r = runCli(['timeline', '--notified', '2199-12-30']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--notified');
  });
});
