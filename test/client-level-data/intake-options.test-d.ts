import { expectTypeOf, test } from 'vitest';
import {
  checkClientLevelData,
  resolveClientLevelDataHeaders,
  type CheckClientLevelDataOptions,
  type ClientLevelDataHeaders,
  type CldIssueCode,
} from 'la-assurance/client-level-data';
import type { ColumnMapping, DateFormat } from 'la-assurance/intake';

test('the check takes the intake layer’s mapping and date format types', () => {
  expectTypeOf<CheckClientLevelDataOptions['mapping']>().toEqualTypeOf<ColumnMapping | undefined>();
  expectTypeOf<CheckClientLevelDataOptions['dateFormat']>().toEqualTypeOf<DateFormat | undefined>();
  // A format spelled another way is a type error, not a guess.
  // @ts-expect-error: 'mm/dd/yyyy' is not a DateFormat
  checkClientLevelData([], { dateFormat: 'mm/dd/yyyy' });
});

test('the header alone: the resolution and warnings, or issues with the check’s codes', () => {
  const header = resolveClientLevelDataHeaders(['Event_Type'], { mapping: { Event_Type: 'T' } });
  if (header.success) expectTypeOf(header.data).toEqualTypeOf<ClientLevelDataHeaders>();
  else expectTypeOf(header.issues[0]!.code).toEqualTypeOf<CldIssueCode>();
  expectTypeOf<CldIssueCode>().extract<'mapped-heading-not-found'>().not.toBeNever();
  expectTypeOf<CldIssueCode>().extract<'unknown-mapping-field'>().not.toBeNever();
});
