// What the package ships, derived from scripts/subpaths.js: dist/, the guides the README
// links to, the changelog, and the top-level folder of every subpath (see subpath-folders.mjs).
import { SUBPATHS } from './subpaths.js';

/** The top-level folders that subpath-folders.mjs writes, e.g. `scoring`, `testing`. */
export function subpathFolders() {
  return [...new Set(SUBPATHS.filter((s) => s.name !== '.').map((s) => s.name.split('/')[0]))];
}

/** package.json `files`. */
export function packageFiles() {
  return ['dist', 'docs/*.md', 'docs/*.svg', 'CHANGELOG.md', ...subpathFolders()];
}
