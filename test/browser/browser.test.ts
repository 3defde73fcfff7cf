import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { workload } from './workload.js';

// Runs anywhere JavaScript runs: the built ESM package, bundled for the browser, gives the
// same results in headless Chromium as in Node. Debian's chromium only; never a download.
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`Browser test skipped: ${CHROMIUM} not found (install Debian's chromium package).`);

describe.skipIf(!hasChromium)('in headless Chromium', () => {
  it('gives the same results as Node', async () => {
    const bundle = await build({
      stdin: {
        contents: `import { workload } from './workload.ts'; globalThis.__result = JSON.stringify(workload());`,
        resolveDir: fileURLToPath(new URL('.', import.meta.url)),
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      write: false,
    });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
      const inBrowser = await page.evaluate(
        () => (globalThis as unknown as { __result: string }).__result,
      );
      expect(errors).toEqual([]);
      expect(JSON.parse(inBrowser)).toEqual(JSON.parse(JSON.stringify(workload())));
    } finally {
      await browser.close();
    }
  });
});
