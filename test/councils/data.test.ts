import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COUNCILS,
  COUNCIL_TYPES,
  CouncilSchema,
  ICBS,
  ICBS_2026,
  REGIONS,
} from '../../src/councils/index.js';
// @ts-expect-error -- a plain .mjs script without types
import { generateCouncilsData } from '../../scripts/generate-councils-data.mjs';

describe('councils reference data', () => {
  it('is what scripts/generate-councils-data.mjs produces from data/*.csv (re-run the script after editing the CSVs)', () => {
    const committed = readFileSync(new URL('../../src/councils/data.ts', import.meta.url), 'utf8');
    expect((generateCouncilsData as () => string)()).toBe(committed);
  });

  it('holds the 153 councils with adult social services responsibilities (domain README §1), unique codes in ONS order', () => {
    expect(COUNCILS).toHaveLength(153);
    const codes = COUNCILS.map((c) => c.code);
    expect(new Set(codes).size).toBe(153);
    expect([...codes].sort()).toEqual(codes);
  });

  it('types councils by ONS code prefix: 63 unitary (E06), 36 metropolitan (E08), 33 London (E09), 21 county (E10)', () => {
    // Counts of the ONS code prefixes in data/la.csv (2023 boundaries; 21 county councils).
    const counts = Object.fromEntries(
      COUNCIL_TYPES.map((t) => [t, COUNCILS.filter((c) => c.type === t).length]),
    );
    expect(counts).toEqual({
      unitary: 63,
      'metropolitan-district': 36,
      'london-borough': 33,
      county: 21,
    });
    const prefix = {
      unitary: 'E06',
      'metropolitan-district': 'E08',
      'london-borough': 'E09',
      county: 'E10',
    } as const;
    for (const c of COUNCILS) expect(c.code.startsWith(prefix[c.type])).toBe(true);
  });

  it('places every council in one of the nine regions; London holds the 33 London boroughs', () => {
    for (const c of COUNCILS) expect(REGIONS).toContain(c.region);
    expect(
      COUNCILS.filter((c) => c.region === 'london').every((c) => c.type === 'london-borough'),
    ).toBe(true);
    expect(COUNCILS.find((c) => c.name === 'Milton Keynes')?.region).toBe('south-east'); // data/README.md note
  });

  it('marks Lincolnshire, Gloucestershire and Somerset coterminous and the eight split councils (data/README.md)', () => {
    expect(
      COUNCILS.filter((c) => c.coterminous)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Gloucestershire', 'Lincolnshire', 'Somerset']);
    expect(
      COUNCILS.filter((c) => c.icbSplit)
        .map((c) => c.name)
        .sort(),
    ).toEqual(
      [
        'Cumberland',
        'Essex',
        'Hampshire',
        'North Yorkshire',
        'Nottinghamshire',
        'Suffolk',
        'Surrey',
        'Westmorland and Furness',
      ].sort(),
    );
  });

  it('has 42 ICBs for 2022–26 and 36 from April 2026, and every ICB a council names exists', () => {
    expect(ICBS).toHaveLength(42);
    expect(ICBS_2026).toHaveLength(36);
    const codes = new Set(ICBS.map((i) => i.code));
    const codes2026 = new Set(ICBS_2026.map((i) => i.code));
    for (const c of COUNCILS) {
      expect(c.icbs.every((i) => codes.has(i))).toBe(true);
      expect(c.icbs2026.every((i) => codes2026.has(i))).toBe(true);
      expect(c.icbSplit).toBe(c.icbs.length > 1);
    }
    // The ICB lists and the council lists agree both ways.
    for (const icb of ICBS)
      for (const code of icb.councils)
        expect(COUNCILS.find((c) => c.code === code)?.icbs).toContain(icb.code);
  });

  it('is frozen and valid by its own schema', () => {
    expect(Object.isFrozen(COUNCILS)).toBe(true);
    expect(Object.isFrozen(COUNCILS[0])).toBe(true);
    expect(Object.isFrozen(COUNCILS[0]!.icbs)).toBe(true);
    for (const c of COUNCILS) expect(CouncilSchema.safeParse(c).success).toBe(true);
  });
});
