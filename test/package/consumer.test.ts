import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBPATHS } from '../../scripts/subpaths.js';

// What a user gets: `npm pack`, install the tarball into a fresh project, then import every
// subpath from ESM and from CJS, type-check a consumer file against the published types,
// and run the bin. Needs the build (npm test builds first).
const root = fileURLToPath(new URL('../../', import.meta.url));
const specifiers = SUBPATHS.map((s) => (s.name === '.' ? 'la-assurance' : `la-assurance/${s.name}`));
let project = '';
let packed: string[] = [];

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  project = mkdtempSync(join(tmpdir(), 'la-assurance-consumer-'));
  const [info] = JSON.parse(npm(['pack', '--json', '--pack-destination', project], root)) as [{ filename: string; files: { path: string }[] }];
  packed = info.files.map((f) => f.path);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // fast-check is the optional peer of `la-assurance/testing`, which downstream test suites have.
  const fastCheck = JSON.parse(readFileSync(join(root, 'node_modules/fast-check/package.json'), 'utf8')).version as string;
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', join(project, info.filename), `fast-check@${fastCheck}`], project);
}, 180_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('contains only what users need', () => {
    expect(packed).toContain('package.json');
    expect(packed).toContain('README.md');
    expect(packed).toContain('LICENSE');
    const other = packed.filter((p) => !['package.json', 'README.md', 'LICENSE'].includes(p));
    expect(other.every((p) => p.startsWith('dist/'))).toBe(true);
    expect(packed.some((p) => p.endsWith('.map'))).toBe(false);
  });

  it('imports every subpath from ESM', () => {
    const code = specifiers.map((s, i) => `import * as m${i} from '${s}'; if (Object.keys(m${i}).length === 0) throw new Error('${s} is empty');`).join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('requires every subpath from CJS, with the same exports as ESM', () => {
    const code = `const esm = ${JSON.stringify(specifiers)}; for (const s of esm) { const m = require(s); if (Object.keys(m).length === 0) throw new Error(s + ' is empty'); }
      const { scoreAssessment } = require('la-assurance/scoring'); if (scoreAssessment({ safeguarding: 4 }).rating !== 'outstanding') throw new Error('wrong');`;
    const r = spawnSync(process.execPath, ['-e', code], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('draws from a population prepared by the other build (CJS ↔ ESM) as from the records', () => {
    const code = `import { createRequire } from 'node:module';
      import * as esm from 'la-assurance/case-tracking';
      import { generateCasePopulation } from 'la-assurance/testing';
      const cjs = createRequire(import.meta.url)('la-assurance/case-tracking');
      const cases = [...generateCasePopulation({ seed: 'consumer', size: 300 })];
      const want = JSON.stringify(esm.selectCaseSample(cases, { seed: 's' }));
      if (JSON.stringify(esm.selectCaseSample(cjs.prepareCasePopulation(cases), { seed: 's' })) !== want) throw new Error('ESM draw from a CJS population differs');
      if (JSON.stringify(cjs.selectCaseSample(esm.prepareCasePopulation(cases), { seed: 's' })) !== want) throw new Error('CJS draw from an ESM population differs');`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('type-checks a consumer file against the published types (node16 resolution)', () => {
    const imports = specifiers.map((s, i) => `import * as m${i} from '${s}';\nvoid m${i};`).join('\n');
    writeFileSync(
      join(project, 'consumer.ts'),
      `${imports}
import { scoreAssessment, type AssessmentScore } from 'la-assurance/scoring';
const result: AssessmentScore = scoreAssessment({ safeguarding: 3 });
const rating: 'outstanding' | 'good' | 'requires-improvement' | 'inadequate' = result.rating;
void rating;
// @ts-expect-error an unknown quality statement is a compile error for consumers too
scoreAssessment({ housing: 3 });
`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['consumer.ts'] }),
    );
    const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: project, encoding: 'utf8' });
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('installs a working la-assurance bin', () => {
    const r = spawnSync(join(project, 'node_modules/.bin/la-assurance'), ['--version'], { cwd: project, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
});
