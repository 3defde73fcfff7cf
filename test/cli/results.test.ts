import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/index.js';
import type { CliIo } from '../../cli/io.js';
import { PUBLISHED_RESULTS, heatMapSvg } from '../../src/results/index.js';

// In process, with injected I/O (main(argv, io)); --svg writes to a temporary directory.
async function run(args: readonly string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    version: '0.0.0',
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stderrIsTTY: false,
    readStdin: () => '',
  };
  const status = await main(args, io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}

const dir = mkdtempSync(join(tmpdir(), 'la-assurance-results-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('la-assurance results', () => {
  it('prints the league table with coverage, filtered by region and confidence', async () => {
    const r = await run(['results', '--region', 'London', '--min-confidence', 'high']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('101 of 153 councils have a formal result, 75 with all nine scores');
    expect(r.stdout).toMatch(/Camden\s+London\s+2025-02\s+Outstanding\s+32\s+89\s+89/);
    expect(r.stdout).toMatch(/Barnet\s+London/);
    expect(r.stdout).not.toContain('Hounslow'); // medium confidence
  });

  it('gives JSON and CSV', async () => {
    const json = JSON.parse((await run(['results', '--type', 'county', '--json'])).stdout) as {
      rows: { type: string }[];
    };
    expect(json.rows.length).toBeGreaterThan(0);
    expect(json.rows.every((r) => r.type === 'county')).toBe(true);
    const csv = (await run(['results', '--since', '2025-12', '--csv'])).stdout.trim().split('\n');
    expect(csv[0]).toMatch(
      /^ons_code,name,type,region,kind,published,rating,qs_total,percentage,published_percentage,qs1,/,
    );
    expect(
      csv
        .slice(1)
        .some((l) =>
          l.startsWith(
            'E06000014,York,unitary,yorkshire-and-the-humber,formal,2025-12-05,Requires improvement,14,39,39,1,2,2,1,2,1,1,2,2,high,',
          ),
        ),
    ).toBe(true);
  });

  it('includes the 2023 pilots (indicative ratings) only with --pilots', async () => {
    const rows = async (args: string[]) =>
      (
        JSON.parse(
          (await run(['results', '--region', 'east-midlands', '--json', ...args])).stdout,
        ) as { rows: { council: string; kind: string }[] }
      ).rows;
    expect((await rows([])).filter((r) => r.council === 'E06000018').map((r) => r.kind)).toEqual([
      'formal',
    ]);
    expect(
      (await rows(['--pilots']))
        .filter((r) => r.council === 'E06000018')
        .map((r) => r.kind)
        .sort(),
    ).toEqual(['formal', 'pilot']);
  });

  it('sorts by a quality statement column', async () => {
    const json = JSON.parse(
      (await run(['results', '--sort', 'QS7', '--order', 'asc', '--json'])).stdout,
    ) as { rows: { scores: Record<string, number> }[] };
    expect(json.rows[0]!.scores.safeguarding).toBe(1);
  });

  it('compares one council by name with its region, type and peers, and the band above', async () => {
    const r = await run(['results', 'Norfolk County Council']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Norfolk (E10000020): 20 of 36 = 56%, Requires improvement');
    expect(r.stdout).toMatch(/England\s+75\s+78\s+/);
    expect(r.stdout).toContain('they most often score higher on QS8');
    expect(r.stdout).toContain('3 one-point raises');
  });

  it('writes the heat map with --svg and refuses to overwrite it without --force', async () => {
    const file = join(dir, 'heat-map.svg');
    expect((await run(['results', '--svg', file])).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(heatMapSvg(PUBLISHED_RESULTS));
    writeFileSync(file, 'keep me');
    const again = await run(['results', '--svg', file]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('exists; add --force to overwrite it');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect((await run(['results', '--svg', file, '--force'])).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(heatMapSvg(PUBLISHED_RESULTS));
  });

  it('writes the comparison chart for a council', async () => {
    const file = join(dir, 'york.svg');
    expect((await run(['results', 'E06000014', '--svg', file])).status).toBe(0);
    expect(existsSync(file) && readFileSync(file, 'utf8')).toContain('York against its groups');
  });

  it('merges a newer table given with --data and reports each changed value', async () => {
    const file = join(dir, 'newer.csv');
    writeFileSync(
      file,
      'ons_code,assessment_type,publication_month,overall_rating,published_overall_pct,source,confidence\nE09000025,initial formal assessment,2025-12,Requires improvement,62,newham.gov.uk,medium\nE06000047,initial formal assessment,2024-08,Good,,my check,high\n',
    );
    const r = await run(['results', '--data', file, '--region', 'london', '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('1 added, 1 replaced');
    expect(r.stderr).toContain('E06000047 formal scores.assessing-needs: 2 → (none)');
    expect(
      (JSON.parse(r.stdout) as { rows: { council: string }[] }).rows.map((x) => x.council),
    ).toContain('E09000025');
  });

  it('exits 1 for a council without scores or an empty table, 2 for bad usage', async () => {
    const leeds = await run(['results', 'Leeds']);
    expect(leeds.status).toBe(1);
    expect(leeds.stderr).toContain('not all nine quality statement scores are in the table');
    expect((await run(['results', 'Manchester'])).status).toBe(1);
    expect((await run(['results', 'Nottingham'])).stderr).toContain('is ambiguous');
    expect((await run(['results', '--region', 'london', '--since', '2030'])).status).toBe(1);
    expect((await run(['results', '--region', 'Atlantis'])).status).toBe(2);
    expect((await run(['results', '--since', 'soon'])).status).toBe(2);
    expect((await run(['results', '--json', '--csv'])).status).toBe(2);
  });
});
