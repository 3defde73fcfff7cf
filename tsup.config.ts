import { defineConfig } from 'tsup';
import { SUBPATHS } from './scripts/subpaths.js';

// One entry per public subpath; `splitting` keeps shared code (and zod imports) in
// shared chunks instead of copying them into every entry.
export default defineConfig({
  entry: Object.fromEntries(
    SUBPATHS.map((s) => [s.name === '.' ? 'index' : `${s.name}/index`, s.source]),
  ),
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  treeshake: true,
  sourcemap: false,
  clean: true,
  target: 'es2022',
  external: ['zod', 'date-fns'],
});
