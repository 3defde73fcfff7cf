import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUALITY_STATEMENT_IDS } from '../../src/framework/index.js';
import {
  MODELLED_PILOT_TEMPLATE,
  informationReturnCompleteness,
  validateInformationReturn,
  type InformationReturnSubmission,
} from '../../src/information-return/index.js';
import { informationReturnArbitrary } from '../../src/testing/arbitraries/index.js';
import { deepFreeze } from '../support/published-results.js';
import { CASE, EVERY_KIND_TEMPLATE, minimalSubmission } from './support.js';

const submissions = informationReturnArbitrary(EVERY_KIND_TEMPLATE, {
  maxCases: 3,
  allowIncomplete: true,
});

describe('information return laws', () => {
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withMap: true,
          withSet: true,
          withDate: true,
          withTypedArray: true,
          withNullPrototype: true,
        }),
        (input) => {
          const result = validateInformationReturn(input, EVERY_KIND_TEMPLATE);
          expect(result.success).toBe(false);
        },
      ),
    );
    fc.assert(
      fc.property(submissions, fc.anything({ withBigInt: true }), fc.nat(), (s, junk, pick) => {
        const ids = Object.keys(s.responses);
        const responses = ids.length
          ? { ...s.responses, [ids[pick % ids.length]!]: junk }
          : { junk };
        validateInformationReturn({ ...s, responses }, EVERY_KIND_TEMPLATE);
      }),
    );
  });

  it('lists a prefix of the uncapped issues and counts the rest exactly, whatever the cap', () => {
    // Case rows mixing the error paths: wrong model fields, extra fields that are not
    // scalars or are forbidden keys, rows that are not plain objects or not objects at all.
    const field = fc.constantFrom(...Object.keys(CASE), 'note', '__proto__', 'constructor');
    const cell = fc.oneof(
      fc.constantFrom('hospital', 'x'.repeat(1001), undefined, null, 7, -1, true),
      fc.anything({ withBigInt: true, maxDepth: 1 }),
    );
    const row = fc.oneof(
      fc.constant<unknown>(CASE),
      fc.array(fc.tuple(field, cell), { maxLength: 4 }).map((edits) => {
        // defineProperty, so that '__proto__' becomes an own key as JSON.parse makes it
        const r: Record<string, unknown> = { ...CASE };
        for (const [key, value] of edits)
          Object.defineProperty(r, key, {
            value,
            enumerable: true,
            configurable: true,
            writable: true,
          });
        return r;
      }),
      fc.anything({ withBigInt: true, withMap: true, maxDepth: 1 }),
    );
    const template = {
      ...EVERY_KIND_TEMPLATE,
      items: EVERY_KIND_TEMPLATE.items.map((i) =>
        i.kind === 'case-list' ? { ...i, maxRows: 100 } : i,
      ),
    };
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 40 }),
        (rows, cap) => {
          const s = minimalSubmission();
          const input = { ...s, responses: { ...(s.responses as object), cases: { cases: rows } } };
          const all = validateInformationReturn(input, template, { maxIssues: 100_000 });
          const capped = validateInformationReturn(input, template, { maxIssues: cap });
          expect(capped.success).toBe(all.success);
          if (all.success || capped.success) return;
          expect(all.suppressedIssues).toBe(0);
          expect(capped.issues).toEqual(all.issues.slice(0, cap));
          expect(capped.issues.length + capped.suppressedIssues).toBe(all.issues.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is deterministic and does not mutate frozen input', () => {
    fc.assert(
      fc.property(submissions, (s) => {
        const copy = structuredClone(s);
        const first = validateInformationReturn(deepFreeze(s), EVERY_KIND_TEMPLATE, {
          allowIncomplete: true,
        });
        expect(s).toEqual(copy);
        expect(
          validateInformationReturn(copy, EVERY_KIND_TEMPLATE, { allowIncomplete: true }),
        ).toEqual(first);
      }),
    );
  });

  it('round-trips: the validated submission validates to itself', () => {
    fc.assert(
      fc.property(submissions, (s) => {
        const result = validateInformationReturn(s, EVERY_KIND_TEMPLATE, { allowIncomplete: true });
        expect(result.success).toBe(true);
        if (!result.success) return;
        const again = validateInformationReturn(
          JSON.parse(JSON.stringify(result.data.submission)),
          EVERY_KIND_TEMPLATE,
          { allowIncomplete: true },
        );
        expect(again.success && again.data.submission).toEqual(result.data.submission);
      }),
    );
  });

  it('completeness adds up, and a statement lacks evidence exactly when no answered item evidences it', () => {
    fc.assert(
      fc.property(
        informationReturnArbitrary(MODELLED_PILOT_TEMPLATE, { maxCases: 1, allowIncomplete: true }),
        (s: InformationReturnSubmission) => {
          const report = informationReturnCompleteness(s.responses, MODELLED_PILOT_TEMPLATE);
          const { required, optional } = report;
          expect(required.answered + required.notHeld + required.missing.length).toBe(
            required.total,
          );
          expect(optional.answered + optional.notHeld).toBeLessThanOrEqual(optional.total);
          expect(report.complete).toBe(required.missing.length === 0);
          for (const qs of report.qualityStatements) {
            const answered = MODELLED_PILOT_TEMPLATE.items.filter(
              (i) =>
                i.qualityStatements.includes(qs.qualityStatement) &&
                s.responses[i.id] &&
                !('notHeld' in s.responses[i.id]!),
            );
            expect(qs.evidenceItems).toEqual(answered.map((i) => i.id));
            expect(report.qualityStatementsWithoutEvidence.includes(qs.qualityStatement)).toBe(
              answered.length === 0,
            );
          }
          expect(report.qualityStatements.map((q) => q.qualityStatement)).toEqual([
            ...QUALITY_STATEMENT_IDS,
          ]);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('removing an answer never makes a return more complete', () => {
    fc.assert(
      fc.property(submissions, fc.nat(), (s, pick) => {
        const ids = Object.keys(s.responses);
        fc.pre(ids.length > 0);
        const { [ids[pick % ids.length]!]: _, ...fewer } = s.responses;
        const before = informationReturnCompleteness(s.responses, EVERY_KIND_TEMPLATE);
        const after = informationReturnCompleteness(fewer, EVERY_KIND_TEMPLATE);
        expect(after.required.missing.length).toBeGreaterThanOrEqual(
          before.required.missing.length,
        );
        expect(after.qualityStatementsWithoutEvidence.length).toBeGreaterThanOrEqual(
          before.qualityStatementsWithoutEvidence.length,
        );
      }),
    );
  });
});

describe('completeness example', () => {
  it('reports not-held items as answered but without evidence', () => {
    const report = informationReturnCompleteness(
      { doc: { notHeld: true, reason: 'Not yet published' }, text: { text: 'abc' } },
      EVERY_KIND_TEMPLATE,
    );
    expect(report.required).toEqual({ total: 3, answered: 1, notHeld: 1, missing: ['count'] });
    expect(report.qualityStatementsWithoutEvidence).toContain('safeguarding');
    expect(report.themes.find((t) => t.theme === 'ensuring-safety')).toEqual({
      theme: 'ensuring-safety',
      expectedItems: ['doc'],
      evidenceItems: [],
      qualityStatementsWithoutEvidence: ['safe-systems-pathways-and-transitions', 'safeguarding'],
    });
  });
});
