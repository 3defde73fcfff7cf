import * as z from 'zod';
import type { IsoDate } from './iso-date.js';
import type { AssessmentTimelineInput } from './timeline-input.js';

// Typed as `z.ZodType<…>` so the API reference shows what a schema parses, not zod's internals;
// test/timeline/schemas.test-d.ts checks the inferred types equal the library's own.

/**
 * zod schema for an ISO calendar date `YYYY-MM-DD` ({@link IsoDate}). `z.iso.date()`
 * accepts exactly the real proleptic-Gregorian dates that `isIsoDate` accepts and stays
 * representable in JSON Schema; the cast only adds the brand.
 *
 * @example
 * ```ts
 * import { IsoDateSchema } from 'la-assurance/timeline';
 *
 * IsoDateSchema.safeParse('2024-02-29').success; // true
 * IsoDateSchema.safeParse('2023-02-29').success; // false
 * ```
 */
export const IsoDateSchema: z.ZodType<IsoDate> = z.iso.date() as unknown as z.ZodType<IsoDate>;

/**
 * zod schema for {@link AssessmentTimelineInput}: a strict object (unknown fields are
 * rejected, so a typo is not silently ignored) of `YYYY-MM-DD` dates, only
 * `notificationDate` required. `safeComputeAssessmentTimeline` also checks the years
 * (1978–2199).
 *
 * @example
 * ```ts
 * import { AssessmentTimelineInputSchema } from 'la-assurance/timeline';
 *
 * AssessmentTimelineInputSchema.safeParse({ notificationDate: '2024-10-07' }).success; // true
 * ```
 */
export const AssessmentTimelineInputSchema: z.ZodType<AssessmentTimelineInput> = z.strictObject({
  notificationDate: IsoDateSchema,
  informationReturnSubmittedDate: IsoDateSchema.optional(),
  onSiteNoticeDate: IsoDateSchema.optional(),
  onSiteStartDate: IsoDateSchema.optional(),
  onSiteEndDate: IsoDateSchema.optional(),
  draftReportSentDate: IsoDateSchema.optional(),
  publicationDate: IsoDateSchema.optional(),
});
