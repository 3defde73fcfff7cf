// Run by `npm run build` after tsup: one folder per subpath at the package root holding a
// package.json that points into dist/ (zod's approach). Resolvers that ignore `exports` —
// TypeScript with `moduleResolution: node` / `module: commonjs` (NestJS's default), older
// bundlers — find `la-assurance/scoring` through `scoring/package.json`. Node and modern
// tools use `exports` and never read these folders. They are build output (ignored by git
// through `/*/package.json`), shipped through package.json `files` (see sync-subpaths.mjs).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { SUBPATHS } from './subpaths.js';
import { subpathFolders } from './subpath-files.mjs';

for (const top of subpathFolders()) rmSync(top, { recursive: true, force: true });
for (const s of SUBPATHS) {
  if (s.name === '.') continue;
  const up = '../'.repeat(s.name.split('/').length);
  mkdirSync(s.name, { recursive: true });
  const pkg = {
    name: `la-assurance/${s.name}`,
    private: true,
    sideEffects: false,
    main: `${up}dist/${s.name}/index.cjs`,
    module: `${up}dist/${s.name}/index.js`,
    types: `${up}dist/${s.name}/index.d.cts`,
  };
  writeFileSync(`${s.name}/package.json`, `${JSON.stringify(pkg, null, 2)}\n`);
}
console.log(`wrote ${SUBPATHS.length - 1} subpath folders for resolvers without \`exports\``);
