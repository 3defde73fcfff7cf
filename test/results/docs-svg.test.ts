import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resultsDocsSvgs } from '../../scripts/generate-results-svg.js';

describe('the pictures in docs/results.md', () => {
  it.each(Object.entries(resultsDocsSvgs()))(
    '%s is what scripts/generate-results-svg.ts produces (re-run it after changing the data or the drawing)',
    (path, svg) => {
      expect(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')).toBe(svg);
    },
  );
});
