import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';

// The one place the browser tests find and launch Chromium and bundle their page script.
// Debian's chromium only (`apt-get install chromium`); never a download.
const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`Browser tests skipped: ${CHROMIUM} not found (install Debian's chromium package).`);

/** Bundles `contents` (TypeScript, resolved from test/browser/) as one browser script. */
export async function bundleForBrowser(contents: string): Promise<string> {
  const bundle = await build({
    stdin: { contents, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  });
  return bundle.outputFiles[0]!.text;
}

/** Launches headless Chromium with no network chatter, runs `use`, and always closes it. */
export async function withChromium<T>(use: (browser: Browser) => Promise<T>): Promise<T> {
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
    return await use(browser);
  } finally {
    await browser.close();
  }
}
