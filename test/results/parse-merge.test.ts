import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PUBLISHED_RESULTS,
  isLaAssuranceError,
  mergeResults,
  parseResults,
  resultsFromCsvRows,
  safeParseResults,
  type PublishedResult,
} from '../../src/results/index.js';
import { deepFreeze } from '../support/published-results.js';

const york = PUBLISHED_RESULTS.find((r) => r.council === 'E06000014' && r.kind === 'formal')!;

describe('safeParseResults / parseResults', () => {
  it('reads the shipped table back from JSON unchanged', () => {
    expect(parseResults(JSON.parse(JSON.stringify(PUBLISHED_RESULTS)))).toEqual(PUBLISHED_RESULTS);
  });

  it('names every bad field, with stable codes', () => {
    const r = safeParseResults([
      {
        council: 'E06000014',
        kind: 'formal',
        scores: { safeguarding: 5 },
        source: 's',
        confidence: 'high',
      },
      { council: 'E06000014', kind: 'final', scores: {}, source: 's', confidence: 'certain' },
      {
        council: 'E06000014',
        kind: 'formal',
        published: '2025-02-30',
        scores: {},
        source: 's',
        confidence: 'high',
      },
      {
        council: 'E06000014',
        kind: 'formal',
        scores: {},
        source: 's',
        confidence: 'high',
        ratng: 'good',
      },
    ]);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.every((i) => i.code === 'invalid-result')).toBe(true);
    const paths = r.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['0.scores.safeguarding', '1.kind', '1.confidence', '2.published']),
    );
    expect(r.issues.some((i) => i.path[0] === 3 && i.message.includes('ratng'))).toBe(true);
  });

  it('rejects an unknown council and a second row for the same council and kind (pointing to mergeResults)', () => {
    const r = safeParseResults([
      { council: 'E06000099', kind: 'formal', scores: {}, source: 's', confidence: 'high' },
      york,
      { ...york, rating: 'good' },
    ]);
    expect(r.success ? [] : r.issues.map((i) => i.code)).toEqual([
      'unknown-council',
      'duplicate-result',
    ]);
    expect(r.success ? '' : r.issues[1]!.message).toContain('mergeResults');
  });

  it('parseResults throws LaAssuranceError with the issues', () => {
    try {
      parseResults('not a table');
      expect.unreachable();
    } catch (error) {
      expect(isLaAssuranceError(error) && error.code).toBe('invalid-results');
    }
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        safeParseResults(input);
        safeParseResults([input]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('resultsFromCsvRows', () => {
  it('reads a user row in the shipped column layout, labels and all', () => {
    const r = resultsFromCsvRows([
      {
        ons_code: 'E09000025',
        assessment_type: 'initial formal assessment',
        publication_month: '2025-12',
        overall_rating: 'Requires improvement',
        published_overall_pct: '62',
        source: 'newham.gov.uk',
        confidence: 'medium',
        qs1: '',
        notes: '',
      },
    ]);
    expect(r.success && r.data[0]).toEqual({
      council: 'E09000025',
      kind: 'formal',
      published: '2025-12',
      rating: 'requires-improvement',
      scores: {},
      publishedPercentage: 62,
      source: 'newham.gov.uk',
      confidence: 'medium',
    });
  });

  it('reports a bad cell rather than dropping it', () => {
    const r = resultsFromCsvRows([
      {
        ons_code: 'E09000025',
        assessment_type: 'formal',
        overall_rating: 'Excellent',
        qs3: 'three',
        source: 's',
        confidence: 'high',
      },
    ]);
    expect(r.success ? [] : r.issues.map((i) => i.path.join('.')).sort()).toEqual([
      '0.rating',
      '0.scores.equity-in-experience-and-outcomes',
    ]);
  });
});

describe('mergeResults', () => {
  it('a newer row replaces the older one whole and every changed or dropped value is reported', () => {
    const newer: PublishedResult = {
      council: 'E06000014',
      kind: 'formal',
      published: '2025-12-05',
      rating: 'requires-improvement',
      scores: { ...york.scores, safeguarding: 2 },
      source: 'my scrape',
      confidence: 'high',
    };
    const m = mergeResults(deepFreeze([...PUBLISHED_RESULTS]), deepFreeze([newer]));
    expect(m).toMatchObject({ added: 0, replaced: 1 });
    expect(m.results).toHaveLength(PUBLISHED_RESULTS.length);
    expect(m.results.find((r) => r.council === 'E06000014')).toBe(newer);
    expect(m.conflicts).toEqual([
      {
        council: 'E06000014',
        kind: 'formal',
        field: 'publishedPercentage',
        before: 39,
        after: undefined,
      },
      {
        council: 'E06000014',
        kind: 'formal',
        field: 'reportUrl',
        before: york.reportUrl,
        after: undefined,
      },
      { council: 'E06000014', kind: 'formal', field: 'scores.safeguarding', before: 1, after: 2 },
    ]);
  });

  it('a row for a new council is added, a filled gap is not a conflict (Newham, then its scores)', () => {
    const newham: PublishedResult = {
      council: 'E09000025',
      kind: 'formal',
      rating: 'requires-improvement',
      scores: {},
      publishedPercentage: 62,
      source: 'council',
      confidence: 'medium',
    };
    const withScores = { ...newham, scores: { 'assessing-needs': 2 as const } };
    const m = mergeResults(PUBLISHED_RESULTS, [newham, withScores]);
    expect(m).toMatchObject({ added: 1, replaced: 1, conflicts: [] });
    expect(m.results).toHaveLength(PUBLISHED_RESULTS.length + 1);
  });

  it('keeps pilot and formal results apart (Nottingham has both)', () => {
    const m = mergeResults([], PUBLISHED_RESULTS);
    expect(m.results.filter((r) => r.council === 'E06000018').map((r) => r.kind)).toEqual([
      'pilot',
      'formal',
    ]);
    expect(m.results).toEqual(PUBLISHED_RESULTS);
  });

  it('laws: merging a table with itself changes nothing and replaces every row; no row is lost', () => {
    fc.assert(
      fc.property(
        fc.subarray([...PUBLISHED_RESULTS]),
        fc.subarray([...PUBLISHED_RESULTS]),
        (a, b) => {
          const self = mergeResults(a, a);
          expect(self.conflicts).toEqual([]);
          expect(self.replaced).toBe(a.length);
          const m = mergeResults(a, b);
          const keys = new Set([...a, ...b].map((r) => `${r.council} ${r.kind}`));
          expect(m.results).toHaveLength(keys.size);
          expect(m.added + a.length).toBe(keys.size);
        },
      ),
      { numRuns: 100 },
    );
  });
});
