import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createCaseIntake } from '../../src/intake/index.js';

const list = (name: string): string[][] =>
  parse(readFileSync(new URL(`../support/cld-lists/${name}`, import.meta.url)), {
    bom: true,
    from_line: 2,
  }) as string[][];

const HEADINGS = [
  'id',
  'age',
  'primarySupportReason',
  'ethnicity',
  'setting',
  'unpaidCarer',
  'hospitalDischarge',
  'safeguardingEnquiry',
  'directPayment',
  'transition',
];
const made = createCaseIntake(HEADINGS);
if (!made.success) throw new Error('the library headings must resolve');
const intake = made.data;
const read = (field: 'primarySupportReason' | 'ethnicity' | 'setting', value: string) => {
  const row = ['C1', '70', 'physical-support', 'white', 'community', 'N', 'N', 'N', 'N', 'N'];
  row[HEADINGS.indexOf(field)] = value;
  return intake.row(row, 2)?.[field];
};

// The expected ids follow from the label groups: the R2 "Group: detail" / R1 "Group - detail"
// prefix names the SALT category or ONS high-level group.
describe('published CLD labels, R1 and R2 spellings, any case', () => {
  it('maps every primary support reason but Unknown to its SALT category', () => {
    const groupOf = (label: string) => label.toLowerCase().split(':')[0]!.trim();
    const expected: Record<string, string> = {
      'physical support': 'physical-support',
      'sensory support': 'sensory-support',
      'support with memory & cognition': 'support-with-memory-and-cognition',
      'support with memory and cognition': 'support-with-memory-and-cognition',
      'learning disability support': 'learning-disability-support',
      'mental health support': 'mental-health-support',
      'social support': 'social-support',
    };
    for (const [r1, r2] of list('primary_support_reason.csv')) {
      for (const label of [r1!, r2!, r1!.toUpperCase(), r2!.toLowerCase()]) {
        if (label.toLowerCase() === 'unknown')
          expect(read('primarySupportReason', label)).toBeUndefined();
        else expect(read('primarySupportReason', label), label).toBe(expected[groupOf(label)]);
      }
    }
  });

  it('maps every ethnicity (R2, R1, grouped) to its ONS high-level group, No data to not-stated', () => {
    const groupId = (grouped: string) =>
      ({
        'Asian or Asian British': 'asian',
        'Black, Black British, Caribbean or African': 'black',
        'Mixed or multiple ethnic groups': 'mixed',
        White: 'white',
        'Other ethnic group': 'other',
        'No data': 'not-stated',
      })[grouped];
    let checked = 0;
    for (const [r2, grouped, r1] of list('ethnicity.csv')) {
      const id = groupId(grouped!);
      if (id === undefined) continue; // "Invalid and not mapped": a cleaning output, not a value
      for (const label of [r2!, r1!, grouped!, r2!.toUpperCase()])
        expect(read('ethnicity', label), label).toBe(id);
      checked++;
    }
    expect(checked).toBe(21); // 22 rows in the list, less "Invalid and not mapped"
  });

  it('maps the long-term CLD service types to settings and refuses the rest with a reason', () => {
    for (const [r2, , r1] of list('service_type.csv')) {
      const expected =
        /nursing/i.test(r2!) && /long term/i.test(r2!)
          ? 'nursing'
          : /residential/i.test(r2!)
            ? 'residential'
            : /long term support: community/i.test(r2!)
              ? 'community'
              : undefined;
      expect(read('setting', r2!), r2).toBe(expected);
      if (r1) expect(read('setting', r1), r1).toBe(expected);
    }
    expect(read('setting', 'Nursing care')).toBe('nursing');
    expect(read('setting', 'RESIDENTIAL CARE')).toBe('residential');
  });

  it('suggests the near miss, and explains a value with no id', () => {
    const made2 = createCaseIntake(HEADINGS);
    if (!made2.success) throw new Error('unreachable');
    made2.data.row(
      ['C1', '70', 'Learning Disabilty Support', 'white', 'community', 'N', 'N', 'N', 'N', 'N'],
      7,
    );
    made2.data.row(
      [
        'C2',
        '70',
        'physical-support',
        'white',
        'Long term support: Prison',
        'N',
        'N',
        'N',
        'N',
        'N',
      ],
      8,
    );
    made2.data.row(
      ['C3', '70', 'physical-support', 'white', 'community', 'Yse', 'N', 'N', 'N', 'N'],
      9,
    );
    const messages = made2.data.summary().issues.map((i) => i.message);
    expect(messages[0]).toContain('did you mean "Learning Disability Support"?');
    expect(messages[0]).toMatch(/^line 7: /);
    expect(messages[1]).toContain('no care setting in the case record');
    expect(messages[2]).toContain('did you mean "Yes"?');
  });
});
