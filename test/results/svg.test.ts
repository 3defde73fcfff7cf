import { describe, expect, it } from 'vitest';
import {
  PUBLISHED_RESULTS,
  compareCouncil,
  comparisonChartSvg,
  heatMapSvg,
} from '../../src/results/index.js';

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('heatMapSvg', () => {
  const svg = heatMapSvg(PUBLISHED_RESULTS);

  it('draws one row per scored council and nine numbered cells per row (75 × 9 = 675)', () => {
    expect(count(svg, '<g class="row"')).toBe(75);
    expect(count(svg, '<g class="cell"')).toBe(675);
    expect(svg).toMatch(
      /<g class="row" data-council="E09000007">\n<text class="row-label"[^>]*>Camden<\/text>/,
    );
  });

  it('is labelled for assistive technology and says what it leaves out', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="heat-map-title heat-map-desc"/);
    expect(svg).toContain(
      '<title id="heat-map-title">Quality statement scores of 75 councils</title>',
    );
    // 101 formal results − 75 scored = 26 shown in the table without all nine scores.
    expect(svg).toContain(
      '26 councils with a result but without all nine published scores are not shown.',
    );
  });

  it('escapes text and keeps ids unique per picture', () => {
    const titled = heatMapSvg(PUBLISHED_RESULTS, {
      region: 'london',
      title: 'Scores <London> & co',
      idPrefix: 'london-map',
    });
    expect(titled).toContain('Scores &lt;London&gt; &amp; co');
    expect(titled).toContain('id="london-map-title"');
    expect(() => heatMapSvg(PUBLISHED_RESULTS, { idPrefix: '1 bad' })).toThrow(RangeError);
  });

  it('uses fills that get lighter with the score, so the picture reads in greyscale', () => {
    const fills = [1, 2, 3, 4].map(
      (s) =>
        new RegExp(`data-score="${s}"><title>[^<]*</title><rect [^>]*fill="(#[0-9a-f]{6})"`).exec(
          svg,
        )![1]!,
    );
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5]
        .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const l = fills.map(luminance);
    for (let i = 1; i < 4; i++) expect(l[i]!).toBeGreaterThan(l[i - 1]!);
  });

  it('is the same string every time (deterministic)', () => {
    expect(heatMapSvg(PUBLISHED_RESULTS)).toBe(svg);
  });
});

describe('comparisonChartSvg', () => {
  const r = compareCouncil('E09000007');
  if (!r.success) throw new Error('expected a comparison');
  const svg = comparisonChartSvg(r.data);

  it('draws nine statements, each with the council and four group markers and the numbers written out', () => {
    expect(count(svg, '<g class="statement"')).toBe(9);
    expect(count(svg, '<text class="numbers"')).toBe(9);
    // Camden QS1: 3; England mean of QS1 over the 75 scored councils.
    const qs1Mean = r.data.groups[0]!.statements[0]!.mean.toFixed(1);
    expect(svg).toContain(`>3 · ${qs1Mean} · `);
  });

  it('names the groups and their sizes in the description', () => {
    expect(svg).toContain('England (75 councils with scores; mean per statement)');
    expect(svg).toContain('London (17 councils with scores; mean per statement)');
  });
});
