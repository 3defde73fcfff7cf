import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  type CouncilProfileSchema,
  type DatedActivitySchema,
  type DeliveryConstraintSchema,
  selectTranche,
  type CouncilProfile,
  type DatedActivity,
  type DeliveryConstraint,
  type TrancheSelection,
} from '../../src/tranche/index.js';
import { COUNCILS, type Council } from '../../src/councils/index.js';

describe('tranche types', () => {
  it('schemas infer the library types', () => {
    expectTypeOf<z.infer<typeof CouncilProfileSchema>>().toEqualTypeOf<CouncilProfile>();
    expectTypeOf<z.infer<typeof DatedActivitySchema>>().toEqualTypeOf<DatedActivity>();
    expectTypeOf<z.infer<typeof DeliveryConstraintSchema>>().toEqualTypeOf<DeliveryConstraint>();
  });

  it('a full Council fits a profile, and the result is readonly', () => {
    expectTypeOf<{ council: Council }>().toMatchTypeOf<CouncilProfile>();
    const t = selectTranche(
      COUNCILS.map((council) => ({ council })),
      { notificationDate: '2023-12-04' },
    );
    expectTypeOf(t).toEqualTypeOf<TrancheSelection>();
    // @ts-expect-error readonly
    t.selected.push(t.selected[0]!);
  });
});
