// The fast measures read the main table's columns in bulk (`Column.encode`, codes and
// per-distinct-value tables). Held as prepare holds it (16-bit codes, a dictionary that
// holds one text under two codes, person ids coded or kept as texts), the main table must
// give every measure what the same events give as objects, on the collision-heavy tables of
// the fast-versus-plain tests plus NULL LA codes and person ids in other letter cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ascofMeasures, latestPersonDetails } from '../../src/client-level-data/ascof/index.js';
import type { MainTableEvent, PreparedClientLevelData } from '../../src/client-level-data/model.js';
import { waitingTimes } from '../../src/client-level-data/waiting-times/waiting-times.js';
import { eventSpecArbitrary } from './support/arbitrary.js';
import { withCodedMainTable } from './support/coded-main-table.js';
import { collidingEvents, sortedByPerson } from './support/collisions.js';
import { prepared, preparedTable } from './support/main-table.js';
import { waitingTimesTableArbitrary } from './support/waiting-times-arbitrary.js';

/** Events with, each at random, its LA code NULL and its person id in another spelling. */
function respelt(events: readonly MainTableEvent[]): fc.Arbitrary<MainTableEvent[]> {
  return fc.tuple(
    ...events.map((e) =>
      fc
        .record({
          laNull: fc.boolean(),
          id: fc.constantFrom('same', 'same', 'upper', 'trailing'),
        })
        .map(({ laNull, id }) => {
          const person = e.Der_NHS_LA_Combined_Person_ID;
          return {
            ...e,
            LA_Code: laNull ? null : e.LA_Code,
            Der_NHS_LA_Combined_Person_ID:
              id === 'upper' ? person.toUpperCase() : id === 'trailing' ? `${person} ` : person,
          };
        }),
    ),
  );
}

function expectSameMeasures(p: PreparedClientLevelData): void {
  for (const plainIds of [false, true]) {
    const coded = withCodedMainTable(p, plainIds);
    const year = { year: 2024, population: { '18 to 64': 250_000, '65 and above': 60_000 } };
    expect(ascofMeasures(coded, { ...year, explain: true })).toEqual(
      ascofMeasures(p, { ...year, explain: true }),
    );
    const period = { periodStart: '2024-04-01', periodEnd: '2025-03-31' };
    expect(latestPersonDetails(coded, period)).toEqual(latestPersonDetails(p, period));
    expect(waitingTimes(coded, { explain: true })).toEqual(waitingTimes(p, { explain: true }));
  }
}

describe('the fast measures read a coded main table as they read its events as objects', () => {
  it('on ASCOF tables', () => {
    const table = fc
      .array(eventSpecArbitrary(['p1', 'p2', 'p3', 'P1', 'p1 ']), { maxLength: 40 })
      .chain((specs) => collidingEvents(prepared(specs).events))
      .map((events): PreparedClientLevelData => ({ ...prepared([]), events }));
    fc.assert(
      fc.property(table, (p) => {
        expectSameMeasures(p);
        expectSameMeasures(sortedByPerson(p));
      }),
      { numRuns: 60 },
    );
  });

  it('on waiting-times tables', () => {
    const table = waitingTimesTableArbitrary
      .chain(collidingEvents)
      .chain(respelt)
      .map((events) => preparedTable(events));
    fc.assert(
      fc.property(table, (p) => {
        expectSameMeasures(p);
        expectSameMeasures(sortedByPerson(p));
      }),
      { numRuns: 150 },
    );
  });
});
