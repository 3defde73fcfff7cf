// The test run Stryker repeats for every mutant (stryker.config.mjs): the runtime tests
// of the mutated folders only, without type tests, so each mutant costs seconds. The fuzz
// suite is left out: it checks that nothing throws, and its runs are long.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'test/scoring/**/*.test.ts',
      'test/timeline/**/*.test.ts',
      'test/case-tracking/**/*.test.ts',
      'test/hardening/defects.test.ts',
    ],
    typecheck: { enabled: false },
  },
});
