// Writes the `exports` and `files` of package.json and the entry points of typedoc.json from
// scripts/subpaths.js, so adding a module is one line there plus `node scripts/sync-subpaths.mjs`.
// test/package/exports.test.ts fails if they drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { SUBPATHS } from './subpaths.js';
import { packageFiles } from './subpath-files.mjs';

function conditions(base) {
  return {
    import: { types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` },
    require: { types: `./dist/${base}.d.cts`, default: `./dist/${base}.cjs` },
  };
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
pkg.exports = Object.fromEntries([
  ...SUBPATHS.map((s) =>
    s.name === '.' ? ['.', conditions('index')] : [`./${s.name}`, conditions(`${s.name}/index`)],
  ),
  ['./package.json', './package.json'],
]);
pkg.files = packageFiles();
writeFileSync('package.json', `${JSON.stringify(pkg, null, 2)}\n`);

const typedoc = JSON.parse(readFileSync('typedoc.json', 'utf8'));
// The root entry last: typedoc gives each symbol to the first entry point exporting it, so
// each subpath's module page lists its own functions (the root's page refers to them).
typedoc.entryPoints = [
  ...SUBPATHS.filter((s) => s.name !== '.'),
  ...SUBPATHS.filter((s) => s.name === '.'),
].map((s) => s.source);
writeFileSync('typedoc.json', `${JSON.stringify(typedoc, null, 2)}\n`);
console.log(`synced ${SUBPATHS.length} subpaths into package.json and typedoc.json`);
