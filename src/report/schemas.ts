import * as z from 'zod';
import { QUALITY_STATEMENT_IDS } from '../framework/quality-statements.js';
import { QualityStatementScoreSchema, QualityStatementScoresSchema } from '../scoring/schemas.js';
import type { IsoDate } from '../timeline/iso-date.js';
import {
  COMMENT_DECISIONS,
  COUNCIL_ROLES,
  CQC_ROLES,
  FACTUAL_ACCURACY_CATEGORIES,
  REPORT_STATES,
  REVIEW_OUTCOMES,
  type Report,
  type ReportEvent,
} from './model.js';

// Typed as `z.ZodType<…>` so the API reference shows what a schema parses, not zod's internals;
// test/report/schemas.test-d.ts checks the inferred types equal the library's own, and
// test/report/schemas.test.ts that ReportEventSchema accepts exactly what applyReportEvent does.

// `z.iso.date()` accepts exactly the real `YYYY-MM-DD` dates `isIsoDate` accepts; the cast adds the brand.
const IsoDateSchema = z.iso.date() as unknown as z.ZodType<IsoDate>;
const DateSchema = z.iso.date();
const Text = z.string().regex(/\S/, 'give some text');
const Role = z.enum([...COUNCIL_ROLES, ...CQC_ROLES]);
const QualityStatement = z.enum(QUALITY_STATEMENT_IDS);
const ScoreChange = z.strictObject({
  qualityStatement: QualityStatement,
  score: QualityStatementScoreSchema,
});
const Comment = z.strictObject({
  id: Text,
  category: z.enum(FACTUAL_ACCURACY_CATEGORIES),
  qualityStatement: QualityStatement.optional(),
  text: Text,
});

// CQC events may name the CQC role that acted; the council's events must name the council role.
const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), date: DateSchema, by: Role.optional(), ...shape });
const councilEvent = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), date: DateSchema, by: Role, ...shape });

/**
 * zod schema for one {@link ReportEvent}: a strict object (unknown fields are rejected)
 * discriminated by `type`. `applyReportEvent` checks events itself; use this schema to
 * compose events into your own schemas (a form, an API).
 *
 * @example
 * ```ts
 * import { ReportEventSchema } from 'la-assurance/report';
 *
 * ReportEventSchema.safeParse({ type: 'draft-report-sent', date: '2024-12-20' }).success; // true
 * ```
 */
export const ReportEventSchema: z.ZodType<ReportEvent> = z
  .discriminatedUnion('type', [
    event('assessment-scored', {
      council: Text,
      scores: QualityStatementScoresSchema,
      siteVisitStart: DateSchema.optional(),
    }),
    event('score-amended', {
      qualityStatement: QualityStatement,
      score: QualityStatementScoreSchema,
      reason: Text,
    }),
    event('quality-assurance-completed', {}),
    event('calibration-panel-held', {}),
    event('draft-report-sent', {}),
    event('factual-accuracy-extension-granted', { until: DateSchema, reason: Text }),
    councilEvent('factual-accuracy-comments-submitted', { comments: z.array(Comment) }),
    event('factual-accuracy-comment-decided', {
      commentId: Text,
      decision: z.enum(COMMENT_DECISIONS),
      reason: Text,
      amendment: ScoreChange.optional(),
    }),
    event('factual-accuracy-check-concluded', {}),
    event('report-published', { publishedPercentage: z.number().int().min(0).max(100).optional() }),
    councilEvent('rating-process-review-requested', { grounds: Text }),
    event('rating-process-review-concluded', { outcome: z.enum(REVIEW_OUTCOMES), reason: Text }),
    event('report-withdrawn', { reason: Text }),
    event('report-republished', {}),
    event('report-superseded', { supersededBy: Text }),
    event('section-50-notice-given', { respects: Text, action: Text, actionBy: DateSchema }),
    event('special-measures-recommended', { reason: Text }),
  ])
  .superRefine((e, ctx) => {
    if (
      e.type === 'factual-accuracy-comment-decided' &&
      e.amendment !== undefined &&
      e.decision !== 'accepted'
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['amendment'],
        message: 'only an accepted comment can change a score',
      });
    }
  });

const Decision = z.strictObject({
  date: IsoDateSchema,
  decision: z.enum(COMMENT_DECISIONS),
  reason: z.string(),
});

/**
 * zod schema for the shape of a stored {@link Report}. It checks the shape only; use
 * `parseReport`, which also replays the history and rejects a report it does not produce.
 *
 * @example
 * ```ts
 * import { replayReport, ReportSchema } from 'la-assurance/report';
 *
 * const replayed = replayReport([
 *   { type: 'assessment-scored', date: '2024-11-04', council: 'Example Council', scores: { safeguarding: 2, 'assessing-needs': 3 } },
 *   { type: 'quality-assurance-completed', date: '2024-11-18' },
 *   { type: 'calibration-panel-held', date: '2024-12-02' },
 *   { type: 'draft-report-sent', date: '2024-12-20' }, // a Friday, before Christmas
 * ]);
 * if (!replayed.success) throw new Error(replayed.issues[0]?.message);
 * const report = replayed.data;
 * ReportSchema.safeParse(JSON.parse(JSON.stringify(report))).success; // true
 * ```
 */
export const ReportSchema: z.ZodType<Report> = z.strictObject({
  council: z.string(),
  // Fields added in a later release default as a report stored before them has them.
  siteVisitStart: IsoDateSchema.nullable().default(null),
  state: z.enum(REPORT_STATES),
  scores: QualityStatementScoresSchema,
  amendments: z.array(
    z.strictObject({
      date: IsoDateSchema,
      qualityStatement: QualityStatement,
      from: QualityStatementScoreSchema,
      to: QualityStatementScoreSchema,
      reason: z.string(),
      commentId: z.string().nullable(),
    }),
  ),
  factualAccuracy: z
    .strictObject({
      draftSentOn: IsoDateSchema,
      extendedTo: IsoDateSchema.nullable(),
      respondedOn: IsoDateSchema.nullable(),
      comments: z.array(
        Comment.extend({ submittedOn: IsoDateSchema, decision: Decision.nullable() }),
      ),
      concludedOn: IsoDateSchema.nullable(),
    })
    .nullable(),
  publishedOn: IsoDateSchema.nullable(),
  publishedPercentage: z.number().int().min(0).max(100).nullable().default(null),
  ratingProcessReview: z
    .strictObject({
      requestedOn: IsoDateSchema,
      requestedBy: z.enum(COUNCIL_ROLES),
      outcome: z.enum(REVIEW_OUTCOMES).nullable(),
      concludedOn: IsoDateSchema.nullable(),
    })
    .nullable(),
  withdrawals: z.array(
    z.strictObject({
      withdrawnOn: IsoDateSchema,
      reason: z.string(),
      republishedOn: IsoDateSchema.nullable(),
    }),
  ),
  supersededBy: z.string().nullable(),
  section50Notices: z
    .array(
      z.strictObject({
        givenOn: IsoDateSchema,
        respects: z.string(),
        action: z.string(),
        actionBy: IsoDateSchema,
      }),
    )
    .default([]),
  specialMeasuresRecommendation: z
    .strictObject({ recommendedOn: IsoDateSchema, reason: z.string() })
    .nullable()
    .default(null),
  history: z.array(ReportEventSchema).min(1),
});
