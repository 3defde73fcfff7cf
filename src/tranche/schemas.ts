import * as z from 'zod';
import { COUNCIL_TYPES, REGIONS } from '../councils/model.js';
import { isIsoDate } from '../timeline/iso-date.js';
import {
  CONCERN_LEVELS,
  DELIVERY_CONSTRAINT_KINDS,
  type CouncilProfile,
  type DatedActivity,
  type DeliveryConstraint,
} from './model.js';

// Typed as `z.ZodType<…>` so the API reference shows what a schema parses;
// test/tranche/schemas.test-d.ts checks the inferred types equal the library's own.
// They accept exactly what validateCouncilProfile accepts (test/tranche/schemas.test.ts).

const date = z
  .string()
  .refine(isIsoDate, { message: 'expected a calendar date written YYYY-MM-DD' });
const text = z.string().refine((s) => s.trim() !== '', { message: 'expected non-empty text' });
const activityShape = { label: text, start: date, end: date };
const inOrder = (a: { start: string; end: string }) => a.end >= a.start;

/** zod schema for a {@link DatedActivity} (other regulatory activity): end on or after start. */
export const DatedActivitySchema: z.ZodType<DatedActivity> = z
  .strictObject(activityShape)
  .refine(inOrder, { message: 'ends before it starts', path: ['end'] });

/** zod schema for a {@link DeliveryConstraint}. */
export const DeliveryConstraintSchema: z.ZodType<DeliveryConstraint> = z
  .strictObject({ ...activityShape, kind: z.enum(DELIVERY_CONSTRAINT_KINDS).optional() })
  .refine(inOrder, { message: 'ends before it starts', path: ['end'] });

/** zod schema for a {@link CouncilProfile} (the council may carry more fields, such as a full `Council`). */
export const CouncilProfileSchema: z.ZodType<CouncilProfile> = z.strictObject({
  council: z.looseObject({
    code: z.string().regex(/^E(?:06|08|09|10)\d{6}$/),
    name: text,
    type: z.enum(COUNCIL_TYPES),
    region: z.enum(REGIONS),
    coterminous: z.boolean().optional(),
  }),
  concernLevel: z.enum(CONCERN_LEVELS).optional(),
  concerns: text.optional(),
  innovation: text.optional(),
  icsAssessment: date.optional(),
  regulatoryActivity: z.array(DatedActivitySchema).optional(),
  deliveryConstraints: z.array(DeliveryConstraintSchema).optional(),
  lastAssessment: date.optional(),
});
