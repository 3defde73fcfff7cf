import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { generateClientLevelData } from '../../src/testing/client-level-data.js';
import { rowsToCsv, runMain, tempDir } from './run-main.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

/** A CLD CSV written from generated rows. */
function writeCld(name: string, rows: readonly Readonly<Record<string, string>>[]): string {
  const file = tmp.file(name);
  writeFileSync(file, rowsToCsv(rows));
  return file;
}

const opts = {
  seed: 'cld-measures',
  people: 250,
  periodStart: '2024-04-01',
  periodEnd: '2025-03-31',
} as const;
const clean = writeCld('clean.csv', [...generateClientLevelData(opts).rows]);
const messy = writeCld('messy.csv', [
  ...generateClientLevelData({ ...opts, messy: { rate: 0.1 } }).rows,
]);
const period = ['--period-start', '2024-04-01', '--period-end', '2025-03-31'];

interface Row {
  code: string;
  measure: string;
  description: string;
  ageBand: string;
  sex: string;
  numerator: number;
  denominator: number | null;
  outcome: number | null;
}
interface Out {
  quality: unknown[];
  account: { rejected: number };
  ascofPeriod: { periodStart: string; periodEnd: string };
  measures: Row[];
  notComputable: { measure: string }[];
  waitingTimes: { code: string; quarter: string; ageBand: string; count: number; median: number }[];
}

describe('la-assurance cld: measures', () => {
  it('--json: ASCOF rows over the 12 months ending --period-end, 2B per 100,000 of the population given, waiting times', async () => {
    const r = await runMain(['cld', clean, ...period, '--population-18-64', '100000', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.quality.length).toBeGreaterThan(10);
    // 12 months ending 2025-03-31: from 2024-04-01.
    expect(out.ascofPeriod).toEqual({ periodStart: '2024-04-01', periodEnd: '2025-03-31' });
    expect(new Set(out.measures.map((m) => m.code))).toEqual(
      new Set(['2A', '2B', '2C', '2E', '2E-LD', '3D-1a', '3D-1b', '3D-2a', '3D-2b']),
    );
    for (const m of out.measures)
      expect(Object.keys(m).sort()).toEqual([
        'ageBand',
        'code',
        'denominator',
        'description',
        'measure',
        'numerator',
        'outcome',
        'sex',
      ]);
    // By hand: with a population of 100,000, 100,000·N/100,000 = N, so 2B's outcome is its numerator.
    const b = out.measures.find((m) => m.code === '2B')!;
    expect(b.denominator).toBe(100000);
    expect(b.outcome).toBe(b.numerator);
    // No 65+ population given: 2C has no denominator or outcome and is listed as not computable, with 2D.
    const c = out.measures.find((m) => m.code === '2C')!;
    expect([c.denominator, c.outcome]).toEqual([null, null]);
    expect(out.notComputable.map((n) => n.measure).sort()).toEqual(['ASCOF 2C', 'ASCOF 2D']);
    expect(out.waitingTimes.length).toBeGreaterThan(0);
    for (const w of out.waitingTimes) {
      expect(['WT-first-response', 'WT-first-service']).toContain(w.code);
      expect(['25 to 64', '65 and above']).toContain(w.ageBand);
      expect(w.quarter).toMatch(/^\d{4}-(01|04|07|10)-01$/);
    }
  });

  it('text: prints the measures and waiting-time tables and says what is not computable', async () => {
    const r = await runMain(['cld', clean, ...period]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ASCOF measures, 2024-04-01 to 2025-03-31');
    expect(r.stdout).toMatch(/2B\s+ASCOF 2B\s+18 to 64\s+Total\s+\d+\s+-\s+not computable/);
    expect(r.stdout).toContain('ASCOF 2B not computable');
    expect(r.stdout).toContain('ASCOF 2D not computable');
    expect(r.stdout).toMatch(/Waiting times in days[^\n]*\n[^\n]*median/);
  });

  it('--ascof-year takes the financial year instead', async () => {
    const r = await runMain([
      'cld',
      clean,
      '--period-start',
      '2023-04-01',
      '--period-end',
      '2025-06-30',
      '--ascof-year',
      '2024',
      '--json',
    ]);
    expect((JSON.parse(r.stdout) as Out).ascofPeriod).toEqual({
      periodStart: '2024-04-01',
      periodEnd: '2025-03-31',
    });
  });

  it('--format ascof-csv: the header, then the same rows as --json, exactly quoted', async () => {
    const args = [
      'cld',
      clean,
      ...period,
      '--population-18-64',
      '350000',
      '--population-65-plus',
      '120000',
    ];
    const csv = await runMain([...args, '--format', 'ascof-csv']);
    const json = JSON.parse((await runMain([...args, '--json'])).stdout) as Out;
    expect(csv.status).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('code,measure,description,ageBand,sex,numerator,denominator,outcome');
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe(json.measures.length);
    const at = json.measures.findIndex((m) => m.code === '2B');
    const m = json.measures[at]!;
    // The 2B description holds a comma ("per 100,000 population"), so it is quoted; numbers are bare.
    expect(m.description).toContain(',');
    expect(lines[at + 1]).toBe(
      `${m.code},${m.measure},"${m.description}",${m.ageBand},${m.sex},${m.numerator},350000,${m.outcome}`,
    );
  });

  it('exit 1 when rows are rejected, still printing the measures', async () => {
    const r = await runMain(['cld', messy, ...period]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('ASCOF measures');
    const csv = await runMain(['cld', messy, ...period, '--format', 'ascof-csv']);
    expect(csv.status).toBe(1);
    expect(csv.stdout.startsWith('code,measure,')).toBe(true);
    expect(csv.stderr).toMatch(/rows rejected/);
  });

  it('exit 1, never 0, when the period holds no events: nothing computed', async () => {
    const r = await runMain([
      'cld',
      clean,
      '--period-start',
      '2010-04-01',
      '--period-end',
      '2011-03-31',
      '--json',
    ]);
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as Out).measures).toEqual([]);
    expect(r.stderr).toContain('no measures computed');
  });

  it('exit 2 on bad populations, years and formats', async () => {
    expect((await runMain(['cld', clean, ...period, '--population-18-64', '12.5'])).status).toBe(2);
    expect((await runMain(['cld', clean, ...period, '--population-65-plus', '-3'])).status).toBe(2);
    expect((await runMain(['cld', clean, ...period, '--ascof-year', '24/25'])).status).toBe(2);
    expect((await runMain(['cld', clean, ...period, '--format', 'xlsx'])).status).toBe(2);
    expect(
      (await runMain(['cld', clean, ...period, '--format', 'ascof-csv', '--json'])).status,
    ).toBe(2);
  });
});
