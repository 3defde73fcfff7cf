import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkClientLevelData,
  resolveClientLevelDataHeaders,
  resolveCldColumns,
  type CheckedClientLevelData,
  type CheckClientLevelDataOptions,
} from '../../src/client-level-data/index.js';
import { deepFreeze } from '../../src/internal/deep-freeze.js';
import { row, type Row } from './support.js';

// The intake options of checkClientLevelData (issue 17): a column mapping, a date format
// for the whole file, and the header alone for dry runs. Expected values are worked by
// hand from the rows written here.

function checked(
  rows: readonly unknown[],
  options: CheckClientLevelDataOptions = {},
): CheckedClientLevelData {
  const result = checkClientLevelData(deepFreeze([...rows]), deepFreeze({ ...options }));
  if (!result.success) throw new Error(result.issues.map((i) => i.message).join('\n'));
  const a = result.data.account;
  // No row lost: every row read is kept, kept with a mapping, or rejected.
  expect(a.kept + a.keptWithMapping + a.rejected).toBe(a.read);
  expect(a.read).toBe(rows.length);
  return result.data;
}

/** A council's own headings for the fields of `row()`, and the mapping that names them. */
const OWN: Readonly<Record<string, string>> = {
  LA_Code: 'Council',
  LA_Person_Unique_Identifier: 'Person Ref',
  Date_of_Birth: 'Born',
  Client_Type: 'Client Category',
  Event_Type: 'Activity',
  Event_Start_Date: 'From',
  Event_End_Date: 'To',
  Service_Type: 'Setting',
};

/** `row(values)` with its headings renamed by OWN. */
function ownRow(values: Row = {}): Row {
  return Object.fromEntries(Object.entries(row(values)).map(([k, v]) => [OWN[k] ?? k, v]));
}

describe('column mapping', () => {
  it('reads a file with its own headings to the same events as the database headings', () => {
    const standard = checked([
      row(),
      row({ Client_Type: 'Carer', Event_Start_Date: '2024-07-02' }),
    ]);
    const own = checked(
      [ownRow(), ownRow({ Client_Type: 'Carer', Event_Start_Date: '2024-07-02' })],
      { mapping: OWN },
    );
    // 'From', 'To', 'Activity', … match no CLD heading by themselves: without the mapping
    // the file has none of the required columns.
    expect(checkClientLevelData([ownRow()]).success).toBe(false);
    expect(own.events).toEqual(standard.events);
    expect(own.events.map((e) => e.Event_Start_Date)).toEqual(['2024-06-01', '2024-07-02']);
    expect(own.columns.recognised).toContainEqual({ heading: 'From', field: 'Event_Start_Date' });
    expect(own.columns.unknown).toEqual([]);
  });

  it('wins over a heading that matches the field by name; that heading is reported once and ignored', () => {
    // Both 'Event_Start_Date' (2024-06-01) and 'Referral Date' (2024-05-20) are in the file;
    // the mapping says the start date is 'Referral Date'.
    const rows = [row({ 'Referral Date': '2024-05-20' }), row({ 'Referral Date': '2024-05-21' })];
    const data = checked(rows, { mapping: { Event_Start_Date: 'Referral Date' } });
    expect(data.events.map((e) => e.Event_Start_Date)).toEqual(['2024-05-20', '2024-05-21']);
    expect(data.issues.filter((i) => i.row === 0)).toEqual([
      expect.objectContaining({
        code: 'duplicate-column',
        field: 'Event_Start_Date',
        message:
          "Column 'Event_Start_Date' names Event_Start_Date, which column 'Referral Date' gives (by the column mapping); it was ignored.",
      }),
    ]);
  });

  it('matches a mapped heading ignoring case, spaces and punctuation when not written exactly so', () => {
    const data = checked([ownRow()], { mapping: { ...OWN, Event_Start_Date: 'FROM ' } });
    expect(data.events[0]!.Event_Start_Date).toBe('2024-06-01');
  });

  it('stops before any row when a mapped heading is not in the file, naming the field, the heading and the headings found', () => {
    const result = checkClientLevelData([row()], {
      mapping: { Event_Start_Date: 'Start Date' },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toHaveLength(1);
    const issue = result.issues[0]!;
    expect(issue).toMatchObject({
      code: 'mapped-heading-not-found',
      path: [0, 'Event_Start_Date'],
      row: 0,
      field: 'Event_Start_Date',
      severity: 'error',
    });
    expect(issue.message).toContain(
      'The mapping gives "Start Date" for Event_Start_Date, but the file has no such heading',
    );
    // The heading nearest "Start Date" is 'Event_Start_Date'; every heading of row() follows.
    expect(issue.message).toContain('(did you mean "Event_Start_Date"?)');
    expect(issue.message).toContain(
      `the file's headings are: ${Object.keys(row())
        .map((h) => `"${h}"`)
        .join(', ')}.`,
    );
  });

  it('stops on a mapping field that is not a CLD field, suggesting the nearest', () => {
    const result = checkClientLevelData([row()], {
      mapping: { Event_Strat_Date: 'Event_Start_Date', Colour: 'Event_Type' },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown-mapping-field', [0, 'Event_Strat_Date']],
      ['unknown-mapping-field', [0, 'Colour']],
    ]);
    expect(result.issues[0]!.message).toBe(
      'The mapping names a field "Event_Strat_Date" that is not a CLD field\'s database name (e.g. Event_Start_Date; see CLD_COLUMNS); did you mean "Event_Start_Date"?',
    );
  });

  it('resolves the headings alone, as the check does with its first row (for dry runs)', () => {
    const headings = [...Object.values(OWN), 'Notes', 'Event Type'];
    const header = resolveClientLevelDataHeaders(deepFreeze(headings), { mapping: OWN });
    expect(header.success).toBe(true);
    if (!header.success) return;
    const { resolution, warnings } = header.data;
    expect(resolution.columns.map((c) => [c.heading, c.column.field, c.match])).toEqual([
      ['Council', 'LA_Code', 'mapping'],
      ['Person Ref', 'LA_Person_Unique_Identifier', 'mapping'],
      ['Born', 'Date_of_Birth', 'mapping'],
      ['Client Category', 'Client_Type', 'mapping'],
      ['Activity', 'Event_Type', 'mapping'],
      ['From', 'Event_Start_Date', 'mapping'],
      ['To', 'Event_End_Date', 'mapping'],
      ['Setting', 'Service_Type', 'mapping'],
    ]);
    expect(warnings.map((w) => [w.code, w.field])).toEqual([
      ['unknown-column', 'Notes'],
      ['duplicate-column', 'Event Type'],
    ]);
    // The check reports the same header warnings, once.
    const rows = [{ ...ownRow(), Notes: 'x', 'Event Type': 'Request' }];
    const data = checked(rows, { mapping: OWN });
    expect(data.issues.filter((i) => i.row === 0)).toEqual(warnings);
    // Without a mapping: the missing required columns, each named.
    const bare = resolveClientLevelDataHeaders(headings);
    expect(!bare.success && bare.issues.map((i) => i.path[1])).toEqual([
      'Event_Start_Date',
      'Event_End_Date',
      'Client_Type',
      'LA_Person_Unique_Identifier or NHS_Number',
    ]);
  });

  it('says how each heading matched: by name, alias or mapping', () => {
    const r = resolveCldColumns(['event type', 'Der_NHS_Number_Pseudo', 'Begins'], {
      Event_Start_Date: 'Begins',
    });
    expect(r.columns.map((c) => c.match)).toEqual(['name', 'alias', 'mapping']);
    expect(r.missing).toEqual(['Event_End_Date', 'Client_Type']);
    expect(r.unknownMappingFields).toEqual([]);
    expect(r.mappedHeadingsNotFound).toEqual([]);
  });
});

describe('date format', () => {
  // One date, 1 March 2024, in each format's own form.
  const FORMS = { 'yyyy-mm-dd': '2024-03-01', 'dd/mm/yyyy': '01/03/2024', 'd/m/yy': '1/3/24' };
  const formats = Object.keys(FORMS) as (keyof typeof FORMS)[];

  for (const format of formats) {
    it(`${format} reads its own form and rejects the others as invalid dates`, () => {
      const rows = formats.map((f) => row({ Event_Start_Date: FORMS[f] }));
      const data = checked(rows, { dateFormat: format });
      expect(data.events.map((e) => [e.row, e.Event_Start_Date])).toEqual([
        [formats.indexOf(format) + 1, '2024-03-01'],
      ]);
      expect(data.account.rejections.map((r) => r.code)).toEqual(['invalid-date', 'invalid-date']);
      expect(data.account.rejections[0]!.message).toContain(
        `is not a date (${format}, e.g. ${FORMS[format]})`,
      );
      expect(data.quality.find((q) => q.field === 'Event_Start_Date')).toMatchObject({
        valid: 1,
        invalid: 2,
      });
    });
  }

  it('dd/mm/yyyy reads 03/04/2024 as 3 April, one-digit day and month too; ISO is then invalid', () => {
    // Dates of birth written as the file writes dates (row() has them in ISO).
    const uk = (values: Row) => row({ Date_of_Birth: '01/05/1950', ...values });
    const rows = [
      uk({ Event_Start_Date: '03/04/2024' }), // 3 April
      uk({ Event_Start_Date: '3/4/2024' }), // the same
      uk({ Event_Start_Date: '2024-04-03' }), // ISO: not this file's format
      uk({ Event_Start_Date: '31/04/2024' }), // 31 April does not exist
      uk({ Event_Start_Date: '03/04/2024', Date_of_Death: '2024-05-01' }), // a non-rejecting date column
    ];
    const data = checked(rows, { dateFormat: 'dd/mm/yyyy' });
    expect(data.events.map((e) => [e.row, e.Event_Start_Date, e.Date_of_Death])).toEqual([
      [1, '2024-04-03', null],
      [2, '2024-04-03', null],
      [5, '2024-04-03', null],
    ]);
    expect(data.account.rejections.map((r) => [r.row, r.code])).toEqual([
      [3, 'invalid-date'],
      [4, 'invalid-date'],
    ]);
    expect(data.issues.find((i) => i.row === 5)).toMatchObject({
      code: 'invalid-date',
      field: 'Date_of_Death',
      message:
        "Row 5: Date_of_Death '2024-05-01' is not a date (dd/mm/yyyy, e.g. 01/03/2024); read as blank.",
    });
    // Without the option each cell is read as whichever it looks like (the behaviour before
    // the option): rows 1, 2, 3 and 5 kept, the ISO death date too.
    const guessed = checked(rows);
    expect(guessed.events.map((e) => [e.row, e.Event_Start_Date, e.Date_of_Death])).toEqual([
      [1, '2024-04-03', null],
      [2, '2024-04-03', null],
      [3, '2024-04-03', null],
      [5, '2024-04-03', '2024-05-01'],
    ]);
  });

  it('d/m/yy: years below 70 are 20yy, the rest 19yy (the intake layer rule); the pivot is an option', () => {
    const rows = [
      row({ Event_Start_Date: '1/3/24', Date_of_Birth: '1/3/45' }),
      row({ Event_Start_Date: '1/1/00', Date_of_Birth: '31/12/69' }),
      row({ Event_Start_Date: '01/03/24', Date_of_Birth: '1/3/70' }),
      row({ Event_Start_Date: '1/3/24', Date_of_Birth: '15/8/99' }),
    ];
    const data = checked(rows, { dateFormat: 'd/m/yy' });
    expect(data.events.map((e) => [e.Event_Start_Date, e.Date_of_Birth])).toEqual([
      ['2024-03-01', '2045-03-01'], // a two-digit birth year below 70 is read in this century
      ['2000-01-01', '2069-12-31'],
      ['2024-03-01', '1970-03-01'],
      ['2024-03-01', '1999-08-15'],
    ]);
    const pivot40 = checked(rows, { dateFormat: 'd/m/yy', twoDigitYearPivot: 40 });
    expect(pivot40.events.map((e) => e.Date_of_Birth)).toEqual([
      '1945-03-01',
      '1969-12-31',
      '1970-03-01',
      '1999-08-15',
    ]);
    // Age at the start from the proxy DOB 1945-03-01 to 2024-03-01: 79 years.
    expect(pivot40.events[0]!.Der_Age_Event_Start_Date).toBe(79);
  });

  it('reads ImportDate (a datetime) with the date part in the format, the time kept', () => {
    // A national-layout row with its start date and date of birth written `start` and `born`.
    const national = (importDate: string, start = '2024-06-01', born = '1950-05-01') =>
      row({
        ImportDate: importDate,
        Der_Unique_Record_ID: '1',
        Event_Start_Date: start,
        Date_of_Birth: born,
      });
    const uk = (importDate: string) => national(importDate, '01/06/2024', '01/05/1950');
    const dmy = checked([uk('01/05/2024 10:30:00'), uk('2024-05-01 10:30:00')], {
      dateFormat: 'dd/mm/yyyy',
    });
    expect(dmy.layout).toBe('national');
    expect(dmy.events.map((e) => e.ImportDate)).toEqual(['2024-05-01T10:30:00', null]);
    expect(dmy.issues.find((i) => i.field === 'ImportDate')).toMatchObject({
      row: 2,
      code: 'invalid-date',
    });
    expect(
      checked([national('2024-05-01T10:30:00.123'), national('2024-05-01')], {
        dateFormat: 'yyyy-mm-dd',
      }).events.map((e) => e.ImportDate),
    ).toEqual(['2024-05-01T10:30:00.123', '2024-05-01T00:00:00']);
    expect(
      checked([national('1/5/24 10:30', '1/6/24', '1/5/50')], {
        dateFormat: 'd/m/yy',
        twoDigitYearPivot: 30,
      }).events[0]!.ImportDate,
    ).toBe('2024-05-01T10:30:00');
    // Without the option, as before: ISO or UK, then the time.
    expect(
      checked([national('2024-05-01 10:30:00.123'), national('01/05/2024 10:30')]).events.map(
        (e) => e.ImportDate,
      ),
    ).toEqual(['2024-05-01T10:30:00.123', '2024-05-01T10:30:00']);
  });

  it('keeps the earliest CLD date (1800) with a format, as without', () => {
    const rows = [
      row({ Date_of_Birth: '31/12/1799', Event_Start_Date: '01/06/2024' }),
      row({ Date_of_Birth: '01/01/1800', Event_Start_Date: '01/06/2024' }),
    ];
    const data = checked(rows, { dateFormat: 'dd/mm/yyyy' });
    expect(data.events.map((e) => e.Date_of_Birth)).toEqual([null, '1800-01-01']);
    expect(checked(rows).events.map((e) => e.Date_of_Birth)).toEqual([null, '1800-01-01']);
  });

  it('refuses a format or pivot that is not one (programmer misuse)', () => {
    expect(() => checkClientLevelData([], { dateFormat: 'mm/dd/yyyy' as never })).toThrow(
      RangeError,
    );
    expect(() =>
      checkClientLevelData([], { dateFormat: 'd/m/yy', twoDigitYearPivot: 101 }),
    ).toThrow(RangeError);
  });

  it('property: any date 1970–2069 written in one format is read back in it and rejected in the others', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.date({
            min: new Date('1970-01-01'),
            max: new Date('2069-12-31'),
            noInvalidDate: true,
          }),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        (dates) => {
          const isos = dates.map((d) => d.toISOString().slice(0, 10));
          const written = (iso: string) => {
            const [y, m, d] = iso.split('-') as [string, string, string];
            return {
              'yyyy-mm-dd': iso,
              'dd/mm/yyyy': `${d}/${m}/${y}`,
              'd/m/yy': `${Number(d)}/${Number(m)}/${y.slice(2)}`,
            } as const;
          };
          for (const format of formats) {
            for (const other of formats) {
              const rows = isos.map((iso) =>
                row({ Event_Start_Date: written(iso)[other], Event_End_Date: '' }),
              );
              const data = checked(rows, { dateFormat: format });
              if (other === format)
                expect(data.events.map((e) => e.Event_Start_Date)).toEqual(isos);
              else expect(data.account.rejected).toBe(isos.length);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
