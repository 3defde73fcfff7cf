import * as z from 'zod';
import { EVIDENCE_CATEGORY_IDS, type EvidenceCategoryId } from './evidence-categories.js';
import { QUALITY_STATEMENT_IDS, type QualityStatementId } from './quality-statements.js';
import { THEME_IDS, type ThemeId } from './themes.js';

// Typed as `z.ZodType<…>` so the API reference shows what a schema parses, not zod's internals.

/** zod schema for a {@link ThemeId}. */
export const ThemeIdSchema: z.ZodType<ThemeId> = z.enum(THEME_IDS);
/** zod schema for a {@link QualityStatementId}. */
export const QualityStatementIdSchema: z.ZodType<QualityStatementId> =
  z.enum(QUALITY_STATEMENT_IDS);
/** zod schema for an {@link EvidenceCategoryId}. */
export const EvidenceCategoryIdSchema: z.ZodType<EvidenceCategoryId> =
  z.enum(EVIDENCE_CATEGORY_IDS);
