// The two worked examples of the reference (shared/domain/client-level-data/README.md,
// section f), reproduced exactly: period S = 2024-04-01, E = 2025-03-31, council X01.
import { describe, expect, it } from 'vitest';
import { ascofMeasures } from '../../../src/client-level-data/ascof/index.js';
import { prepared } from '../support/main-table.js';
import { F1, F2 } from '../support/worked-examples.js';

const figures = (result: ReturnType<typeof ascofMeasures>, code: string) =>
  result.rows
    .filter((r) => r.code === code)
    .map((r) => [r.ageBand, r.numerator, r.denominator, r.outcome]);

describe('reference f.1: ASCOF 2A', () => {
  const result = ascofMeasures(prepared(F1), { year: 2024, explain: true });

  it('gives the expected output table', () => {
    expect(figures(result, '2A')).toEqual([
      ['18 to 64', 1, 1, 100],
      ['65 and above', 0, 1, 0],
      ['Total', 1, 2, 50],
    ]);
  });

  it('classifies each cluster as the derivation does', () => {
    const COMMUNITY = 'Long term support: Community';
    expect(
      result.clusters2A?.map((c) => [
        c.personId,
        c.clusterStart,
        c.clusterEnd,
        c.ageBand,
        c.excluded,
        c.sequelType,
        c.finalOutcome,
      ]),
    ).toEqual([
      // A: A1+A2 cluster (gap 5 days); A3 starts 2 days after the end → step 3, sequel type 3.
      ['A', '2024-06-01', '2024-07-10', '65 and above', null, '3', COMMUNITY],
      // B: review 3 days after with I&A (10) beats the cluster's "ended as planned" (14) → 4b.
      [
        'B',
        '2024-09-01',
        '2024-09-30',
        '18 to 64',
        null,
        '4b',
        'NFA: Information and advice or signposting',
      ],
      // C: LTS ended 47 days before the cluster start (< 91) → existing client.
      ['C', '2024-10-01', '2024-10-20', '65 and above', 'existing client', null, null],
      // D: died 3 days after the cluster end → step 1.
      ['D', '2025-03-10', '2025-03-31', '65 and above', null, '1', 'NFA: Deceased'],
      // E: unusable outcome, nothing after → step 6.
      [
        'E',
        '2024-11-01',
        '2024-11-30',
        '18 to 64',
        null,
        '6',
        'Progress to assessment, review or reassessment',
      ],
    ]);
  });

  it('explains who is counted', () => {
    const total = result.rows.find((r) => r.code === '2A' && r.ageBand === 'Total');
    expect(total?.people).toEqual({ numerator: ['B'], denominator: ['A', 'B'] });
  });
});

describe('reference f.2: ASCOF 3D clients', () => {
  const result = ascofMeasures(prepared(F2), {
    periodStart: '2024-04-01',
    periodEnd: '2025-03-31',
    explain: true,
  });

  it('gives the expected 1a and 2a tables', () => {
    expect(figures(result, '3D-1a')).toEqual([
      ['18 to 64', 1, 2, 50],
      ['65 and above', 2, 2, 100],
      ['Total', 3, 4, 75],
    ]);
    expect(figures(result, '3D-2a')).toEqual([
      ['18 to 64', 0, 2, 0],
      ['65 and above', 2, 2, 100],
      ['Total', 2, 4, 50],
    ]);
  });

  it('counts P6 as unknown delivery mechanism, and names the people', () => {
    expect(
      result.unknownCounts.find((u) => u.code === '3D-clients-unknown-delivery-mechanism'),
    ).toMatchObject({ count: 1, people: ['P6'] });
    expect(result.rows.find((r) => r.code === '3D-1a' && r.ageBand === 'Total')?.people).toEqual({
      numerator: ['P1', 'P3', 'P4'],
      denominator: ['P1', 'P3', 'P4', 'P6'],
    });
  });
});
