import { describe, expect, it } from 'vitest';
import { bundleForBrowser, hasChromium, withChromium } from './chromium.js';
import { workload } from './workload.js';

// Runs anywhere JavaScript runs: the built ESM package, bundled for the browser, gives the
// same results in headless Chromium as in Node.
describe.skipIf(!hasChromium)('in headless Chromium', () => {
  it('gives the same results as Node', async () => {
    const script = await bundleForBrowser(
      `import { workload } from './workload.ts'; globalThis.__result = JSON.stringify(workload());`,
    );
    await withChromium(async (browser) => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addScriptTag({ content: script });
      const inBrowser = await page.evaluate(
        () => (globalThis as unknown as { __result: string }).__result,
      );
      expect(errors).toEqual([]);
      expect(JSON.parse(inBrowser)).toEqual(JSON.parse(JSON.stringify(workload())));
    });
  });
});
