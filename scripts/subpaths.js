// The public subpaths of the package: the single list that tsup, size-limit and the
// package tests read. Adding a module means adding one line here, then running
// `node scripts/sync-subpaths.mjs` to update package.json `exports` and typedoc.json.
/** @type {ReadonlyArray<{ name: string, source: string, sizeLimit: string }>} */
export const SUBPATHS = [
  { name: '.', source: 'src/index.ts', sizeLimit: '12 kB' },
  { name: 'framework', source: 'src/framework/index.ts', sizeLimit: '2.5 kB' },
  { name: 'scoring', source: 'src/scoring/index.ts', sizeLimit: '6 kB' },
  { name: 'timeline', source: 'src/timeline/index.ts', sizeLimit: '8 kB' },
  { name: 'councils', source: 'src/councils/index.ts', sizeLimit: '9 kB' },
  { name: 'tranche', source: 'src/tranche/index.ts', sizeLimit: '11 kB' },
  { name: 'information-return', source: 'src/information-return/index.ts', sizeLimit: '17 kB' },
  { name: 'case-tracking', source: 'src/case-tracking/index.ts', sizeLimit: '10.5 kB' },
  { name: 'report', source: 'src/report/index.ts', sizeLimit: '16 kB' },
  { name: 'testing', source: 'src/testing/index.ts', sizeLimit: '8 kB' },
  { name: 'client-level-data', source: 'src/client-level-data/index.ts', sizeLimit: '16 kB' },
  { name: 'results', source: 'src/results/index.ts', sizeLimit: '18 kB' },
  { name: 'intake', source: 'src/intake/index.ts', sizeLimit: '8 kB' },
];
