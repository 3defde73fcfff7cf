import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { generateClientLevelData } from '../../src/testing/client-level-data.js';
import { rowsToCsv, runMain, tempDir } from './run-main.js';

// `la-assurance cld` with --map, --date-format and --dry-run (issue 17). The same generated
// rows are written with the submission file's headings and ISO dates (the reference run),
// then with a council's own headings and each date format: every run must give the
// reference's measures, so the options are checked against an answer we already trust.
const tmp = tempDir();
afterAll(() => tmp.remove());

const rows = [
  ...generateClientLevelData({
    seed: 'cld-intake',
    people: 400,
    periodStart: '2024-04-01',
    periodEnd: '2025-03-31',
  }).rows,
];

/** The council's own headings for five submission headings. */
const OWN: Readonly<Record<string, string>> = {
  'LA Person Unique Identifier': 'Person Ref',
  'Event Type': 'Activity',
  'Event Start Date': 'From',
  'Event End Date': 'To',
  'Client Type': 'Client Category',
};
/** The mapping a council would write for them: CLD field database names → its headings. */
const MAPPING = {
  LA_Person_Unique_Identifier: 'Person Ref',
  Event_Type: 'Activity',
  Event_Start_Date: 'From',
  Event_End_Date: 'To',
  Client_Type: 'Client Category',
};
const DATE_COLUMNS = [
  'Reporting Period Start Date',
  'Reporting Period End Date',
  'Date of Birth',
  'Date of Death',
  'Event Start Date',
  'Event End Date',
];

type Format = 'yyyy-mm-dd' | 'dd/mm/yyyy' | 'd/m/yy';
function written(iso: string, format: Format): string {
  if (iso === '') return '';
  const [y, m, d] = iso.split('-') as [string, string, string];
  if (format === 'yyyy-mm-dd') return iso;
  if (format === 'dd/mm/yyyy') return `${d}/${m}/${y}`;
  return `${Number(d)}/${Number(m)}/${y.slice(2)}`;
}

/** The rows with the council's headings and dates written in `format`. */
function ownRows(format: Format): Record<string, string>[] {
  return rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([h, v]) => [
        OWN[h] ?? h,
        DATE_COLUMNS.includes(h) ? written(v, format) : v,
      ]),
    ),
  );
}

function writeCsv(name: string, data: readonly Readonly<Record<string, string>>[]): string {
  const file = tmp.file(name);
  writeFileSync(file, rowsToCsv(data));
  return file;
}

const reference = writeCsv('reference.csv', rows);
const mapFile = tmp.file('mapping.json');
writeFileSync(mapFile, JSON.stringify(MAPPING));
const period = ['--period-start', '2024-04-01', '--period-end', '2025-03-31'];

interface Out {
  account: { read: number; kept: number; rejected: number };
  measures: unknown[];
  waitingTimes: unknown[];
  issues: { code: string; message: string }[];
}

describe('la-assurance cld --map --date-format', () => {
  it('reads a council export (own headings, each date format) to the reference measures', async () => {
    const ref = await runMain(['cld', reference, ...period, '--json']);
    expect(ref.status).toBe(0);
    const want = JSON.parse(ref.stdout) as Out;
    expect(want.measures.length).toBeGreaterThan(0);
    // The four-digit formats here; d/m/yy in the next test (the generated dates of birth
    // go back before 1970, which a two-digit year cannot tell from 20yy).
    for (const format of ['yyyy-mm-dd', 'dd/mm/yyyy'] as const) {
      const file = writeCsv(`own-${format.replace(/\//g, '')}.csv`, ownRows(format));
      const r = await runMain([
        'cld',
        file,
        ...period,
        '--map',
        mapFile,
        '--date-format',
        format,
        '--json',
      ]);
      expect(r.status, `${format}: ${r.stderr}`).toBe(0);
      const got = JSON.parse(r.stdout) as Out;
      expect(got.account).toEqual(want.account);
      expect(got.measures).toEqual(want.measures);
      expect(got.waitingTimes).toEqual(want.waitingTimes);
    }
  });

  it('d/m/yy reads two-digit years by the intake rule (below 70 → 20yy)', async () => {
    // Event dates 2024–2025 → 24, 25 → 2024, 2025. Dates of birth are written in full ISO
    // in this file, so under d/m/yy each is an invalid date (read as blank, row kept).
    const data = rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([h, v]) => [
          OWN[h] ?? h,
          DATE_COLUMNS.includes(h) && h !== 'Date of Birth' && h !== 'Date of Death'
            ? written(v, 'd/m/yy')
            : v,
        ]),
      ),
    );
    const file = writeCsv('own-dmyy.csv', data);
    const r = await runMain([
      'cld',
      file,
      ...period,
      '--map',
      mapFile,
      '--date-format',
      'd/m/yy',
      '--json',
    ]);
    const got = JSON.parse(r.stdout) as Out & {
      quality: { field: string; valid: number; invalid: number }[];
    };
    const ref = JSON.parse((await runMain(['cld', reference, ...period, '--json'])).stdout) as Out;
    expect(got.account.read).toBe(ref.account.read);
    expect(got.account.rejected).toBe(0);
    const q = (field: string) => got.quality.find((x) => x.field === field)!;
    const withStart = rows.filter((x) => x['Event Start Date'] !== '').length;
    expect(q('Event_Start_Date').valid).toBe(withStart);
    const withBirth = rows.filter((x) => x['Date of Birth'] !== '').length;
    expect(q('Date_of_Birth').invalid).toBe(withBirth);
    expect(got.issues.find((i) => i.code === 'invalid-date')?.message).toContain(
      'is not a date (d/m/yy, e.g. 1/3/24); read as blank.',
    );
  });

  it('a wrong --date-format rejects the rows it cannot place in time, saying the format (exit 1)', async () => {
    const file = writeCsv('own-uk.csv', ownRows('dd/mm/yyyy'));
    const r = await runMain([
      'cld',
      file,
      ...period,
      '--map',
      mapFile,
      '--date-format',
      'yyyy-mm-dd',
    ]);
    expect(r.status).toBe(1);
    // Every row has a start date, and none is written yyyy-mm-dd: all rejected.
    expect(r.stdout).toContain(`rejected ${rows.length.toLocaleString('en-GB')}`);
    expect(r.stdout).toContain('is not a date (yyyy-mm-dd, e.g. 2024-03-01)');
  });

  it('without --map, a missing column stops before any row, naming it, the headings found and --map (exit 1)', async () => {
    const file = writeCsv('own-nomap.csv', ownRows('yyyy-mm-dd'));
    const r = await runMain(['cld', file, ...period]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}: header (line 1): The file has no column for Event_Type`);
    expect(r.stderr).toContain("'Person Ref'");
    expect(r.stderr).toContain('give --map mapping.json');
    expect(r.stderr).toContain('No rows were read.');
    expect(r.stdout).toBe('');
  });

  it('a mapping naming no CLD field, or a heading the file lacks, stops before any row (exit 1)', async () => {
    const file = writeCsv('own-bad-map.csv', ownRows('yyyy-mm-dd'));
    const typo = tmp.file('typo.json');
    writeFileSync(typo, JSON.stringify({ ...MAPPING, Event_Strat_Date: 'From' }));
    const r = await runMain(['cld', file, ...period, '--map', typo]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'The mapping names a field "Event_Strat_Date" that is not a CLD field\'s database name',
    );
    expect(r.stderr).toContain('did you mean "Event_Start_Date"?');
    expect(r.stderr).toContain('No rows were read.');

    const absent = tmp.file('absent.json');
    writeFileSync(absent, JSON.stringify({ ...MAPPING, Event_Start_Date: 'Start Date' }));
    const s = await runMain(['cld', file, ...period, '--map', absent]);
    expect(s.status).toBe(1);
    expect(s.stderr).toContain(
      'The mapping gives "Start Date" for Event_Start_Date, but the file has no such heading',
    );
    expect(s.stderr).toContain(`the file's headings are: "LA Code", "Reporting Period Start Date"`);
  });

  it('exit 2 for a --map file that is missing or not a column mapping, and for a bad --date-format', async () => {
    const missing = await runMain(['cld', reference, ...period, '--map', tmp.file('none.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('ENOENT');
    const notMapping = tmp.file('not-mapping.json');
    writeFileSync(notMapping, JSON.stringify({ Event_Start_Date: 7 }));
    const bad = await runMain(['cld', reference, ...period, '--map', notMapping]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('not a column mapping');
    expect(bad.stderr).toContain('{"Event_Start_Date": "Start Date"}');
    const notJson = tmp.file('not-json.json');
    writeFileSync(notJson, '{ Event_Start_Date: From }');
    expect((await runMain(['cld', reference, ...period, '--map', notJson])).status).toBe(2);
    const format = await runMain(['cld', reference, ...period, '--date-format', 'mm/dd/yyyy']);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain(
      '--date-format must be one of yyyy-mm-dd, dd/mm/yyyy, d/m/yy; got mm/dd/yyyy',
    );
  });

  it('a short first row (its last cells missing) does not hide a column from the header', async () => {
    // The header names every column; row 1 stops after 'Event End Date' (column 18), so
    // the check must still see 'Event Outcome' … 'Review Reason' as columns (blank in row 1).
    const text = rowsToCsv(rows.slice(0, 5)).split('\n');
    text[1] = rowsToCsv([Object.fromEntries(Object.entries(rows[0]!).slice(0, 18))]).split(
      '\n',
    )[1]!;
    const file = tmp.file('short-first.csv');
    writeFileSync(file, text.join('\n'));
    const r = await runMain(['cld', file, ...period, '--json']);
    const out = JSON.parse(r.stdout) as Out & { columns: { recognised: unknown[] } };
    expect(out.account.read).toBe(5);
    expect(out.columns.recognised).toHaveLength(Object.keys(rows[0]!).length);
  });

  it('rows with more or fewer cells than the header are reported with their lines, not ignored', async () => {
    // Row 2 (line 3) loses its last cell; row 4 (line 5) gains one: 2 ragged rows.
    const text = rowsToCsv(rows.slice(0, 5)).split('\n');
    const width = Object.keys(rows[0]!).length;
    text[2] = text[2]!.slice(0, text[2]!.lastIndexOf(','));
    text[4] = `${text[4]},extra`;
    const file = tmp.file('ragged.csv');
    writeFileSync(file, text.join('\n'));
    const r = await runMain(['cld', file, ...period, '--json']);
    expect((JSON.parse(r.stdout) as Out).account.read).toBe(5);
    expect(r.stderr).toContain(
      `2 rows have a number of cells other than the header's ${width} (line 3: ${width - 1} cells; line 5: ${width + 1} cells)`,
    );
  });

  it('a Latin-1 file stops with exit 2 unless --encoding latin1 is given', async () => {
    // An extra column headed 'Remarque générale' written in Latin-1: é is the single byte 0xE9.
    const text = rowsToCsv(rows.slice(0, 5)).split('\n');
    text[0] = `${text[0]},Remarque générale`;
    const file = tmp.file('latin1.csv');
    writeFileSync(file, Buffer.from(text.join('\n'), 'latin1'));
    const plain = await runMain(['cld', file, ...period, '--json']);
    expect(plain.status).toBe(2);
    const r = await runMain(['cld', file, ...period, '--json', '--encoding', 'latin1']);
    const out = JSON.parse(r.stdout) as Out & { columns: { unknown: string[] } };
    expect(out.columns.unknown).toEqual(['Remarque générale']);
    expect(out.account.read).toBe(5);
    const bad = await runMain(['cld', file, ...period, '--encoding', 'ebcdic']);
    expect(bad.status).toBe(2);
  });

  it('the help names the three options', async () => {
    const r = await runMain(['cld', '--help']);
    expect(r.status).toBe(0);
    for (const option of [
      '--map FILE',
      '--date-format F',
      '--dry-run',
      '--encoding E',
      '--progress',
    ])
      expect(r.stdout).toContain(option);
  });
});

describe('la-assurance cld --dry-run', () => {
  /** `cld --dry-run` of a file with the council's headings and UK dates. */
  const dryRun = (file: string) => [
    'cld',
    file,
    '--map',
    mapFile,
    '--date-format',
    'dd/mm/yyyy',
    '--dry-run',
  ];

  it('reports how each heading matched and the first 1,000 rows only; no period needed (exit 0)', async () => {
    expect(rows.length).toBeGreaterThan(1000);
    const file = writeCsv('dry.csv', ownRows('dd/mm/yyyy'));
    const r = await runMain(dryRun(file));
    expect(r.status, r.stderr).toBe(0);
    // 'From' is column 17 of the generated headings (see the header of reference.csv).
    expect(Object.keys(rows[0]!).indexOf('Event Start Date') + 1).toBe(17);
    expect(r.stdout).toContain(`${file}: header on line 1; columns matched:`);
    expect(r.stdout).toMatch(/Event_Start_Date +← "From" \(column 17, by mapping\)/);
    expect(r.stdout).toMatch(/LA_Code +← "LA Code" \(column 1, by name\)/);
    expect(r.stdout).toContain('Dry run: the first 1,000 rows read; no row rejected.');
    expect(r.stderr).toContain(`${file}: 1,000 rows read: 1,000 kept, 0 rejected`);
    // Nothing beyond the dry run: no quality table, no measures.
    expect(r.stdout).not.toContain('Data quality by field');
  });

  it('names each rejected row at its physical line and exits 1', async () => {
    // Rows 3 and 5 (lines 4 and 6: the header is line 1, no cell spans lines) get a start
    // date that does not exist and one in ISO form in a dd/mm/yyyy file.
    const data = ownRows('dd/mm/yyyy').slice(0, 10);
    data[2] = { ...data[2]!, From: '31/02/2024' };
    data[4] = { ...data[4]!, From: '2024-06-01' };
    const file = writeCsv('dry-bad.csv', data);
    const r = await runMain(dryRun(file));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${file}: line 4: Row 3: Event_Start_Date '31/02/2024' is not a date (dd/mm/yyyy, e.g. 01/03/2024); the row cannot be placed in time and was rejected. — row rejected`,
    );
    expect(r.stderr).toContain(`${file}: line 6: Row 5: Event_Start_Date '2024-06-01'`);
    expect(r.stderr).toContain(`${file}: 10 rows read: 8 kept, 2 rejected`);
    expect(r.stdout).toContain('Dry run: the whole file read; 2 rejected.');
  });

  it('stops on the header as the full run does (exit 1); refuses --json (exit 2)', async () => {
    const file = writeCsv('dry-nomap.csv', ownRows('yyyy-mm-dd').slice(0, 5));
    const r = await runMain(['cld', file, '--dry-run']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('The file has no column for Event_Type');
    expect(r.stderr).toContain('No rows were read.');
    expect((await runMain(['cld', file, '--dry-run', '--json'])).status).toBe(2);
  });

  it('sample --cld takes the same options', async () => {
    const file = writeCsv('sample-own.csv', ownRows('dd/mm/yyyy'));
    const args = ['--as-of', '2025-03-31', '--seed', 's1', '--json'];
    const want = await runMain(['sample', '--cld', reference, ...args]);
    const got = await runMain([
      'sample',
      '--cld',
      file,
      ...args,
      '--map',
      mapFile,
      '--date-format',
      'dd/mm/yyyy',
    ]);
    expect(got.status).toBe(want.status);
    expect(got.stdout).toEqual(want.stdout);
    const dry = await runMain([
      'sample',
      '--cld',
      file,
      '--as-of',
      '2025-03-31',
      '--seed',
      's1',
      '--map',
      mapFile,
      '--date-format',
      'dd/mm/yyyy',
      '--dry-run',
    ]);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('Dry run: the first 1,000 rows read; no row rejected.');
    const excel = await runMain(['sample', '--cld', file, ...args, '--excel-dates']);
    expect(excel.status).toBe(2);
    expect(excel.stderr).toContain('--excel-dates is for case exports');
  });
});
