import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packageFiles } from '../../scripts/subpath-files.mjs';
import { SUBPATHS } from '../../scripts/subpaths.js';

// scripts/subpaths.js is the one list of public subpaths; the places that cannot import it
// (package.json, typedoc.json) must agree with it.
const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  exports: Record<string, unknown>;
  files: string[];
};
const typedoc = JSON.parse(readFileSync(new URL('typedoc.json', root), 'utf8')) as {
  entryPoints: string[];
};

describe('package layout', () => {
  it('exports exactly the subpaths in scripts/subpaths.js (plus package.json), ESM and CJS with types', () => {
    const expected = SUBPATHS.map((s) => (s.name === '.' ? '.' : `./${s.name}`));
    expect(
      Object.keys(pkg.exports)
        .filter((k) => k !== './package.json')
        .sort(),
    ).toEqual([...expected].sort());
    for (const s of SUBPATHS) {
      const base = s.name === '.' ? 'index' : `${s.name}/index`;
      expect(pkg.exports[s.name === '.' ? '.' : `./${s.name}`]).toEqual({
        import: { types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` },
        require: { types: `./dist/${base}.d.cts`, default: `./dist/${base}.cjs` },
      });
    }
  });

  it('ships dist, the guides, the changelog and a folder per subpath (package.json `files`)', () => {
    expect(pkg.files).toEqual(packageFiles());
    for (const s of SUBPATHS) if (s.name !== '.') expect(pkg.files).toContain(s.name.split('/')[0]);
  });

  it('documents every subpath in typedoc.json', () => {
    expect([...typedoc.entryPoints].sort()).toEqual(SUBPATHS.map((s) => s.source).sort());
  });

  it('gives every subpath a source folder with a barrel', () => {
    for (const s of SUBPATHS) expect(() => readFileSync(new URL(s.source, root))).not.toThrow();
  });
});
