import { expectTypeOf, test } from 'vitest';
import type {
  ascofMeasures,
  AscofCode,
  AscofMeasuresOptions,
  Ascof2ASequelType,
} from '../../../src/client-level-data/ascof/index.js';

test('options take a year or a period, not both', () => {
  expectTypeOf<{ year: 2024 }>().toExtend<AscofMeasuresOptions>();
  expectTypeOf<{ year: '2024/25' }>().toExtend<AscofMeasuresOptions>();
  expectTypeOf<{
    periodStart: string;
    periodEnd: string;
    population: { '18 to 64': number };
  }>().toExtend<AscofMeasuresOptions>();
  expectTypeOf<{
    year: 2024;
    periodStart: string;
    periodEnd: string;
  }>().not.toExtend<AscofMeasuresOptions>();
  expectTypeOf<{ population: { '18 to 64': number } }>().not.toExtend<AscofMeasuresOptions>();
});

test('rows carry the codes and bands of the issue', () => {
  type Row = ReturnType<typeof ascofMeasures>['rows'][number];
  expectTypeOf<Row['code']>().toEqualTypeOf<AscofCode>();
  expectTypeOf<Row['ageBand']>().toEqualTypeOf<'18 to 64' | '65 and above' | 'Total'>();
  expectTypeOf<Row['sex']>().toEqualTypeOf<'Male' | 'Female' | 'Total'>();
  expectTypeOf<Row['outcome']>().toEqualTypeOf<number | null>();
  expectTypeOf<Ascof2ASequelType>().toEqualTypeOf<
    '1' | '2' | '3' | '4a' | '4b' | '4c' | '5' | '6'
  >();
});
