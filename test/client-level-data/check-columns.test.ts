// The check keeps its events in columns (event-store.ts, checked-events.ts). The check as it
// was, one object per row, is the oracle (support/reference-check.ts): on generated files
// with injected faults and on rows with values mutated at random, both must give the same
// events, data quality, issues and account.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkClientLevelData } from '../../src/client-level-data/index.js';
import { CheckedEvents } from '../../src/client-level-data/checked-events.js';
import { NumberColumnBuilder, TextColumnBuilder } from '../../src/client-level-data/event-store.js';
import { generateClientLevelData } from '../../src/testing/index.js';
import { checkClientLevelData as referenceCheck } from './support/reference-check.js';

type Row = Record<string, string>;

const generated = (seed: number, people: number, database: boolean, rate: number): Row[] =>
  [
    ...generateClientLevelData({
      seed,
      people,
      periodStart: '2024-04-01',
      periodEnd: '2025-03-31',
      headings: database ? 'database' : 'submission',
      messy: { rate },
    }).rows,
  ] as Row[];

// Values a council file may hold: R1 wordings, other letter cases, spaces, junk, dates in
// other forms, numbers that are not numbers.
const ODD_VALUES = [
  '',
  ' ',
  'Service',
  'service ',
  'SERVICE',
  'Request',
  'Assessment',
  'Review',
  'Unknown',
  'Long Term Support: Community',
  'Long term support: Community',
  'Direct Payment',
  'Male',
  'female',
  'White: British',
  'Other',
  'Not known',
  'Invalid and not mapped',
  '2024-13-01',
  '01/02/2024',
  '2024-02-30',
  '2025-01-15',
  '1.5',
  '£12.50',
  'abc',
  'Unpaid carer',
  'Service user',
  'NFA - Other',
];

const mutation = fc.record({
  at: fc.nat(),
  column: fc.nat(),
  value: fc.constantFrom(...ODD_VALUES),
});

const same = (rows: readonly Row[], options: Parameters<typeof checkClientLevelData>[1] = {}) => {
  const ours = checkClientLevelData(rows, options);
  const oracle = referenceCheck(rows, options);
  expect(ours.success).toBe(oracle.success);
  if (!ours.success || !oracle.success) {
    expect(ours).toEqual(oracle);
    return;
  }
  const { events, ...rest } = ours.data;
  const { events: expected, ...expectedRest } = oracle.data;
  expect(events).toEqual(expected);
  expect(rest).toEqual(expectedRest);
};

describe('the check in columns gives what the check with one object per row gave', () => {
  it('on generated files with injected faults, in both layouts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.boolean(),
        fc.constantFrom(0, 0.2, 0.6),
        (seed, database, rate) => same(generated(seed, 6, database, rate)),
      ),
      { numRuns: 60 },
    );
  });

  it('on rows with values replaced at random, with and without options', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(mutation, { maxLength: 40 }),
        fc.constantFrom<Parameters<typeof checkClientLevelData>[1]>(
          {},
          { laCode: 'Z99' },
          { dateFormat: 'yyyy-mm-dd' },
          { lists: { Gender: ['Male', 'Female'], Service_Type: ['Long term support: Community'] } },
          { maxIssues: 3 },
        ),
        (seed, mutations, options) => {
          const rows = generated(seed, 5, seed % 2 === 0, 0.1).map((r) => ({ ...r }));
          const headings = Object.keys(rows[0]!);
          for (const m of mutations) {
            const row = rows[m.at % rows.length]!;
            row[headings[m.column % headings.length]!] = m.value;
          }
          same(rows, options);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('when a coded column passes 65,535 distinct texts and keeps texts from then on', () => {
    // 70,000 rows, each with its own LA_Name: the column switches from codes to texts at
    // the 65,536th name; every row must still read its own name.
    const base = generated(7, 2, true, 0)[0]!;
    const rows: Row[] = [];
    for (let i = 0; i < 70_000; i++) rows.push({ ...base, LA_Name: `Council ${i}` });
    const ours = checkClientLevelData(rows);
    if (!ours.success) throw new Error('rejected');
    const events = ours.data.events;
    expect(events.length).toBe(70_000);
    for (const i of [0, 1, 65_533, 65_534, 65_535, 65_536, 69_999])
      expect(events[i]!.LA_Name).toBe(`Council ${i}`);
  });
});

describe('TextColumnBuilder', () => {
  it('reads every row back, coded, after switching to texts, and derived per text', () => {
    // maxCodes 2: 'a' and 'b' are coded, 'c' (the third distinct text) switches the column.
    const b = new TextColumnBuilder(true, 2);
    const texts = ['a', null, 'b', 'a', 'c', 'b', null, 'd'];
    for (const t of texts) b.push(b.code(t), t);
    expect(texts.map((_, i) => b.column((t) => t).at(i))).toEqual(texts);
    expect(texts.map((_, i) => b.column((t) => t?.toUpperCase() ?? '-').at(i))).toEqual([
      'A',
      '-',
      'B',
      'A',
      'C',
      'B',
      '-',
      'D',
    ]);
  });

  it('keeping texts from the start: blanks before the first text, and a column of blanks only', () => {
    const b = new TextColumnBuilder(false, undefined, 4);
    const texts = [null, null, 'p1', null, 'p2', 'p3', 'p4', 'p5', null, 'p6'];
    for (const t of texts) b.push(b.code(t), t);
    expect(texts.map((_, i) => b.column((t) => t).at(i))).toEqual(texts);
    const blanks = new TextColumnBuilder(false);
    for (let i = 0; i < 5; i++) blanks.push(blanks.code(null), null);
    expect(blanks.column((t) => t ?? 'none').at(3)).toBe('none');
  });

  it('grows past its first 1,024 rows', () => {
    const b = new TextColumnBuilder(true);
    for (let i = 0; i < 5000; i++) b.push(b.code(String(i % 7)), String(i % 7));
    const column = b.column((t) => t);
    expect([column.at(0), column.at(1024), column.at(4999)]).toEqual(['0', '2', '1']);
  });
});

describe('NumberColumnBuilder', () => {
  it('reads NULL rows before the first number, numbers, and NULLs after, past its first 1,024 rows', () => {
    const b = new NumberColumnBuilder();
    const values: (number | null)[] = [];
    for (let i = 0; i < 3000; i++) values.push(i < 1500 ? null : i % 3 === 0 ? null : i / 4);
    for (const v of values) b.push(v);
    const column = b.column();
    expect(values.map((_, i) => column.at(i))).toEqual(values);
  });

  it('gives NULL for every row when no number was pushed', () => {
    const b = new NumberColumnBuilder();
    for (let i = 0; i < 10; i++) b.push(null);
    expect(b.column().at(7)).toBeNull();
  });
});

describe('CheckedEvents.of (events given as objects)', () => {
  it('gives back the same objects through its views', () => {
    const checked = checkClientLevelData(generated(3, 8, false, 0.3));
    if (!checked.success) throw new Error('rejected');
    const events = checked.data.events;
    expect(CheckedEvents.of(events).objects()).toEqual(events);
  });
});
