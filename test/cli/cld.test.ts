import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/index.js';
import type { CliIo } from '../../cli/io.js';
import { generateClientLevelData } from '../../src/testing/client-level-data.js';
import { rowsToCsv } from './run-main.js';

const dir = mkdtempSync(join(tmpdir(), 'cld-cli-'));
const clean = join(dir, 'clean.csv');
const messy = join(dir, 'messy.csv');
const opts = {
  seed: 'cli',
  people: 200,
  periodStart: '2024-04-01',
  periodEnd: '2025-03-31',
} as const;
writeFileSync(clean, rowsToCsv([...generateClientLevelData(opts).rows]));
writeFileSync(
  messy,
  rowsToCsv([...generateClientLevelData({ ...opts, messy: { rate: 0.1 } }).rows]),
);

async function run(argv: readonly string[], stderrIsTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    version: '0.0.0',
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stderrIsTTY,
    readStdin: () => '',
  };
  const status = await main(argv, io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}

describe('la-assurance cld', () => {
  it('checks and prepares a clean file: exit 0, quality table and main-table summary', async () => {
    const r = await run([
      'cld',
      clean,
      '--period-start',
      '2024-04-01',
      '--period-end',
      '2025-03-31',
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Data quality by field');
    expect(r.stdout).toMatch(
      /Main table for X01, 2024-04-01 to 2025-03-31 \(single\): [\d,]+ events/,
    );
  });

  it('exits 1 when rows are rejected, still printing everything; --json has the quality and the account', async () => {
    const r = await run([
      'cld',
      messy,
      '--period-start',
      '2024-04-01',
      '--period-end',
      '2025-03-31',
      '--json',
    ]);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as {
      quality: unknown[];
      account: { read: number; kept: number; keptWithMapping: number; rejected: number };
      measures: unknown[];
      waitingTimes: unknown[];
    };
    expect(out.quality.length).toBeGreaterThan(10);
    expect(out.account.rejected).toBeGreaterThan(0);
    expect(out.account.kept + out.account.keptWithMapping + out.account.rejected).toBe(
      out.account.read,
    );
    expect(out.measures.length).toBeGreaterThan(0); // rows rejected, yet everything computed is printed
    expect(out.waitingTimes.length).toBeGreaterThan(0);
  });

  it('exits 2 on usage errors and unreadable files', async () => {
    expect((await run(['cld', clean, '--period-start', '2024-04-01'])).status).toBe(2);
    const missing = await run([
      'cld',
      join(dir, 'nope.csv'),
      '--period-start',
      '2024-04-01',
      '--period-end',
      '2025-03-31',
    ]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('ENOENT');
  });

  it('exits 1 naming the missing column when the file is not CLD', async () => {
    const other = join(dir, 'other.csv');
    writeFileSync(other, 'id,name\n1,a\n');
    const r = await run([
      'cld',
      other,
      '--period-start',
      '2024-04-01',
      '--period-end',
      '2025-03-31',
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Event_Type');
    expect(r.stderr).toContain("'id', 'name'");
  });

  it('names the physical line of each issue (a quoted cell spanning lines, a blank line), and exits 2 on a NUL byte', async () => {
    // Header on line 1; row 1 on lines 2–3 (a line feed inside its quoted Event Reference);
    // line 4 blank (skipped); row 2 on line 5 has no Event Start Date → rejected. So the
    // issue is data row 2, physical line 5.
    const file = join(dir, 'lines.csv');
    writeFileSync(
      file,
      [
        'LA Code,LA Person Unique Identifier,Client Type,Event Type,Event Reference,Event Start Date,Event End Date',
        'X01,P1,Service user,Request,"E1',
        'continued",2024-05-01,2024-05-01',
        '',
        'X01,P2,Service user,Request,E2,,',
        '',
      ].join('\n'),
    );
    const r = await run([
      'cld',
      file,
      '--period-start',
      '2024-04-01',
      '--period-end',
      '2025-03-31',
    ]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^2 +5 +Event_Start_Date /m);
    const nul = join(dir, 'nul.csv');
    writeFileSync(nul, 'LA Code,Event Type\nX01,Req\u0000uest\n');
    const bad = await run([
      'cld',
      nul,
      '--period-start',
      '2024-04-01',
      '--period-end',
      '2025-03-31',
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/line 2/);
  });
});
