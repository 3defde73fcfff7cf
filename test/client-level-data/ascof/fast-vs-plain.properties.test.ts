// The fast ASCOF measures and person details (a columnar table of integer codes and day
// numbers, rows grouped by one counting sort; src/client-level-data/ascof/) against the plain
// versions they replaced (objects per row, maps of arrays; support/reference-ascof/), on
// random tables built to collide: few people and dates, values in other letter cases and with
// trailing or leading spaces, repeated record ids, NULLs. Everything must be equal: the rows
// with their people, the 2A clusters with their sequels, the unknown counts, the person details.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ascofMeasures, latestPersonDetails } from '../../../src/client-level-data/ascof/index.js';
import type { AscofMeasuresOptions } from '../../../src/client-level-data/ascof/model.js';
import type { PreparedClientLevelData } from '../../../src/client-level-data/model.js';
import { eventSpecArbitrary } from '../support/arbitrary.js';
import { collidingEvents, generatedPrepared, sortedByPerson } from '../support/collisions.js';
import { prepared } from '../support/main-table.js';
import { plainAscofMeasures } from '../support/reference-ascof/measures.js';
import { plainLatestPersonDetails } from '../support/reference-ascof/person-details.js';
import { F1, F2 } from '../support/worked-examples.js';

const PEOPLE = ['p1', 'p2', 'p3', 'P1', 'p1 '];
const PERIODS: readonly AscofMeasuresOptions[] = [
  { year: 2024, population: { '18 to 64': 250_000, '65 and above': 60_000 }, explain: true },
  { periodStart: '2023-10-01', periodEnd: '2024-09-30', explain: true },
  { year: 2024 },
];

const table = fc
  .tuple(
    fc.oneof(
      fc.array(eventSpecArbitrary(PEOPLE), { maxLength: 50 }),
      // Within a few days of 2024-06-13: rows tie on every date the rankings read.
      fc.array(eventSpecArbitrary(PEOPLE, 529, 2), { maxLength: 30 }),
      // Within a month: 2A's windows (7 days after a cluster, nested events) fill up.
      fc.array(eventSpecArbitrary(PEOPLE, 529, 30), { maxLength: 40 }),
      // One person's month: every event meets that person's reablement clusters.
      fc.array(eventSpecArbitrary(['p1'], 529, 20), { maxLength: 12 }),
    ),
    fc.boolean(),
  )
  .chain(([specs, withExamples]) =>
    collidingEvents(prepared([...(withExamples ? [...F1, ...F2] : []), ...specs]).events),
  )
  .map((events): PreparedClientLevelData => ({ ...prepared([]), events }));

function expectSame(p: PreparedClientLevelData): void {
  for (const options of PERIODS)
    expect(ascofMeasures(p, options)).toEqual(plainAscofMeasures(p, options));
  const period = { periodStart: '2024-04-01', periodEnd: '2025-03-31' };
  expect(latestPersonDetails(p, period)).toEqual(plainLatestPersonDetails(p, period));
}

describe('ASCOF measures: the fast version gives what the plain version gives', () => {
  it('on random collision-heavy tables', () => {
    fc.assert(
      fc.property(table, (p) => {
        expectSame(p);
        expectSame(sortedByPerson(p));
      }),
      { numRuns: 150 },
    );
  });

  it('on generated, checked and prepared files', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const p = generatedPrepared(seed);
        if (p !== undefined) expectSame(p);
      }),
      { numRuns: 8 },
    );
  });
});
