import { expectTypeOf, test } from 'vitest';
import {
  waitingTimes,
  type WaitingTimeRow,
  type WaitingTimesExplained,
  type WaitingTimesOptions,
} from 'la-assurance/client-level-data';
import type { PreparedClientLevelData } from '../../src/client-level-data/model.js';

declare const prepared: PreparedClientLevelData;
declare const options: WaitingTimesOptions;

test('waitingTimes returns rows, or rows and traces with explain: true', () => {
  expectTypeOf(waitingTimes(prepared)).toEqualTypeOf<readonly WaitingTimeRow[]>();
  expectTypeOf(waitingTimes(prepared, { explain: false })).toEqualTypeOf<
    readonly WaitingTimeRow[]
  >();
  expectTypeOf(waitingTimes(prepared, { explain: true })).toEqualTypeOf<WaitingTimesExplained>();
  expectTypeOf(waitingTimes(prepared, options)).toEqualTypeOf<
    readonly WaitingTimeRow[] | WaitingTimesExplained
  >();
  expectTypeOf<WaitingTimeRow['code']>().toEqualTypeOf<'WT-first-response' | 'WT-first-service'>();
  expectTypeOf<WaitingTimeRow['ageBand']>().toEqualTypeOf<'25 to 64' | '65 and above'>();
});
