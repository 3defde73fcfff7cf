/**
 * la-assurance: CQC's assessment of English councils' adult social care (Care Act 2014,
 * Part 1) as a typed, I/O-free library. The root export gathers the light modules; each
 * is also its own subpath (`la-assurance/framework`, `la-assurance/scoring`, …).
 *
 * @module la-assurance
 */
export * from './framework/index.js';
export * from './scoring/index.js';
export * from './timeline/index.js';
