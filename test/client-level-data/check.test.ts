import { describe, expect, it } from 'vitest';
import { checkClientLevelData, resolveCldColumns } from '../../src/client-level-data/index.js';
import { deepFreeze } from '../../src/internal/deep-freeze.js';
import { generateClientLevelData } from '../../src/testing/client-level-data.js';
import { row } from './support.js';

describe('headings', () => {
  it('accepts database names and submission headings, in any case, spacing and punctuation', () => {
    const r = resolveCldColumns([
      'event type',
      'EVENT_START_DATE',
      'Event End Date',
      'Client Type',
      'Request: Route of Access',
      'No. of adults being cared for',
      'Der_NHS_Number_Pseudo',
      'Colour',
    ]);
    expect(r.columns.map((c) => c.column.field)).toEqual([
      'Event_Type',
      'Event_Start_Date',
      'Event_End_Date',
      'Client_Type',
      'Request_Route_of_Access',
      'No_of_adults_being_cared_for',
      'NHS_Number',
    ]);
    expect(r.unknown).toEqual(['Colour']);
    expect(r.missing).toEqual([]);
    expect(r.layout).toBe('submission');
    expect(
      resolveCldColumns([
        'Event_Type',
        'Event_Start_Date',
        'Event_End_Date',
        'Client_Type',
        'Der_NHS_Number_Traced_Pseudo',
        'ImportDate',
      ]).layout,
    ).toBe('national');
  });

  it('stops with a message naming the missing column and the headings found', () => {
    const result = checkClientLevelData([
      {
        'Event Type': 'Service',
        'Client Type': 'Service user',
        'Event End Date': '',
        'LA Person Unique Identifier': 'A',
      },
    ]);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.code).toBe('missing-column');
    expect(result.issues[0]!.message).toContain('Event_Start_Date');
    expect(result.issues[0]!.message).toContain(
      "'Event Type', 'Client Type', 'Event End Date', 'LA Person Unique Identifier'",
    );
  });

  it('reports an unknown column once, not per row', () => {
    const result = checkClientLevelData([
      row({ Colour: 'red' }),
      row({ Colour: 'blue' }),
      row({ Colour: 'green' }),
    ]);
    expect(result.success && result.data.issues.filter((i) => i.code === 'unknown-column')).toEqual(
      [expect.objectContaining({ row: 0, field: 'Colour' })],
    );
  });
});

describe('checkClientLevelData', () => {
  it('cleans values to Release 2 and counts data quality per field (hand-worked)', () => {
    // Row 1: valid. Row 2: R1 client type (Carer → Unpaid carer). Row 3: invalid service type.
    // Row 4: a request without end date (mandatory for non-services) and with a service type (not applicable).
    const rows = [
      row(),
      row({ Client_Type: 'Carer' }),
      row({ Service_Type: 'Day centre' }),
      row({ Event_Type: 'Request', Service_Type: 'Long term support: Community' }),
    ];
    const result = checkClientLevelData(deepFreeze(rows));
    expect(result.success).toBe(true);
    if (!result.success) return;
    const { events, quality, account } = result.data;
    expect(events.map((e) => e.Client_Type_Cleaned)).toEqual([
      'Service user',
      'Unpaid carer',
      'Service user',
      'Service user',
    ]);
    expect(events[2]!.Service_Type_Cleaned).toBe('Invalid and not mapped');
    expect(events[2]!.Service_Type_Grouped).toBe('Unknown');
    expect(quality.find((q) => q.field === 'Client_Type')).toMatchObject({
      valid: 3,
      release1: 1,
      invalid: 0,
    });
    expect(quality.find((q) => q.field === 'Service_Type')).toMatchObject({
      valid: 2,
      invalid: 1,
      notApplicable: 1,
    });
    expect(quality.find((q) => q.field === 'Event_End_Date')).toMatchObject({
      blank: 3,
      missing: 1,
    });
    expect(account).toMatchObject({
      read: 4,
      kept: 3,
      keptWithMapping: 1,
      rejected: 0,
      mappedRows: [2],
    });
    // Age at the event start from the proxy DOB 1950-05-01 to 2024-06-01: 27,059 days / 365.25 = 74.08 → 74
    expect(events[0]!.Der_Age_Event_Start_Date).toBe(74);
  });

  it('rejects rows the methods cannot use, with the reason, and accounts for every row', () => {
    const rows = [
      row(),
      'not a row',
      row({ Event_Start_Date: '' }),
      row({ Event_Start_Date: '2024-02-30' }),
      row({ LA_Person_Unique_Identifier: '' }),
      {},
      row(),
    ];
    const result = checkClientLevelData(rows as never[]);
    if (!result.success) throw new Error('expected success');
    expect(result.data.account.rejections.map((r) => [r.row, r.code])).toEqual([
      [2, 'not-an-object'],
      [3, 'missing-start-date'],
      [4, 'invalid-date'],
      [5, 'no-person-identifier'],
      [6, 'blank-row'],
    ]);
    expect(result.data.events.map((e) => e.row)).toEqual([1, 7]);
    const a = result.data.account;
    expect(a.kept + a.keptWithMapping + a.rejected).toBe(a.read);
  });

  it('caps the issues listed and counts the rest', () => {
    const rows = Array.from({ length: 10 }, () =>
      row({ Service_Type: 'Nope', NHS_Number: '9434765919' }),
    );
    const result = checkClientLevelData(rows, { maxIssues: 3 });
    if (!result.success) throw new Error('expected success');
    expect(result.data.issues).toHaveLength(3);
    expect(result.data.issuesOmitted).toBe(7);
    expect(result.data.issueCounts['invalid-value']).toBe(10);
  });

  it('reads an async iterable (a CSV stream) the same as an array', async () => {
    const rows = [row(), row({ Client_Type: 'Carer' })];
    async function* stream() {
      yield* rows;
    }
    const fromStream = await checkClientLevelData(stream());
    expect(fromStream).toEqual(checkClientLevelData(rows));
  });

  it('reports every injected fault by row and field (messy generator)', () => {
    const { rows, faults } = generateClientLevelData({
      seed: 'messy',
      people: 400,
      periodStart: '2024-04-01',
      periodEnd: '2025-03-31',
      messy: { rate: 0.1 },
    });
    const input = deepFreeze([...rows]);
    const result = checkClientLevelData(input, { maxIssues: 100_000 });
    if (!result.success) throw new Error('expected success');
    const { issues, account } = result.data;
    const kinds = new Set(faults.map((f) => f.kind));
    expect(kinds.size).toBe(6);
    const expected: Record<string, string> = {
      'release-1-value': 'release-1-value',
      'invalid-value': 'invalid-value',
      'missing-nhs-number': 'missing-nhs-number',
      'end-before-start': 'end-before-start',
      'invalid-date': 'invalid-date',
    };
    for (const fault of faults) {
      if (fault.kind === 'duplicate-row') continue; // found by prepare's dedup (see prepare.test.ts)
      const found = issues.find(
        (i) => i.row === fault.row && i.field === fault.field && i.code === expected[fault.kind],
      );
      expect(found, `${fault.kind} at row ${fault.row} ${fault.field}`).toBeDefined();
    }
    // Impossible dates reject the row; R1 values map it; the rest are kept.
    for (const fault of faults.filter((f) => f.kind === 'invalid-date'))
      expect(account.rejections.some((r) => r.row === fault.row)).toBe(true);
    for (const fault of faults.filter((f) => f.kind === 'release-1-value'))
      expect(account.mappedRows).toContain(fault.row);
    expect(account.kept + account.keptWithMapping + account.rejected).toBe(account.read);
  });
});

describe('nothing to check, and a mapping that is not one', () => {
  it('no rows (an empty input, or a CSV with only its header) is no-rows, never success', async () => {
    for (const result of [
      checkClientLevelData([]),
      await checkClientLevelData((async function* () {})()),
    ]) {
      expect(result.success).toBe(false);
      if (result.success) continue;
      expect(result.issues.map((i) => i.code)).toEqual(['no-rows']);
      expect(result.issues[0]!.message).toMatch(/^No rows were read/);
    }
  });

  it('a mapping whose value is not a heading is a TypeError before any row is read', () => {
    let read = 0;
    const rows = {
      *[Symbol.iterator]() {
        read++;
        yield row();
      },
    };
    expect(() =>
      checkClientLevelData(rows, { mapping: { Event_Type: 3 as unknown as string } }),
    ).toThrow(new TypeError('mapping.Event_Type must be a heading (a string); got number'));
    expect(() => checkClientLevelData(rows, { mapping: null as never })).toThrow(
      'mapping must be an object from field names to headings',
    );
    expect(read).toBe(0);
  });
});

describe('rows that cannot be read are rejected and counted, never thrown', () => {
  const getterRow = () =>
    Object.defineProperty({ ...row() }, 'Event_Type', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };

  it('a throwing getter on a column: that row is rejected as unreadable-row, the others are checked', () => {
    const result = checkClientLevelData([
      row(),
      getterRow(),
      row({ LA_Person_Unique_Identifier: 'B' }),
    ]);
    expect(result.success).toBe(true);
    if (!result.success) return;
    const { account, issues, events } = result.data;
    expect(account).toMatchObject({ read: 3, rejected: 1 });
    expect(account.kept + account.keptWithMapping + account.rejected).toBe(3);
    expect(account.rejections).toEqual([
      {
        row: 2,
        code: 'unreadable-row',
        message:
          'Row 2 could not be read (a getter or Proxy threw, or the Proxy was revoked); give rows as plain objects of text, as a CSV parser does.',
      },
    ]);
    expect(issues.find((i) => i.code === 'unreadable-row')).toMatchObject({
      row: 2,
      severity: 'error',
    });
    expect(events.map((e) => e.row)).toEqual([1, 3]);
    // The unreadable row counts in no field's data quality: 2 valid event types.
    expect(result.data.quality.find((q) => q.field === 'Event_Type')?.valid).toBe(2);
  });

  it('an unreadable first row: the headings come from the next row', () => {
    const result = checkClientLevelData([revoked(), row()]);
    expect(result.success).toBe(true);
    if (result.success) expect(result.data.account).toMatchObject({ read: 2, rejected: 1 });
  });

  it('no readable row at all: a failure naming the unreadable rows (even with maxIssues 0)', () => {
    for (const maxIssues of [1000, 0]) {
      const result = checkClientLevelData([revoked(), revoked()], { maxIssues });
      expect(result.success).toBe(false);
      if (!result.success)
        expect(result.issues[0]).toMatchObject({ code: 'unreadable-row', row: 1 });
    }
  });
});
