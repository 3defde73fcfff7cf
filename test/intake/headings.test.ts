import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASE_INTAKE_FIELDS,
  headingKey,
  resolveHeader,
  type IntakeField,
} from '../../src/intake/index.js';

const FIELDS: readonly IntakeField[] = [
  { field: 'id', aliases: ['Person ID', 'Client ID'], required: true },
  { field: 'lastAssessed', aliases: ['Last Assessment Date'] },
];

describe('headingKey', () => {
  it('ignores case, spaces and punctuation', () => {
    for (const h of ['Person ID', 'person_id', 'PERSON-ID', ' PersonId ', 'person.id'])
      expect(headingKey(h)).toBe('personid');
  });
});

describe('resolveHeader', () => {
  it('matches by alias, reports unused headings once, and keeps file order of indices', () => {
    const r = resolveHeader(['Notes', 'PERSON ID', 'last_assessment_date', 'Notes'], FIELDS);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.columns).toEqual([
      { field: 'id', index: 1, heading: 'PERSON ID', match: 'alias' },
      { field: 'lastAssessed', index: 2, heading: 'last_assessment_date', match: 'alias' },
    ]);
    expect(r.data.warnings.map((w) => w.code)).toEqual(['unused-column', 'duplicate-heading']);
    expect(r.data.warnings[0]!.message).toBe('2 columns not used: "Notes", "Notes"');
  });

  it('stops on a missing required column, naming it and the headings found', () => {
    const r = resolveHeader(['Client Number', 'Age'], FIELDS);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.code).toBe('missing-column');
    expect(r.issues[0]!.message).toContain('no column for id (required)');
    expect(r.issues[0]!.message).toContain(`the file's headings are: "Client Number", "Age"`);
  });

  it('stops when two columns feed one field (a duplicated id heading would make every row a duplicate)', () => {
    const r = resolveHeader(['id', 'Person ID'], FIELDS);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues[0]!.code).toBe('duplicate-column');
    expect(r.issues[0]!.message).toContain('"id" (column 1), "Person ID" (column 2)');
  });

  it('uses the mapping before aliases, and reports a mapped heading or field that does not exist', () => {
    const ok = resolveHeader(['Person ID', 'Client Number'], FIELDS, { id: 'client number' });
    expect(ok.success && ok.data.columns[0]).toEqual({
      field: 'id',
      index: 1,
      heading: 'Client Number',
      match: 'mapping',
    });
    const bad = resolveHeader(['Person ID', 'Client Number'], FIELDS, {
      id: 'Client Numbr',
      lastAssesed: 'X',
    });
    expect(bad.success).toBe(false);
    if (bad.success) return;
    expect(bad.issues.map((i) => i.code).sort()).toEqual([
      'mapped-heading-not-found',
      'unknown-mapping-field',
    ]);
    expect(bad.issues.find((i) => i.code === 'unknown-mapping-field')!.message).toContain(
      'did you mean "lastAssessed"?',
    );
    expect(bad.issues.find((i) => i.code === 'mapped-heading-not-found')!.message).toContain(
      'did you mean "Client Number"?',
    );
  });

  it('refuses a header row with no headings', () => {
    const r = resolveHeader(['', ' '], FIELDS);
    expect(!r.success && r.issues[0]!.code).toBe('empty-header');
  });

  it('never throws and never mutates its inputs, on arbitrary headings and mappings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 15 }),
        fc.dictionary(fc.string(), fc.string()),
        (headings, mapping) => {
          const frozen = Object.freeze([...headings]);
          const result = resolveHeader(frozen, CASE_INTAKE_FIELDS, Object.freeze(mapping));
          if (result.success) {
            // Each column feeds at most one field, and each field has at most one column.
            const indices = result.data.columns.map((c) => c.index);
            expect(new Set(indices).size).toBe(indices.length);
            expect(result.data.columns.length + result.data.unused.length).toBe(headings.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('matches the same columns whatever the column order', () => {
    const headings = [
      'Person ID',
      'Age at Extract',
      'PSR',
      'Ethnicity',
      'Service Type',
      'Has Unpaid Carer',
      'Hospital Discharge',
      'S42 Enquiry',
      'DP',
      'Transitions',
      'Notes',
    ];
    const byField = (hs: readonly string[]) => {
      const r = resolveHeader(hs, CASE_INTAKE_FIELDS);
      if (!r.success) throw new Error(r.issues[0]!.message);
      return Object.fromEntries(r.data.columns.map((c) => [c.field, c.heading]));
    };
    const expected = byField(headings);
    expect(Object.keys(expected)).toHaveLength(10);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(headings, { minLength: headings.length, maxLength: headings.length }),
        (order) => {
          expect(byField(order)).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });
});
