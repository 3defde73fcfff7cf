import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkClientLevelData, prepareClientLevelData } from '../../src/client-level-data/index.js';
import { generateClientLevelData } from '../../src/testing/index.js';

const options = {
  seed: 'kit',
  people: 300,
  periodStart: '2024-04-01',
  periodEnd: '2025-03-31',
} as const;

describe('generateClientLevelData', () => {
  it('is deterministic and re-iterable', () => {
    const a = generateClientLevelData(options);
    expect([...a.rows]).toEqual([...generateClientLevelData(options).rows]);
    expect([...a.rows]).toEqual([...a.rows]);
    expect([...generateClientLevelData({ ...options, seed: 'other' }).rows]).not.toEqual([
      ...a.rows,
    ]);
  });

  it('gives CSV-parser rows (strings) under submission headings or database names', () => {
    const submission = [...generateClientLevelData(options).rows];
    const database = [...generateClientLevelData({ ...options, headings: 'database' }).rows];
    expect(Object.keys(submission[0]!)).toContain('Event Start Date');
    expect(Object.keys(submission[0]!)).toContain('Request: Route of Access');
    expect(Object.keys(database[0]!)).toContain('Event_Start_Date');
    expect(submission.every((r) => Object.values(r).every((v) => typeof v === 'string'))).toBe(
      true,
    );
    const a = checkClientLevelData(submission);
    const b = checkClientLevelData(database);
    expect(a.success && b.success && a.data.events).toEqual(b.success && b.data.events);
  });

  it('holds the journeys the measures need, all valid when not messy', () => {
    const rows = [...generateClientLevelData(options).rows];
    const checked = checkClientLevelData(rows);
    if (!checked.success) throw new Error();
    const { events, issueCounts, account } = checked.data;
    expect(account.rejected).toBe(0);
    expect(issueCounts['invalid-value'] ?? 0).toBe(0);
    expect(issueCounts['release-1-value'] ?? 0).toBe(0);
    const has = (predicate: (e: (typeof events)[number]) => boolean) => events.some(predicate);
    expect(has((e) => e.Service_Type_Cleaned === 'Short term support: ST-Max')).toBe(true);
    expect(has((e) => e.Service_Type_Cleaned === 'Long term support: Residential care')).toBe(true);
    expect(has((e) => e.Event_Type_Cleaned === 'Review')).toBe(true);
    expect(has((e) => e.Request_Route_of_Access === 'Discharge from hospital')).toBe(true);
    expect(
      has((e) => e.Client_Type_Cleaned === 'Unpaid carer' && e.Adult_1_Linked_Person_ID !== null),
    ).toBe(true);
    expect(has((e) => e.Date_of_Death !== null)).toBe(true);
    expect(has((e) => e.Primary_Support_Reason_Cleaned === 'Learning disability support')).toBe(
      true,
    );
    expect(has((e) => e.Delivery_Mechanism_Cleaned === 'Direct payment')).toBe(true);
    const prepared = prepareClientLevelData(checked.data, {
      periodStart: options.periodStart,
      periodEnd: options.periodEnd,
    });
    if (!prepared.success) throw new Error();
    const bands = new Set(prepared.data.events.map((e) => e.Der_Working_Age_Band));
    expect(bands.has('18 to 64') && bands.has('65 and above')).toBe(true);
    // Every carer links to a person who is in the file.
    const people = new Set(events.map((e) => e.LA_Person_Unique_Identifier));
    for (const e of events)
      if (e.Adult_1_Linked_Person_ID !== null)
        expect(people.has(e.Adult_1_Linked_Person_ID)).toBe(true);
  });

  it('injects faults only with messy, each at a row and field', () => {
    expect(generateClientLevelData(options).faults).toEqual([]);
    const messy = generateClientLevelData({ ...options, messy: true });
    const rows = [...messy.rows];
    expect(messy.faults.length).toBeGreaterThan(0);
    for (const f of messy.faults) expect(f.row).toBeLessThanOrEqual(rows.length);
    for (const f of messy.faults.filter((f) => f.kind === 'duplicate-row'))
      expect(rows[f.row - 1]).toEqual(rows[f.copyOf! - 1]);
  });

  it('does not need fast-check', () => {
    const source = readFileSync(
      new URL('../../src/testing/client-level-data.ts', import.meta.url),
      'utf8',
    );
    expect(source).not.toMatch(/from ['"]fast-check['"]/);
    // Of ours it imports only the PRNG, which imports nothing.
    expect(source).not.toMatch(/from ['"]\.\.?\/(?!client-level-data|mulberry32\.js)/);
    const prng = readFileSync(new URL('../../src/testing/mulberry32.ts', import.meta.url), 'utf8');
    expect(prng).not.toMatch(/\bimport\b/);
  });

  it('rejects bad options as programmer errors', () => {
    expect(() => generateClientLevelData({ ...options, people: -1 })).toThrow(RangeError);
    expect(() => generateClientLevelData({ ...options, periodEnd: '2020-01-01' })).toThrow(
      RangeError,
    );
  });
});
