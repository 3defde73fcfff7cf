import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MODELLED_FORMAL_TEMPLATE,
  MODELLED_PILOT_TEMPLATE,
  validateInformationReturn,
  type CaseListResponse,
} from '../../src/information-return/index.js';
import {
  informationReturnArbitrary,
  itemResponseArbitrary,
  valueArbitrary,
} from '../../src/testing/arbitraries/index.js';
import { exampleInformationReturn } from '../../src/testing/index.js';
import { EVERY_KIND_TEMPLATE } from '../information-return/support.js';

const TEMPLATES = [EVERY_KIND_TEMPLATE, MODELLED_FORMAL_TEMPLATE, MODELLED_PILOT_TEMPLATE];

describe('exampleInformationReturn', () => {
  it('gives a valid submission for every template, seed and share of not-held answers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TEMPLATES),
        fc.string(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (template, seed, share, optional) => {
          const submission = exampleInformationReturn(template, {
            seed,
            notHeldShare: share,
            includeOptional: optional,
            caseCount: 7,
          });
          const result = validateInformationReturn(submission, template);
          expect(result.success).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is deterministic per seed, and different seeds differ', () => {
    const a = exampleInformationReturn(MODELLED_PILOT_TEMPLATE, { seed: 'a' });
    expect(exampleInformationReturn(MODELLED_PILOT_TEMPLATE, { seed: 'a' })).toEqual(a);
    expect(exampleInformationReturn(MODELLED_PILOT_TEMPLATE, { seed: 'b' })).not.toEqual(a);
  });

  it('keeps an item’s answer when other items change (draws are keyed by item id)', () => {
    const full = exampleInformationReturn(MODELLED_PILOT_TEMPLATE, { seed: 's' });
    const formal = exampleInformationReturn(MODELLED_FORMAL_TEMPLATE, { seed: 's' });
    expect(formal.responses.W1).toEqual(full.responses.W1);
  });

  it('clamps the case count to the item’s bounds (pilot: exactly 50)', () => {
    const s = exampleInformationReturn(MODELLED_PILOT_TEMPLATE, {
      seed: 's',
      caseCount: 3,
      notHeldShare: 0,
    });
    expect((s.responses.C1 as CaseListResponse).cases).toHaveLength(50);
  });

  it('rejects bad options', () => {
    expect(() =>
      exampleInformationReturn(MODELLED_FORMAL_TEMPLATE, { seed: 's', notHeldShare: 2 }),
    ).toThrow(RangeError);
    expect(() =>
      exampleInformationReturn(MODELLED_FORMAL_TEMPLATE, { seed: 's', caseCount: -1 }),
    ).toThrow(RangeError);
  });
});

describe('arbitraries', () => {
  it('every item answer and value is valid alone', () => {
    for (const item of EVERY_KIND_TEMPLATE.items) {
      fc.assert(
        fc.property(itemResponseArbitrary(item), (response) => {
          const result = validateInformationReturn(
            {
              template: { id: EVERY_KIND_TEMPLATE.id, version: EVERY_KIND_TEMPLATE.version },
              responses: { [item.id]: response },
            },
            EVERY_KIND_TEMPLATE,
            { allowIncomplete: true },
          );
          expect(result.success).toBe(true);
        }),
        { numRuns: 30 },
      );
    }
    fc.assert(
      fc.property(valueArbitrary({ type: 'percentage' }), (v) => {
        expect(v as number).toBeGreaterThanOrEqual(0);
        expect(v as number).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('whole submissions are valid and JSON-stable', () => {
    fc.assert(
      fc.property(informationReturnArbitrary(MODELLED_FORMAL_TEMPLATE), (s) => {
        expect(JSON.parse(JSON.stringify(s))).toEqual(s);
        expect(validateInformationReturn(s, MODELLED_FORMAL_TEMPLATE).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
