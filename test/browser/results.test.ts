import { describe, expect, it } from 'vitest';
import {
  PUBLISHED_RESULTS,
  compareCouncil,
  comparisonChartSvg,
  heatMapSvg,
} from '../../dist/results/index.js';
import { bundleForBrowser, hasChromium, withChromium } from './chromium.js';

// The results pictures, drawn by the built package inside headless Chromium, rendered and
// inspected as a page (not only as a string).
describe.skipIf(!hasChromium)('results pictures in headless Chromium', () => {
  it('render the heat map and the comparison chart: cells, labels, accessible names, screenshot', async () => {
    const script = await bundleForBrowser(
      `import { PUBLISHED_RESULTS, compareCouncil, comparisonChartSvg, heatMapSvg } from '../../dist/results/index.js';
          const c = compareCouncil('E09000007');
          globalThis.__heatMap = heatMapSvg(PUBLISHED_RESULTS);
          globalThis.__chart = c.success ? comparisonChartSvg(c.data) : '';
          document.body.innerHTML = globalThis.__heatMap + globalThis.__chart;`,
    );
    await withChromium(async (browser) => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setContent(
        '<!doctype html><html lang="en"><head><title>results</title></head><body></body></html>',
      );
      await page.addScriptTag({ content: script });
      expect(errors).toEqual([]);

      // Same pictures as in Node.
      const camden = compareCouncil('E09000007');
      if (!camden.success) throw new Error('expected a comparison');
      expect(
        await page.evaluate(() => (globalThis as unknown as { __heatMap: string }).__heatMap),
      ).toBe(heatMapSvg(PUBLISHED_RESULTS));
      expect(
        await page.evaluate(() => (globalThis as unknown as { __chart: string }).__chart),
      ).toBe(comparisonChartSvg(camden.data));

      // Accessible names from <title>, as the accessibility tree exposes them.
      await expect(
        page.getByRole('img', { name: 'Quality statement scores of 75 councils' }).count(),
      ).resolves.toBe(1);
      await expect(
        page.getByRole('img', { name: 'Camden against its groups, by quality statement' }).count(),
      ).resolves.toBe(1);

      // The heat map as rendered: 75 rows × 9 cells, each drawn with a size and showing its number.
      const cells = await page.$$eval('svg g.cell', (gs) =>
        gs.map((g) => {
          const box = g.querySelector('rect')!.getBoundingClientRect();
          return {
            score: g.getAttribute('data-score'),
            text: g.querySelector('text')!.textContent,
            width: box.width,
            height: box.height,
          };
        }),
      );
      expect(cells).toHaveLength(675);
      for (const c of cells) {
        expect(c.text).toBe(c.score);
        expect(c.width).toBeGreaterThan(30);
        expect(c.height).toBeGreaterThan(15);
      }
      const labels = await page.$$eval('svg text.row-label', (ts) => ts.map((t) => t.textContent));
      expect(labels.slice(0, 2).sort()).toEqual(['Camden', 'Kensington and Chelsea']); // 32 of 36, first on percentage
      expect(
        await page.$$eval('svg text.column-label', (ts) => ts.map((t) => t.textContent)),
      ).toEqual([
        'QS1',
        'QS2',
        'QS3',
        'QS4',
        'QS5',
        'QS6',
        'QS7',
        'QS8',
        'QS9',
        'Total, %, rating',
      ]);

      // The comparison chart: nine statement rows, each with its numbers written out.
      expect(await page.locator('svg g.statement').count()).toBe(9);
      expect(await page.locator('svg text.numbers').first().textContent()).toMatch(
        /^3 · \d\.\d · \d\.\d · \d\.\d · \d\.\d$/,
      );

      // A real render: a PNG of the page, with the heat map occupying most of it.
      const heatMap = page.locator('svg').first();
      const box = (await heatMap.boundingBox())!;
      expect(box.height).toBeGreaterThan(75 * 20);
      const png = await heatMap.screenshot();
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(20_000);
    });
  });
});
