// The fast waitingTimes (events read once into typed columns, people grouped by one counting
// sort, each person's timeline one sort of indices on day numbers; src/client-level-data/
// waiting-times/) against the plain version it replaced (objects per event, maps of arrays,
// ISO-string comparisons; support/reference-waiting-times.ts), on random tables built to
// collide: few people and dates, LA codes, ids and values in other letter cases and with
// trailing or leading spaces, repeated record ids and import dates. The rows and every
// request's trace must be equal.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { waitingTimes } from '../../src/client-level-data/waiting-times/waiting-times.js';
import type { PreparedClientLevelData } from '../../src/client-level-data/model.js';
import { collidingEvents, generatedPrepared, sortedByPerson } from './support/collisions.js';
import { preparedTable } from './support/main-table.js';
import { plainWaitingTimes } from './support/reference-waiting-times.js';
import { waitingTimesTableArbitrary } from './support/waiting-times-arbitrary.js';

const table = waitingTimesTableArbitrary
  .chain((events) => fc.tuple(collidingEvents(events), fc.constantFrom(undefined, '2024-04-01')))
  .map(([events, quartersFrom]) => ({ prepared: preparedTable(events), quartersFrom }));

function expectSame(p: PreparedClientLevelData, quartersFrom?: string): void {
  const options = quartersFrom === undefined ? {} : { quartersFrom };
  expect(waitingTimes(p, options)).toEqual(plainWaitingTimes(p, options));
  expect(waitingTimes(p, { ...options, explain: true })).toEqual(
    plainWaitingTimes(p, { ...options, explain: true }),
  );
}

describe('waitingTimes: the fast version gives what the plain version gives', () => {
  it('on random collision-heavy tables', () => {
    fc.assert(
      fc.property(table, ({ prepared, quartersFrom }) => {
        expectSame(prepared, quartersFrom);
        expectSame(sortedByPerson(prepared), quartersFrom);
      }),
      { numRuns: 500 },
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
