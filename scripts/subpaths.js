// The public subpaths of the package: the single list that tsup, size-limit and the
// package tests read. Adding a module means adding one line here, then running
// `node scripts/sync-subpaths.mjs` to update package.json `exports` and typedoc.json.
/** @type {ReadonlyArray<{ name: string, source: string, sizeLimit: string }>} */
export const SUBPATHS = [
  { name: '.', source: 'src/index.ts', sizeLimit: '12 kB' },
  { name: 'framework', source: 'src/framework/index.ts', sizeLimit: '2.5 kB' },
  { name: 'scoring', source: 'src/scoring/index.ts', sizeLimit: '6 kB' },
  { name: 'timeline', source: 'src/timeline/index.ts', sizeLimit: '8.5 kB' },
  { name: 'councils', source: 'src/councils/index.ts', sizeLimit: '9 kB' },
  { name: 'tranche', source: 'src/tranche/index.ts', sizeLimit: '11 kB' },
  { name: 'information-return', source: 'src/information-return/index.ts', sizeLimit: '17 kB' },
  { name: 'case-tracking', source: 'src/case-tracking/index.ts', sizeLimit: '10.5 kB' },
  { name: 'report', source: 'src/report/index.ts', sizeLimit: '17 kB' },
  { name: 'testing', source: 'src/testing/index.ts', sizeLimit: '8 kB' },
  { name: 'testing/arbitraries', source: 'src/testing/arbitraries/index.ts', sizeLimit: '6 kB' },
  { name: 'client-level-data', source: 'src/client-level-data/index.ts', sizeLimit: '40 kB' },
  { name: 'results', source: 'src/results/index.ts', sizeLimit: '18 kB' },
  { name: 'intake', source: 'src/intake/index.ts', sizeLimit: '8 kB' },
];

// Budgets of each subpath bundled together with zod (esbuild, minified, brotli): what an
// app using only that subpath ships. A subpath not listed gets 40 kB. See .size-limit.js.
/** @type {Readonly<Record<string, string>>} */
export const WITH_ZOD_SIZE_LIMITS = {
  '.': '35 kB',
  framework: '20 kB',
  scoring: '25 kB',
  timeline: '29 kB',
  councils: '32 kB',
  tranche: '34 kB',
  'information-return': '42 kB',
  'case-tracking': '36 kB',
  report: '42 kB',
  results: '42 kB',
  'client-level-data': '50 kB',
  intake: '40 kB',
  testing: '25 kB', // room for generators that use zod schemas
  'testing/arbitraries': '6 kB',
};
