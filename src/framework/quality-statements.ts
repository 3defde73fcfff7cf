import type { ThemeId } from './themes.js';

/** Quality statement ids in framework order (QS1–QS9, domain README §2). */
export const QUALITY_STATEMENT_IDS = [
  'assessing-needs',
  'supporting-people-to-live-healthier-lives',
  'equity-in-experience-and-outcomes',
  'care-provision-integration-and-continuity',
  'partnerships-and-communities',
  'safe-systems-pathways-and-transitions',
  'safeguarding',
  'governance-management-and-sustainability',
  'learning-improvement-and-innovation',
] as const;

/** The id of one of the nine quality statements. */
export type QualityStatementId = (typeof QUALITY_STATEMENT_IDS)[number];

/** One of the nine quality statements councils are scored on. */
export interface QualityStatement {
  /** Stable kebab-case id. */
  readonly id: QualityStatementId;
  /** Framework number, 1–9 (QS1 … QS9). */
  readonly number: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** The statement's name as the framework gives it. */
  readonly name: string;
  /** The id of the theme it belongs to. */
  readonly theme: ThemeId;
  /**
   * Every label the statement is published under, the framework name first. Variants
   * come from CQC press releases and reports; early releases used the theme name
   * "Leadership" for QS8.
   */
  readonly labels: readonly string[];
}

function qs(
  id: QualityStatementId,
  number: QualityStatement['number'],
  name: string,
  theme: ThemeId,
  variants: readonly string[] = [],
): QualityStatement {
  return Object.freeze({ id, number, name, theme, labels: Object.freeze([name, ...variants]) });
}

/**
 * The nine quality statements, in framework order (QS1 first). Published content.
 *
 * @example
 * ```ts
 * import { QUALITY_STATEMENTS } from 'la-assurance/framework';
 *
 * QUALITY_STATEMENTS.length; // 9
 * QUALITY_STATEMENTS[6]?.id; // 'safeguarding'
 * QUALITY_STATEMENTS[6]?.theme; // 'ensuring-safety'
 * ```
 */
export const QUALITY_STATEMENTS: readonly QualityStatement[] = Object.freeze([
  qs('assessing-needs', 1, 'Assessing needs', 'working-with-people', ["Assessing people's needs"]),
  qs(
    'supporting-people-to-live-healthier-lives',
    2,
    'Supporting people to live healthier lives',
    'working-with-people',
    ['Supporting people to lead healthier lives'],
  ),
  qs(
    'equity-in-experience-and-outcomes',
    3,
    'Equity in experience and outcomes',
    'working-with-people',
    ['Equity in experiences and outcomes'],
  ),
  qs(
    'care-provision-integration-and-continuity',
    4,
    'Care provision, integration and continuity',
    'providing-support',
    ['Care provision, integration and continuity of care'],
  ),
  qs('partnerships-and-communities', 5, 'Partnerships and communities', 'providing-support', [
    'Partnership and communities',
  ]),
  qs(
    'safe-systems-pathways-and-transitions',
    6,
    'Safe systems, pathways and transitions',
    'ensuring-safety',
    ['Safe pathways, systems and transitions'],
  ),
  qs('safeguarding', 7, 'Safeguarding', 'ensuring-safety'),
  qs(
    'governance-management-and-sustainability',
    8,
    'Governance, management and sustainability',
    'leadership',
    ['Leadership'],
  ),
  qs(
    'learning-improvement-and-innovation',
    9,
    'Learning, improvement and innovation',
    'leadership',
  ),
]);

/**
 * The quality statement with the given id (total over {@link QualityStatementId}).
 *
 * @example
 * ```ts
 * import { getQualityStatement } from 'la-assurance/framework';
 *
 * getQualityStatement('safeguarding').number; // 7
 * ```
 */
export function getQualityStatement(id: QualityStatementId): QualityStatement {
  // QUALITY_STATEMENTS is in the same order as QUALITY_STATEMENT_IDS.
  return QUALITY_STATEMENTS[QUALITY_STATEMENT_IDS.indexOf(id)]!;
}

/**
 * The quality statements of one theme, in framework order.
 *
 * @example
 * ```ts
 * import { qualityStatementsOfTheme } from 'la-assurance/framework';
 *
 * qualityStatementsOfTheme('leadership').map((q) => q.number); // [8, 9]
 * ```
 */
export function qualityStatementsOfTheme(theme: ThemeId): readonly QualityStatement[] {
  return QUALITY_STATEMENTS.filter((q) => q.theme === theme);
}
