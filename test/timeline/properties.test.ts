import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MILESTONE_IDS,
  addWorkingDays,
  computeAssessmentTimeline,
  isBankHoliday,
  isWorkingDay,
  safeComputeAssessmentTimeline,
  workingDaysBetween,
  type AssessmentTimelineInput,
} from '../../src/timeline/index.js';
import { fromDayNumber, daysFromCivil } from '../../src/timeline/iso-date.js';
import { deepFreeze } from '../support/published-results.js';

const date = (fromYear: number, toYear: number): fc.Arbitrary<string> =>
  fc
    .integer({ min: daysFromCivil(fromYear, 1, 1), max: daysFromCivil(toYear, 12, 31) })
    .map(fromDayNumber);
const anyDate = date(1980, 2197); // ±400 working days stays inside 1978–2199
const n = fc.integer({ min: -400, max: 400 });

describe('working-day laws', () => {
  it('addWorkingDays(addWorkingDays(d, n), -n) is d for every working day d', () => {
    fc.assert(
      fc.property(anyDate, n, (d, k) => {
        fc.pre(isWorkingDay(d));
        expect(addWorkingDays(addWorkingDays(d, k), -k)).toBe(d);
      }),
    );
  });

  it('results are never weekends or bank holidays', () => {
    fc.assert(
      fc.property(anyDate, n, (d, k) => {
        const r = addWorkingDays(d, k);
        const weekday = new Date(`${r}T00:00:00Z`).getUTCDay();
        expect(weekday === 0 || weekday === 6).toBe(false);
        expect(isBankHoliday(r)).toBe(false);
      }),
    );
  });

  it('results move in the direction of n, and n > 0 never counts the start', () => {
    fc.assert(
      fc.property(anyDate, n, (d, k) => {
        const r = addWorkingDays(d, k);
        if (k > 0) expect(r > d).toBe(true);
        if (k < 0) expect(r < d).toBe(true);
        if (k === 0) expect(r >= d).toBe(true);
      }),
    );
  });

  it('workingDaysBetween agrees with addWorkingDays (n > 0 from any day, any n from a working day)', () => {
    fc.assert(
      fc.property(anyDate, n, (d, k) => {
        if (k > 0 || isWorkingDay(d)) {
          expect(workingDaysBetween(d, addWorkingDays(d, k))).toBe(k);
        }
      }),
    );
  });

  it('workingDaysBetween is antisymmetric and additive', () => {
    fc.assert(
      fc.property(anyDate, anyDate, anyDate, (a, b, c) => {
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, a)).toBe(0);
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, c)).toBe(workingDaysBetween(a, c));
      }),
    );
  });

  it('workingDaysBetween equals a day-by-day count of (from, to] over short spans', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 60 }), (from, span) => {
        const start = Date.parse(`${from}T00:00:00Z`);
        let count = 0;
        let to = from;
        for (let i = 1; i <= span; i++) {
          to = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
          if (isWorkingDay(to)) count++;
        }
        expect(workingDaysBetween(from, to)).toBe(count);
      }),
    );
  });
});

const inputs: fc.Arbitrary<AssessmentTimelineInput> = fc.record(
  {
    notificationDate: date(2023, 2030),
    informationReturnSubmittedDate: date(2023, 2031),
    onSiteNoticeDate: date(2023, 2031),
    onSiteStartDate: date(2023, 2031),
    onSiteEndDate: date(2023, 2031),
    draftReportSentDate: date(2023, 2031),
    publicationDate: date(2023, 2031),
  },
  { requiredKeys: ['notificationDate'] },
);

describe('assessment timeline laws', () => {
  it('milestones are in date order, each id at most once, and deadlines follow what they count from', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const { milestones } = computeAssessmentTimeline(input);
        for (let i = 1; i < milestones.length; i++)
          expect(milestones[i - 1]!.date <= milestones[i]!.date).toBe(true);
        expect(new Set(milestones.map((m) => m.id)).size).toBe(milestones.length);
        for (const m of milestones) {
          expect(MILESTONE_IDS).toContain(m.id);
          if (m.basis === 'actual') expect(m.option).toBeUndefined();
          else expect(m.option).toBeDefined();
        }
        const at = (id: string) => milestones.find((m) => m.id === id)?.date;
        if (input.draftReportSentDate)
          expect(at('factual-accuracy-comments-due')! > input.draftReportSentDate).toBe(true);
        if (input.publicationDate)
          expect(at('rating-review-request-due')! > input.publicationDate).toBe(true);
      }),
    );
  });

  it('is deterministic and never mutates frozen input', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const copy = structuredClone(input);
        const a = computeAssessmentTimeline(deepFreeze(input));
        expect(input).toEqual(copy);
        expect(computeAssessmentTimeline(copy)).toEqual(a);
      }),
    );
  });

  it('safeComputeAssessmentTimeline never throws on arbitrary values', () => {
    const arbitrary = fc.oneof(
      fc.anything({
        withNullPrototype: true,
        withObjectString: true,
        withBoxedValues: true,
        withMap: true,
        withSet: true,
        withDate: true,
      }),
      fc.dictionary(
        fc.constantFrom('__proto__', 'notificationDate', 'publicationDate', 'toString'),
        fc.oneof(fc.string(), date(1900, 2300), fc.anything()),
      ),
    );
    fc.assert(
      fc.property(arbitrary, (value) => {
        const r = safeComputeAssessmentTimeline(value);
        if (!r.success) expect(r.issues.length).toBeGreaterThan(0);
        else expect(r.data.milestones.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
