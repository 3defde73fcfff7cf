import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNCILS, type Council } from '../../src/councils/index.js';
import { QUALITY_STATEMENTS, QUALITY_STATEMENT_IDS, THEMES } from '../../src/framework/index.js';
import {
  PUBLISHED_RESULTS,
  compareCouncil,
  compareWithBandAbove,
  leagueTable,
  qualityStatementDistribution,
  ratingsByRegion,
  resultsOverTime,
  weakestStatements,
  type PublishedResult,
} from '../../src/results/index.js';
import { RATINGS, scoreAssessment } from '../../src/scoring/index.js';
import { deepFreeze } from '../support/published-results.js';

// A second, naive computation of every benchmarking figure (plain loops over plain arrays),
// to check the library's on the shipped data and on generated tables.

type Scored = { code: string; council: Council; s: number[]; total: number };

function naiveScored(results: readonly PublishedResult[]): Scored[] {
  const out: Scored[] = [];
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    if (r.kind !== 'formal') continue;
    const s: number[] = [];
    for (let q = 0; q < 9; q++) {
      const v = r.scores[QUALITY_STATEMENT_IDS[q]!];
      if (v !== undefined) s.push(v);
    }
    if (s.length !== 9) continue;
    let total = 0;
    for (let q = 0; q < 9; q++) total += s[q]!;
    let council: Council | undefined;
    for (let c = 0; c < COUNCILS.length; c++)
      if (COUNCILS[c]!.code === r.council) council = COUNCILS[c];
    out.push({ code: r.council, council: council!, s, total });
  }
  return out;
}

function naiveGroup(self: Scored, members: Scored[], minGroupSize: number) {
  let higher = 0;
  let lower = 0;
  let same = 0;
  for (let i = 0; i < members.length; i++) {
    if (members[i]!.total > self.total) higher++;
    else if (members[i]!.total < self.total) lower++;
    else same++;
  }
  const statements = [];
  for (let q = 0; q < 9; q++) {
    const counts = [0, 0, 0, 0];
    let sum = 0;
    let h = 0;
    let l = 0;
    for (let i = 0; i < members.length; i++) {
      const v = members[i]!.s[q]!;
      counts[v - 1]!++;
      sum += v;
      if (v > self.s[q]!) h++;
      if (v < self.s[q]!) l++;
    }
    statements.push({ score: self.s[q], mean: sum / members.length, counts, higher: h, lower: l });
  }
  const themes = [];
  for (let t = 0; t < THEMES.length; t++) {
    const idx: number[] = [];
    for (let q = 0; q < 9; q++) if (QUALITY_STATEMENTS[q]!.theme === THEMES[t]!.id) idx.push(q);
    const pct = (m: Scored) => {
      let sum = 0;
      for (let k = 0; k < idx.length; k++) sum += m.s[idx[k]!]!;
      return { sum, pct: (100 * sum) / (4 * idx.length) };
    };
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    let rank = 1;
    for (let i = 0; i < members.length; i++) {
      const p = pct(members[i]!);
      sum += p.pct;
      if (p.pct < min) min = p.pct;
      if (p.pct > max) max = p.pct;
      if (p.sum > pct(self).sum) rank++;
    }
    themes.push({ percentage: pct(self).pct, mean: sum / members.length, min, max, rank });
  }
  return {
    size: members.length,
    rank: higher + 1,
    percentile:
      members.length >= minGroupSize ? (100 * (lower + same / 2)) / members.length : undefined,
    statements,
    themes,
  };
}

function checkAgainstNaive(
  results: readonly PublishedResult[],
  code: string,
  minGroupSize: number,
  peers?: string[],
) {
  const scored = naiveScored(results);
  let self: Scored | undefined;
  for (const s of scored) if (s.code === code) self = s;
  const r = compareCouncil(code, { results, minGroupSize, ...(peers && { peers }) });
  expect(r.success).toBe(self !== undefined);
  if (!r.success || !self) return;
  const inGroup = (pred: (c: Council) => boolean) => {
    const m: Scored[] = [];
    for (const s of scored) if (s.code === code || pred(s.council)) m.push(s);
    return m;
  };
  const expected = [
    naiveGroup(
      self,
      inGroup(() => true),
      minGroupSize,
    ),
    naiveGroup(
      self,
      inGroup((c) => c.region === self!.council.region),
      minGroupSize,
    ),
    naiveGroup(
      self,
      inGroup((c) => c.type === self!.council.type),
      minGroupSize,
    ),
    naiveGroup(
      self,
      inGroup(
        peers
          ? (c) => peers.includes(c.code)
          : (c) => c.type === self!.council.type && c.region === self!.council.region,
      ),
      minGroupSize,
    ),
  ];
  for (let g = 0; g < 4; g++) {
    const got = r.data.groups[g]!;
    const want = expected[g]!;
    expect(got.size).toBe(want.size);
    expect(got.rank).toBe(want.rank);
    if (want.percentile === undefined) expect(got.percentile).toBeUndefined();
    else expect(got.percentile).toBeCloseTo(want.percentile, 10);
    for (let q = 0; q < 9; q++) {
      const s = got.statements[q]!;
      expect(s.score).toBe(want.statements[q]!.score);
      expect(s.mean).toBeCloseTo(want.statements[q]!.mean, 10);
      expect([...s.counts]).toEqual(want.statements[q]!.counts);
      expect([s.higher, s.lower]).toEqual([want.statements[q]!.higher, want.statements[q]!.lower]);
    }
    for (let t = 0; t < THEMES.length; t++) {
      const th = got.themes[t]!;
      const w = want.themes[t]!;
      expect(th.percentage).toBeCloseTo(w.percentage, 10);
      expect(th.mean).toBeCloseTo(w.mean, 10);
      expect([th.min, th.max, th.rank]).toEqual([w.min, w.max, w.rank]);
    }
  }
}

describe('compareCouncil against a naive computation', () => {
  const scored = naiveScored(PUBLISHED_RESULTS);

  it('on the shipped data, for every one of the 75 scored councils', () => {
    expect(scored).toHaveLength(75);
    for (const s of scored) checkAgainstNaive(PUBLISHED_RESULTS, s.code, 5);
  });

  it('with a supplied peer group (Camden with the other inner London boroughs it names)', () => {
    checkAgainstNaive(PUBLISHED_RESULTS, 'E09000007', 3, [
      'E09000020',
      'E09000033',
      'E09000019',
      'E09000013',
      'E09000022',
    ]);
  });

  it('on generated tables', () => {
    const table = fc
      .uniqueArray(
        fc.record({
          council: fc.constantFrom(...COUNCILS.map((c) => c.code)),
          scores: fc.array(fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), {
            minLength: 9,
            maxLength: 9,
          }),
          partial: fc.boolean(),
        }),
        { selector: (r) => r.council, minLength: 1, maxLength: 60 },
      )
      .map((rows) =>
        rows.map(
          (r): PublishedResult => ({
            council: r.council,
            kind: 'formal',
            scores: Object.fromEntries(
              r.scores.slice(0, r.partial ? 4 : 9).map((v, i) => [QUALITY_STATEMENT_IDS[i], v]),
            ),
            source: 'generated',
            confidence: 'medium',
          }),
        ),
      );
    fc.assert(
      fc.property(table, fc.integer({ min: 1, max: 8 }), (rows, minGroupSize) => {
        const frozen = deepFreeze(rows);
        for (const r of frozen.slice(0, 5)) checkAgainstNaive(frozen, r.council, minGroupSize);
      }),
      { numRuns: 60 },
    );
  });
});

describe('compareCouncil by hand', () => {
  it('Camden: joint first of 75 in England with Kensington and Chelsea (both 32 of 36)', () => {
    // 73 councils below, 2 at 32: percentile = 100 × (73 + 2/2) / 75 = 98.67.
    const r = compareCouncil('E09000007');
    if (!r.success) throw new Error('expected a comparison');
    expect(r.data.score.roundedPercentage).toBe(89);
    expect(r.data.groups[0]).toMatchObject({
      group: 'england',
      size: 75,
      rank: 1,
      notScored: expect.any(Array),
    });
    expect(r.data.groups[0]!.percentile).toBeCloseTo((100 * 74) / 75, 10);
    expect(r.data.groups[0]!.notScored).toHaveLength(153 - 75);
  });

  it('withholds a percentile from a group smaller than minGroupSize (York among 4 scored Yorkshire councils)', () => {
    const r = compareCouncil('E06000014');
    if (!r.success) throw new Error('expected a comparison');
    const region = r.data.groups[1]!;
    expect(region.size).toBe(4); // York, Wakefield, Doncaster, Kirklees have all nine scores
    expect(region.percentile).toBeUndefined();
    // With minGroupSize 4: York is lowest of 4 (none lower, itself the only one at 14): 100 × (0 + 1/2) / 4 = 12.5.
    const four = compareCouncil('E06000014', { minGroupSize: 4 });
    expect(four.success && four.data.groups[1]!.percentile).toBe(12.5);
  });

  it('returns issues, not a throw, for an unknown council, one without a result, one without scores, an unknown peer', () => {
    const codes = (r: ReturnType<typeof compareCouncil>) =>
      r.success ? [] : r.issues.map((i) => i.code);
    expect(codes(compareCouncil('E06999999'))).toEqual(['unknown-council']);
    expect(codes(compareCouncil('E08000003'))).toEqual(['no-formal-result']); // Manchester
    expect(codes(compareCouncil('E08000035'))).toEqual(['scores-not-published']); // Leeds
    expect(codes(compareCouncil('E09000007', { peers: ['E09000099'] }))).toEqual(['unknown-peer']);
  });

  it('rejects a nonsense minGroupSize as programmer misuse', () => {
    expect(() => compareCouncil('E09000007', { minGroupSize: 0 })).toThrow(RangeError);
  });
});

describe('compareWithBandAbove', () => {
  it('Norfolk (20 of 36, Requires improvement) against the 48 scored councils whose scores give Good', () => {
    const r = compareWithBandAbove('E10000020');
    if (!r.success) throw new Error('expected a comparison');
    const good = naiveScored(PUBLISHED_RESULTS).filter(
      (s) =>
        scoreAssessment(Object.fromEntries(s.s.map((v, i) => [QUALITY_STATEMENT_IDS[i], v])))
          .rating === 'good',
    );
    expect(r.data.councilsAbove).toEqual(good.map((g) => g.code).sort());
    expect(r.data.nextRating).toBe('good');
    // Norfolk scores 2 on QS8; 45 of the 48 Good councils score 3 there (counted by the naive loop below).
    const higherOnQs8 = good.filter((g) => g.s[7]! > 2).length;
    expect(r.data.statements[0]).toMatchObject({
      id: 'governance-management-and-sustainability',
      higher: higherOnQs8,
    });
    for (let i = 1; i < r.data.statements.length; i++)
      expect(r.data.statements[i - 1]!.higher).toBeGreaterThanOrEqual(r.data.statements[i]!.higher);
  });

  it('has nothing above Outstanding (Camden)', () => {
    const r = compareWithBandAbove('E09000007');
    expect(r.success && r.data.nextRating).toBeUndefined();
    expect(r.success && r.data.statements).toEqual([]);
  });
});

describe('tables and statistics against naive loops on the shipped data', () => {
  const scored = naiveScored(PUBLISHED_RESULTS);

  it('qualityStatementDistribution', () => {
    const d = qualityStatementDistribution(PUBLISHED_RESULTS);
    for (let q = 0; q < 9; q++) {
      const counts = [0, 0, 0, 0];
      let sum = 0;
      for (const s of scored) {
        counts[s.s[q]! - 1]!++;
        sum += s.s[q]!;
      }
      expect([...d[q]!.counts]).toEqual(counts);
      expect(d[q]!.mean).toBeCloseTo(sum / scored.length, 10);
      expect(d[q]!.councils).toBe(75);
    }
  });

  it('weakestStatements', () => {
    const w = weakestStatements(PUBLISHED_RESULTS);
    for (let q = 0; q < 9; q++) {
      let weakest = 0;
      let sole = 0;
      for (const s of scored) {
        let min = 5;
        for (const v of s.s) if (v < min) min = v;
        let at = 0;
        for (const v of s.s) if (v === min) at++;
        if (s.s[q] === min) {
          weakest++;
          if (at === 1) sole++;
        }
      }
      expect([w[q]!.weakest, w[q]!.soleWeakest]).toEqual([weakest, sole]);
    }
  });

  it('ratingsByRegion', () => {
    const regions = ratingsByRegion(PUBLISHED_RESULTS);
    for (const region of regions) {
      const counts: Record<string, number> = {
        inadequate: 0,
        'requires-improvement': 0,
        good: 0,
        outstanding: 0,
      };
      let unknown = 0;
      let withResult = 0;
      for (const r of PUBLISHED_RESULTS) {
        if (
          r.kind !== 'formal' ||
          COUNCILS.find((c) => c.code === r.council)!.region !== region.region
        )
          continue;
        withResult++;
        if (r.rating === undefined) unknown++;
        else counts[r.rating]!++;
      }
      expect(region.ratings).toEqual(counts);
      expect(region.ratingUnknown).toBe(unknown);
      expect(region.withResult).toBe(withResult);
      expect(region.withResult + region.withoutResult).toBe(region.councils);
    }
    expect(regions.reduce((n, r) => n + r.councils, 0)).toBe(153);
    // London: Camden, Kensington and Chelsea, Barking and Dagenham are Outstanding (data/README.md, NCASC Nov 2025).
    expect(regions.find((r) => r.region === 'london')!.ratings.outstanding).toBe(3);
  });

  it('resultsOverTime: counts per month match the 72-row set as data/README.md tabulates it (2024: May 3, Aug 6, Nov 4, Dec 1)', () => {
    const t = resultsOverTime(PUBLISHED_RESULTS);
    const month = (m: string) => t.months.find((x) => x.month === m)!.published;
    expect([month('2024-05'), month('2024-08'), month('2024-11'), month('2024-12')]).toEqual([
      3, 6, 4, 1,
    ]);
    expect([
      month('2025-01'),
      month('2025-02'),
      month('2025-03'),
      month('2025-05'),
      month('2025-06'),
      month('2025-07'),
      month('2025-08'),
      month('2025-09'),
    ]).toEqual([8, 4, 1, 13, 5, 8, 10, 7]);
    expect(month('2025-04')).toBe(0);
    expect(t.undated.map((c) => COUNCILS.find((x) => x.code === c)!.name).sort()).toEqual([
      'Barking and Dagenham',
      'Calderdale',
    ]);
    expect(t.months.at(-1)!.cumulative + t.undated.length).toBe(101);
  });

  it('leagueTable sorts by every column with unknown values last, and never loses a row', () => {
    const columns = [
      'name',
      'council',
      'type',
      'region',
      'published',
      'rating',
      'total',
      'percentage',
      'publishedPercentage',
      'confidence',
      ...QUALITY_STATEMENT_IDS,
    ] as const;
    for (const sortBy of columns) {
      for (const order of ['asc', 'desc'] as const) {
        const rows = leagueTable(PUBLISHED_RESULTS, { sortBy, order, kind: 'any' }).rows;
        expect(rows).toHaveLength(106);
        const known = rows.map((r) =>
          sortBy in r.scores || QUALITY_STATEMENT_IDS.includes(sortBy as never)
            ? r.scores[sortBy as never]
            : (r as unknown as Record<string, unknown>)[sortBy],
        );
        const firstUnknown = known.indexOf(undefined);
        if (firstUnknown >= 0)
          expect(known.slice(firstUnknown).every((v) => v === undefined)).toBe(true);
      }
    }
    const byRating = leagueTable(PUBLISHED_RESULTS, { sortBy: 'rating' }).rows.filter(
      (r) => r.rating,
    );
    for (let i = 1; i < byRating.length; i++)
      expect(RATINGS.indexOf(byRating[i - 1]!.rating!)).toBeGreaterThanOrEqual(
        RATINGS.indexOf(byRating[i]!.rating!),
      );
  });

  it('leagueTable filters by region, type, confidence and dates; loosely dated rows are listed, not dropped silently', () => {
    expect(
      leagueTable(PUBLISHED_RESULTS, { region: 'london', minConfidence: 'high' }).rows.map(
        (r) => r.name,
      ),
    ).toEqual(['Camden', 'Barnet']);
    expect(
      leagueTable(PUBLISHED_RESULTS, { type: 'county' }).rows.every((r) => r.type === 'county'),
    ).toBe(true);
    const since = leagueTable(PUBLISHED_RESULTS, { since: '2025-10' });
    expect(since.rows.every((r) => r.published! >= '2025-10')).toBe(true);
    // Barking and Dagenham (2025: straddles October) and Calderdale (no date) cannot be placed.
    expect([...since.uncertainDate].sort()).toEqual(['E08000033', 'E09000002']);
    const may2024 = leagueTable(PUBLISHED_RESULTS, { since: '2024-05', until: '2024-05' })
      .rows.map((r) => r.name)
      .sort();
    expect(may2024).toEqual(['Hertfordshire', 'Hounslow', 'West Berkshire']);
    // A day inside a month: the three rows dated only May 2024 are uncertain, and so is undated Calderdale.
    expect(
      [
        ...leagueTable(PUBLISHED_RESULTS, { since: '2024-05-15', until: '2024-05-31' })
          .uncertainDate,
      ].sort(),
    ).toEqual(['E06000037', 'E08000033', 'E09000018', 'E10000015']);
    expect(() => leagueTable(PUBLISHED_RESULTS, { since: 'May 2024' })).toThrow(RangeError);
  });
});

describe('tables and statistics against naive loops on generated tables', () => {
  const generatedTable = fc
    .uniqueArray(
      fc.record({
        council: fc.constantFrom(...COUNCILS.map((c) => c.code)),
        scores: fc.array(fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), {
          minLength: 9,
          maxLength: 9,
        }),
        known: fc.integer({ min: 0, max: 9 }),
        rating: fc.option(fc.constantFrom(...RATINGS), { nil: undefined }),
        month: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      }),
      { selector: (r) => r.council, maxLength: 80 },
    )
    .map((rows) =>
      rows.map(
        (r): PublishedResult => ({
          council: r.council,
          kind: 'formal',
          ...(r.rating && { rating: r.rating }),
          ...(r.month !== undefined && {
            published: `${2024 + Math.floor(r.month / 12)}-${String((r.month % 12) + 1).padStart(2, '0')}`,
          }),
          scores: Object.fromEntries(
            r.scores.slice(0, r.known).map((v, i) => [QUALITY_STATEMENT_IDS[i], v]),
          ),
          source: 'generated',
          confidence: 'medium',
        }),
      ),
    );

  it('distribution, weakest statements, league-table totals and monthly counts', () => {
    fc.assert(
      fc.property(generatedTable, (rows) => {
        const table = deepFreeze(rows);
        const scored = naiveScored(table);
        const d = qualityStatementDistribution(table);
        const w = weakestStatements(table);
        for (let q = 0; q < 9; q++) {
          const counts = [0, 0, 0, 0];
          let weakest = 0;
          for (const s of scored) {
            counts[s.s[q]! - 1]!++;
            let min = 5;
            for (const v of s.s) if (v < min) min = v;
            if (s.s[q] === min) weakest++;
          }
          expect([...d[q]!.counts]).toEqual(counts);
          expect(w[q]!.weakest).toBe(weakest);
        }
        const league = leagueTable(table, { sortBy: 'total' }).rows;
        expect(league).toHaveLength(table.length);
        for (const s of scored) {
          const row = league.find((r) => r.council === s.code)!;
          expect(row.total).toBe(s.total);
          expect(row.percentage).toBe(Math.floor((200 * s.total + 36) / 72)); // half-up of 100·t/36, in integers
        }
        const t = resultsOverTime(table);
        let dated = 0;
        for (const r of table) if (r.published !== undefined) dated++;
        expect(t.months.reduce((n, m) => n + m.published, 0)).toBe(dated);
        expect(t.undated).toHaveLength(table.length - dated);
      }),
      { numRuns: 100 },
    );
  });
});
