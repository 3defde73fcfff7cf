import fc from 'fast-check';
import {
  AGE_BANDS,
  CARE_SETTINGS,
  ETHNIC_GROUPS,
  PRIMARY_SUPPORT_REASONS,
  ageBandOf,
  type CaseRecord,
} from '../../case-tracking/case-record.js';
import { fromDayNumber, isoDate, toDayNumber, type IsoDate } from '../../timeline/iso-date.js';

// Arbitraries are built when called, never at module load: importing this module costs
// nothing until a test asks for one.
/** Calendar dates from 2000 to 2030. */
export function isoDateArbitrary(): fc.Arbitrary<IsoDate> {
  return fc
    .integer({ min: toDayNumber(isoDate('2000-01-01')), max: toDayNumber(isoDate('2030-12-31')) })
    .map(fromDayNumber);
}

/**
 * A fast-check arbitrary of valid case records: every field in its set and range, `age`
 * and/or `ageBand` (consistent), optional dates, and sometimes extra fields (kept and
 * ignored by the library). Ids are short so collisions happen; use `fc.uniqueArray(…,
 * { selector: (r) => r.id })` when you need distinct ids.
 *
 * `fast-check` is an optional peer dependency of la-assurance: install it to use this.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { caseRecordArbitrary } from 'la-assurance/testing/arbitraries';
 * import { safeParseCaseRecord } from 'la-assurance/case-tracking';
 *
 * fc.assert(fc.property(caseRecordArbitrary(), (record) => safeParseCaseRecord(record).success), { numRuns: 20 });
 * ```
 */
export function caseRecordArbitrary(): fc.Arbitrary<CaseRecord> {
  const age = fc.oneof(
    fc.integer({ min: 18, max: 120 }).map((a) => ({ age: a })),
    fc.constantFrom(...AGE_BANDS).map((b) => ({ ageBand: b })),
    fc.integer({ min: 18, max: 120 }).map((a) => ({ age: a, ageBand: ageBandOf(a) })),
  );
  const fields = fc.record(
    {
      id: fc.string({ minLength: 1, maxLength: 12 }),
      primarySupportReason: fc.constantFrom(...PRIMARY_SUPPORT_REASONS),
      ethnicity: fc.constantFrom(...ETHNIC_GROUPS),
      setting: fc.constantFrom(...CARE_SETTINGS),
      unpaidCarer: fc.boolean(),
      hospitalDischarge: fc.boolean(),
      safeguardingEnquiry: fc.boolean(),
      directPayment: fc.boolean(),
      transition: fc.boolean(),
      lastAssessed: isoDateArbitrary(),
      lastReviewed: isoDateArbitrary(),
    },
    {
      requiredKeys: [
        'id',
        'primarySupportReason',
        'ethnicity',
        'setting',
        'unpaidCarer',
        'hospitalDischarge',
        'safeguardingEnquiry',
        'directPayment',
        'transition',
      ],
    },
  );
  const extra = fc.option(
    fc.record({ team: fc.string(), localReference: fc.integer() }, { requiredKeys: [] }),
    { nil: undefined },
  );
  return fc.tuple(fields, age, extra).map(([f, a, x]) => ({ ...x, ...f, ...a }));
}
