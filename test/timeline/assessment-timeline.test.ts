import { describe, expect, it } from 'vitest';
import {
  computeAssessmentTimeline,
  createWorkingDayCalendar,
  isLaAssuranceError,
  safeComputeAssessmentTimeline,
  validateAssessmentTimelineInput,
} from '../../src/timeline/index.js';

const dateOf = (t: ReturnType<typeof computeAssessmentTimeline>, id: string) =>
  t.milestones.find((m) => m.id === id)?.date;
const codes = (t: ReturnType<typeof computeAssessmentTimeline>) => t.warnings.map((w) => w.code);

describe('computeAssessmentTimeline (durations: domain reference §6)', () => {
  it('from the notification date alone: IR due in 3 weeks, on-site window 9–11 weeks, notice 6 weeks before', () => {
    const t = computeAssessmentTimeline({ notificationDate: '2024-10-07' });
    expect(t.milestones.map((m) => [m.id, m.date, m.basis])).toEqual([
      ['notification', '2024-10-07', 'actual'],
      ['information-return-due', '2024-10-28', 'published'],
      ['on-site-notice-due', '2024-10-28', 'modelled'],
      ['on-site-window-opens', '2024-12-09', 'published'],
      ['on-site-window-closes', '2024-12-23', 'published'],
    ]);
    expect(t.warnings).toEqual([]);
    expect(t.milestones[1]!.rule).toBe('3 weeks after notification');
    expect(t.milestones[1]!.option).toBe('informationReturnWeeks');
  });

  it('actual dates replace the window; deadlines count working days across Christmas', () => {
    const t = computeAssessmentTimeline({
      notificationDate: '2024-09-02',
      informationReturnSubmittedDate: '2024-09-20',
      onSiteNoticeDate: '2024-09-23',
      onSiteStartDate: '2024-11-05',
      onSiteEndDate: '2024-11-07',
      draftReportSentDate: '2024-12-20',
      publicationDate: '2025-03-14',
    });
    expect(dateOf(t, 'on-site-window-opens')).toBeUndefined();
    expect(dateOf(t, 'on-site-notice-due')).toBe('2024-09-24');
    // 10 working days from Fri 20 Dec 2024, skipping 25, 26 Dec and 1 Jan.
    expect(dateOf(t, 'factual-accuracy-comments-due')).toBe('2025-01-08');
    // 15 working days from Fri 14 Mar 2025 (no holiday in between).
    expect(dateOf(t, 'rating-review-request-due')).toBe('2025-04-04');
    expect(t.warnings).toEqual([]);
  });

  it('flags inconsistent dates as warnings, never a throw', () => {
    const t = computeAssessmentTimeline({
      notificationDate: '2024-10-07',
      informationReturnSubmittedDate: '2024-11-01', // after 28 Oct
      onSiteNoticeDate: '2024-11-20', // 5 days before on site
      onSiteStartDate: '2024-11-25', // only 7 weeks in
      draftReportSentDate: '2024-11-16', // a Saturday, before on site
    });
    expect(codes(t)).toEqual(
      expect.arrayContaining([
        'information-return-late',
        'on-site-notice-too-short',
        'on-site-outside-window',
        'milestone-on-non-working-day',
        'dates-out-of-order',
      ]),
    );
    expect(t.warnings.find((w) => w.code === 'dates-out-of-order')?.path).toEqual([
      'draftReportSentDate',
    ]);
  });

  it('warns when the estimated on-site window spans Christmas, and when the IR falls due on a bank holiday', () => {
    expect(codes(computeAssessmentTimeline({ notificationDate: '2024-10-21' }))).toContain(
      'on-site-spans-christmas',
    );
    // 6 May 2024 + 3 weeks = 27 May 2024, the spring bank holiday.
    expect(codes(computeAssessmentTimeline({ notificationDate: '2024-05-06' }))).toContain(
      'milestone-on-non-working-day',
    );
  });

  it('durations are options; changed ones are marked custom; a custom calendar is used', () => {
    const calendar = createWorkingDayCalendar({ add: [{ date: '2025-01-02', name: 'Extra day' }] });
    const t = computeAssessmentTimeline(
      { notificationDate: '2024-10-07', draftReportSentDate: '2024-12-20' },
      { informationReturnWeeks: 4, calendar },
    );
    expect(dateOf(t, 'information-return-due')).toBe('2024-11-04');
    expect(t.milestones.find((m) => m.id === 'information-return-due')?.basis).toBe('custom');
    expect(dateOf(t, 'factual-accuracy-comments-due')).toBe('2025-01-09');
    expect(() =>
      computeAssessmentTimeline({ notificationDate: '2024-10-07' }, { informationReturnWeeks: -1 }),
    ).toThrow(RangeError);
    expect(() =>
      computeAssessmentTimeline({ notificationDate: '2024-10-07' }, { onSiteEarliestWeeks: 12 }),
    ).toThrow(RangeError);
  });

  it('a deadline beyond 2199 is a warning, not a throw', () => {
    const t = computeAssessmentTimeline({
      notificationDate: '2199-10-01',
      publicationDate: '2199-12-20',
    });
    expect(codes(t)).toContain('beyond-calendar');
  });

  it('invalid dates throw LaAssuranceError from the throwing variant', () => {
    try {
      computeAssessmentTimeline({ notificationDate: '2024-02-30' });
      expect.unreachable();
    } catch (error) {
      expect(isLaAssuranceError(error)).toBe(true);
      if (isLaAssuranceError(error)) expect(error.code).toBe('invalid-timeline-input');
    }
  });
});

describe('safeComputeAssessmentTimeline', () => {
  it('returns typed issues for each bad field', () => {
    const r = safeComputeAssessmentTimeline({
      informationReturnSubmittedDate: '2024-13-01',
      publicationDate: '1901-01-01',
      publishedDate: '2025-01-01',
    });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.issues.map((i) => [i.code, i.path])).toEqual(
        expect.arrayContaining([
          ['missing-date', ['notificationDate']],
          ['invalid-date', ['informationReturnSubmittedDate']],
          ['unknown-field', ['publishedDate']],
        ]),
      );
    }
    const range = safeComputeAssessmentTimeline({ notificationDate: '1901-01-01' });
    expect(range.success ? [] : range.issues.map((i) => i.code)).toEqual(['date-out-of-range']);
    expect(safeComputeAssessmentTimeline('2024-10-07')).toMatchObject({
      success: false,
      issues: [{ code: 'invalid-input' }],
    });
  });

  it('agrees with validateAssessmentTimelineInput on the codes it reports', () => {
    for (const input of [
      {},
      { notificationDate: 5 },
      { notificationDate: '2024-10-07', x: 1 },
      null,
      { notificationDate: '2300-01-01' },
    ]) {
      const viaZod = safeComputeAssessmentTimeline(input);
      const plain = validateAssessmentTimelineInput(input);
      expect(viaZod.success ? [] : viaZod.issues.map((i) => i.code).sort()).toEqual(
        plain.success ? [] : plain.issues.map((i) => i.code).sort(),
      );
    }
  });

  it('succeeds with the same result as the throwing variant', () => {
    const r = safeComputeAssessmentTimeline({ notificationDate: '2024-10-07' });
    expect(r).toEqual({
      success: true,
      data: computeAssessmentTimeline({ notificationDate: '2024-10-07' }),
    });
  });
});
