import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCaseRecord } from '../../src/case-tracking/index.js';
import { createCaseIntake, type CaseIntakeOptions } from '../../src/intake/index.js';

const HEADINGS = [
  'Person ID',
  'Age at Extract',
  'Primary Support Reason',
  'Ethnicity',
  'Service Type',
  'Has Unpaid Carer',
  'Hospital Discharge',
  'S42 Enquiry',
  'Direct Payments',
  'Transitions',
  'Last Assessment Date',
  'Last Review Date',
];
const GOOD = [
  'P-1',
  '82',
  'Support with Memory & Cognition',
  'White - Irish',
  'Long Term Support: Nursing Care',
  'Yes',
  'N',
  '1',
  'false',
  'N',
  '01/03/2024',
  '',
];

function intake(options: CaseIntakeOptions = {}, headings: readonly string[] = HEADINGS) {
  const made = createCaseIntake(headings, { dateFormat: 'dd/mm/yyyy', ...options });
  if (!made.success) throw new Error(made.issues.map((i) => i.message).join('\n'));
  return made.data;
}

describe('createCaseIntake', () => {
  it('reads a row as a system writes it into a valid case record', () => {
    const i = intake();
    const record = i.row(Object.freeze([...GOOD]), 2);
    expect(record).toEqual({
      id: 'P-1',
      age: 82,
      primarySupportReason: 'support-with-memory-and-cognition',
      ethnicity: 'white',
      setting: 'nursing',
      unpaidCarer: true,
      hospitalDischarge: false,
      safeguardingEnquiry: true,
      directPayment: false,
      transition: false,
      lastAssessed: '2024-03-01',
    });
    expect(isCaseRecord(record)).toBe(true);
    expect(i.summary()).toMatchObject({ rowsRead: 1, rowsKept: 1, rowsRejected: 0, blankRows: 0 });
  });

  it('stops before any row when neither age nor age band has a column', () => {
    const made = createCaseIntake(HEADINGS.filter((h) => h !== 'Age at Extract'));
    expect(!made.success && made.issues[0]!.message).toContain('no column for age or ageBand');
  });

  it('warns (keeps the row) for an unreadable optional date it does not use, rejects when it does', () => {
    const row = [...GOOD];
    row[11] = '2024-13-45';
    const lenient = intake();
    expect(lenient.row(row, 5)).toBeDefined();
    expect(lenient.summary().warnings[0]!.message).toBe(
      'line 5: lastReviewed ("Last Review Date") is "2024-13-45": expected a date written dd/mm/yyyy (e.g. 01/03/2024)',
    );
    const strict = intake({ usedFields: ['lastReviewed'] });
    expect(strict.row(row, 5)).toBeUndefined();
    expect(strict.summary()).toMatchObject({ rowsRead: 1, rowsKept: 0, rowsRejected: 1 });
    // An empty optional date is just absent, used or not.
    expect(intake({ usedFields: ['lastReviewed'] }).row(GOOD, 2)).toBeDefined();
  });

  it('names the format a date seems to be in, without reading it so', () => {
    const i = intake({ dateFormat: 'yyyy-mm-dd', usedFields: ['lastAssessed'] });
    expect(i.row(GOOD, 3)).toBeUndefined();
    expect(i.summary().issues[0]!.message).toContain(
      'it reads as dd/mm/yyyy: give that date format for the file',
    );
  });

  it('rejects a row with filled cells beyond the header, warns on a short row, skips a row of empty cells', () => {
    const i = intake();
    expect(i.row([...GOOD, 'spill'], 2)).toBeUndefined();
    expect(i.row(GOOD.slice(0, 11), 3)).toBeDefined(); // last (optional) cell missing
    expect(i.row(['', ' ', '', '', '', '', '', '', '', '', '', ''], 4)).toBeUndefined();
    expect(i.row([...GOOD, ''], 5)).toBeDefined(); // a trailing empty cell is harmless
    const s = i.summary();
    expect(s).toMatchObject({
      rowsRead: 3,
      rowsKept: 2,
      rowsRejected: 1,
      blankRows: 1,
      warningRows: 1,
    });
    expect(s.issues[0]).toMatchObject({ code: 'extra-cells', line: 2 });
    expect(s.warnings[0]).toMatchObject({ code: 'short-row', line: 3 });
  });

  it('caps the issues listed and counts the rest', () => {
    const i = intake({ maxIssues: 2 });
    for (let line = 2; line < 7; line++) i.row(['', ...GOOD.slice(1)], line);
    const s = i.summary();
    expect(s.issues.map((x) => x.line)).toEqual([2, 3]);
    expect(s.suppressedIssues).toBe(3);
    expect(s.rowsRejected).toBe(5);
  });

  it('rejects an age that disagrees with the age band, with the case record model’s message', () => {
    const i = intake({}, [...HEADINGS, 'Age Band']);
    expect(i.row([...GOOD, '18-25'], 9)).toBeUndefined();
    expect(i.summary().issues[0]).toMatchObject({ code: 'invalid-record', line: 9 });
  });

  it('accounts for every row: read = kept + rejected, blank rows apart, kept rows valid, input untouched', () => {
    const cell = fc.oneof(
      fc.constantFrom(...GOOD, '', ' ', 'Y', 'No', 'Unknown', '85+', '31/02/2024', 'x,y'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 40 }), (rows) => {
        const i = intake({ maxIssues: 3 });
        let kept = 0;
        rows.forEach((row, n) => {
          const frozen = Object.freeze([...row]);
          const record = i.row(frozen, n + 2);
          expect(frozen).toEqual(row);
          if (record !== undefined) {
            kept++;
            expect(isCaseRecord(record)).toBe(true);
          }
        });
        const s = i.summary();
        expect(s.rowsKept).toBe(kept);
        expect(s.rowsRead).toBe(s.rowsKept + s.rowsRejected);
        expect(s.rowsRead + s.blankRows).toBe(rows.length);
        expect(s.issues.length).toBeLessThanOrEqual(3);
        expect(s.rowsRejected === 0 || s.issues.length > 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('reads rows lazily with records(), for one-pass consumers', () => {
    const i = intake();
    const rows = [
      { line: 2, record: GOOD },
      { line: 3, record: ['', ...GOOD.slice(1)] },
      { line: 5, record: GOOD },
    ];
    expect([...i.records(rows)].map((r) => r.id)).toEqual(['P-1', 'P-1']);
    expect(i.summary()).toMatchObject({ rowsRead: 3, rowsKept: 2, rowsRejected: 1 });
  });

  it('refuses bad options as programmer misuse', () => {
    expect(() => createCaseIntake(HEADINGS, { maxIssues: -1 })).toThrow(RangeError);
    expect(() => createCaseIntake(HEADINGS, { twoDigitYearPivot: 1.5 })).toThrow(RangeError);
  });
});
