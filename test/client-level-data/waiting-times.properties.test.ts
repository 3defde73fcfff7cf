import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { waitingTimes } from '../../src/client-level-data/waiting-times/waiting-times.js';
import type { MainTableEvent } from '../../src/client-level-data/model.js';
import {
  event,
  frozen,
  outcome,
  preparedTable as prepared,
  serviceType,
} from './support/main-table.js';
import { referenceWaitingTimes } from './waiting-times-sql-reference.js';

// Laws of waitingTimes over arbitrary small main tables: few people, few dates (so ties in
// the timeline are common), every outcome family, conversation flags, ages around 25 and
// bands including Unknown, NULLs where the model allows them.

const DATES = [
  '2023-03-31',
  '2023-04-01',
  '2024-02-29',
  '2024-05-31',
  '2024-06-01',
  '2024-06-02',
  '2025-06-30',
  '2025-07-01',
  '2025-07-02',
];
const OUTCOMES = [
  null,
  'Progress to reablement/ST-Max',
  'Progress to assessment, review or reassessment',
  'Progress to support planning or services',
  'Continuation of support or services',
  'Release 1 specification only: Not mapped',
  'Admitted to hospital',
  'NFA: Other',
  'Invalid and not mapped',
];
const SERVICE_TYPES = [
  'Long term support: Community',
  'Long term support: Nursing care',
  'Short term support: ST-Max',
  'Short term support: Ongoing low level',
  'Short term support: Other short term',
  'Unpaid carer support: Direct to unpaid carer',
];

const eventArbitrary = fc
  .record({
    type: fc.constantFrom(
      'Request' as const,
      'Request' as const,
      'Request' as const,
      'Assessment' as const,
      'Assessment' as const,
      'Service' as const,
      'Review' as const,
    ),
    person: fc.constantFrom('A', 'B', 'b'),
    start: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...DATES.slice(3, 6)) },
      { weight: 1, arbitrary: fc.constantFrom(...DATES) },
    ),
    end: fc.option(fc.constantFrom(...DATES), { nil: null }),
    // Weighted towards valid journeys, so links and overlaps are common.
    outcome: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...OUTCOMES.slice(1, 5)) },
      { weight: 1, arbitrary: fc.constantFrom(...OUTCOMES) },
    ),
    conversation: fc.constantFrom(null, 0, 1),
    age: fc.oneof(
      { weight: 4, arbitrary: fc.constant(70) },
      { weight: 1, arbitrary: fc.constantFrom(null, 24, 25, 64) },
    ),
    band: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('18 to 64' as const, '65 and above' as const) },
      { weight: 1, arbitrary: fc.constantFrom('Unknown' as const, 'Under 18' as const) },
    ),
    client: fc.oneof(
      { weight: 4, arbitrary: fc.constant('Service user') },
      { weight: 1, arbitrary: fc.constantFrom('service user', 'Unpaid carer', null) },
    ),
    serviceType: fc.oneof(
      { weight: 2, arbitrary: fc.constant('Short term support: Ongoing low level') },
      { weight: 1, arbitrary: fc.constantFrom(...SERVICE_TYPES) },
    ),
    assessmentType: fc.constantFrom(
      'Long term assessment',
      'Short term assessment',
      'Invalid and not mapped',
      null,
    ),
    importDate: fc.option(fc.constantFrom('2024-07-01T00:00:00', '2025-01-01T00:00:00'), {
      nil: null,
    }),
    recordId: fc.integer({ min: 1, max: 5 }),
  })
  .map((r) => ({ ...r }));

/** Events with distinct rows (rows are the events' identity in the main table). */
const tableArbitrary = fc.array(eventArbitrary, { maxLength: 14 }).map((specs) =>
  specs.map(
    (s, i): MainTableEvent =>
      event(s.type, {
        row: i + 1,
        Der_Unique_Record_ID: s.recordId,
        Der_Unique_Event_Ref: `X01_${i + 1}`,
        Der_NHS_LA_Combined_Person_ID: s.person,
        Event_Start_Date: s.start,
        Event_End_Date: s.end,
        Der_Event_End_Date: s.end,
        ...outcome(s.outcome),
        Der_Conversation: s.conversation,
        Der_Age_Event_Start_Date: s.age,
        Der_Working_Age_Band: s.band,
        Client_Type_Cleaned: s.client,
        ImportDate: s.importDate,
        ...(s.type === 'Service' ? serviceType(s.serviceType) : {}),
        ...(s.type === 'Assessment' ? { Assessment_Type_Cleaned: s.assessmentType } : {}),
      }),
  ),
);

describe('waitingTimes properties', () => {
  it('does not depend on the order of the events, and is deterministic', () => {
    fc.assert(
      fc.property(tableArbitrary, fc.func(fc.integer()), (events, key) => {
        const shuffled = events
          .map((e, i) => [key(i), e] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, e]) => e);
        const a = waitingTimes(prepared(events), { explain: true });
        expect(waitingTimes(prepared(shuffled), { explain: true })).toEqual(a);
        expect(waitingTimes(prepared(events), { explain: true })).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('never mutates its (frozen) input and never throws on data', () => {
    fc.assert(
      fc.property(tableArbitrary, (events) => {
        const input = frozen(prepared(events));
        const copy = structuredClone(input);
        waitingTimes(input);
        waitingTimes(input, { explain: true });
        expect(input).toEqual(copy);
      }),
      { numRuns: 150 },
    );
  });

  it('the rows are the reported waits of the traces: counts, medians and bands agree', () => {
    fc.assert(
      fc.property(tableArbitrary, (events) => {
        const { rows, requests } = waitingTimes(prepared(events), { explain: true });
        // One trace per request event.
        expect(requests.length).toBe(
          events.filter((e) => e.Event_Type_Cleaned === 'Request').length,
        );
        for (const row of rows) {
          const waits = requests
            .map((r) =>
              row.code === 'WT-first-response' ? r.firstResponseWait : r.firstServiceWait,
            )
            .filter((w) => w?.reported && w.quarter === row.quarter && w.ageBand === row.ageBand)
            .map((w) => w!.days)
            .sort((x, y) => x - y);
          expect(row.count).toBe(waits.length);
          expect(row.median).toBeGreaterThanOrEqual(waits[0]!);
          expect(row.median).toBeLessThanOrEqual(waits.at(-1)!);
          // Half the waits are at most the median and half at least (PERCENTILE_CONT(0.5)).
          expect(waits.filter((w) => w <= row.median).length * 2).toBeGreaterThanOrEqual(
            waits.length,
          );
          expect(waits.filter((w) => w >= row.median).length * 2).toBeGreaterThanOrEqual(
            waits.length,
          );
        }
        const reported = requests
          .flatMap((r) => [r.firstResponseWait, r.firstServiceWait])
          .filter((w) => w?.reported).length;
        expect(rows.reduce((n, r) => n + r.count, 0)).toBe(reported);
        // Excluded requests have no waits; waits are never negative (the response follows the request).
        for (const r of requests) {
          if (r.exclusion !== null)
            expect([r.firstResponseWait, r.firstServiceWait]).toEqual([null, null]);
          for (const w of [r.firstResponseWait, r.firstServiceWait])
            if (w !== null) expect(w.days).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('waitingTimes gives the same answer as a naive table-by-table port of the SQL', () => {
  it('on arbitrary small main tables', () => {
    fc.assert(
      fc.property(tableArbitrary, (events) => {
        const ours = waitingTimes(prepared(events)).map((r) => ({
          metric:
            r.code === 'WT-first-response'
              ? 'Wait time to first response'
              : 'Wait time to first service',
          quarter: r.quarter,
          band: r.ageBand,
          count: r.count,
          median: r.median,
        }));
        expect(ours).toEqual(referenceWaitingTimes(events));
      }),
      { numRuns: 500 },
    );
  });
});
