import { defineConfig } from 'tsup';
import { SUBPATHS } from './scripts/subpaths.js';

// `npm run build` empties dist/ first; the two configs below build into it side by side.
export default defineConfig([
  {
    // The library: one entry per public subpath; `splitting` keeps shared code (and zod
    // imports) in shared chunks instead of copying them into every entry.
    entry: Object.fromEntries(
      SUBPATHS.map((s) => [s.name === '.' ? 'index' : `${s.name}/index`, s.source]),
    ),
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    treeshake: true,
    sourcemap: false,
    clean: false,
    target: 'es2022',
    external: ['zod', 'fast-check'],
  },
  {
    // The command-line tool: calls the library through its public subpaths (resolved by
    // the package's own `exports` at run time), so none of it is bundled twice.
    entry: { cli: 'cli/bin.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    external: [/^la-assurance(\/.*)?$/, 'csv-parse', 'zod'],
  },
]);
