import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/report/index.js';
import { attempt, toPublished, words } from './helpers.js';

// The counting rule is the library's (modelled): runs between white space containing a letter or digit.
describe('countWords', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['The panel did not meet.', 5],
    ["CQC's well-founded 2.5 %", 3],
    ['Point one — and point two', 5],
    ['line\nbreaks\tand  tabs', 4],
    ['• bullet', 1],
    ['Évaluation café', 2],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });

  it('a custom counter in the options replaces the rule', () => {
    const grounds = words(400);
    const request = {
      type: 'rating-process-review-requested',
      date: '2025-01-21',
      by: 'chief-executive',
      grounds,
    };
    expect(attempt(toPublished(), request).success).toBe(true);
    const countCharacters = (text: string) => text.length;
    expect(attempt(toPublished(), request, { countWords: countCharacters })).toMatchObject({
      issues: [{ code: 'review-request-too-long' }],
    });
  });
});
