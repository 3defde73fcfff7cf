import { QUALITY_STATEMENTS, type QualityStatementId } from '../framework/quality-statements.js';
import { THEME_IDS, type ThemeId } from '../framework/themes.js';

const THEME_OF: ReadonlyMap<QualityStatementId, ThemeId> = new Map(
  QUALITY_STATEMENTS.map((q) => [q.id, q.theme]),
);

/**
 * The themes an information return item evidences, derived from its quality statements
 * (the formal return, Dec 2023, tags each item with both; the theme follows from the
 * statement, domain reference §2), in framework order. Empty for an item with no
 * statements (such as an "as at" date).
 *
 * @example
 * ```ts
 * import { itemThemes } from 'la-assurance/information-return';
 *
 * itemThemes({ qualityStatements: ['safeguarding'] }); // ['ensuring-safety']
 * ```
 */
export function itemThemes(item: {
  readonly qualityStatements: readonly QualityStatementId[];
}): readonly ThemeId[] {
  const themes = new Set(item.qualityStatements.map((q) => THEME_OF.get(q)));
  return Object.freeze(THEME_IDS.filter((t) => themes.has(t)));
}
