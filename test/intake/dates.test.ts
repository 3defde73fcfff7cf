import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_FORMATS, parseDateCell } from '../../src/intake/index.js';

describe('parseDateCell', () => {
  it('reads each format exactly as given, never guessing', () => {
    expect(parseDateCell('2024-03-01', { format: 'yyyy-mm-dd' })).toBe('2024-03-01');
    expect(parseDateCell('01/03/2024', { format: 'dd/mm/yyyy' })).toBe('2024-03-01'); // 1 March (UK), not 3 January
    expect(parseDateCell('1/3/2024', { format: 'dd/mm/yyyy' })).toBe('2024-03-01');
    expect(parseDateCell('1/3/24', { format: 'd/m/yy' })).toBe('2024-03-01');
    expect(parseDateCell('1/3/85', { format: 'd/m/yy' })).toBe('1985-03-01'); // pivot 70 [modelled]
    expect(parseDateCell('1/3/85', { format: 'd/m/yy', twoDigitYearPivot: 90 })).toBe('2085-03-01');
    expect(parseDateCell('01/03/2024 00:00:00', { format: 'dd/mm/yyyy' })).toBe('2024-03-01');
    expect(parseDateCell('01/03/2024', { format: 'yyyy-mm-dd' })).toBeUndefined();
    expect(parseDateCell('2024-03-01', { format: 'dd/mm/yyyy' })).toBeUndefined();
    expect(parseDateCell('29/02/2023', { format: 'dd/mm/yyyy' })).toBeUndefined(); // not a leap year
    expect(parseDateCell('29/02/2024', { format: 'dd/mm/yyyy' })).toBe('2024-02-29');
    expect(parseDateCell('13/13/2024', { format: 'dd/mm/yyyy' })).toBeUndefined();
  });

  // Excel's 1900 system: 1 = 1900-01-01, 59 = 1900-02-28, 60 = the phantom 1900-02-29, 61 =
  // 1900-03-01; 45292 = 2024-01-01 (Excel's DATE(2024,1,1)), and 60 days later (31 in January
  // + 29 in February) 45352 = 2024-03-01.
  it('reads Excel serial dates only when asked', () => {
    const excel = { format: 'dd/mm/yyyy', excelSerialDates: true } as const;
    expect(parseDateCell('1', excel)).toBe('1900-01-01');
    expect(parseDateCell('59', excel)).toBe('1900-02-28');
    expect(parseDateCell('60', excel)).toBeUndefined();
    expect(parseDateCell('61', excel)).toBe('1900-03-01');
    expect(parseDateCell('45292', excel)).toBe('2024-01-01');
    expect(parseDateCell('45352', excel)).toBe('2024-03-01');
    expect(parseDateCell('45352', { format: 'dd/mm/yyyy' })).toBeUndefined();
    expect(parseDateCell('01/03/2024', excel)).toBe('2024-03-01');
  });

  it('round-trips every calendar date through each format, whatever the time zone', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1971-01-01T00:00:00Z'),
          max: new Date('2068-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split('-');
          expect(parseDateCell(iso, { format: 'yyyy-mm-dd' })).toBe(iso);
          expect(parseDateCell(`${day}/${m}/${y}`, { format: 'dd/mm/yyyy' })).toBe(iso);
          expect(
            parseDateCell(`${Number(day)}/${Number(m)}/${y!.slice(2)}`, { format: 'd/m/yy' }),
          ).toBe(iso);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom(...DATE_FORMATS),
        fc.boolean(),
        (text, format, excelSerialDates) => {
          const r = parseDateCell(text, { format, excelSerialDates });
          expect(r === undefined || /^\d{4}-\d{2}-\d{2}$/.test(r)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
