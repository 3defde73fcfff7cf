import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkClientLevelData,
  prepareClientLevelData,
  explainClientLevelDataRow,
  type MainTableEvent,
} from '../../src/client-level-data/index.js';
import { deriveSubmissions } from '../../src/client-level-data/submissions.js';
import { deepFreeze } from '../../src/internal/deep-freeze.js';
import { generateClientLevelData } from '../../src/testing/client-level-data.js';
import { row, type Row } from './support.js';

const S = '2024-04-01';
const E = '2025-03-31';

function prepare(
  rows: readonly unknown[],
  options: Partial<Parameters<typeof prepareClientLevelData>[1]> = {},
) {
  const checked = checkClientLevelData(rows);
  if (!checked.success) throw new Error(checked.issues.map((i) => i.message).join('\n'));
  const prepared = prepareClientLevelData(checked.data, {
    periodStart: S,
    periodEnd: E,
    ...options,
  });
  if (!prepared.success) throw new Error(prepared.issues.map((i) => i.message).join('\n'));
  return prepared.data;
}

const byRow = (events: readonly MainTableEvent[]) => new Map(events.map((e) => [e.row, e]));

describe('d.3 filtering to events in the period (hand-worked, period 2024-04-01..2025-03-31)', () => {
  const rows = [
    /* 1 */ row({
      Event_Type: 'Request',
      Event_Start_Date: '2024-03-30',
      Event_End_Date: '2024-04-01',
      Service_Type: '',
    }), // ends in the period → kept
    /* 2 */ row({
      Event_Type: 'Request',
      Event_Start_Date: '2024-03-30',
      Event_End_Date: '2024-03-31',
      Service_Type: '',
    }), // ends before → dropped
    /* 3 */ row({
      Event_Type: 'Request',
      Event_Start_Date: '2024-05-01',
      Event_End_Date: '',
      Service_Type: '',
    }), // NULL end → dropped
    /* 4 */ row({ Event_Start_Date: '2023-01-01' }), // open service → kept
    /* 5 */ row({ Event_Start_Date: '2023-01-01', Event_End_Date: '2024-03-31' }), // ended before → dropped
    /* 6 */ row({ Event_Start_Date: '2025-04-01' }), // starts after → dropped
    /* 7 */ row({
      LA_Person_Unique_Identifier: 'B',
      Event_Start_Date: '2024-01-01',
      Event_End_Date: '2024-12-31',
      Date_of_Death: '2024-06-30',
    }), // death inside → Der end = death, kept
    /* 8 */ row({
      LA_Person_Unique_Identifier: 'C',
      Event_Start_Date: '2024-01-01',
      Date_of_Death: '2024-03-15',
    }), // open, died before S → Der end 2024-03-15 → dropped
    /* 9 */ row({
      LA_Person_Unique_Identifier: 'D',
      Event_Type: 'Request',
      Event_Start_Date: '2024-05-01',
      Event_End_Date: '2024-05-03',
      Date_of_Death: '2024-04-20',
      Service_Type: '',
    }), // death before the event start → death filter
    /* 10 */ row({ Event_Type: '', Event_Start_Date: '2024-05-01', Event_End_Date: '2024-05-01' }), // NULL type: neither test (SQL NULL)
    /* 11 */ row({
      Event_Type: 'Request',
      Event_Start_Date: '2024-06-10',
      Event_End_Date: '2024-06-01',
      Service_Type: '',
    }), // end before start: kept (d.3 does not test it)
  ];
  const data = prepare(deepFreeze(rows));
  const kept = byRow(data.events);

  it('keeps exactly rows 1, 4, 7 and 11', () => {
    expect([...kept.keys()].sort((a, b) => a - b)).toEqual([1, 4, 7, 11]);
  });
  it('corrects the end date by the date of death (d.3 step 1)', () => {
    expect(kept.get(7)!.Der_Event_End_Date).toBe('2024-06-30');
    expect(kept.get(7)!.Event_End_Date).toBe('2024-12-31');
  });
  it('traces why each other row was dropped', () => {
    expect(data.trace.map((t) => [t.row, t.code])).toEqual([
      [2, 'not-in-period'],
      [3, 'not-in-period'],
      [5, 'not-in-period'],
      [6, 'not-in-period'],
      [8, 'not-in-period'],
      [9, 'died-before-period'],
      [10, 'no-event-type'],
    ]);
    expect(data.summary).toMatchObject({
      rowsRead: 11,
      notInPeriod: 5,
      diedBeforePeriod: 1,
      noEventType: 1,
      events: 4,
    });
    expect(explainClientLevelDataRow(data, 4)).toMatchObject({ code: 'kept' });
  });
});

describe('d.4–d.5 derived fields', () => {
  it('combined person id: traced NHS number, else NHS number, else LA code + LA id (d.4 step 2)', () => {
    const data = prepare([
      row({ LA_Person_Unique_Identifier: 'A', NHS_Number: '9434765919' }),
      row({ LA_Person_Unique_Identifier: 'B', NHS_Number: '', Event_Start_Date: '2024-06-02' }),
    ]);
    expect(data.events.map((e) => e.Der_NHS_LA_Combined_Person_ID).sort()).toEqual([
      '943476591' + '9',
      'X01_B',
    ]);
  });

  it('ages by FLOOR(DATEDIFF(DAY, dob, d) / 365.25): 64 on the 65th birthday when only 16 leap days passed', () => {
    // Proxy DOB 1960-03-01 (born 15 March → 1st of the month). To 2025-03-01: 65 × 365 + 16 leap days
    // (1964 … 2024) = 23,741 days; 23,741 / 365.25 = 64.997 → 64, though the birthday rule says 65.
    const data = prepare([
      row({
        Date_of_Birth: '1960-03-15',
        Event_Type: 'Request',
        Event_Start_Date: '2025-03-01',
        Event_End_Date: '2025-03-01',
        Service_Type: '',
      }),
    ]);
    expect(data.events[0]).toMatchObject({
      Der_Latest_Age: 64,
      Der_Working_Age_Band: '18 to 64',
      Der_Age_Band: '45 to 64',
    });
  });

  it('open services take the age at the reference-period end; closed ones at their end, even after the period (d.5 step 3)', () => {
    // DOB 1950-05-01: at 2025-03-31 (open) 27,363 days → 74.9 → 74; closed 2025-06-01 (27,425 days → 75.08) → 75.
    const data = prepare([
      row(),
      row({ LA_Person_Unique_Identifier: 'B', Event_End_Date: '2025-06-01' }),
    ]);
    expect(data.events.map((e) => [e.LA_Person_Unique_Identifier, e.Der_Latest_Age])).toEqual([
      ['A', 74],
      ['B', 75],
    ]);
  });

  it('a birth year of 1000 has a proxy DOB and an age; 999 has neither (DHSC CASTs a four-digit year only)', () => {
    // Open services, age at 2025-03-31. 1000-01-01 → 2025-01-01: 1,025 × 365 + 249 leap days
    // (257 multiples of 4 in 1000–2024, less 1000, 1100, 1300, 1400, 1500, 1700, 1800, 1900)
    // = 374,374; + 89 days to 31 March = 374,463; / 365.25 = 1,025.2 → 1025.
    const data = prepare([
      row({ Date_of_Birth: '', Der_Birth_Year: '1000', Der_Birth_Month: '1' }),
      row({
        LA_Person_Unique_Identifier: 'B',
        Date_of_Birth: '',
        Der_Birth_Year: '999',
        Der_Birth_Month: '12',
      }),
    ]);
    expect(
      data.events.map((e) => [
        e.LA_Person_Unique_Identifier,
        e.Der_Latest_Age,
        e.Der_Working_Age_Band,
      ]),
    ).toEqual([
      ['A', 1025, '65 and above'],
      ['B', null, 'Unknown'],
    ]);
  });

  it('review type from the raw event type and review reason (d.4 step 5)', () => {
    const data = prepare([
      row({
        Event_Type: 'Review',
        Event_Start_Date: '2024-06-01',
        Event_End_Date: '2024-06-01',
        Review_Reason: 'Unplanned: Change in needs',
        Service_Type: '',
      }),
    ]);
    expect(data.events[0]!.Review_Type).toBe('Unplanned');
  });
});

describe('d.5–d.6 unique events and deduplication (hand-worked)', () => {
  const request = (values: Row) =>
    row({
      Event_Type: 'Request',
      Event_Start_Date: '2024-06-01',
      Event_End_Date: '2024-06-02',
      Service_Type: '',
      ...values,
    });
  it('an exact duplicate merges into the later row (record id descending)', () => {
    const data = prepare([request({}), request({})]);
    expect(data.events.map((e) => e.row)).toEqual([2]);
    expect(data.trace).toEqual([
      expect.objectContaining({ row: 1, code: 'duplicate-event', mergedInto: 2 }),
    ]);
  });
  it('letter case and trailing spaces do not make a different event; the better outcome wins (hierarchy ascending)', () => {
    const data = prepare([
      request({ Event_Outcome: 'Progress to assessment, review or reassessment' }),
      request({ Client_Type: 'SERVICE USER ', Event_Type: 'request', Event_Outcome: 'NFA: Other' }),
    ]);
    // hierarchy 2 beats 17, although row 2 has the higher record id
    expect(data.events.map((e) => e.row)).toEqual([1]);
  });
  it('two NULL components match (ranking, not =); a different component is a different event; the open row wins', () => {
    const data = prepare([
      row({ Event_End_Date: '2024-09-01' }),
      row({}),
      row({ Service_Component: 'Equipment' }),
    ]);
    expect(data.events.map((e) => e.row).sort()).toEqual([2, 3]);
    expect(data.trace[0]).toMatchObject({ row: 1, mergedInto: 2 });
    expect(new Set(data.events.map((e) => e.Der_Unique_Event_Ref)).size).toBe(2);
  });
  it('single submissions keep separate cost lines, comparing costs as numeric(18,2)', () => {
    // 10.001 and 10.00 are both 10.00; 10.005 rounds (half away from zero) to 10.01 → another line.
    const data = prepare([
      row({ Unit_Cost: '10.001' }),
      row({ Unit_Cost: '10.00' }),
      row({ Unit_Cost: '10.005' }),
    ]);
    expect(data.events.map((e) => e.row).sort()).toEqual([2, 3]);
  });
  it('Der_Conversation descending with NULL last decides between equal ends and outcomes; then record id descending', () => {
    // Rows 1–3 are one request (same end, no outcome). Sort key 4: 2 > 1 > NULL, so row 2
    // is kept although row 3 has the highest record id; with NULL first it would be row 3.
    const data = prepare([
      request({ Der_Conversation: '1' }),
      request({ Der_Conversation: '2' }),
      request({ Der_Conversation: '' }),
    ]);
    expect(data.events.map((e) => e.row)).toEqual([2]);
    expect(data.trace.map((t) => [t.row, t.mergedInto])).toEqual([
      [1, 2],
      [3, 2],
    ]);
    // Equal conversations: record id descending (the row number here) keeps row 3.
    const tied = prepare([
      request({ Der_Conversation: '' }),
      request({ Der_Conversation: '' }),
      request({ Der_Conversation: '' }),
    ]);
    expect(tied.events.map((e) => e.row)).toEqual([3]);
  });
  it('a person with and without an NHS number are two people, so two events', () => {
    const data = prepare([request({ NHS_Number: '9434765919' }), request({})]);
    expect(data.events).toHaveLength(2);
  });
});

describe('councils', () => {
  it('several LA codes without a chosen one → a clear issue; matching LA codes ignores case', () => {
    const checked = checkClientLevelData([
      row(),
      row({ LA_Code: 'Y02' }),
      row({ LA_Code: 'y02', LA_Person_Unique_Identifier: 'B' }),
    ]);
    if (!checked.success) throw new Error();
    const result = prepareClientLevelData(checked.data, { periodStart: S, periodEnd: E });
    expect(result).toMatchObject({ success: false, issues: [{ code: 'multiple-la-codes' }] });
    if (result.success) return;
    expect(result.issues[0]!.message).toContain('Y02 (1 rows)');
    const chosen = prepareClientLevelData(checked.data, {
      periodStart: S,
      periodEnd: E,
      laCode: 'Y02',
    });
    expect(chosen.success && chosen.data.events.map((e) => e.row)).toEqual([2, 3]);
    expect(chosen.success && chosen.data.trace).toEqual([
      expect.objectContaining({ row: 1, code: 'other-council' }),
    ]);
  });
});

describe('d.1 derived reporting period (hand-worked)', () => {
  const national = (end: string, type: string, importDate = '2024-08-15 10:00:00') => ({
    ...row({ Event_Type: type, Event_Start_Date: end, Event_End_Date: end }),
    ImportDate: importDate,
  });
  it('with fewer than 100 events every end month before the import month qualifies', () => {
    const events = checkClientLevelData([
      national('2024-04-15', 'Request'),
      national('2024-07-31', 'Review'),
      national('2024-08-01', 'Request'),
    ]);
    if (!events.success) throw new Error();
    // The August event ends in the import month → ignored. Months: 2024-04, 2024-07.
    expect(deriveSubmissions(events.data.events).get('2024-08-15T10:00:00')).toMatchObject({
      derivedStart: '2024-04-01',
      derivedEnd: '2024-07-31',
      rows: 3,
    });
  });
  it('with 100 or more, a month needs ≥ 2% of events and ≥ (max types − 1) types', () => {
    const rows = [
      national('2024-04-10', 'Request'), // April: 1% → fails
      national('2024-05-10', 'Request'),
      national('2024-05-11', 'Assessment'), // May: 2%, 2 types ≥ 3 − 1 → qualifies
      ...Array.from({ length: 95 }, (_, i) =>
        national(
          `2024-06-${String((i % 28) + 1).padStart(2, '0')}`,
          ['Request', 'Assessment', 'Review'][i % 3]!,
        ),
      ), // June: 95%, 3 types
      national('2024-07-10', 'Request'),
      national('2024-07-11', 'request'), // July: 2%, but 1 type (collation) < 2 → fails
    ];
    const events = checkClientLevelData(rows);
    if (!events.success) throw new Error();
    expect(deriveSubmissions(events.data.events).get('2024-08-15T10:00:00')).toMatchObject({
      derivedStart: '2024-05-01',
      derivedEnd: '2024-06-30',
    });
  });
});

describe('d.2 submission selection and joined submissions (hand-worked)', () => {
  const at = (importDate: string, values: Row) => ({ ...row(values), ImportDate: importDate });
  const closed = (importDate: string, end: string) =>
    at(importDate, {
      Event_Type: 'Request',
      Event_Start_Date: end,
      Event_End_Date: end,
      Service_Type: '',
    });

  it('selects the latest file covering the period, loaded after its end and by the as-of date', () => {
    // Both files cover 2024-04..2025-03 by their data; F2 is later, unless as-of excludes it.
    const rows = [
      closed('2025-04-15 09:00:00', '2024-04-10'),
      closed('2025-04-15 09:00:00', '2025-03-20'),
      closed('2025-05-20 09:00:00', '2024-04-11'),
      closed('2025-05-20 09:00:00', '2025-03-21'),
    ];
    expect(prepare(rows, { asOf: '2025-05-31' }).events.map((e) => e.row)).toEqual([3, 4]);
    const early = prepare(rows, { asOf: '2025-05-01' });
    expect(early.events.map((e) => e.row)).toEqual([1, 2]);
    expect(early.trace.map((t) => [t.row, t.code])).toEqual([
      [3, 'submission-not-selected'],
      [4, 'submission-not-selected'],
    ]);
  });

  it('a load during day E counts as after E; one at exactly midnight does not (stated periods)', () => {
    // A file loaded on day E has no events ending before its import month covering March, so test on the stated period.
    const stated = (importDate: string, end: string) => ({
      ...closed(importDate, end),
      Reporting_Period_Start_Date: S,
      Reporting_Period_End_Date: E,
    });
    const rows = (importDate: string) => [
      stated(importDate, '2024-04-10'),
      stated(importDate, '2025-03-20'),
      closed('2020-01-01 00:00:00', '2019-12-01'),
    ];
    expect(prepare(rows('2025-03-31 10:00:00'), { basis: 'stated' }).events).toHaveLength(2);
    const checked = checkClientLevelData(rows('2025-03-31 00:00:00.000'));
    if (!checked.success) throw new Error();
    expect(
      prepareClientLevelData(checked.data, { periodStart: S, periodEnd: E, basis: 'stated' }),
    ).toMatchObject({ success: false, issues: [{ code: 'no-submission-for-period' }] });
  });

  it('joined: a file per quarter, its reference period, cropping of open services and the later file first', () => {
    const A = '2024-07-20 09:00:00';
    const B = '2024-10-15 09:00:00';
    const rows = [
      /* 1 */ closed(A, '2023-07-10'), // A's data: 2023-07..2024-06 → wins Q1 (2024-04-01..06-30) only
      /* 2 */ closed(A, '2024-06-20'),
      /* 3 */ at(A, { LA_Person_Unique_Identifier: 'S1', Event_Start_Date: '2024-05-01' }), // open; also in B → not cropped, merged into B's row
      /* 4 */ at(A, { LA_Person_Unique_Identifier: 'S2', Event_Start_Date: '2024-05-02' }), // open; not in B → cropped to 2024-06-30
      /* 5 */ closed(B, '2024-07-05'), // B's data: 2024-07..2024-09 → wins Q2 (2024-07-01..09-30)
      /* 6 */ closed(B, '2024-09-10'),
      /* 7 */ at(B, { LA_Person_Unique_Identifier: 'S1', Event_Start_Date: '2024-05-01' }),
    ];
    const data = prepare(rows, { periodEnd: '2024-09-30', mode: 'joined' });
    expect(data.mode).toBe('joined');
    expect(data.submissions.map((s) => [s.importDate, s.referencePeriod])).toEqual([
      ['2024-07-20T09:00:00', { start: '2024-04-01', end: '2024-06-30' }],
      ['2024-10-15T09:00:00', { start: '2024-07-01', end: '2024-09-30' }],
    ]);
    const kept = byRow(data.events);
    expect([...kept.keys()].sort()).toEqual([2, 4, 5, 6, 7]);
    expect(kept.get(4)).toMatchObject({
      Der_Event_End_Date: '2024-06-30',
      Event_End_Date: null,
      Ref_Period_End_Date: '2024-06-30',
    });
    expect(kept.get(7)).toMatchObject({
      Der_Event_End_Date: null,
      Ref_Period_Start_Date: '2024-07-01',
    });
    expect(data.summary).toMatchObject({ cropped: 1, merged: 1, notInPeriod: 1 });
    expect(data.trace).toContainEqual(
      expect.objectContaining({ row: 3, code: 'duplicate-event', mergedInto: 7 }),
    );
  });
});

// Content of an event without the fields that name the input row.
const content = (e: MainTableEvent): string =>
  JSON.stringify({ ...e, row: 0, Der_Unique_Record_ID: 0, Event_Reference: null });
const contents = (events: readonly MainTableEvent[]): string[] => events.map(content).sort();

describe('properties', () => {
  const generated = (seed: number) => [
    ...generateClientLevelData({
      seed,
      people: 60,
      periodStart: S,
      periodEnd: E,
      messy: { rate: 0.1 },
    }).rows,
  ];

  it('row order does not change the prepared events', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer(), (seed, shuffleSeed) => {
        const rows = generated(seed);
        const shuffled = fc.sample(
          fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
          { seed: shuffleSeed, numRuns: 1 },
        )[0]!;
        expect(contents(prepare(shuffled).events)).toEqual(contents(prepare(rows).events));
      }),
      { numRuns: 15 },
    );
  });

  it('exact duplicate rows and resubmitted copies of the same event dedup to one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (seed, picks) => {
          const rows = [
            ...generateClientLevelData({ seed, people: 60, periodStart: S, periodEnd: E }).rows,
          ];
          const copies = picks.map((p, i) => {
            const original = rows[p % rows.length]!;
            // Alternate: an exact copy, and a resubmission with a new event reference and other letter case.
            return i % 2 === 0
              ? { ...original }
              : {
                  ...original,
                  'Event Reference': `R${i}`,
                  'Client Type': `${original['Client Type']!.toUpperCase()}  `,
                  'Event Type': original['Event Type']!.toLowerCase(),
                };
          });
          const withCopies = prepare([...rows, ...copies]);
          const strip = (e: MainTableEvent) => ({
            ...e,
            Client_Type_Raw: e.Client_Type_Raw?.trim().toLowerCase(),
            Event_Type: e.Event_Type?.toLowerCase(),
          });
          expect(contents(withCopies.events.map(strip) as MainTableEvent[])).toEqual(
            contents(prepare(rows).events.map(strip) as MainTableEvent[]),
          );
        },
      ),
      { numRuns: 15 },
    );
  });

  it('every row is accounted for: in the table, or in the trace with a reason', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const rows = generated(seed);
        const data = prepare(rows);
        const seen = [...data.events.map((e) => e.row), ...data.trace.map((t) => t.row)].sort(
          (a, b) => a - b,
        );
        expect(seen).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
        expect(data.summary.rowsRead).toBe(rows.length);
      }),
      { numRuns: 15 },
    );
  });
});
