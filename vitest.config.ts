import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));

export default defineConfig({
  resolve: {
    // Docs examples and the demo import the package by name, as users do; in tests that
    // name resolves to the source (tsconfig.json `paths` says the same for tsc and tsx).
    alias: [
      { find: /^la-assurance$/, replacement: `${src}index.ts` },
      { find: /^la-assurance\/(.+)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 60_000,
  },
});
