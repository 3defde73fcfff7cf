import type { QualityStatementScore } from '../../scoring/ratings.js';

/** Escapes text for SVG/XML content and attribute values. */
export function xml(text: string | number): string {
  return String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/**
 * Score colours: four stops of the viridis palette (perceptually uniform, readable with
 * the common colour-vision deficiencies, and monotone in lightness, so it reads in
 * greyscale); each cell also carries its number.
 */
export const SCORE_FILL: Readonly<Record<QualityStatementScore, string>> = {
  1: '#440154',
  2: '#31688e',
  3: '#35b779',
  4: '#fde725',
};

/** Text colour with enough contrast on each score colour. */
export const SCORE_TEXT: Readonly<Record<QualityStatementScore, string>> = {
  1: '#ffffff',
  2: '#ffffff',
  3: '#000000',
  4: '#000000',
};

/** An id prefix usable in SVG ids (letters, digits, hyphens). */
export function checkIdPrefix(prefix: string): string {
  if (!/^[A-Za-z][\w-]*$/.test(prefix))
    throw new RangeError(
      `options.idPrefix must start with a letter and hold only letters, digits, _ and -; got ${prefix}`,
    );
  return prefix;
}

/** Formats a number with one decimal place. */
export function oneDecimal(value: number): string {
  return value.toFixed(1);
}

/**
 * The opening of an accessible chart: the `<svg>` element (labelled by its title and
 * description), the title and description, a white background and the title drawn at
 * the top left.
 */
export function svgOpening(
  width: number,
  height: number,
  id: string,
  title: string,
  desc: string,
): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
    `<title id="${id}-title">${xml(title)}</title>`,
    `<desc id="${id}-desc">${xml(desc)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="8" y="20" font-size="15" font-weight="bold">${xml(title)}</text>`,
  ];
}
