import { normaliseLabel } from '../internal/normalise-label.js';
import { QUALITY_STATEMENTS, type QualityStatement } from './quality-statements.js';
import { THEMES, type Theme } from './themes.js';

function indexByLabel<
  T extends { readonly id: string; readonly labels: readonly string[]; readonly name: string },
>(items: readonly T[]): ReadonlyMap<string, T> {
  const index = new Map<string, T>();
  for (const item of items) {
    for (const label of [item.id, item.name, ...item.labels])
      index.set(normaliseLabel(label), item);
  }
  return index;
}

let statementIndex: ReadonlyMap<string, QualityStatement> | undefined;
let themeIndex: ReadonlyMap<string, Theme> | undefined;

const NUMBERED = /^(?:qs|quality statement) ?([1-9])$/;

/**
 * Resolves a published label of a quality statement to the statement, ignoring case,
 * punctuation and spacing. Accepts the framework name, every published variant
 * (e.g. "Assessing people's needs", "Safe pathways, systems and transitions", the early
 * "Leadership" for QS8), the kebab-case id and "QS1"…"QS9". Returns `undefined` for
 * anything else — it never guesses.
 *
 * @example
 * ```ts
 * import { findQualityStatement } from 'la-assurance/framework';
 *
 * findQualityStatement("ASSESSING PEOPLE'S NEEDS")?.number; // 1
 * findQualityStatement('Partnership & communities')?.id;    // 'partnerships-and-communities'
 * findQualityStatement('Leadership')?.number;               // 8
 * findQualityStatement('Housing');                          // undefined
 * ```
 */
export function findQualityStatement(label: string): QualityStatement | undefined {
  if (typeof label !== 'string') return undefined;
  statementIndex ??= indexByLabel(QUALITY_STATEMENTS);
  const key = normaliseLabel(label);
  const numbered = NUMBERED.exec(key);
  if (numbered) return QUALITY_STATEMENTS[Number(numbered[1]) - 1];
  return statementIndex.get(key);
}

/**
 * Resolves a theme name as published ("Working with people", "How the local authority
 * works with people", …) to the theme, ignoring case and punctuation; `undefined` for
 * anything else.
 *
 * @example
 * ```ts
 * import { findTheme } from 'la-assurance/framework';
 *
 * findTheme('How the local authority ensures safety in the system')?.id; // 'ensuring-safety'
 * ```
 */
export function findTheme(label: string): Theme | undefined {
  if (typeof label !== 'string') return undefined;
  themeIndex ??= indexByLabel(THEMES);
  return themeIndex.get(normaliseLabel(label));
}
