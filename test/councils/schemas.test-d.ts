import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  type CouncilSchema,
  type CouncilTypeSchema,
  type RegionSchema,
  findCouncil,
  COUNCILS,
  type Council,
  type CouncilType,
  type Region,
} from '../../src/councils/index.js';

describe('councils types', () => {
  it('schemas infer the library types', () => {
    expectTypeOf<z.infer<typeof CouncilSchema>>().toEqualTypeOf<Council>();
    expectTypeOf<z.infer<typeof CouncilTypeSchema>>().toEqualTypeOf<CouncilType>();
    expectTypeOf<z.infer<typeof RegionSchema>>().toEqualTypeOf<Region>();
  });

  it('data is readonly and lookups may miss', () => {
    expectTypeOf(findCouncil('Leeds')).toEqualTypeOf<Council | undefined>();
    // @ts-expect-error readonly
    COUNCILS[0]!.name = 'x';
  });
});
