import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBPATHS } from '../../scripts/subpaths.js';

// What a user gets: `npm pack`, install the tarball into a fresh project, then import every
// subpath from ESM and from CJS, type-check a consumer file against the published types
// under each TypeScript resolution users have (node16/nodenext, bundler, and `module:
// commonjs` with `moduleResolution: node`), bundle every subpath for the browser with
// esbuild, and run the bin. Needs the build (npm test builds first; the pack here skips
// `prepack` so it does not rebuild under the other tests).
const root = fileURLToPath(new URL('../../', import.meta.url));
const specifiers = SUBPATHS.map((s) =>
  s.name === '.' ? 'la-assurance' : `la-assurance/${s.name}`,
);
let project = '';
let packed: string[] = [];

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  project = mkdtempSync(join(tmpdir(), 'la-assurance-consumer-'));
  const [info] = JSON.parse(
    npm(['pack', '--json', '--ignore-scripts', '--pack-destination', project], root),
  ) as [{ filename: string; files: { path: string }[] }];
  packed = info.files.map((f) => f.path);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  // fast-check is the optional peer of `la-assurance/testing/arbitraries`, which downstream test suites have.
  const fastCheck = JSON.parse(
    readFileSync(join(root, 'node_modules/fast-check/package.json'), 'utf8'),
  ).version as string;
  npm(
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      join(project, info.filename),
      `fast-check@${fastCheck}`,
    ],
    project,
  );
}, 180_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('contains only what users need', () => {
    expect(packed).toContain('package.json');
    expect(packed).toContain('README.md');
    expect(packed).toContain('LICENSE');
    const other = packed.filter(
      (p) => !['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'].includes(p),
    );
    const folders = SUBPATHS.filter((s) => s.name !== '.').map((s) => `${s.name}/package.json`);
    const docs = (p: string) => /^docs\/[^/]+\.(md|svg)$/.test(p);
    expect(other.filter((p) => !p.startsWith('dist/') && !docs(p) && !folders.includes(p))).toEqual(
      [],
    );
    for (const folder of folders) expect(packed).toContain(folder);
    expect(packed.some((p) => p.endsWith('.map'))).toBe(false);
  });

  it('ships every guide the README links to', () => {
    const readme = readFileSync(join(project, 'node_modules/la-assurance/README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\((?!https?:|#)([^)#]+)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(5);
    for (const link of links)
      expect(existsSync(join(project, 'node_modules/la-assurance', link)), link).toBe(true);
  });

  it('ships every image the guides show', () => {
    const docs = join(project, 'node_modules/la-assurance/docs');
    const images = readdirSync(docs)
      .filter((f) => f.endsWith('.md'))
      .flatMap((f) =>
        [...readFileSync(join(docs, f), 'utf8').matchAll(/!\[[^\]]*\]\((?!https?:)([^)]+)\)/g)].map(
          (m) => m[1]!,
        ),
      );
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(existsSync(join(docs, image)), image).toBe(true);
  });

  it('runs the generators of `la-assurance/testing` without fast-check installed (ESM and CJS)', () => {
    const fastCheck = join(project, 'node_modules/fast-check');
    renameSync(fastCheck, `${fastCheck}.away`);
    try {
      const esm = `import { exampleInformationReturn, generateCasePopulation } from 'la-assurance/testing';
        import { MODELLED_FORMAL_TEMPLATE, validateInformationReturn } from 'la-assurance/information-return';
        if (!validateInformationReturn(exampleInformationReturn(MODELLED_FORMAL_TEMPLATE, { seed: 'x' }), MODELLED_FORMAL_TEMPLATE).success) throw new Error('invalid');
        if ([...generateCasePopulation({ seed: 'x', size: 10 })].length !== 10) throw new Error('size');`;
      const r1 = spawnSync(process.execPath, ['--input-type=module', '-e', esm], {
        cwd: project,
        encoding: 'utf8',
      });
      expect(r1.stderr).toBe('');
      expect(r1.status).toBe(0);
      const r2 = spawnSync(
        process.execPath,
        [
          '-e',
          `require('la-assurance/testing').generateCasePopulation({ seed: 'x', size: 1 }).next()`,
        ],
        { cwd: project, encoding: 'utf8' },
      );
      expect(r2.stderr).toBe('');
      expect(r2.status).toBe(0);
      // …while the arbitraries say what is missing.
      const r3 = spawnSync(
        process.execPath,
        ['--input-type=module', '-e', `import 'la-assurance/testing/arbitraries';`],
        { cwd: project, encoding: 'utf8' },
      );
      expect(r3.stderr).toContain('fast-check');
      expect(r3.status).not.toBe(0);
    } finally {
      renameSync(`${fastCheck}.away`, fastCheck);
    }
  });

  it('imports every subpath from ESM', () => {
    const code = specifiers
      .map(
        (s, i) =>
          `import * as m${i} from '${s}'; if (Object.keys(m${i}).length === 0) throw new Error('${s} is empty');`,
      )
      .join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: project,
      encoding: 'utf8',
    });
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
      const want = JSON.stringify(esm.safeSelectCaseSample(cases, { seed: 's' }));
      if (JSON.stringify(esm.safeSelectCaseSample(cjs.prepareCasePopulation(cases), { seed: 's' })) !== want) throw new Error('ESM draw from a CJS population differs');
      if (JSON.stringify(cjs.safeSelectCaseSample(esm.prepareCasePopulation(cases), { seed: 's' })) !== want) throw new Error('CJS draw from an ESM population differs');`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  // Each resolution users configure: Node's own (node16/nodenext, ESM and CJS consumers),
  // bundlers', and the legacy `node` resolution of `module: commonjs` (NestJS's default),
  // which ignores `exports` and finds subpaths through their folders' package.json.
  const resolutions = [
    {
      name: 'node16 (ESM consumer)',
      type: 'module',
      options: { module: 'node16', moduleResolution: 'node16' },
    },
    {
      name: 'nodenext (CJS consumer)',
      type: 'commonjs',
      options: { module: 'nodenext', moduleResolution: 'nodenext' },
    },
    {
      name: 'bundler',
      type: 'module',
      options: { module: 'esnext', moduleResolution: 'bundler', target: 'es2022' },
    },
    // fast-check 4's own declarations import pure-rand subpaths that `node` resolution cannot
    // find, so here declaration files are not type-checked (skipLibCheck); every import in
    // the consumer must still resolve and type-check, and the other three check ours.
    {
      name: 'module commonjs, moduleResolution node',
      type: 'commonjs',
      options: {
        module: 'commonjs',
        moduleResolution: 'node',
        target: 'es2022',
        esModuleInterop: true,
        skipLibCheck: true,
      },
    },
  ] as const;

  it.each(resolutions)(
    'type-checks a consumer file against the published types ($name)',
    ({ name, type, options }) => {
      const dir = join(project, name.replace(/\W+/g, '-'));
      rmSync(dir, { recursive: true, force: true });
      execFileSync('mkdir', ['-p', dir]);
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ name: 'consumer-ts', private: true, type }),
      );
      const imports = specifiers
        .map((s, i) => `import * as m${i} from '${s}';\nvoid m${i};`)
        .join('\n');
      writeFileSync(
        join(dir, 'consumer.ts'),
        `${imports}
import { scoreAssessment, type AssessmentScore } from 'la-assurance/scoring';
import { caseRecordArbitrary } from 'la-assurance/testing/arbitraries';
const result: AssessmentScore = scoreAssessment({ safeguarding: 3 });
const rating: 'outstanding' | 'good' | 'requires-improvement' | 'inadequate' = result.rating;
void rating;
void caseRecordArbitrary;
// @ts-expect-error an unknown quality statement is a compile error for consumers too
scoreAssessment({ housing: 3 });
`,
      );
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            skipLibCheck: false,
            ...options,
            strict: true,
            noEmit: true,
            types: [],
          },
          files: ['consumer.ts'],
        }),
      );
      // The consumer resolves packages from the project's node_modules, one level up.
      const r = spawnSync(
        process.execPath,
        [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(r.stdout).toBe('');
      expect(r.status).toBe(0);
    },
  );

  it.each(specifiers)(
    'bundles %s for the browser with esbuild, and the bundle runs without Node',
    async (specifier) => {
      const result = await build({
        stdin: {
          contents: `import * as m from '${specifier}'; globalThis.__keys = Object.keys(m).length;`,
          resolveDir: project,
          loader: 'js',
        },
        bundle: true,
        format: 'iife',
        platform: 'browser',
        write: false,
        logLevel: 'silent',
      });
      // Only what a browser page has as well (fast-check schedules with setTimeout).
      const sandbox: { __keys?: number } & Record<string, unknown> = {
        setTimeout,
        clearTimeout,
        TextEncoder,
        TextDecoder,
        URL,
        console,
      };
      runInNewContext(result.outputFiles[0]!.text, sandbox);
      expect(sandbox.__keys).toBeGreaterThan(0);
    },
  );

  it('installs a working la-assurance bin', () => {
    const r = spawnSync(join(project, 'node_modules/.bin/la-assurance'), ['--version'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(r.stdout.trim()).toBe(
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
    );
  });
});
