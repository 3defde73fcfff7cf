import { describe, expect, it } from 'vitest';
import { main } from '../../cli/index.js';
import type { CliIo } from '../../cli/io.js';
import { generateCasePopulation } from '../../src/testing/case-population.js';

// In process (a child process's stderr is never a terminal): the progress count appears on
// stderr only when stderr is a TTY and the input is long, and never changes the result.
describe('la-assurance sample progress', () => {
  const json = JSON.stringify([...generateCasePopulation({ seed: 'progress', size: 60_000 })]);
  const run = async (stderrIsTTY: boolean) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { version: '0.0.0', stdout: (t) => out.push(t), stderr: (t) => err.push(t), stderrIsTTY, readStdin: () => json };
    const status = await main(['sample', '-', '--seed', 'p', '--json'], io);
    return { status, stdout: out.join(''), stderr: err.join('') };
  };

  it('shows a running count on a terminal, and nothing otherwise', async () => {
    const tty = await run(true);
    const piped = await run(false);
    expect(tty.status).toBe(0);
    expect(piped.status).toBe(0);
    expect(tty.stderr).toContain('selecting: 50,000 of 60,000 records read');
    expect(tty.stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(piped.stderr).toBe('');
    expect(tty.stdout).toBe(piped.stdout);
  });
});
