// Laws of the ASCOF measures (issue 12, "Proof"): order independence, events outside the
// period (beyond the methods' look-back and look-ahead) change nothing, input never mutated.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ascofMeasures, latestPersonDetails } from '../../../src/client-level-data/ascof/index.js';
import type {
  MainTableEvent,
  PreparedClientLevelData,
} from '../../../src/client-level-data/model.js';
import { deepFreeze } from '../../../src/internal/deep-freeze.js';
import { eventSpecArbitrary } from '../support/arbitrary.js';
import { mainTableEvent, prepared, type EventSpec } from '../support/main-table.js';
import { F1, F2 } from '../support/worked-examples.js';

const PEOPLE = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
const OPTIONS = {
  year: 2024,
  population: { '18 to 64': 250_000, '65 and above': 60_000 },
  explain: true,
} as const;
/** Reablement ending on E with an unusable outcome for every person, so that anything in a window after E would change its sequel. */
const ENDING_AT_E: readonly EventSpec[] = PEOPLE.map((person) => ({
  person,
  Service_Type_Cleaned: 'Short term support: ST-Max',
  Event_Start_Date: '2025-03-01',
  Event_End_Date: '2025-03-31',
  Event_Outcome_Cleaned: 'Progress to support planning or services',
}));
const table = fc
  .array(eventSpecArbitrary(PEOPLE), { maxLength: 60 })
  .map((specs) => prepared([...F1, ...F2, ...ENDING_AT_E, ...specs]));

function withEvents(
  p: PreparedClientLevelData,
  events: readonly MainTableEvent[],
): PreparedClientLevelData {
  return { ...p, events };
}

describe('ASCOF measures: properties', () => {
  it('do not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        table,
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        (p, randoms) => {
          const shuffled = p.events
            .map((e) => [randoms.next().value as number, e] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, e]) => e);
          expect(ascofMeasures(withEvents(p, shuffled), OPTIONS)).toEqual(
            ascofMeasures(p, OPTIONS),
          );
          expect(
            latestPersonDetails(withEvents(p, shuffled), {
              periodStart: '2024-04-01',
              periodEnd: '2025-03-31',
            }),
          ).toEqual(latestPersonDetails(p, { periodStart: '2024-04-01', periodEnd: '2025-03-31' }));
        },
      ),
      { numRuns: 80 },
    );
  });

  // Outside the period and the methods' windows: before 2023 (more than 365 days before S, so
  // beyond 2B/2C's 12-month and 2A's 91-day look-back, and before any ST-Max cluster could
  // start) or from E + 8 days (beyond 2A's 7-day look-ahead). Existing people get only
  // non-service events with no person attributes from an older submission, since DHSC's
  // person details read the whole table and a newer attribute would legitimately change them;
  // new people get any events that end before S or start after E + 7.
  it('do not change when events outside the period are added', () => {
    const outsideExisting = fc
      .record({
        spec: eventSpecArbitrary(PEOPLE, -730, 1825),
        type: fc.constantFrom('Assessment', 'Review', 'Request'),
      })
      .filter(
        ({ spec }) =>
          spec.Event_Start_Date! >= '2025-04-08' ||
          (spec.Event_End_Date !== null &&
            spec.Event_End_Date! <= '2022-12-31' &&
            spec.Event_Start_Date! <= spec.Event_End_Date!),
      )
      .map(
        ({ spec, type }): EventSpec => ({
          person: spec.person,
          Event_Type: type,
          Client_Type_Cleaned: spec.Client_Type_Cleaned ?? null,
          Event_Outcome_Cleaned: spec.Event_Outcome_Cleaned ?? null,
          Event_Start_Date: spec.Event_Start_Date ?? null,
          Event_End_Date: spec.Event_End_Date ?? null,
          Ref_Period_End_Date: '2023-06-30',
        }),
      );
    const outsideNew = eventSpecArbitrary(['n1', 'n2', 'n3'], -730, 1825).filter(
      (s) =>
        s.Event_Start_Date! >= '2025-04-08' ||
        (s.Event_End_Date !== null &&
          s.Event_End_Date! < '2024-04-01' &&
          (s.Date_of_Death ?? '') < '2024-04-01'),
    );
    fc.assert(
      fc.property(
        table,
        fc.array(outsideExisting, { maxLength: 15 }),
        fc.array(outsideNew, { maxLength: 15 }),
        (p, existing, fresh) => {
          const added = [...existing, ...fresh].map((s, i) => mainTableEvent(s, 10_000 + i));
          expect(ascofMeasures(withEvents(p, [...p.events, ...added]), OPTIONS)).toEqual(
            ascofMeasures(p, OPTIONS),
          );
        },
      ),
      { numRuns: 80 },
    );
  });

  it('never mutate their input and accept frozen input', () => {
    fc.assert(
      fc.property(table, (p) => {
        const copy = structuredClone(p);
        const frozen = deepFreeze(structuredClone(p));
        expect(ascofMeasures(frozen, OPTIONS)).toEqual(ascofMeasures(copy, OPTIONS));
        latestPersonDetails(frozen, { periodStart: '2024-04-01', periodEnd: '2025-03-31' });
        expect(frozen).toEqual(copy);
      }),
      { numRuns: 40 },
    );
  });

  it('count every person of a numerator in its denominator (2B/2C aside)', () => {
    fc.assert(
      fc.property(table, (p) => {
        for (const row of ascofMeasures(p, OPTIONS).rows) {
          expect(row.people?.numerator.length).toBe(row.numerator);
          if (row.people?.denominator == null) continue;
          expect(row.people.denominator.length).toBe(row.denominator);
          const pool = [...row.people.denominator];
          for (const id of row.people.numerator) {
            const at = pool.indexOf(id);
            expect(at).toBeGreaterThanOrEqual(0);
            pool.splice(at, 1);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
