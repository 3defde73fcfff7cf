// The test run Stryker repeats for every mutant (stryker.config.mjs): the runtime tests
// of the mutated folders only, without type tests, so each mutant costs seconds. The fuzz
// suite is left out: it checks that nothing throws, and its runs are long.
// MUTATION_TESTS=<glob,glob> narrows the run to the tests that target one file (e.g. the
// priority tests for src/case-tracking/priority.ts, where the selection tests take minutes
// per mutant); the score is then a lower bound.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

const only = process.env.MUTATION_TESTS?.split(',').filter((glob) => glob !== '');

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include:
      only !== undefined && only.length > 0
        ? only
        : [
            'test/scoring/**/*.test.ts',
            'test/timeline/**/*.test.ts',
            'test/case-tracking/**/*.test.ts',
            'test/report/**/*.test.ts',
            'test/hardening/defects.test.ts',
          ],
    typecheck: { enabled: false },
  },
});
