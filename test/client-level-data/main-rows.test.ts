// prepareClientLevelData gives the measures and bridges its main table as views over the
// check's columns (main-rows.ts); `prepared.events` makes plain objects. Each measure and
// bridge must give the same answer from the views as from those plain objects (a copy of
// the result that is not linked to the views).
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ascofMeasures,
  casePopulationFromClientLevelData,
  checkClientLevelData,
  explainClientLevelDataRow,
  informationReturnFiguresFromClientLevelData,
  latestPersonDetails,
  prepareClientLevelData,
  waitingTimes,
} from '../../src/client-level-data/index.js';
import { generateClientLevelData } from '../../src/testing/index.js';

const PERIOD = { periodStart: '2023-04-01', periodEnd: '2025-03-31' } as const;

function prepared(seed: number, rate: number) {
  const checked = checkClientLevelData(
    generateClientLevelData({ seed, people: 40, ...PERIOD, messy: { rate } }).rows,
  );
  if (!checked.success) throw new Error('rejected');
  const result = prepareClientLevelData(checked.data, PERIOD);
  if (!result.success) throw new Error('rejected');
  return result.data;
}

describe('the main table as views gives what its plain objects give', () => {
  it('from the check result as from its events given as objects', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom(0, 0.3), (seed, rate) => {
        const checked = checkClientLevelData(
          generateClientLevelData({ seed, people: 30, ...PERIOD, messy: { rate } }).rows,
          { laCode: 'Q01' },
        );
        if (!checked.success) throw new Error('rejected');
        // Not the check's own result: its events are read as objects, then held as columns.
        const asObjects = { events: checked.data.events, account: checked.data.account };
        for (const mode of ['single', 'joined'] as const) {
          const a = prepareClientLevelData(checked.data, { ...PERIOD, mode });
          const b = prepareClientLevelData(asObjects, { ...PERIOD, mode });
          expect(a).toEqual(b);
          if (a.success && b.success) expect(a.data.events).toEqual(b.data.events);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('for every measure and bridge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom(0, 0.3), (seed, rate) => {
        const views = prepared(seed, rate);
        // A copy with the same fields: its events are the plain objects.
        const plain = { ...views, events: views.events };
        expect(plain.events.length).toBe(views.summary.events);
        const ascof = { year: 2024, population: { '18 to 64': 9000, '65 and above': 3000 } };
        expect(ascofMeasures(views, ascof)).toEqual(ascofMeasures(plain, ascof));
        expect(waitingTimes(views, { explain: true })).toEqual(
          waitingTimes(plain, { explain: true }),
        );
        const year = { periodStart: '2024-04-01', periodEnd: '2025-03-31' };
        expect(latestPersonDetails(views, year)).toEqual(latestPersonDetails(plain, year));
        expect(casePopulationFromClientLevelData(views, { asOf: '2025-03-31' })).toEqual(
          casePopulationFromClientLevelData(plain, { asOf: '2025-03-31' }),
        );
        const figures = { from: '2024-04-01', to: '2025-03-31' };
        expect(informationReturnFiguresFromClientLevelData(views, figures)).toEqual(
          informationReturnFiguresFromClientLevelData(plain, figures),
        );
      }),
      { numRuns: 25 },
    );
  });

  it('orders the main table by person, start date and row whatever order the events come in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer(), (seed, shuffleSeed) => {
        const checked = checkClientLevelData(
          generateClientLevelData({ seed, people: 20, ...PERIOD, messy: { rate: 0.3 } }).rows,
        );
        if (!checked.success) throw new Error('rejected');
        const events = checked.data.events;
        // A seeded shuffle (xorshift) of the events given as objects.
        const shuffled = [...events];
        let x = shuffleSeed | 1;
        for (let i = shuffled.length - 1; i > 0; i--) {
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          const j = (x >>> 0) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = prepareClientLevelData({ events }, PERIOD);
        const b = prepareClientLevelData({ events: shuffled }, PERIOD);
        if (!a.success || !b.success) throw new Error('rejected');
        expect(b.data.events).toEqual(a.data.events);
        expect(b.data.trace).toEqual(a.data.trace);
      }),
      { numRuns: 25 },
    );
  });

  it('explains a kept row with its plain event, without making the others', () => {
    const views = prepared(12, 0.2);
    const copy = { ...views, events: views.events }; // plain objects, not linked to the views
    const fresh = prepared(12, 0.2);
    for (const e of copy.events.slice(0, 20))
      expect(explainClientLevelDataRow(fresh, e.row)).toEqual(
        explainClientLevelDataRow(copy, e.row),
      );
    expect(explainClientLevelDataRow(fresh, 10_000_000)).toBeUndefined();
  });

  it('makes the plain objects once, each with every field as an own property', () => {
    const views = prepared(11, 0.2);
    expect(views.events).toBe(views.events);
    const e = views.events[0]!;
    expect(Object.keys(e)).toContain('Der_NHS_LA_Combined_Person_ID');
    expect(Object.keys(e)).toContain('Event_Start_Date');
    expect(Object.keys(e).length).toBe(76); // 67 checked fields and 9 derived (model.ts)
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });
});
