import { SUBPATHS, WITH_ZOD_SIZE_LIMITS } from './scripts/subpaths.js';

// Two budgets per subpath, each a user's bundle importing everything from it (ESM build,
// bundled and minified by esbuild, brotlied):
// - our code alone (zod and fast-check are peers the user already ships), `sizeLimit`;
// - with zod, `WITH_ZOD_SIZE_LIMITS` in scripts/subpaths.js (default 40 kB): what an app that uses only this subpath
//   ships. It catches a regression to `import { z } from 'zod'`, which defeats esbuild's
//   tree-shaking and pulls all of zod (≈94 kB for one function) into every bundle.
// fast-check (the peer of `la-assurance/testing/arbitraries`) is never counted.
const WITH_ZOD_DEFAULT = '40 kB';

function entry(s) {
  return {
    name: s.name === '.' ? 'la-assurance' : `la-assurance/${s.name}`,
    path: s.name === '.' ? 'dist/index.js' : `dist/${s.name}/index.js`,
    import: '*',
  };
}

export default SUBPATHS.flatMap((s) => [
  { ...entry(s), ignore: ['zod', 'fast-check'], limit: s.sizeLimit },
  {
    ...entry(s),
    name: `${entry(s).name} (with zod)`,
    // size-limit marks every peer dependency external; bundle zod back in.
    modifyEsbuildConfig: (config) => ({ ...config, external: ['fast-check'] }),
    limit: WITH_ZOD_SIZE_LIMITS[s.name] ?? WITH_ZOD_DEFAULT,
  },
]);
