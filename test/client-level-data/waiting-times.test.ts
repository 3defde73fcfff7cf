import { describe, expect, it } from 'vitest';
import { waitingTimes } from '../../src/client-level-data/waiting-times/waiting-times.js';
import type { WaitingTimeRequestTrace } from '../../src/client-level-data/waiting-times/model.js';
import type { MainTableEvent } from '../../src/client-level-data/model.js';
import {
  event,
  outcome,
  person,
  preparedTable as prepared,
  serviceType,
} from './support/main-table.js';

// Hand-worked cases for each step of DHSC's waiting-times method v1.1 (reference e.6; the
// SQL stage numbers are in brackets). Every person is aged 70 (`65 and above`) unless said.
// "pos" is the event's position in the person's timeline (DHSC's person_valid_event_order).

const PROGRESS_TO_ASSESSMENT = outcome('Progress to assessment, review or reassessment');
const TO_SERVICES = outcome('Progress to support planning or services');
const NO_PROGRESS = outcome('NFA: Information and advice or signposting');

const traces = (events: readonly MainTableEvent[]): readonly WaitingTimeRequestTrace[] =>
  waitingTimes(prepared(events), { explain: true }).requests;
const traceOf = (events: readonly MainTableEvent[], row: number): WaitingTimeRequestTrace =>
  traces(events).find((t) => t.row === row)!;

describe('waitingTimes: a basic journey (steps 4, 6, 8, 9)', () => {
  it('request → assessment → service gives both waits in the quarters of their events', () => {
    // R 2024-04-01 (pos 1), A 2024-04-15 (pos 2, progress), S 2024-05-10 (pos 3).
    // Part 1: 04-01 → 04-15 = 14 days. Part 2: 04-01 → 05-10 = 30 (April) + 9 = 39 days.
    const events = [
      event('Request', { row: 1, Event_Start_Date: '2024-04-01', Event_End_Date: '2024-04-01' }),
      event('Assessment', { row: 2, Event_Start_Date: '2024-04-15', Event_End_Date: '2024-04-20' }),
      event('Service', { row: 3, Event_Start_Date: '2024-05-10', Event_End_Date: null }),
    ];
    expect(waitingTimes(prepared(events))).toEqual([
      {
        code: 'WT-first-response',
        quarter: '2024-04-01',
        ageBand: '65 and above',
        count: 1,
        median: 14,
      },
      {
        code: 'WT-first-service',
        quarter: '2024-04-01',
        ageBand: '65 and above',
        count: 1,
        median: 39,
      },
    ]);
  });

  it('the median is PERCENTILE_CONT(0.5): the middle wait, or the mean of the two middle waits', () => {
    // Three people, first-response waits 5, 9 and 30 days → median 9; add a fourth with 12 →
    // sorted 5, 9, 12, 30 → (9 + 12) / 2 = 10.5.
    const journey = (id: string, row: number, days: number): MainTableEvent[] => [
      event('Request', { ...person(id), row, Event_Start_Date: '2024-04-01' }),
      event('Assessment', {
        ...person(id),
        row: row + 1,
        Event_Start_Date: `2024-04-${String(1 + days).padStart(2, '0')}`,
      }),
    ];
    const three = [...journey('A', 10, 5), ...journey('B', 20, 9), ...journey('C', 30, 29)];
    // 2024-04-01 + 29 days = 2024-04-30 (wait 29, not 30: the day of the month is 1 + days)
    expect(waitingTimes(prepared(three))).toEqual([
      {
        code: 'WT-first-response',
        quarter: '2024-04-01',
        ageBand: '65 and above',
        count: 3,
        median: 9,
      },
    ]);
    const four = [...three, ...journey('D', 40, 12)];
    expect(waitingTimes(prepared(four))).toEqual([
      {
        code: 'WT-first-response',
        quarter: '2024-04-01',
        ageBand: '65 and above',
        count: 4,
        median: 10.5,
      },
    ]);
  });
});

describe('waitingTimes: step 3, which requests are valid', () => {
  const withAssessment = (
    request: Partial<MainTableEvent>,
    extra: MainTableEvent[] = [],
  ): MainTableEvent[] => [
    event('Request', { row: 1, Event_Start_Date: '2024-06-01', ...request }),
    event('Assessment', { row: 2, Event_Start_Date: '2024-06-11' }),
    ...extra,
  ];

  it('only service users count; the client type is compared case-insensitively', () => {
    expect(traceOf(withAssessment({ Client_Type_Cleaned: 'Unpaid carer' }), 1).exclusion).toBe(
      'not-service-user',
    );
    expect(traceOf(withAssessment({ Client_Type_Cleaned: null }), 1).exclusion).toBe(
      'not-service-user',
    );
    // SQL Server's default collation: 'SERVICE USER ' = 'Service user'. Wait 06-01 → 06-11 = 10.
    expect(
      traceOf(withAssessment({ Client_Type_Cleaned: 'SERVICE USER ' }), 1).firstResponseWait?.days,
    ).toBe(10);
  });

  it('requests before 2023-04-01 do not count', () => {
    expect(traceOf(withAssessment({ Event_Start_Date: '2023-03-31' }), 1).exclusion).toBe(
      'starts-before-2023-04-01',
    );
    expect(traceOf(withAssessment({ Event_Start_Date: '2023-04-01' }), 1).exclusion).toBeNull();
  });

  it('the age test is Der_Age_Event_Start_Date ≥ 25; an unknown age fails it', () => {
    expect(traceOf(withAssessment({ Der_Age_Event_Start_Date: 24 }), 1).exclusion).toBe(
      'under-25-at-start',
    );
    expect(traceOf(withAssessment({ Der_Age_Event_Start_Date: null }), 1).exclusion).toBe(
      'under-25-at-start',
    );
    expect(traceOf(withAssessment({ Der_Age_Event_Start_Date: 25 }), 1).exclusion).toBeNull();
  });

  it('an NFA, hospital or blank grouped outcome excludes the request; "Invalid and not mapped" does not', () => {
    expect(traceOf(withAssessment(NO_PROGRESS), 1).exclusion).toBe('outcome-not-progressing');
    expect(traceOf(withAssessment(outcome('Admitted to hospital')), 1).exclusion).toBe(
      'outcome-not-progressing',
    );
    expect(traceOf(withAssessment(outcome(null)), 1).exclusion).toBe('outcome-not-progressing');
    expect(traceOf(withAssessment(outcome('Invalid and not mapped')), 1).exclusion).toBeNull();
  });

  describe('existing clients (calendar-month DATEADD, day clamped, bound inclusive)', () => {
    const lts = (
      start: string,
      end: string | null,
      type = 'Long term support: Community',
    ): MainTableEvent =>
      event('Service', {
        row: 9,
        ...serviceType(type),
        Event_Start_Date: start,
        Event_End_Date: end,
      });

    it('a long-term service ending on request start − 12 months makes the client existing; a day earlier does not', () => {
      // 2024-05-31 − 12 months = 2023-05-31 ≤ end 2023-05-31 → existing.
      const existing = traceOf(
        withAssessment({ Event_Start_Date: '2024-05-31' }, [lts('2023-01-01', '2023-05-31')]),
        1,
      );
      expect(existing.exclusion).toBe('existing-client');
      expect(existing.existingService).toMatchObject({ kind: 'service', row: 9 });
      // 2024-06-01 − 12 months = 2023-06-01 > 2023-05-31 → new client.
      expect(
        traceOf(
          withAssessment({ Event_Start_Date: '2024-06-01' }, [lts('2023-01-01', '2023-05-31')]),
          1,
        ).exclusion,
      ).toBeNull();
    });

    it('the month end is clamped: 2024-05-31 − 3 months = 2024-02-29 (a day overflow would give 2024-03-02)', () => {
      // ST-Max ending 2024-02-29: existing for a request on 2024-05-31, not on 2024-06-01
      // (2024-06-01 − 3 months = 2024-03-01).
      const stmax = lts('2024-02-01', '2024-02-29', 'Short term support: ST-Max');
      expect(
        traceOf(withAssessment({ Event_Start_Date: '2024-05-31' }, [stmax]), 1).exclusion,
      ).toBe('existing-client');
      expect(
        traceOf(withAssessment({ Event_Start_Date: '2024-06-01' }, [stmax]), 1).exclusion,
      ).toBeNull();
      const other = lts('2024-02-01', '2024-02-29', 'Short term support: Other short term');
      expect(
        traceOf(withAssessment({ Event_Start_Date: '2024-05-31' }, [other]), 1).exclusion,
      ).toBe('existing-client');
    });

    it('an open service counts; ongoing low level support does not; the service must start before the request', () => {
      expect(traceOf(withAssessment({}, [lts('2020-01-01', null)]), 1).exclusion).toBe(
        'existing-client',
      );
      expect(
        traceOf(
          withAssessment({}, [lts('2024-05-01', null, 'Short term support: Ongoing low level')]),
          1,
        ).exclusion,
      ).toBeNull();
      // Starting the same day as the request (2024-06-01) is not "before".
      expect(traceOf(withAssessment({}, [lts('2024-06-01', null)]), 1).exclusion).toBeNull();
    });

    it('the service may be any client type or age, and the end is the derived (death-corrected, cropped) end', () => {
      const carerService = event('Service', {
        row: 9,
        ...serviceType('Long term support: Community'),
        Client_Type_Cleaned: 'Unpaid carer',
        Der_Age_Event_Start_Date: 20,
        Event_Start_Date: '2024-01-01',
        Event_End_Date: null,
      });
      expect(traceOf(withAssessment({}, [carerService]), 1).exclusion).toBe('existing-client');
      // Raw end open, derived end 2022-01-01 (more than 12 months before 2024-06-01) → new client.
      const cropped = event('Service', {
        row: 9,
        Event_Start_Date: '2021-01-01',
        Event_End_Date: null,
        Der_Event_End_Date: '2022-01-01',
      });
      expect(traceOf(withAssessment({}, [cropped]), 1).exclusion).toBeNull();
    });
  });
});

describe('waitingTimes: step 4, the timeline', () => {
  it('on the same day a request comes before an assessment, which comes before a service', () => {
    // Input order S, A, R, all on 2024-04-01: the timeline is R (1), A (2), S (3), so the
    // first response is the assessment (wait 0) and the service is kept (A progresses).
    const events = [
      event('Service', { row: 1, Event_Start_Date: '2024-04-01' }),
      event('Assessment', { row: 2, Event_Start_Date: '2024-04-01' }),
      event('Request', { row: 3, Event_Start_Date: '2024-04-01' }),
    ];
    const t = traceOf(events, 3);
    expect(t.firstResponse).toMatchObject({ kind: 'assessment', row: 2, position: 2 });
    expect(t.service).toMatchObject({ kind: 'service', row: 1, position: 3 });
  });

  it('two requests on the same day: the later ImportDate comes first (then the higher record id)', () => {
    // R1 (row 1, imported 2024-07-01) and R2 (row 2, imported 2024-10-01) on 2024-04-01, then
    // A on 2024-04-08. Order: R2 (1), R1 (2), A (3). R2 links A and is counted (7 days); R1's
    // predecessor R2 has its later link at pos 3 > 2, so R1 is excluded.
    const events = [
      event('Request', {
        row: 1,
        Event_Start_Date: '2024-04-01',
        ImportDate: '2024-07-01T09:00:00',
      }),
      event('Request', {
        row: 2,
        Event_Start_Date: '2024-04-01',
        ImportDate: '2024-10-01T09:00:00',
      }),
      event('Assessment', { row: 3, Event_Start_Date: '2024-04-08' }),
    ];
    const [r1, r2] = traces(events);
    expect(r2).toMatchObject({ position: 1, exclusion: null, firstResponseWait: { days: 7 } });
    expect(r1).toMatchObject({ position: 2, exclusion: 'previous-request-follow-up-later' });
    // Same import dates: the higher Der_Unique_Record_ID comes first.
    const byRecord = traces([
      event('Request', { row: 1, Der_Unique_Record_ID: 50, Event_Start_Date: '2024-04-01' }),
      event('Request', { row: 2, Der_Unique_Record_ID: 40, Event_Start_Date: '2024-04-01' }),
      event('Assessment', { row: 3, Event_Start_Date: '2024-04-08' }),
    ]);
    expect(byRecord.map((t) => t.position)).toEqual([1, 2]);
  });

  it('assessments and services of people under 25 at their start are left out; any client type is kept', () => {
    // A at 24 is not in the timeline: the first response is the carer-type assessment at 25.
    const events = [
      event('Request', { row: 1, Event_Start_Date: '2024-04-01' }),
      event('Assessment', { row: 2, Event_Start_Date: '2024-04-03', Der_Age_Event_Start_Date: 24 }),
      event('Assessment', {
        row: 3,
        Event_Start_Date: '2024-04-05',
        Client_Type_Cleaned: 'Unpaid carer',
        Der_Age_Event_Start_Date: 25,
      }),
    ];
    expect(traceOf(events, 1).firstResponse).toMatchObject({ row: 3, position: 2 });
    // An assessment type outside Short/Long term assessment is not a response at all.
    const other = [
      event('Request', { row: 1 }),
      event('Assessment', { row: 2, Assessment_Type_Cleaned: 'Invalid and not mapped' }),
    ];
    expect(traceOf(other, 1).firstResponse).toBeNull();
  });
});

describe('waitingTimes: steps 5–6, blocks and links', () => {
  it('consecutive assessments form a block: one that progresses keeps the service for the first', () => {
    // R (1), A1 no progress (2), A2 progress (3), S (4): block {A1, A2} progresses → the
    // first response is A1 (5 days) and the service is kept (04-01 → 04-30 = 29 days).
    const events = [
      event('Request', { row: 1, Event_Start_Date: '2024-04-01' }),
      event('Assessment', { row: 2, Event_Start_Date: '2024-04-06', ...NO_PROGRESS }),
      event('Assessment', { row: 3, Event_Start_Date: '2024-04-10', ...TO_SERVICES }),
      event('Service', { row: 4, Event_Start_Date: '2024-04-30' }),
    ];
    expect(traceOf(events, 1)).toMatchObject({
      firstResponse: { row: 2 },
      service: { row: 4 },
      firstResponseWait: { days: 5 },
      firstServiceWait: { days: 29 },
    });
  });

  it('a block without progress to service cuts the service; a service between assessments splits blocks', () => {
    // R (1), A1 no progress (2), S (3), A2 progress (4): A1's block is {A1} → no part-2 wait.
    const events = [
      event('Request', { row: 1, Event_Start_Date: '2024-04-01' }),
      event('Assessment', { row: 2, Event_Start_Date: '2024-04-06', ...NO_PROGRESS }),
      event('Service', { row: 3, Event_Start_Date: '2024-04-08' }),
      event('Assessment', { row: 4, Event_Start_Date: '2024-04-10', ...TO_SERVICES }),
    ];
    expect(traceOf(events, 1)).toMatchObject({
      firstResponse: { row: 2 },
      firstService: { row: 3 },
      service: null,
      firstServiceWait: null,
    });
    // "Progress to assessment, review or reassessment" is not progress to a service either.
    const reassess = [
      events[0]!,
      event('Assessment', { row: 2, Event_Start_Date: '2024-04-06', ...PROGRESS_TO_ASSESSMENT }),
      events[2]!,
    ];
    expect(traceOf(reassess, 1).service).toBeNull();
  });

  it('an invalid request is not in the timeline, so it does not split a block', () => {
    // R (valid), A1 no progress, Rx (NFA: invalid, not in the timeline), A2 progress, S:
    // A1 and A2 are consecutive → the block progresses → the service is kept.
    const events = [
      event('Request', { row: 1, Event_Start_Date: '2024-04-01' }),
      event('Assessment', { row: 2, Event_Start_Date: '2024-04-06', ...NO_PROGRESS }),
      event('Request', { row: 3, Event_Start_Date: '2024-04-07', ...NO_PROGRESS }),
      event('Assessment', { row: 4, Event_Start_Date: '2024-04-08', ...TO_SERVICES }),
      event('Service', { row: 5, Event_Start_Date: '2024-04-20' }),
    ];
    expect(traceOf(events, 1).service).toMatchObject({ row: 5, position: 4 });
    expect(traceOf(events, 3)).toMatchObject({
      exclusion: 'outcome-not-progressing',
      position: null,
    });
  });

  it('a service before the first assessment is the first response (and the service)', () => {
    // R 04-01 (1), S 04-04 (2), A 04-09 (3): S comes first → both waits 3 days.
    const events = [
      event('Request', { row: 1, Event_Start_Date: '2024-04-01' }),
      event('Service', { row: 2, Event_Start_Date: '2024-04-04' }),
      event('Assessment', { row: 3, Event_Start_Date: '2024-04-09' }),
    ];
    expect(traceOf(events, 1)).toMatchObject({
      firstResponse: { kind: 'service', row: 2 },
      service: { row: 2 },
      firstResponseWait: { days: 3 },
      firstServiceWait: { days: 3 },
    });
  });

  describe('the Release 1 conversation rule (cut-over 2025-07-01)', () => {
    const conversation = { Der_Conversation: 1, ...TO_SERVICES };
    const journey = (
      start: string,
      assessmentStart: string,
      request: Partial<MainTableEvent> = conversation,
    ): MainTableEvent[] => [
      event('Request', { row: 1, Event_Start_Date: start, ...request }),
      event('Assessment', { row: 2, Event_Start_Date: assessmentStart }),
      event('Service', { row: 3, Event_Start_Date: '2025-07-20' }),
    ];

    it('an R1 conversation request that progresses is its own first response (wait 0)', () => {
      // R 2025-06-30 (R1), A 2025-07-05, S 2025-07-20. Part 1: the request itself, 0 days, in
      // quarter 2025-04-01. Part 2: 06-30 → 07-20 = 20 days, quarter 2025-07-01 (kept: the
      // response is a request, not an assessment block).
      const t = traceOf(journey('2025-06-30', '2025-07-05'), 1);
      expect(t).toMatchObject({
        firstResponse: { kind: 'request', row: 1, position: 1 },
        service: { row: 3 },
      });
      expect(t.firstResponseWait).toEqual({
        days: 0,
        quarter: '2025-04-01',
        ageBand: '65 and above',
        reported: true,
      });
      expect(t.firstServiceWait).toMatchObject({ days: 20, quarter: '2025-07-01' });
    });

    it('not from 2025-07-01 (R2), not when an assessment starts the same day, not without progress or the flag', () => {
      expect(traceOf(journey('2025-07-01', '2025-07-05'), 1).firstResponse).toMatchObject({
        kind: 'assessment',
      });
      expect(traceOf(journey('2025-06-30', '2025-06-30'), 1).firstResponse).toMatchObject({
        kind: 'assessment',
      });
      expect(
        traceOf(
          journey('2025-06-30', '2025-07-05', {
            Der_Conversation: 1,
            ...outcome('Invalid and not mapped'),
          }),
          1,
        ).firstResponse,
      ).toMatchObject({ kind: 'assessment' });
      expect(
        traceOf(journey('2025-06-30', '2025-07-05', { Der_Conversation: null, ...TO_SERVICES }), 1)
          .firstResponse,
      ).toMatchObject({ kind: 'assessment' });
      // "Release 1 specification only: Not mapped" indicates progress.
      expect(
        traceOf(
          journey('2025-06-30', '2025-07-05', {
            Der_Conversation: 1,
            ...outcome('Release 1 specification only: Not mapped'),
          }),
          1,
        ).firstResponse,
      ).toMatchObject({ kind: 'request' });
    });
  });
});

describe('waitingTimes: step 7, overlap exclusions by timeline position', () => {
  it('the previous request’s later linked event after this request excludes it', () => {
    // R1 04-01 (1), R2 04-10 (2), A 04-20 (3). R1 links A (pos 3 > 2) → R2 excluded.
    // Output: one wait, R1's 19 days.
    const events = [
      event('Request', { row: 1, Event_Start_Date: '2024-04-01' }),
      event('Request', { row: 2, Event_Start_Date: '2024-04-10' }),
      event('Assessment', { row: 3, Event_Start_Date: '2024-04-20' }),
    ];
    expect(traceOf(events, 2).exclusion).toBe('previous-request-follow-up-later');
    expect(waitingTimes(prepared(events))).toEqual([
      {
        code: 'WT-first-response',
        quarter: '2024-04-01',
        ageBand: '65 and above',
        count: 1,
        median: 19,
      },
    ]);
  });

  it('GREATEST ignores NULL: a cut service does not hide the first response from the rule', () => {
    // R1 (1), R2 (2), A no progress (3): R1's service is NULL (cut), its later link is A (3) > 2.
    const events = [
      event('Request', { row: 1, Event_Start_Date: '2024-04-01' }),
      event('Request', { row: 2, Event_Start_Date: '2024-04-02' }),
      event('Assessment', { row: 3, Event_Start_Date: '2024-04-03', ...NO_PROGRESS }),
      event('Service', { row: 4, Event_Start_Date: '2024-04-09' }),
    ];
    expect(traceOf(events, 1).service).toBeNull();
    expect(traceOf(events, 2).exclusion).toBe('previous-request-follow-up-later');
  });

  it('a preceding request that is itself excluded still triggers the rule (surprising)', () => {
    // R1 04-01 (1); R2 04-02 (2) is an R1 conversation (its own response, pos 2); A0 04-03 (3)
    // does not progress; R3 04-04 (4); S 04-10 (5).
    // R1: response A0 (3), service cut (A0's block does not progress) → later 3 > 2 → R2 excluded.
    // R2: response itself (2), service S (5) → later 5.
    // R3: its predecessor is R2 (excluded), whose later link 5 > 4 → R3 excluded by the first rule.
    // (Skipping excluded requests would compare with R1's 3 and not fire.) Output: R1's 2 days only.
    const events = [
      event('Request', { row: 1, Event_Start_Date: '2024-04-01' }),
      event('Request', {
        row: 2,
        Event_Start_Date: '2024-04-02',
        Der_Conversation: 1,
        ...TO_SERVICES,
      }),
      event('Assessment', { row: 3, Event_Start_Date: '2024-04-03', ...NO_PROGRESS }),
      event('Request', { row: 4, Event_Start_Date: '2024-04-04' }),
      event('Service', { row: 5, Event_Start_Date: '2024-04-10' }),
    ];
    expect(traces(events).map((t) => t.exclusion)).toEqual([
      null,
      'previous-request-follow-up-later',
      'previous-request-follow-up-later',
    ]);
    expect(waitingTimes(prepared(events))).toEqual([
      {
        code: 'WT-first-response',
        quarter: '2024-04-01',
        ageBand: '65 and above',
        count: 1,
        median: 2,
      },
    ]);
  });

  it('a first response or a service at or before an earlier request’s excludes the request', () => {
    // R1 04-01 (1), S1 04-03 (2, ongoing low level: it does not make R2 an existing client's),
    // R2 04-05 (3), S2 04-08 (4). R1: response S1 (2), service S1.
    // R2: response S2 (4) — after R1's; rule 1: R1's later 2 < 3. R2 counted: 3 days each.
    const counted = [
      event('Request', { row: 1, Event_Start_Date: '2024-04-01' }),
      event('Service', {
        row: 2,
        Event_Start_Date: '2024-04-03',
        ...serviceType('Short term support: Ongoing low level'),
      }),
      event('Request', { row: 3, Event_Start_Date: '2024-04-05' }),
      event('Service', { row: 4, Event_Start_Date: '2024-04-08' }),
    ];
    expect(traces(counted).map((t) => [t.exclusion, t.firstResponseWait?.days])).toEqual([
      [null, 2],
      [null, 3],
    ]);
    // R1 04-01 (1, conversation → response itself at 1), A 04-02 (2) no progress, R2 04-03 (3),
    // S 04-05 (4). R1's service is S (4): a conversation response keeps the service.
    // R2: response S (4); rule 1: R1's later 4 > 3 fires first.
    const overlapping = [
      event('Request', {
        row: 1,
        Event_Start_Date: '2024-04-01',
        Der_Conversation: 1,
        ...TO_SERVICES,
      }),
      event('Assessment', { row: 2, Event_Start_Date: '2024-04-02', ...NO_PROGRESS }),
      event('Request', { row: 3, Event_Start_Date: '2024-04-03' }),
      event('Service', { row: 4, Event_Start_Date: '2024-04-05' }),
    ];
    expect(traceOf(overlapping, 3).exclusion).toBe('previous-request-follow-up-later');
  });

  it('rules 2 and 3 look at every earlier request, not only the previous one', () => {
    // R1 04-01 (1) conversation: response itself (1), service S (5).
    // R2 04-02 (2): response A (3, no progress) → service cut → later 3 > 2?? R1's later is 5 > 2 → R2 excluded (rule 1).
    // R3 04-04 (4): previous R2 later 3 < 4 → rule 1 no; response S (5); max earlier response = 3 → no;
    // service S (5) ≤ max earlier service 5 (R1's) → excluded by rule 3.
    const events = [
      event('Request', {
        row: 1,
        Event_Start_Date: '2024-04-01',
        Der_Conversation: 1,
        ...TO_SERVICES,
      }),
      event('Request', { row: 2, Event_Start_Date: '2024-04-02' }),
      event('Assessment', { row: 3, Event_Start_Date: '2024-04-03', ...NO_PROGRESS }),
      event('Request', { row: 4, Event_Start_Date: '2024-04-04' }),
      event('Service', { row: 5, Event_Start_Date: '2024-04-06' }),
    ];
    expect(traces(events).map((t) => t.exclusion)).toEqual([
      null,
      'previous-request-follow-up-later',
      'service-already-linked',
    ]);
  });

  it('NULL never triggers: a request with no links does not exclude the next; no service is not "at or before"', () => {
    // R1 04-01 (1), A no progress 04-05 (2), R2 04-06 (3), S 04-20 (4).
    // R1: response A (2), service cut (NULL) → later 2 < 3; max earlier service stays 0.
    // R2: response S (4) > 2; service S (4) > 0 → counted. Waits: R1 4 days; R2 14 and 14.
    const events = [
      event('Request', { row: 1, Event_Start_Date: '2024-04-01' }),
      event('Assessment', { row: 2, Event_Start_Date: '2024-04-05', ...NO_PROGRESS }),
      event('Request', { row: 3, Event_Start_Date: '2024-04-06' }),
      event('Service', { row: 4, Event_Start_Date: '2024-04-20' }),
    ];
    expect(traces(events).map((t) => t.exclusion)).toEqual([null, null]);
    expect(waitingTimes(prepared(events))).toEqual([
      {
        code: 'WT-first-response',
        quarter: '2024-04-01',
        ageBand: '65 and above',
        count: 2,
        median: 9,
      }, // (4 + 14) / 2
      {
        code: 'WT-first-service',
        quarter: '2024-04-01',
        ageBand: '65 and above',
        count: 1,
        median: 14,
      },
    ]);
    // A request with nothing after it: counted (not excluded) but no wait.
    expect(traceOf([event('Request', { row: 1 })], 1)).toMatchObject({
      exclusion: null,
      firstResponse: null,
      service: null,
      firstResponseWait: null,
    });
  });
});

describe('waitingTimes: step 8, quarters and bands', () => {
  it('each wait goes to the quarter of its response event’s start, not the request’s', () => {
    // R 2024-06-20, A 2024-07-05 → 15 days in quarter 2024-07-01; S 2024-10-02 → 10 (June) + 31
    // + 31 + 30 + 2 = 104 days in quarter 2024-10-01.
    const events = [
      event('Request', { row: 1, Event_Start_Date: '2024-06-20' }),
      event('Assessment', { row: 2, Event_Start_Date: '2024-07-05', ...TO_SERVICES }),
      event('Service', { row: 3, Event_Start_Date: '2024-10-02' }),
    ];
    expect(waitingTimes(prepared(events))).toEqual([
      {
        code: 'WT-first-response',
        quarter: '2024-07-01',
        ageBand: '65 and above',
        count: 1,
        median: 15,
      },
      {
        code: 'WT-first-service',
        quarter: '2024-10-01',
        ageBand: '65 and above',
        count: 1,
        median: 104,
      },
    ]);
    // The January–March quarter starts on 1 January.
    const q4 = [
      event('Request', { row: 1, Event_Start_Date: '2025-01-10' }),
      event('Assessment', { row: 2, Event_Start_Date: '2025-03-31' }),
    ];
    expect(waitingTimes(prepared(q4))[0]).toMatchObject({ quarter: '2025-01-01', median: 80 }); // 21 + 28 + 31
  });

  it('the band is the response event’s (from its end age), relabelled 25 to 64 (surprising)', () => {
    // The request starts at 64 but its Der_Working_Age_Band (from its end age 65) is 65 and above;
    // the assessment is banded 18 to 64 → 25 to 64 for part 1; the open service is banded from
    // the age at the reference-period end → 65 and above for part 2.
    const events = [
      event('Request', {
        row: 1,
        ...person('Q', 64, '65 and above'),
        Event_Start_Date: '2024-04-01',
      }),
      event('Assessment', {
        row: 2,
        ...person('Q', 64, '18 to 64'),
        Event_Start_Date: '2024-04-11',
        ...TO_SERVICES,
      }),
      event('Service', {
        row: 3,
        ...person('Q', 64, '65 and above'),
        Event_Start_Date: '2024-04-21',
        Event_End_Date: null,
      }),
    ];
    expect(waitingTimes(prepared(events))).toEqual([
      {
        code: 'WT-first-response',
        quarter: '2024-04-01',
        ageBand: '25 to 64',
        count: 1,
        median: 10,
      },
      {
        code: 'WT-first-service',
        quarter: '2024-04-01',
        ageBand: '65 and above',
        count: 1,
        median: 20,
      },
    ]);
  });

  it('an R1 conversation request takes its own band; waits in other bands are dropped', () => {
    const events = [
      event('Request', { row: 1, ...person('U', 30, 'Unknown'), Event_Start_Date: '2024-04-01' }),
      event('Assessment', {
        row: 2,
        ...person('U', 30, 'Unknown'),
        Event_Start_Date: '2024-04-05',
      }),
    ];
    expect(waitingTimes(prepared(events))).toEqual([]);
    expect(traceOf(events, 1).firstResponseWait).toEqual({
      days: 4,
      quarter: '2024-04-01',
      ageBand: 'Unknown',
      reported: false,
    });
    const conv = [
      event('Request', {
        row: 1,
        ...person('V', 40, '18 to 64'),
        Der_Conversation: 1,
        ...TO_SERVICES,
        Event_Start_Date: '2024-04-01',
      }),
    ];
    expect(waitingTimes(prepared(conv))).toEqual([
      {
        code: 'WT-first-response',
        quarter: '2024-04-01',
        ageBand: '25 to 64',
        count: 1,
        median: 0,
      },
    ]);
  });

  it('quartersFrom keeps only quarters starting on or after it (the dashboard shows 2024-04-01 on)', () => {
    const events = [
      event('Request', { row: 1, ...person('A'), Event_Start_Date: '2024-03-01' }),
      event('Assessment', { row: 2, ...person('A'), Event_Start_Date: '2024-03-05' }),
      event('Request', { row: 3, ...person('B'), Event_Start_Date: '2024-04-01' }),
      event('Assessment', { row: 4, ...person('B'), Event_Start_Date: '2024-04-05' }),
    ];
    expect(waitingTimes(prepared(events)).map((r) => r.quarter)).toEqual([
      '2024-01-01',
      '2024-04-01',
    ]);
    expect(
      waitingTimes(prepared(events), { quartersFrom: '2024-04-01' }).map((r) => r.quarter),
    ).toEqual(['2024-04-01']);
    expect(() => waitingTimes(prepared(events), { quartersFrom: '1 April 2024' })).toThrow(
      RangeError,
    );
  });
});

describe('waitingTimes: people are kept apart', () => {
  it('events of another person, or another LA code, never link', () => {
    const events = [
      event('Request', { row: 1, ...person('A'), Event_Start_Date: '2024-04-01' }),
      event('Assessment', { row: 2, ...person('B'), Event_Start_Date: '2024-04-05' }),
      event('Assessment', {
        row: 3,
        ...person('A'),
        LA_Code: 'X02',
        Event_Start_Date: '2024-04-06',
      }),
      // Person ids compare under the collation: 'a' is the same person as 'A'.
      event('Assessment', { row: 4, ...person('a'), Event_Start_Date: '2024-04-09' }),
    ];
    expect(traceOf(events, 1).firstResponse).toMatchObject({ row: 4 });
  });
});
