// The proxy date of birth (reference d.5 step 3, e.0): DHSC's
// CAST(CONCAT(Der_Birth_Year, '-', Der_Birth_Month, '-01') AS DATE) reads a four-digit year,
// so the boundary is 1000 (first four-digit year) to 9999 (the DATE type's last year).
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proxyBirthDate } from '../../src/client-level-data/dates.js';

describe('proxyBirthDate', () => {
  it('is the 1st of the month for four-digit years, at both ends', () => {
    expect([proxyBirthDate(1000, 1), proxyBirthDate(1949, 3), proxyBirthDate(9999, 12)]).toEqual([
      '1000-01-01',
      '1949-03-01',
      '9999-12-01',
    ]);
  });

  it('has none for a year SQL Server would not read as a year, a bad month or a missing part', () => {
    // 999 → '999-1-01' (three digits: conversion error); 99 → '99-1-01' (read as another date).
    expect([
      proxyBirthDate(999, 12),
      proxyBirthDate(99, 1),
      proxyBirthDate(1, 1),
      proxyBirthDate(10000, 1),
      proxyBirthDate(1950, 0),
      proxyBirthDate(1950, 13),
      proxyBirthDate(1950.5, 1),
      proxyBirthDate(null, 1),
      proxyBirthDate(1950, null),
    ]).toEqual([null, null, null, null, null, null, null, null, null]);
  });

  it('agrees with CONCAT + CAST on every integer year and month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20, max: 10_020 }),
        fc.integer({ min: -1, max: 14 }),
        (y, m) => {
          // The SQL's string, when it has a four-digit year and a real month, zero-padded.
          const sql = `${y}-${m}-01`;
          const readable = /^\d{4}-([1-9]|1[0-2])-01$/.test(sql);
          expect(proxyBirthDate(y, m)).toBe(
            readable ? `${y}-${String(m).padStart(2, '0')}-01` : null,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
