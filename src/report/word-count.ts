/**
 * Counts the words of a rating process review request, by this library's rule (modelled:
 * CQC limits the request to 500 words but publishes no counting rule): a word is a run of
 * characters between white space that contains at least one letter or digit. So
 * "well-founded", "CQC's" and "2.5" are one word each, and a dash or bullet standing
 * alone is none. Pass your own `countWords` in the report options to count differently.
 *
 * @example
 * ```ts
 * import { countWords } from 'la-assurance/report';
 *
 * countWords('The calibration panel — as minuted — did not meet.'); // 8
 * countWords("CQC's well-founded 2.5 %");                            // 3
 * ```
 */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(token)) words++;
  return words;
}
