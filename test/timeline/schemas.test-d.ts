import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  type AssessmentTimelineInputSchema,
  type IsoDateSchema,
  addWorkingDays,
  type AssessmentTimelineInput,
  type IsoDate,
  type TimelineDurationOption,
  type TimelineDurations,
} from '../../src/timeline/index.js';

describe('timeline types', () => {
  it('zod schemas infer the library types', () => {
    expectTypeOf<z.infer<typeof IsoDateSchema>>().toEqualTypeOf<IsoDate>();
    expectTypeOf<
      z.infer<typeof AssessmentTimelineInputSchema>
    >().toEqualTypeOf<AssessmentTimelineInput>();
  });
  it('durations have exactly the option names', () => {
    expectTypeOf<keyof TimelineDurations>().toEqualTypeOf<TimelineDurationOption>();
  });
  it('calendar functions take strings and return IsoDate', () => {
    expectTypeOf(addWorkingDays).parameters.toEqualTypeOf<[string, number]>();
    expectTypeOf(addWorkingDays('2024-12-20', 5)).toEqualTypeOf<IsoDate>();
  });
});
