import { SUBPATHS } from './scripts/subpaths.js';

// One budget per subpath, measured as a user's bundle importing everything from it
// (ESM build, minified and brotlied). zod and fast-check are peer dependencies the user
// already ships, so they are not counted.
export default SUBPATHS.map((s) => ({
  name: s.name === '.' ? 'la-assurance' : `la-assurance/${s.name}`,
  path: s.name === '.' ? 'dist/index.js' : `dist/${s.name}/index.js`,
  import: '*',
  ignore: ['zod', 'fast-check'],
  limit: s.sizeLimit,
}));
