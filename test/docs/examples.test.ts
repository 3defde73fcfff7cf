import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import {
  extractExamples,
  extractSourceExamples,
  SOURCE_FOLDERS_NOT_YET_CHECKED,
} from './extract-examples.js';

// The guides' and the API reference's examples are compiled and run here, so they cannot
// rot: every ```ts block in README.md and docs/*.md, and every `@example` block in the TSDoc
// of src/**/*.ts (but the folders in SOURCE_FOLDERS_NOT_YET_CHECKED), is type-checked against
// the source (as `la-assurance/...`) in one tsc run and executed; a line `expr; // literal`
// asserts that expr deep-equals the literal.
const root = fileURLToPath(new URL('../../', import.meta.url));
const out = `${root}.doc-examples/`;
const sourceExamples = extractSourceExamples(root);
const examples = [...extractExamples(root), ...sourceExamples];

declare global {
  // eslint-disable-next-line no-var
  var __check: (actual: unknown, expected: unknown, where: string) => void;
}

beforeAll(() => {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(
    `${out}globals.d.ts`,
    'declare function __check(actual: unknown, expected: unknown, where: string): void;\n',
  );
  writeFileSync(
    `${out}tsconfig.json`,
    JSON.stringify({
      extends: '../tsconfig.json',
      compilerOptions: { noUnusedLocals: false },
      include: ['./*.ts'],
    }),
  );
  examples.forEach((e, i) => writeFileSync(`${out}example-${i}.ts`, `${e.code}\nexport {};\n`));
  globalThis.__check = (actual, expected, where) => {
    if (!isDeepStrictEqual(actual, expected)) {
      throw new Error(
        `${where}: the example says ${JSON.stringify(expected)} but the code gives ${JSON.stringify(actual)}`,
      );
    }
  };
});

describe('docs examples', () => {
  it('there are examples, and some state their results', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(examples.reduce((n, e) => n + e.checks, 0)).toBeGreaterThan(5);
  });

  it('TSDoc examples import what they use from a public subpath, as a user would', () => {
    expect(sourceExamples.length).toBeGreaterThan(100);
    const without = sourceExamples
      .filter((e) => !/^import .* from 'la-assurance(\/[a-z/-]+)?';$/m.test(e.code))
      .map((e) => `${e.file}:${e.line}`);
    expect(without).toEqual([]);
    expect(
      sourceExamples.filter((e) =>
        SOURCE_FOLDERS_NOT_YET_CHECKED.some((f) => e.file.startsWith(f)),
      ),
    ).toEqual([]);
  });

  it('type-check against the library', () => {
    const r = spawnSync(
      process.execPath,
      [`${root}node_modules/typescript/bin/tsc`, '-p', `${out}tsconfig.json`],
      { encoding: 'utf8' },
    );
    const report = r.stdout.replace(
      /\.doc-examples\/example-(\d+)\.ts\((\d+)/g,
      (_, i: string, l: string) => {
        const e = examples[Number(i)]!;
        return `${e.file}:${e.line + Number(l)}`;
      },
    );
    expect(report).toBe('');
    expect(r.status).toBe(0);
  }, 180_000); // one tsc run over every example: over a minute on a loaded 2-core machine

  it.each(examples.map((e, i) => [`${e.file}:${e.line}`, i] as const))(
    '%s runs and its stated results hold',
    async (_where, i) => {
      await import(pathToFileURL(`${out}example-${i}.ts`).href);
    },
  );
});
