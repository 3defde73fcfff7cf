import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { waitingTimes } from '../../src/client-level-data/waiting-times/waiting-times.js';
import { frozen, preparedTable as prepared } from './support/main-table.js';
import { waitingTimesTableArbitrary } from './support/waiting-times-arbitrary.js';
import { referenceWaitingTimes } from './waiting-times-sql-reference.js';

// Laws of waitingTimes over arbitrary small main tables (support/waiting-times-arbitrary.ts).

describe('waitingTimes properties', () => {
  it('does not depend on the order of the events, and is deterministic', () => {
    fc.assert(
      fc.property(waitingTimesTableArbitrary, fc.func(fc.integer()), (events, key) => {
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
      fc.property(waitingTimesTableArbitrary, (events) => {
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
      fc.property(waitingTimesTableArbitrary, (events) => {
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
      fc.property(waitingTimesTableArbitrary, (events) => {
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
