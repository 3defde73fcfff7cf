import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { CLD_STYLE, CUSTOM_STYLE, LIBRARY_STYLE, writeExport } from '../support/exports.js';
import { runMain, tempDir } from './run-main.js';

// Each fault of issue 17, on exports written the way councils' systems write them (see
// test/support/exports.ts). Expected lines come from the writer, which counts physical
// lines as it writes them; expected counts from the rows planted.
const tmp = tempDir();
afterAll(() => tmp.remove());

const countsLine = (stderr: string) =>
  /(\S+) rows read: (\S+) kept, (\S+) rejected/
    .exec(stderr)!
    .slice(1)
    .map((n) => Number(n.replace(/,/g, '')));

describe('a 200,000-row CLD-style export (BOM, CRLF, blank lines, multi-line quoted notes, UK dates)', () => {
  const file = tmp.file('cld-200k.csv');
  const badRow = 144_824;
  const written = writeExport(file, {
    style: CLD_STYLE,
    rows: 200_000,
    bom: true,
    crlf: true,
    blankLineEvery: 1000,
    replaceRows: {
      [badRow]:
        'C-BAD-1,70,Telepathy Support,White - Irish,Long Term Support: Community,Yes,N,0,N,N,01/03/2024,,',
      [badRow + 10]: ',,,,,,,,,,,,', // a row of only commas: blank, not a row
      [badRow + 20]: 'C-BAD-2,70,Mental Health Support,White,Community,Yes,N,0,N,N,01/03/2024,,x,y',
    },
  });

  it('samples, reports each rejected row at its physical line, counts that add up, exit 1', async () => {
    const r = await runMain([
      'sample',
      file,
      '--seed',
      'Anyshire',
      '--date-format',
      'dd/mm/yyyy',
      '--as-of',
      '2025-01-15',
    ]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^Sample of 50 from 199,997 valid records \(199,997 read\)/);
    expect(r.stderr).toContain(
      `line ${written.lineOfRow(badRow)}: primarySupportReason ("Primary Support Reason") is "Telepathy Support": not a known primary support reason`,
    );
    expect(r.stderr).toContain(
      `line ${written.lineOfRow(badRow + 20)}: 14 cells where the header has 13`,
    );
    // 200,000 rows written: 1 blank (only commas), 2 rejected, 199,997 kept.
    expect(countsLine(r.stderr)).toEqual([199_999, 199_997, 2]);
    expect(r.stderr).toContain('1 blank row');
    expect(r.stderr).toContain('exit 1 because 2 rows were rejected');
  });

  it('--dry-run reports the header matching and reads only the first rows', async () => {
    const r = await runMain([
      'sample',
      file,
      '--seed',
      'x',
      '--date-format',
      'dd/mm/yyyy',
      '--dry-run',
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('header on line 1 (after a UTF-8 byte-order mark)');
    expect(r.stdout).toContain(
      'primarySupportReason ← "Primary Support Reason" (column 3, by name)',
    );
    expect(r.stdout).toContain('the first 1,000 rows read; no row rejected');
    expect(countsLine(r.stderr)).toEqual([1000, 1000, 0]);
  });
});

describe('heading styles', () => {
  it('reads the library style, the CLD style and a custom style with its mapping to the same sample', async () => {
    const ids: string[][] = [];
    for (const style of [LIBRARY_STYLE, CLD_STYLE, CUSTOM_STYLE]) {
      const file = tmp.file(`${style.name}.csv`);
      writeExport(file, { style, rows: 3000, seed: 'styles' });
      const args = [
        'sample',
        file,
        '--seed',
        'same',
        '--as-of',
        '2025-01-15',
        '--date-format',
        style.dateFormat,
        '--json',
      ];
      if (style.mapping) {
        writeFileSync(tmp.file(`${style.name}.map.json`), JSON.stringify(style.mapping));
        args.push('--map', tmp.file(`${style.name}.map.json`));
      }
      const r = await runMain(args);
      expect(r.stderr).toContain('3,000 rows read: 3,000 kept, 0 rejected');
      expect(r.status, `${style.name}: ${r.stderr}`).toBe(0);
      ids.push((JSON.parse(r.stdout) as { sample: { id: string }[] }).sample.map((c) => c.id));
    }
    expect(ids[1]).toEqual(ids[0]);
    expect(ids[2]).toEqual(ids[0]);
  });

  it('stops on a missing column with its name, the headings found and how to map them; never a silent zero', async () => {
    const file = tmp.file('custom-unmapped.csv');
    writeExport(file, { style: CUSTOM_STYLE, rows: 10 });
    const r = await runMain(['sample', file, '--seed', 'x']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no column for id (required)');
    expect(r.stderr).toContain(`the file's headings are: "Client No", "Age Yrs"`);
    expect(r.stderr).toContain('No rows were read.');
    expect(r.stderr).toContain('la-assurance map init');
    expect(r.stdout).toBe('');
  });

  it('stops on a duplicated id heading instead of making every row a duplicate', async () => {
    const file = tmp.file('dup-heading.csv');
    writeFileSync(file, `Person ID,${CLD_STYLE.headings.join(',')}\nX,${'a,'.repeat(12)}b\n`);
    const r = await runMain(['sample', file, '--seed', 'x']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      '2 columns could give id: "Person ID" (column 1), "Person ID" (column 2)',
    );
  });

  it('map init writes a starter mapping that reads the file; placeholders fail clearly', async () => {
    const cld = tmp.file('cld-small.csv');
    writeExport(cld, { style: CLD_STYLE, rows: 60 });
    const init = await runMain(['map', 'init', cld]);
    expect(init.status).toBe(0);
    const mapping = JSON.parse(init.stdout) as Record<string, string>;
    expect(mapping).toMatchObject({
      id: 'Person ID',
      setting: 'Service Type',
      lastAssessed: 'Last Assessment Date',
    });
    expect(init.stderr).toContain('headings not used: "Notes"');
    writeFileSync(tmp.file('cld.map.json'), init.stdout);
    expect(
      (
        await runMain([
          'sample',
          cld,
          '--seed',
          'x',
          '--map',
          tmp.file('cld.map.json'),
          '--date-format',
          'dd/mm/yyyy',
        ])
      ).status,
    ).toBe(0);

    const custom = tmp.file('custom-small.csv');
    writeExport(custom, { style: CUSTOM_STYLE, rows: 60 });
    const out = tmp.file('custom-starter.json');
    const starter = await runMain(['map', 'init', custom, '--out', out]);
    expect(starter.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ id: '<your heading for id>' });
    expect((await runMain(['map', 'init', custom, '--out', out])).status).toBe(2); // exists, no --force
    const used = await runMain(['sample', custom, '--seed', 'x', '--map', out]);
    expect(used.status).toBe(1);
    expect(used.stderr).toContain(
      'the mapping gives "<your heading for id>" for id, but the file has no such heading',
    );
  });
});

describe('encodings and bytes', () => {
  const latin1 = tmp.file('latin1.csv');
  // Line 1 header, lines 2–4 rows; row 3 (line 4) holds "Zoë" written in Latin-1 (ë = 0xEB).
  const text = `id,age,primarySupportReason,ethnicity,setting,unpaidCarer,hospitalDischarge,safeguardingEnquiry,directPayment,transition\r\nA1,70,Physical Support,White,Community,N,N,N,N,N\r\nA2,71,Physical Support,White,Community,N,N,N,N,N\r\nZoë-3,72,Physical Support,White,Community,N,N,N,N,N\r\n`;
  writeFileSync(latin1, Buffer.from(text, 'latin1'));

  it('stops on a non-UTF-8 file naming the line and the option, exit 2', async () => {
    const r = await runMain(['sample', latin1, '--seed', 'x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is not UTF-8: line 4 has byte 0xEB');
    expect(r.stderr).toContain('--encoding latin1');
  });

  it('reads it with --encoding latin1, the text exact', async () => {
    const r = await runMain(['sample', latin1, '--seed', 'x', '--encoding', 'latin1', '--json']);
    expect(r.status).toBe(0);
    expect(
      (JSON.parse(r.stdout) as { sample: { id: string }[] }).sample.map((c) => c.id).sort(),
    ).toEqual(['A1', 'A2', 'Zoë-3']);
  });

  it('stops on a NUL byte with its line, exit 2', async () => {
    const file = tmp.file('nul.csv');
    writeFileSync(
      file,
      `${text.split('\r\n').slice(0, 3).join('\r\n')}\r\n"multi\r\nline",70\r\nA\u00009,1\r\n`,
    );
    const r = await runMain(['sample', file, '--seed', 'x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('line 6 holds a NUL byte');
  });

  it('stops on UTF-16, an empty file, a missing file (exit 2); a header without rows is exit 1', async () => {
    writeFileSync(tmp.file('utf16.csv'), Buffer.from(`\ufeff${text}`, 'utf16le'));
    expect((await runMain(['sample', tmp.file('utf16.csv'), '--seed', 'x'])).stderr).toContain(
      'is UTF-16 text',
    );
    writeFileSync(tmp.file('empty.csv'), '');
    const empty = await runMain(['sample', tmp.file('empty.csv'), '--seed', 'x']);
    expect([empty.status, empty.stderr.includes('is empty: no header row')]).toEqual([2, true]);
    expect((await runMain(['sample', tmp.file('missing.csv'), '--seed', 'x'])).status).toBe(2);
    writeFileSync(tmp.file('header-only.csv'), `${text.split('\r\n')[0]}\r\n\r\n`);
    const headerOnly = await runMain(['sample', tmp.file('header-only.csv'), '--seed', 'x']);
    expect(headerOnly.status).toBe(1);
    expect(headerOnly.stderr).toContain('no data rows after the header: nothing to sample');
  });

  it('stops on a quote never closed, naming the line where it opens, exit 2', async () => {
    writeFileSync(tmp.file('quote.csv'), `${text}"A9,70,Physical Support\r\nA10,70\r\n`);
    const r = await runMain(['sample', tmp.file('quote.csv'), '--seed', 'x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'not readable as CSV: the record starting on line 5: Quote Not Closed',
    );
  });
});

describe('results from the data', () => {
  it('exits 1 saying why when every row is rejected', async () => {
    const file = tmp.file('all-bad.csv');
    writeExport(file, {
      style: LIBRARY_STYLE,
      rows: 300,
      replaceRows: Object.fromEntries(
        Array.from({ length: 300 }, (_, i) => [
          i,
          `X${i},70,Unknown,white,community,true,false,false,false,false,,`,
        ]),
      ),
    });
    const r = await runMain(['sample', file, '--seed', 'x']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('all 300 rows were rejected: nothing to sample');
    expect(r.stderr).toContain(
      '"Unknown" is a published value with no primary support reason in the case record',
    );
    // 100 issues listed, the other 200 counted: 100 + 200 = 300 rows.
    expect(r.stderr.match(/— row rejected/g)).toHaveLength(100);
    expect(r.stderr).toContain('… and 200 more issues in rejected rows');
    expect(countsLine(r.stderr)).toEqual([300, 0, 300]);
  });

  it('escapes control characters in what it prints; --json and --csv keep values exact', async () => {
    const file = tmp.file('escapes.csv');
    const evil = 'E\u001b[31mRED\u0007';
    writeFileSync(
      file,
      `id,age,primarySupportReason,ethnicity,setting,unpaidCarer,hospitalDischarge,safeguardingEnquiry,directPayment,transition\n"${evil}",70,Physical Support,White,Community,N,N,N,N,N\n"Q,""uoted""",70,Physical Support,White,Community,N,N,N,N,N\n"${evil}x",70,Nope,White,Community,N,N,N,N,N\n`,
    );
    const text = await runMain(['sample', file, '--seed', 'x']);
    expect(text.stdout + text.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text.stdout).toContain('E\\x1b[31mRED\\x07');
    const json = await runMain(['sample', file, '--seed', 'x', '--json']);
    expect(
      (JSON.parse(json.stdout) as { sample: { id: string; line: number }[] }).sample
        .map((c) => [c.id, c.line])
        .sort(),
    ).toEqual([
      [evil, 2],
      ['Q,"uoted"', 3],
    ]);
    const csv = await runMain(['sample', file, '--seed', 'x', '--csv']);
    const rows = parse(csv.stdout, { columns: true }) as { id: string; line: string }[];
    expect(rows.map((r) => [r.id, r.line]).sort()).toEqual([
      [evil, '2'],
      ['Q,"uoted"', '3'],
    ]);
    expect(json.status).toBe(1); // line 4 was rejected
  });

  it('reports duplicated ids by line and exits 1', async () => {
    const file = tmp.file('dups.csv');
    writeExport(file, {
      style: LIBRARY_STYLE,
      rows: 100,
      replaceRows: {
        50: 'C-0000003,70,physical-support,white,community,true,false,false,false,false,,',
      },
    });
    const r = await runMain(['sample', file, '--seed', 'x']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('id C-0000003 appears at line 4, line 52 — all left out');
  });
});

describe('progress', () => {
  it('shows rows/s and the time left on a terminal from the first row of a long input, and nothing otherwise', async () => {
    const file = tmp.file('progress.csv');
    writeExport(file, { style: LIBRARY_STYLE, rows: 200_000 }); // about 20 MB: a long input
    let clock = 0;
    const now = () => (clock += 50); // 50 ms a call: an update at least every 10 calls
    const tty = await runMain(['sample', file, '--seed', 'p', '--json'], {
      stderrIsTTY: true,
      now,
    });
    const piped = await runMain(['sample', file, '--seed', 'p', '--json']);
    expect(tty.status).toBe(0);
    expect(tty.stderr).toMatch(
      /^\rreading .*progress\.csv: 1 row, [\d,]+ rows\/s, \d+%, about \d+ s left/,
    );
    expect(
      tty.stderr.match(/: [\d,]+ rows, [\d,]+ rows\/s, \d+%, about \d+ s left/g)!.length,
    ).toBeGreaterThan(3);
    expect(tty.stderr).toContain('\r\x1b[K'); // the line is cleared at the end
    expect(piped.stderr).not.toContain('reading');
    expect(tty.stdout).toBe(piped.stdout);
  });
});

describe('validate --cases', () => {
  it('answers a case-list item from an export and validates the return', async () => {
    const example = JSON.parse(
      readFileSync('demo/data/information-return-example.json', 'utf8'),
    ) as Record<string, unknown>;
    const ret = tmp.file('pilot-return.json');
    // The pilot template also asks for the reflective logs (C2) beside the case list.
    const responses = {
      ...(example.responses as Record<string, unknown>),
      C2: {
        document: {
          title: 'Reflective logs (example)',
          link: 'https://example.org/documents/reflective-logs.pdf',
        },
      },
    };
    writeFileSync(
      ret,
      JSON.stringify({
        ...example,
        responses,
        template: { id: 'modelled-pilot-2023', version: '1' },
      }),
    );
    const cases = tmp.file('c1.csv');
    writeExport(cases, { style: CLD_STYLE, rows: 50, bom: true, crlf: true });
    const ok = await runMain([
      'validate',
      ret,
      '--cases',
      `C1=${cases}`,
      '--date-format',
      'dd/mm/yyyy',
    ]);
    expect(ok.stderr).toContain('50 rows read: 50 kept, 0 rejected');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('valid against modelled-pilot-2023');
    const missing = await runMain(['validate', ret, '--cases', `C9=${cases}`]);
    expect(missing.status).toBe(2);
  });
});
