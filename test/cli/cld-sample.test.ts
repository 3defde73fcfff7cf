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
  seed: 'cld-sample',
  people: 250,
  periodStart: '2024-04-01',
  periodEnd: '2025-03-31',
} as const;
const rows = [...generateClientLevelData(opts).rows];
const clean = writeCld('clean.csv', rows);
// The same rows in reverse order (header first): the draw must not depend on row order.
const reversed = writeCld('reversed.csv', [...rows].reverse());
const messy = writeCld('messy.csv', [
  ...generateClientLevelData({ ...opts, messy: { rate: 0.1 } }).rows,
]);

interface Sample {
  population: number;
  sample: { id: string }[];
  engage: { id: string }[];
}

describe('la-assurance sample --cld', () => {
  const args = ['--as-of', '2025-03-31', '--seed', 's1', '--json'];

  it('draws 50 → 10 → 6 from the people of a CLD file, reproducibly and in any row order', async () => {
    const a = await runMain(['sample', '--cld', clean, ...args]);
    expect(a.status).toBe(0);
    const s = JSON.parse(a.stdout) as Sample;
    expect(s.sample).toHaveLength(50);
    expect(s.engage).toHaveLength(6);
    // Every sampled id is a person id of the file (generated ids are P + 7 digits).
    for (const c of s.sample) expect(c.id).toMatch(/^P\d{7}$/);
    expect(a.stderr).toMatch(/people supported in the year ending 2025-03-31 \(modelled mapping\)/);
    const b = await runMain(['sample', '--cld', reversed, ...args]);
    expect((JSON.parse(b.stdout) as Sample).sample.map((c) => c.id)).toEqual(
      s.sample.map((c) => c.id),
    );
  });

  it('exit 1 when CLD rows are rejected (the sample still drawn); --reject-invalid draws nothing', async () => {
    const r = await runMain(['sample', '--cld', messy, ...args]);
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as Sample).sample.length).toBeGreaterThan(0);
    const strict = await runMain(['sample', '--cld', messy, ...args, '--reject-invalid']);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toBe('');
  });

  it('exit 1 when nobody was supported in the year ending --as-of', async () => {
    const r = await runMain(['sample', '--cld', clean, '--as-of', '2015-03-31', '--seed', 's1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('nothing to sample');
  });

  it('exit 2 on usage: no --as-of, a cases file as well, a missing file', async () => {
    expect((await runMain(['sample', '--cld', clean, '--seed', 's1'])).status).toBe(2);
    expect(
      (
        await runMain([
          'sample',
          'cases.csv',
          '--cld',
          clean,
          '--as-of',
          '2025-03-31',
          '--seed',
          's1',
        ])
      ).status,
    ).toBe(2);
    expect(
      (
        await runMain([
          'sample',
          '--cld',
          tmp.file('nope.csv'),
          '--as-of',
          '2025-03-31',
          '--seed',
          's1',
        ])
      ).status,
    ).toBe(2);
  });
});
