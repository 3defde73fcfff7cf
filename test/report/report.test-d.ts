import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  type ReportEventSchema,
  type ReportSchema,
  applyReportEvent,
  replayReport,
  type REPORT_EVENT_TYPES,
  type Report,
  type ReportEvent,
  type ReportEventErrorCode,
  type ReportEventType,
  type ReportState,
} from '../../src/report/index.js';
import type { IsoDate } from '../../src/timeline/iso-date.js';

describe('report types', () => {
  it('the zod schemas infer the library types', () => {
    expectTypeOf<z.infer<typeof ReportEventSchema>>().toEqualTypeOf<ReportEvent>();
    expectTypeOf<z.infer<typeof ReportSchema>>().toEqualTypeOf<Report>();
  });

  it('every event type has an event, and events are discriminated by type', () => {
    expectTypeOf<ReportEvent['type']>().toEqualTypeOf<ReportEventType>();
    expectTypeOf<(typeof REPORT_EVENT_TYPES)[number]>().toEqualTypeOf<ReportEventType>();
    expectTypeOf<Extract<ReportEvent, { type: 'draft-report-sent' }>>()
      .toHaveProperty('date')
      .toEqualTypeOf<string>();
    expectTypeOf<Extract<ReportEvent, { type: 'rating-process-review-requested' }>>()
      .toHaveProperty('grounds')
      .toEqualTypeOf<string>();
  });

  it('results narrow on success', () => {
    const r = applyReportEvent(undefined, {
      type: 'assessment-scored',
      date: '2024-01-02',
      council: 'C',
      scores: { safeguarding: 2 },
    });
    if (r.success) {
      expectTypeOf(r.data.state).toEqualTypeOf<ReportState>();
      expectTypeOf(r.data.publishedOn).toEqualTypeOf<IsoDate | null>();
    } else {
      expectTypeOf(r.issues[0]!.code).toEqualTypeOf<ReportEventErrorCode>();
    }
    const replay = replayReport([]);
    if (!replay.success) expectTypeOf(replay.index).toEqualTypeOf<number>();
  });

  it('rejects ill-typed events at compile time', () => {
    applyReportEvent(undefined, {
      type: 'assessment-scored',
      date: '2024-01-02',
      council: 'C',
      // @ts-expect-error: a score must be 1–4
      scores: { safeguarding: 5 },
    });
    // @ts-expect-error: unknown event type
    applyReportEvent(undefined, { type: 'report-finalised', date: '2024-01-02' });
    // @ts-expect-error: a review request needs grounds
    applyReportEvent(undefined, {
      type: 'rating-process-review-requested',
      date: '2024-01-02',
      by: 'chief-executive',
    });
  });
});
