/** Evidence category ids of CQC's single assessment framework (domain README §2). */
export const EVIDENCE_CATEGORY_IDS = [
  'peoples-experience',
  'feedback-from-staff-and-leaders',
  'feedback-from-partners',
  'observation',
  'processes',
  'outcomes',
] as const;

/** The id of one of the six evidence categories. */
export type EvidenceCategoryId = (typeof EVIDENCE_CATEGORY_IDS)[number];

/** The ids of the four evidence categories used in local authority assessments. */
export const LOCAL_AUTHORITY_EVIDENCE_CATEGORY_IDS = [
  'peoples-experience',
  'feedback-from-staff-and-leaders',
  'feedback-from-partners',
  'processes',
] as const satisfies readonly EvidenceCategoryId[];

/** The id of an evidence category used in local authority assessments. */
export type LocalAuthorityEvidenceCategoryId =
  (typeof LOCAL_AUTHORITY_EVIDENCE_CATEGORY_IDS)[number];

/** One of the six evidence categories of the single assessment framework. */
export interface EvidenceCategory {
  /** Stable kebab-case id. */
  readonly id: EvidenceCategoryId;
  /** The category's name. */
  readonly name: string;
  /** Whether CQC uses this category when assessing local authorities. */
  readonly usedForLocalAuthorities: boolean;
  /** Why, in one sentence, where the category is not used. */
  readonly note?: string;
}

/**
 * The six evidence categories, in the framework's order; four are used for councils.
 * Published content.
 *
 * @example
 * ```ts
 * import { EVIDENCE_CATEGORIES } from 'la-assurance/framework';
 *
 * EVIDENCE_CATEGORIES.filter((c) => c.usedForLocalAuthorities).length; // 4
 * ```
 */
export const EVIDENCE_CATEGORIES: readonly EvidenceCategory[] = Object.freeze([
  Object.freeze({
    id: 'peoples-experience',
    name: "People's experience",
    usedForLocalAuthorities: true,
  }),
  Object.freeze({
    id: 'feedback-from-staff-and-leaders',
    name: 'Feedback from staff and leaders',
    usedForLocalAuthorities: true,
  }),
  Object.freeze({
    id: 'feedback-from-partners',
    name: 'Feedback from partners',
    usedForLocalAuthorities: true,
  }),
  Object.freeze({
    id: 'observation',
    name: 'Observation',
    usedForLocalAuthorities: false,
    note: 'Observation does not apply to local authority assessments.',
  }),
  Object.freeze({ id: 'processes', name: 'Processes', usedForLocalAuthorities: true }),
  Object.freeze({
    id: 'outcomes',
    name: 'Outcomes',
    usedForLocalAuthorities: false,
    note: 'Outcomes were not used in the first local authority assessments.',
  }),
] as const satisfies readonly EvidenceCategory[]);
