/**
 * Folds a published label to a comparison key: lower case, `&` as "and", curly quotes
 * and punctuation dropped, runs of white space as one space. "Assessing people's needs",
 * "ASSESSING PEOPLES NEEDS" and "assessing  people’s needs." all fold to the same key.
 */
export function normaliseLabel(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
