import { describe, expect, it } from 'vitest';
import {
  addMonths,
  checkClientLevelData,
  dayNumber,
  prepareClientLevelData,
  sqlAge,
  sqlCollationKey,
} from '../../src/client-level-data/index.js';
import { row } from './support.js';

// The three SQL Server behaviours the reference lists (preamble) and DHSC's methods depend on.
const prepare = (rows: readonly unknown[]) => {
  const checked = checkClientLevelData(rows);
  if (!checked.success) throw new Error();
  const prepared = prepareClientLevelData(checked.data, {
    periodStart: '2024-04-01',
    periodEnd: '2025-03-31',
  });
  if (!prepared.success) throw new Error();
  return prepared.data;
};

describe('1. case-insensitive comparison, trailing spaces ignored (default collation)', () => {
  it('collation key', () => {
    expect(sqlCollationKey('Short term support: ST-Max')).toBe(
      sqlCollationKey('Short Term Support: ST-MAX   '),
    );
    expect(sqlCollationKey('  x')).not.toBe(sqlCollationKey('x'));
  });
  it('an event type written SERVICE is a service for the period filter (LIKE %service%)', () => {
    // A service open since 2023 is active in the period; as a non-service (no end) it would be dropped.
    expect(
      prepare([row({ Event_Type: 'SERVICE', Event_Start_Date: '2023-01-01' })]).events,
    ).toHaveLength(1);
  });
});

describe('2. NULL is never equal to, IN, NOT IN or LIKE anything', () => {
  it('a NULL event type passes neither the service nor the non-service test', () => {
    const data = prepare([row({ Event_Type: '', Event_Start_Date: '2024-05-01' })]);
    expect(data.events).toHaveLength(0);
    expect(data.trace[0]!.code).toBe('no-event-type');
  });
  it('a request with a NULL end is never in the period (NULL BETWEEN … is not true)', () => {
    expect(
      prepare([row({ Event_Type: 'Request', Event_Start_Date: '2024-05-01', Service_Type: '' })])
        .events,
    ).toHaveLength(0);
  });
  it('but in ranking (DENSE_RANK, PARTITION BY) two NULLs are the same value', () => {
    expect(
      prepare([row({ Service_Component: '' }), row({ Service_Component: '' })]).events,
    ).toHaveLength(1);
  });
});

describe('3. DATEDIFF(DAY, a, b) and FLOOR(days / 365.25)', () => {
  it('whole days, b − a', () => {
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-01')).toBe(29); // 2024 is a leap year
    expect(dayNumber('1970-01-01')).toBe(0);
  });
  it('the age is not the birthday rule', () => {
    // 2001-01-01 → 2019-01-01: 18 × 365 + 4 leap days (2004, 08, 12, 16) = 6,574 days; /365.25 = 17.998 → 17
    expect(sqlAge('2001-01-01', '2019-01-01')).toBe(17);
    // 2000-01-01 → 2018-01-01: 6,575 days (5 leap days: 2000 … 2016) → 18.001 → 18
    expect(sqlAge('2000-01-01', '2018-01-01')).toBe(18);
  });
  it('DATEADD(MONTH) clamps to the month end', () => {
    expect(addMonths('2025-05-31', -3)).toBe('2025-02-28');
    expect(addMonths('2024-05-31', -3)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });
});
