import * as z from 'zod';
import { COUNCIL_TYPES, REGIONS, type Council, type CouncilType, type Region } from './model.js';

// Typed as `z.ZodType<…>` so the API reference shows what a schema parses;
// test/councils/schemas.test-d.ts checks the inferred types equal the library's own.

/** zod schema for {@link CouncilType}. */
export const CouncilTypeSchema: z.ZodType<CouncilType> = z.enum(COUNCIL_TYPES);

/** zod schema for {@link Region}. */
export const RegionSchema: z.ZodType<Region> = z.enum(REGIONS);

/** zod schema for a council ONS code: E06, E08, E09 or E10 and six digits (it does not check the code exists; `findCouncil` does). */
export const CouncilCodeSchema: z.ZodType<string> = z
  .string()
  .regex(/^E(?:06|08|09|10)\d{6}$/, 'expected a council ONS code such as E06000023');

const IcbCodeSchema = z.string().regex(/^E54\d{6}$/, 'expected an ICB ONS code such as E54000008');

/** zod schema for a {@link Council} record (the shape of `COUNCILS` entries). */
export const CouncilSchema: z.ZodType<Council> = z
  .object({
    code: CouncilCodeSchema,
    name: z.string().min(1),
    type: CouncilTypeSchema,
    region: RegionSchema,
    icbs: z.array(IcbCodeSchema).min(1).readonly(),
    icbSplit: z.boolean(),
    coterminous: z.boolean(),
    icbs2026: z.array(IcbCodeSchema).min(1).readonly(),
    icbNote: z.string().optional(),
  })
  .readonly();
