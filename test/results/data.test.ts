import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { COUNCILS, findCouncil } from '../../src/councils/index.js';
import { findQualityStatement } from '../../src/framework/index.js';
import {
  PUBLISHED_RESULTS,
  PublishedResultSchema,
  RESULTS_AS_OF,
  RESULTS_COVERAGE,
  resultsCoverage,
  resultsFromCsvRows,
} from '../../src/results/index.js';
import { scoreAssessment } from '../../src/scoring/index.js';
// @ts-expect-error -- a plain .mjs script without types
import { generateResultsData } from '../../scripts/generate-results-data.mjs';

const csvText = readFileSync(new URL('../../data/cqc_la_assessments.csv', import.meta.url), 'utf8');
const csvRows = parse(csvText, { columns: true, skip_empty_lines: true }) as Record<
  string,
  string
>[];
const name = (code: string) => COUNCILS.find((c) => c.code === code)!.name;
const nine = (r: (typeof PUBLISHED_RESULTS)[number]) => Object.keys(r.scores).length === 9;

describe('PUBLISHED_RESULTS, the shipped dataset', () => {
  it('is what scripts/generate-results-data.mjs produces from data/cqc_la_assessments.csv (re-run the script after editing the CSV)', () => {
    const committed = readFileSync(new URL('../../src/results/data.ts', import.meta.url), 'utf8');
    expect((generateResultsData as () => string)()).toBe(committed);
  });

  it('is also what resultsFromCsvRows reads from the CSV: the generator and the library agree on every row', () => {
    const read = resultsFromCsvRows(csvRows);
    expect(read.success).toBe(true);
    if (!read.success) return;
    const sorted = [...read.data].sort((a, b) =>
      a.council === b.council ? (a.kind === 'pilot' ? -1 : 1) : a.council < b.council ? -1 : 1,
    );
    expect(sorted).toEqual(PUBLISHED_RESULTS);
  });

  it('accounts for every CSV row: 106 rows, 5 pilots and 101 formal (data/README.md)', () => {
    expect(csvRows).toHaveLength(106);
    expect(PUBLISHED_RESULTS).toHaveLength(106);
    expect(PUBLISHED_RESULTS.filter((r) => r.kind === 'pilot')).toHaveLength(5);
    expect(PUBLISHED_RESULTS.filter((r) => r.kind === 'formal')).toHaveLength(101);
  });

  it('has 75 formal rows with all nine scores, and coverage as data/README.md states it', () => {
    expect(PUBLISHED_RESULTS.filter((r) => r.kind === 'formal' && nine(r))).toHaveLength(75);
    expect(resultsCoverage(PUBLISHED_RESULTS)).toEqual(RESULTS_COVERAGE);
    // 153 councils − 101 with a formal result = 52; 3 formal rows have no rating (Durham, East Riding, Greenwich).
    expect(RESULTS_COVERAGE).toMatchObject({
      councils: 153,
      withFormalResult: 101,
      withFormalRating: 98,
      withAllNineScores: 75,
      pilots: 5,
    });
    expect(RESULTS_COVERAGE.formalByConfidence).toEqual({ low: 21, medium: 73, high: 7 });
    expect(RESULTS_COVERAGE.withoutFormalResult).toHaveLength(52);
  });

  it('lists as uncovered the councils data/README.md names as gaps (spot checks), and not the ones it has', () => {
    const gaps = RESULTS_COVERAGE.withoutFormalResult.map(name);
    for (const gap of [
      'Stockton-on-Tees',
      'Manchester',
      'Sheffield',
      'Birmingham',
      'Lincolnshire',
      'Suffolk',
      'City of London',
      'Newham',
      'Devon',
      'Hampshire',
    ]) {
      expect(gaps).toContain(gap);
    }
    expect(gaps).not.toContain('Nottingham'); // its 2026 formal report is in the file (low confidence)
    expect(gaps).not.toContain('Camden');
  });

  it('every row is valid, names one of the 153 councils, and at most one row per council and kind', () => {
    const keys = new Set<string>();
    for (const r of PUBLISHED_RESULTS) {
      expect(PublishedResultSchema.safeParse(r).success).toBe(true);
      expect(findCouncil(r.council)?.code).toBe(r.council);
      keys.add(`${r.council} ${r.kind}`);
    }
    expect(keys.size).toBe(PUBLISHED_RESULTS.length);
  });

  it('is frozen, rows and scores included', () => {
    expect(Object.isFrozen(PUBLISHED_RESULTS)).toBe(true);
    for (const r of PUBLISHED_RESULTS) {
      expect(Object.isFrozen(r)).toBe(true);
      expect(Object.isFrozen(r.scores)).toBe(true);
    }
  });

  it('fills no gap: County Durham has no rating, pilots have no scores, Calderdale no date (as the CSV leaves them)', () => {
    const durham = PUBLISHED_RESULTS.find((r) => r.council === 'E06000047')!;
    expect(durham.rating).toBeUndefined();
    expect(nine(durham)).toBe(true);
    for (const pilot of PUBLISHED_RESULTS.filter((r) => r.kind === 'pilot'))
      expect(pilot.scores).toEqual({});
    expect(PUBLISHED_RESULTS.find((r) => r.council === 'E08000033')!.published).toBeUndefined();
    expect(PUBLISHED_RESULTS.find((r) => r.council === 'E09000002')!.published).toBe('2025');
  });

  it('has its vintage: complete to 3 Oct 2025, latest publication June 2026, compiled Dec 2026 (data/README.md)', () => {
    expect(RESULTS_AS_OF).toEqual({
      latestPublication: '2026-06',
      completeUpTo: '2025-10-03',
      compiled: '2026-12',
    });
  });

  it("Warrington carries QS4 = 3 from CQC's press release (the scrape had 2)", () => {
    expect(
      PUBLISHED_RESULTS.find((r) => r.council === 'E06000007')!.scores[
        'care-provision-integration-and-continuity'
      ],
    ).toBe(3);
  });
});

describe('every scored row reproduces its published rating through scoreAssessment', () => {
  const scored = PUBLISHED_RESULTS.filter((r) => nine(r) && r.rating !== undefined);
  it('there are 74 such rows (75 scored; County Durham has no rating)', () =>
    expect(scored).toHaveLength(74));
  it.each(scored.map((r) => [name(r.council), r] as const))('%s', (_name, r) => {
    expect(scoreAssessment(r.scores).rating).toBe(r.rating);
  });
});

describe('demo/data/published-results.json agrees with the shipped dataset', () => {
  const demo = JSON.parse(
    readFileSync(new URL('../../demo/data/published-results.json', import.meta.url), 'utf8'),
  ) as {
    results: { council: string; published: string; scores: Record<string, number> }[];
  };
  it.each(demo.results.map((r) => [r.council, r] as const))('%s', (_name, entry) => {
    const code = findCouncil(entry.council)!.code;
    const row = PUBLISHED_RESULTS.find((r) => r.council === code && r.kind === 'formal')!;
    const scores = Object.fromEntries(
      Object.entries(entry.scores).map(([label, s]) => [findQualityStatement(label)!.id, s]),
    );
    expect(scores).toEqual(row.scores);
    expect(entry.published.startsWith(row.published!)).toBe(true);
  });
});
