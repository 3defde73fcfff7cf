import { describe, expect, it } from 'vitest';
import {
  PUBLICATION_PAUSES,
  TIMELINE_PRESETS,
  addWorkingDays,
  computeAssessmentTimeline,
  publicationDateAfterPauses,
  safeComputeAssessmentTimeline,
  type AssessmentTimeline,
} from '../../src/timeline/index.js';
import { fromDayNumber, toDayNumber, type IsoDate } from '../../src/timeline/iso-date.js';

// Dated examples: domain reference §10 (councils' own accounts of 2025 assessments).
const at = (t: AssessmentTimeline, id: string) => t.milestones.find((m) => m.id === id);
const codes = (t: AssessmentTimeline) => t.warnings.map((w) => w.code);
const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = toDayNumber(from as IsoDate); d <= toDayNumber(to as IsoDate); d++)
    out.push(fromDayNumber(d));
  return out;
};

describe('notice-period presets', () => {
  it('the default stays CQC’s published 2023 plan (9–11 weeks)', () => {
    const t = computeAssessmentTimeline({ notificationDate: '2025-02-10' });
    expect(t.preset.name).toBe('cqc-plan-2023');
    expect(at(t, 'on-site-window-closes')).toMatchObject({
      date: '2025-04-28',
      basis: 'published',
    });
    expect(at(t, 'leadership-presentation')).toBeUndefined();
    expect(at(t, 'publication-expected-by')).toBeUndefined();
  });

  it('Devon, notified 10 Feb 2025, told "up to six months": observed window 9 Jun – 11 Aug 2025 (17–26 weeks)', () => {
    const t = computeAssessmentTimeline(
      { notificationDate: '2025-02-10' },
      { preset: 'observed-2025' },
    );
    expect(at(t, 'on-site-window-opens')).toMatchObject({ date: '2025-06-09', basis: 'observed' });
    expect(at(t, 'on-site-window-closes')).toMatchObject({ date: '2025-08-11', basis: 'observed' });
  });

  it('Salford (return in June 2025, on site from 3 Nov 2025): inside the observed window, outside the 2023 plan, for every notification date that puts the return in June', () => {
    // The return is due 3 weeks after notification: due in June ⇔ notified 11 May – 9 Jun 2025.
    for (const notificationDate of days('2025-05-11', '2025-06-09')) {
      const input = { notificationDate, onSiteStartDate: '2025-11-03' };
      expect(codes(computeAssessmentTimeline(input, { preset: 'observed-2025' }))).not.toContain(
        'on-site-outside-window',
      );
      expect(codes(computeAssessmentTimeline(input))).toContain('on-site-outside-window');
    }
  });

  it('Lewisham (notified June 2025, on site "July–December 2025"): the observed window falls within July–December for every June day', () => {
    for (const notificationDate of days('2025-06-01', '2025-06-30')) {
      const t = computeAssessmentTimeline({ notificationDate }, { preset: 'observed-2025' });
      expect(
        at(t, 'on-site-window-opens')!.date >= '2025-07-01' &&
          at(t, 'on-site-window-closes')!.date <= '2025-12-31',
      ).toBe(true);
    }
  });

  it('a duration you set overrides the preset and is marked custom; your own preset object works', () => {
    const t = computeAssessmentTimeline(
      { notificationDate: '2025-02-10' },
      { preset: 'observed-2025', onSiteLatestWeeks: 24 },
    );
    expect(at(t, 'on-site-window-closes')).toMatchObject({ date: '2025-07-28', basis: 'custom' });
    const mine = {
      ...TIMELINE_PRESETS['observed-2025'],
      name: 'ours',
      label: 'Ours: 20–22 weeks',
      basis: 'modelled' as const,
      source: 'our plan',
      durations: { onSiteEarliestWeeks: 20, onSiteLatestWeeks: 22 },
    };
    expect(
      at(
        computeAssessmentTimeline({ notificationDate: '2025-02-10' }, { preset: mine }),
        'on-site-window-opens',
      ),
    ).toMatchObject({ date: '2025-06-30', basis: 'modelled' });
    expect(() =>
      computeAssessmentTimeline(
        { notificationDate: '2025-02-10' },
        { preset: 'observed-2024' as never },
      ),
    ).toThrow(RangeError);
  });
});

describe('practice milestones (observed, Tower Hamlets 2025)', () => {
  it('leadership presentation 4 weeks and data focus group 1 week before a site visit from Mon 3 Nov 2025', () => {
    const t = computeAssessmentTimeline(
      {
        notificationDate: '2025-06-02',
        onSiteStartDate: '2025-11-03',
        onSiteEndDate: '2025-11-06',
      },
      { preset: 'observed-2025' },
    );
    expect(at(t, 'leadership-presentation')).toMatchObject({
      date: '2025-10-06',
      basis: 'observed',
      from: 'on-site-start',
    });
    expect(at(t, 'data-focus-group')).toMatchObject({ date: '2025-10-27', basis: 'observed' });
    // Up to three months (13 weeks) after the last on-site day, Thu 6 Nov 2025 → Thu 5 Feb 2026.
    expect(at(t, 'publication-expected-by')).toMatchObject({
      date: '2026-02-05',
      basis: 'observed',
      note: undefined,
    });
  });

  it('can be switched on with the published plan, and off with the 2025 preset', () => {
    expect(
      at(
        computeAssessmentTimeline({ notificationDate: '2025-02-10' }, { preSiteMilestones: true }),
        'leadership-presentation',
      )?.date,
    ).toBe('2025-03-17');
    expect(
      at(
        computeAssessmentTimeline(
          { notificationDate: '2025-02-10' },
          { preset: 'observed-2025', expectedPublication: false },
        ),
        'publication-expected-by',
      ),
    ).toBeUndefined();
  });

  it('Norfolk (on site July 2025, published 12 Dec 2025) took longer than the modelled three months: the estimate is an expectation, not a rule', () => {
    const t = computeAssessmentTimeline(
      {
        notificationDate: '2025-02-17',
        onSiteStartDate: '2025-07-14',
        onSiteEndDate: '2025-07-17',
      },
      { preset: 'observed-2025' },
    );
    expect(at(t, 'publication-expected-by')!.date < '2025-12-12').toBe(true);
    // Once the publication date is known it replaces the estimate.
    expect(
      at(
        computeAssessmentTimeline(
          {
            notificationDate: '2025-02-17',
            onSiteStartDate: '2025-07-14',
            publicationDate: '2025-12-12',
          },
          { preset: 'observed-2025' },
        ),
        'publication-expected-by',
      ),
    ).toBeUndefined();
  });
});

describe('publication pauses (CQC update, 3 Mar 2026: no publication in the 2026 pre-election period)', () => {
  it('the 2026 pause runs from the 25th working day before polling day (7 May 2026) to polling day', () => {
    expect(addWorkingDays('2026-05-07', -25)).toBe(PUBLICATION_PAUSES[0]!.from);
    expect(PUBLICATION_PAUSES[0]).toMatchObject({ from: '2026-03-30', to: '2026-05-07' });
  });

  it('a site visit ending Fri 16 Jan 2026 would be published by 17 Apr 2026, inside the pause: pushed to 8 May 2026, with the reason', () => {
    const t = computeAssessmentTimeline(
      {
        notificationDate: '2025-08-04',
        onSiteStartDate: '2026-01-12',
        onSiteEndDate: '2026-01-16',
      },
      { preset: 'observed-2025' },
    );
    const m = at(t, 'publication-expected-by')!;
    expect(m.date).toBe('2026-05-08');
    expect(m.note).toContain('moved from 2026-04-17');
    expect(m.note).toContain('Pre-election period');
  });

  it('your own pauses extend the calendar; consecutive pauses push past both', () => {
    const mine = [
      ...PUBLICATION_PAUSES,
      {
        from: '2026-05-08',
        to: '2026-05-15',
        reason: 'Our own pause',
        basis: 'modelled' as const,
        source: 'test',
      },
    ];
    expect(publicationDateAfterPauses('2026-04-15', mine)).toMatchObject({ date: '2026-05-16' });
    expect(publicationDateAfterPauses('2026-04-15', mine).pushedBy.map((p) => p.reason)).toEqual([
      PUBLICATION_PAUSES[0]!.reason,
      'Our own pause',
    ]);
    expect(publicationDateAfterPauses('2026-06-01').pushedBy).toEqual([]);
    expect(() =>
      publicationDateAfterPauses('2026-06-01', [
        { from: '2026-06-02', to: '2026-06-01', reason: 'x', basis: 'modelled', source: '' },
      ]),
    ).toThrow(RangeError);
  });
});

describe('safeComputeAssessmentTimeline on dates at the edge and hostile input (issue 15)', () => {
  it('a notification on 30 Dec 2199 comes back as issues, not a RangeError', () => {
    const r = safeComputeAssessmentTimeline({ notificationDate: '2199-12-30' });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.every((i) => i.code === 'beyond-calendar')).toBe(true);
    expect(() => computeAssessmentTimeline({ notificationDate: '2199-12-30' })).not.toThrow();
  });

  it('throwing getters, Proxies and revoked Proxies give input-unreadable', () => {
    const getter = Object.defineProperty({}, 'notificationDate', {
      get: () => {
        throw new Error('no');
      },
      enumerable: true,
    });
    expect(safeComputeAssessmentTimeline(getter)).toMatchObject({
      success: false,
      issues: [{ code: 'input-unreadable' }],
    });
    const { proxy, revoke } = Proxy.revocable({ notificationDate: '2025-02-10' }, {});
    expect(safeComputeAssessmentTimeline(proxy).success).toBe(true);
    revoke();
    expect(safeComputeAssessmentTimeline(proxy)).toMatchObject({
      success: false,
      issues: [{ code: 'input-unreadable' }],
    });
  });
});
