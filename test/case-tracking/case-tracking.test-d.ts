import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  type CaseCriteriaSchema,
  type CaseRecordSchema,
  safeParseCaseRecord,
  prepareCasePopulation,
  safeSelectCaseSample,
  type CasePopulation,
  type AgeBand,
  type CaseCriteria,
  type CaseDimensionCategory,
  type CaseRecord,
  type CaseSample,
  type CaseSampleIssueCode,
  type EthnicGroup,
  type PrimarySupportReason,
  type ValidationResult,
} from '../../src/case-tracking/index.js';
import type { CASE_RECORD_FIELDS } from '../../src/case-tracking/case-record.js';

describe('case-tracking types', () => {
  it('zod schemas infer the library types', () => {
    expectTypeOf<z.infer<typeof CaseRecordSchema>>().toEqualTypeOf<CaseRecord>();
    expectTypeOf<z.infer<typeof CaseCriteriaSchema>>().toEqualTypeOf<CaseCriteria>();
  });

  it('CASE_RECORD_FIELDS names exactly the keys of CaseRecord', () => {
    expectTypeOf<(typeof CASE_RECORD_FIELDS)[number]>().toEqualTypeOf<keyof CaseRecord>();
  });

  it('enumerations are literal unions', () => {
    expectTypeOf<AgeBand>().toEqualTypeOf<'18-25' | '26-64' | '65-84' | '85+'>();
    expectTypeOf<EthnicGroup>().toEqualTypeOf<
      'asian' | 'black' | 'mixed' | 'white' | 'other' | 'not-stated'
    >();
    expectTypeOf<
      CaseDimensionCategory<'primarySupportReason'>
    >().toEqualTypeOf<PrimarySupportReason>();
    expectTypeOf<CaseRecord['setting']>().toEqualTypeOf<'community' | 'residential' | 'nursing'>();
  });

  it('safeParseCaseRecord narrows to a record or issues', () => {
    const result = safeParseCaseRecord({}, []);
    if (result.success) expectTypeOf(result.data).toEqualTypeOf<CaseRecord>();
    else
      expectTypeOf(result.issues[0]!.code).toEqualTypeOf<
        | 'case-not-object'
        | 'case-missing-field'
        | 'case-invalid-field'
        | 'case-missing-age'
        | 'case-age-band-mismatch'
        | 'input-unreadable'
      >();
  });

  it('safeSelectCaseSample returns a validation result and needs a seed', () => {
    expectTypeOf(safeSelectCaseSample([], { seed: 's' })).toEqualTypeOf<
      ValidationResult<CaseSample, CaseSampleIssueCode>
    >();
    // @ts-expect-error the seed is required: an unseeded sample cannot be audited
    safeSelectCaseSample([], {});
    const record = {} as CaseRecord;
    // @ts-expect-error records are read-only
    record.id = 'x';
  });

  it('safeSelectCaseSample takes a prepared population, but not a look-alike object', () => {
    const population = prepareCasePopulation([]);
    expectTypeOf(population).toEqualTypeOf<CasePopulation>();
    expectTypeOf(safeSelectCaseSample(population, { seed: 's' })).toEqualTypeOf<
      ValidationResult<CaseSample, CaseSampleIssueCode>
    >();
    safeSelectCaseSample(
      // @ts-expect-error a plain object with the same public fields is not a prepared population
      { recordsRead: 0, population: 0, invalidRecords: 0, duplicates: [] },
      { seed: 's' },
    );
  });
});
