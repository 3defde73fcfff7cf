/** Theme ids in framework order (domain README §2). */
export const THEME_IDS = [
  'working-with-people',
  'providing-support',
  'ensuring-safety',
  'leadership',
] as const;

/** The id of one of the four themes of the local authority assessment framework. */
export type ThemeId = (typeof THEME_IDS)[number];

/** One of the four themes of the local authority assessment framework. */
export interface Theme {
  /** Stable kebab-case id. */
  readonly id: ThemeId;
  /** Theme number, 1–4, in framework order. */
  readonly number: 1 | 2 | 3 | 4;
  /** The theme's name as the framework gives it. */
  readonly name: string;
  /** Other names the theme is published under (report headings, press releases). */
  readonly labels: readonly string[];
}

/**
 * The four themes of CQC's local authority assessment framework, in framework order.
 * Published content (CQC, "Assessment framework for local authorities").
 *
 * @example
 * ```ts
 * import { THEMES } from 'la-assurance/framework';
 *
 * THEMES.map((t) => t.name); // ['Working with people', 'Providing support', 'Ensuring safety within the system', 'Leadership']
 * ```
 */
export const THEMES: readonly Theme[] = Object.freeze([
  Object.freeze({
    id: 'working-with-people',
    number: 1,
    name: 'Working with people',
    labels: Object.freeze(['How the local authority works with people']),
  }),
  Object.freeze({
    id: 'providing-support',
    number: 2,
    name: 'Providing support',
    labels: Object.freeze(['How the local authority provides support']),
  }),
  Object.freeze({
    id: 'ensuring-safety',
    number: 3,
    name: 'Ensuring safety within the system',
    labels: Object.freeze([
      'How the local authority ensures safety in the system',
      'How the local authority ensures safety within the system',
      'Ensuring safety in the system',
    ]),
  }),
  Object.freeze({
    id: 'leadership',
    number: 4,
    name: 'Leadership',
    labels: Object.freeze(['How the local authority is led']),
  }),
] as const satisfies readonly Theme[]);
