// checkClientLevelData's `headings` option: rows as arrays of cells in the header's order
// (what a CSV parser gives without column names) read as the same rows as objects.
import { describe, expect, it } from 'vitest';
import { checkClientLevelData } from '../../src/client-level-data/index.js';
import { generateClientLevelData } from '../../src/testing/index.js';

const rows = [
  ...generateClientLevelData({
    seed: 5,
    people: 12,
    periodStart: '2024-04-01',
    periodEnd: '2025-03-31',
    messy: { rate: 0.3 },
  }).rows,
] as Record<string, string>[];
const headings = Object.keys(rows[0]!);
const asArrays = rows.map((r) => headings.map((h) => r[h]!));

describe('checkClientLevelData with the headings option', () => {
  it('reads arrays of cells as it reads the same rows as objects', () => {
    expect(checkClientLevelData(asArrays, { headings })).toEqual(checkClientLevelData(rows));
  });

  it('reads a short array as blank cells, ignores cells past the last heading, and takes objects too', () => {
    const [first, second, third] = asArrays;
    const mixed = [first!.slice(0, 3), [...second!, 'extra'], rows[2]!];
    const expected = [
      Object.fromEntries(headings.map((h, i) => [h, i < 3 ? first![i]! : ''])),
      rows[1]!,
      rows[2]!,
    ];
    expect(third).toBeDefined();
    expect(checkClientLevelData(mixed, { headings })).toEqual(checkClientLevelData(expected));
  });

  it('reads equal headings as a row object does: listed once, the last cell wins', () => {
    // Headings A, Event Start Date, A: a row object keeps one A, with the later value.
    const h = [...headings, headings[0]!];
    const arrays = asArrays.map((cells) => [...cells, 'Z99']);
    const objects = rows.map((r) => ({ ...r, [headings[0]!]: 'Z99' }));
    expect(checkClientLevelData(arrays, { headings: h })).toEqual(checkClientLevelData(objects));
  });

  it('rejects an array row without the option, as before', () => {
    const result = checkClientLevelData([rows[0]!, asArrays[1]!]);
    expect(result.success && result.data.account.rejections).toEqual([
      {
        row: 2,
        code: 'not-an-object',
        message: 'Row 2 is not a record of named values (got an array).',
      },
    ]);
  });

  it('throws a TypeError when headings is not an array of strings', () => {
    expect(() =>
      checkClientLevelData(asArrays, { headings: [1, 2] as unknown as string[] }),
    ).toThrow(TypeError);
    expect(() =>
      checkClientLevelData(asArrays, { headings: 'LA_Code' as unknown as string[] }),
    ).toThrow(TypeError);
  });
});
