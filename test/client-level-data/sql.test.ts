// The SQL Server behaviours the DHSC methods depend on (reference, introduction), one by one.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dayNumber,
  keyer,
  sqlAgeFromDays as sqlAge,
  sqlCollationKey as sqlKey,
  sqlNotIn,
  sqlRoundedRate,
} from '../../src/client-level-data/sql.js';

describe('ROUND(x, 1) on the float (N / D) × scale', () => {
  it('rounds halves away from zero and is 0 for an empty denominator', () => {
    // 1/16 × 100 = 6.25 exactly → 6.3 (a banker's rounding would give 6.2); 1/8 → 12.5; 2/3 → 66.666… → 66.7.
    expect(sqlRoundedRate(1, 16, 100)).toBe(6.3);
    expect(sqlRoundedRate(1, 8, 100)).toBe(12.5);
    expect(sqlRoundedRate(2, 3, 100)).toBe(66.7);
    // 1/2000 × 100 = 0.05 → 0.1; 1/3 × 100,000 = 33,333.33… → 33,333.3.
    expect(sqlRoundedRate(1, 2000, 100)).toBe(0.1);
    expect(sqlRoundedRate(1, 3, 100_000)).toBe(33_333.3);
    expect(sqlRoundedRate(5, 0, 100)).toBe(0);
  });

  it('is within 0.05 of the exact value and has at most one decimal', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (n, d) => {
        const r = sqlRoundedRate(n, d, 100);
        expect(Math.abs(r - (100 * n) / d)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.round(r * 10) / 10).toBe(r);
      }),
      { numRuns: 300 },
    );
  });
});

describe('FLOOR(DATEDIFF(DAY, dob, d) / 365.25)', () => {
  it('differs from the birthday age: 17 on an 18th birthday whose span holds 4 leap days', () => {
    expect(sqlAge(dayNumber('2000-03-01')!, dayNumber('2018-03-01')!)).toBe(17);
    expect(sqlAge(dayNumber('2000-03-01')!, dayNumber('2018-03-02')!)).toBe(18);
    // DATEDIFF counts whole days b − a.
    expect(dayNumber('2024-03-02')! - dayNumber('2023-12-03')!).toBe(90);
  });
});

describe('collation and NULL', () => {
  it('compares case-insensitively and ignores trailing spaces (not leading ones)', () => {
    expect(sqlKey('Service user  ')).toBe(sqlKey('SERVICE USER'));
    expect(sqlKey(' Service')).not.toBe(sqlKey('Service'));
    const key = keyer();
    expect(key(null)).toBeNull();
    expect(key('Short term support: ST-Max')).toBe(key('Short term support: st-max '));
  });

  it('NOT IN is false (not true) for NULL, so the row drops out', () => {
    const list = new Set(['direct payment']);
    expect(sqlNotIn(null, list)).toBe(false);
    expect(sqlNotIn('other', list)).toBe(true);
    expect(sqlNotIn('direct payment', list)).toBe(false);
  });
});
