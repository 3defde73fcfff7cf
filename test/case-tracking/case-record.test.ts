import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  countCaseRecordIssues,
  safeParseCaseRecord,
  classifyCaseRecord,
  CASE_RECORD_FIELDS,
  type CaseRecord,
} from '../../src/case-tracking/case-record.js';
import { isIsoDate } from '../../src/timeline/iso-date.js';
import { IsoDateSchema } from '../../src/timeline/schemas.js';
import { CaseRecordSchema } from '../../src/case-tracking/schemas.js';
import { caseRecordArbitrary } from '../../src/testing/arbitraries/index.js';
import { generateCasePopulation } from '../../src/testing/case-population.js';
import { deepFreeze } from '../support/published-results.js';

const FIELDS = CASE_RECORD_FIELDS;

// Values near the edges of each field's set or range, plus anything at all.
const edgeValue = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    '',
    'x'.repeat(200),
    'x'.repeat(201),
    17,
    18,
    120,
    121,
    18.5,
    Number.NaN,
    Infinity,
    -0,
    '30',
    '18-25',
    '26-64',
    '65-84',
    '85+',
    '85 +',
    'physical-support',
    'Physical support',
    'white',
    'White',
    'not-stated',
    'community',
    'nursing',
    true,
    false,
    'true',
    0,
    1,
    '2024-02-29',
    '2023-02-29',
    '2000-02-29',
    '1900-02-29',
    '2024-13-01',
    '2024-1-01',
    '2024-04-31',
    '0000-01-01',
    '9999-12-31',
    '2024-04-01T00:00:00Z',
    [],
    {},
  ),
  fc.anything(),
);

const mutated = fc
  .tuple(
    caseRecordArbitrary(),
    fc.array(fc.tuple(fc.constantFrom(...FIELDS), edgeValue, fc.boolean()), {
      minLength: 1,
      maxLength: 3,
    }),
  )
  .map(([record, changes]) => {
    const row: Record<string, unknown> = { ...record };
    for (const [field, value, remove] of changes) {
      if (remove) delete row[field];
      else row[field] = value;
    }
    return row;
  });

const accepts = (value: unknown) => safeParseCaseRecord(value, ['cases', 0]).success;

describe('safeParseCaseRecord and CaseRecordSchema are one model', () => {
  it("have the same fields: CaseRecordSchema's keys are CASE_RECORD_FIELDS", () => {
    // The schema is a loose object refined: its shape names the model fields.
    const shape = (CaseRecordSchema as unknown as { shape: Record<string, unknown> }).shape;
    expect(Object.keys(shape)).toEqual([...CASE_RECORD_FIELDS]);
  });

  it('accept every generated valid row, keeping extra fields', () => {
    fc.assert(
      fc.property(caseRecordArbitrary(), (record) => {
        const checked = safeParseCaseRecord(deepFreeze(record), []);
        expect(checked).toEqual({ success: true, data: record });
        const parsed = CaseRecordSchema.safeParse(record);
        expect(parsed.success && parsed.data).toEqual(record);
      }),
    );
  });

  it('accept and reject exactly the same mutated rows', () => {
    fc.assert(
      fc.property(mutated, (row) => {
        expect(accepts(row)).toBe(CaseRecordSchema.safeParse(row).success);
      }),
      { numRuns: 2000 },
    );
  });

  it('accept and reject exactly the same arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(accepts(value)).toBe(CaseRecordSchema.safeParse(value).success);
      }),
    );
  });

  it('give at least one issue, naming the row and field, for every rejected row; never throw', () => {
    fc.assert(
      fc.property(mutated, (row) => {
        const checked = safeParseCaseRecord(row, ['cases', 3]);
        if (!checked.success) {
          expect(checked.issues.length).toBeGreaterThan(0);
          for (const issue of checked.issues) {
            expect(issue.path.slice(0, 2)).toEqual(['cases', 3]);
            expect(issue.message.startsWith('cases[3]')).toBe(true);
          }
        }
      }),
    );
  });
});

describe('safeParseCaseRecord examples (rules from docs/case-tracking.md)', () => {
  const valid: CaseRecord = [...generateCasePopulation({ seed: 'examples', size: 1 })][0]!;

  it('accepts a generated record and returns the same object', () => {
    const checked = safeParseCaseRecord(valid, []);
    expect(checked.success && checked.data).toBe(valid);
  });

  it('names a missing field', () => {
    const { setting: _omit, ...row } = valid;
    expect(safeParseCaseRecord(row, ['cases', 7])).toEqual({
      success: false,
      issues: [
        {
          code: 'case-missing-field',
          path: ['cases', 7, 'setting'],
          message: "cases[7].setting: missing; give one of 'community', 'residential', 'nursing'",
        },
      ],
    });
  });

  it('rejects an age band that disagrees with the age (26 is in 26-64)', () => {
    const checked = safeParseCaseRecord({ ...valid, age: 26, ageBand: '18-25' }, []);
    expect(!checked.success && checked.issues.map((i) => i.code)).toEqual([
      'case-age-band-mismatch',
    ]);
  });

  it('requires age or ageBand', () => {
    const { age: _omit, ...row } = valid;
    const checked = safeParseCaseRecord(row, []);
    expect(!checked.success && checked.issues.map((i) => [i.code, i.path])).toEqual([
      ['case-missing-age', ['age']],
    ]);
  });

  it('rejects 29 February in a common year (2023 is not a leap year)', () => {
    const checked = safeParseCaseRecord({ ...valid, lastReviewed: '2023-02-29' }, []);
    expect(!checked.success && checked.issues.map((i) => i.path)).toEqual([['lastReviewed']]);
  });

  it('rejects a non-object row with one issue', () => {
    expect(safeParseCaseRecord('C1', ['cases', 0])).toMatchObject({
      success: false,
      issues: [{ code: 'case-not-object', path: ['cases', 0] }],
    });
  });
});

describe('the fast paths agree with the reference checks', () => {
  const dateLike = fc.oneof(
    fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    fc.string({
      unit: fc.constantFrom('0', '1', '2', '9', '-', ' ', 'x', '\n'),
      minLength: 8,
      maxLength: 11,
    }),
    fc.anything(),
  );

  it('isIsoDate (the one date parser the record check uses) accepts exactly what IsoDateSchema (zod) accepts', () => {
    fc.assert(
      fc.property(dateLike, (v) => {
        expect(isIsoDate(v)).toBe(IsoDateSchema.safeParse(v).success);
      }),
      { numRuns: 3000 },
    );
  });

  it('classifyCaseRecord accepts exactly what safeParseCaseRecord accepts', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, caseRecordArbitrary()), (row) => {
        expect(classifyCaseRecord(row) >= 0).toBe(accepts(row));
      }),
    );
  });

  it('generateCasePopulation is deterministic per seed and follows the mix', () => {
    const a = [...generateCasePopulation({ seed: 's', size: 2000 })];
    expect([...generateCasePopulation({ seed: 's', size: 2000 })]).toEqual(a);
    expect([...generateCasePopulation({ seed: 't', size: 2000 })]).not.toEqual(a);
    expect(a.every((r) => safeParseCaseRecord(r, []).success)).toBe(true);
    const nursingOnly = [
      ...generateCasePopulation({
        seed: 's',
        size: 200,
        mix: { setting: { community: 0, residential: 0, nursing: 1 } },
      }),
    ];
    expect(nursingOnly.every((r) => r.setting === 'nursing')).toBe(true);
    expect(() => generateCasePopulation({ seed: 's', size: -1 }).next()).toThrow(RangeError);
  });
});

describe('countCaseRecordIssues (the counting path past an issue cap)', () => {
  it('counts exactly the issues safeParseCaseRecord lists, on valid rows and their mutations', () => {
    const mutation = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom('hospital', '', 7, null, true, '2023-02-29', 'other', 17, 26.5, '26-64', {}),
    );
    fc.assert(
      fc.property(
        caseRecordArbitrary(),
        fc.array(fc.tuple(fc.constantFrom(...FIELDS), mutation), { maxLength: 4 }),
        (record, changes) => {
          const row: Record<string, unknown> = { ...record };
          for (const [field, value] of changes) row[field] = value;
          const checked = safeParseCaseRecord(row);
          expect(countCaseRecordIssues(row)).toBe(checked.success ? 0 : checked.issues.length);
        },
      ),
      { numRuns: 500 },
    );
    for (const v of [null, 'C1', [], 42]) expect(countCaseRecordIssues(v)).toBe(1);
  });
});
