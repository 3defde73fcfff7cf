import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/internal/sha256.js';
import {
  applyReportEvent,
  parseReport,
  replayReport,
  reportDigest,
  safeParseReport,
  type Report,
  type ReportEvent,
} from '../../src/report/index.js';
import { deepFreeze } from '../support/published-results.js';
import { build, toPublished } from './helpers.js';

const stored = () =>
  JSON.parse(JSON.stringify(build(toPublished()))) as Record<string, unknown> & {
    history: unknown[];
  };
const withdraw: ReportEvent = {
  type: 'report-withdrawn',
  date: '2025-02-03',
  reason: 'Correct a figure',
};
const throwing = (base: object, key: string) =>
  Object.defineProperty({ ...base }, key, {
    get: () => {
      throw new Error('getter');
    },
    enumerable: true,
  });
const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

describe('applyReportEvent on damaged or hostile reports (issue 15): its own result, never a throw', () => {
  it('a stored report with factualAccuracy nulled, or an event nulled, is invalid-report', () => {
    expect(
      applyReportEvent({ ...stored(), factualAccuracy: null } as never, withdraw),
    ).toMatchObject({
      success: false,
      issues: [{ code: 'invalid-report', path: ['factualAccuracy'] }],
    });
    const damaged = stored();
    damaged.history[3] = null;
    expect(applyReportEvent(damaged as never, withdraw)).toMatchObject({
      success: false,
      issues: [{ code: 'invalid-report', path: ['history', 3] }],
    });
    // The same damage to a live report (a spread copies its fields).
    expect(
      applyReportEvent({ ...build(toPublished()), factualAccuracy: null }, withdraw),
    ).toMatchObject({ success: false, issues: [{ code: 'invalid-report' }] });
  });

  it('throwing getters, Proxies and revoked Proxies give input-unreadable (report, event, history)', () => {
    expect(applyReportEvent(throwing(stored(), 'state') as never, withdraw)).toMatchObject({
      success: false,
      issues: [{ code: 'input-unreadable' }],
    });
    expect(applyReportEvent(revoked() as never, withdraw)).toMatchObject({
      success: false,
      issues: [{ code: 'input-unreadable' }],
    });
    expect(
      applyReportEvent(build(toPublished()), throwing(withdraw, 'reason') as never),
    ).toMatchObject({ success: false, issues: [{ code: 'input-unreadable' }] });
    expect(applyReportEvent(build(toPublished()), revoked() as never)).toMatchObject({
      success: false,
      issues: [{ code: 'input-unreadable' }],
    });
    expect(replayReport(revoked() as never)).toMatchObject({ success: false });
    const events = [...toPublished()];
    expect(replayReport([...events, throwing(withdraw, 'date')] as never)).toMatchObject({
      success: false,
      index: 7,
      issues: [{ code: 'input-unreadable' }],
    });
    expect(safeParseReport(revoked())).toMatchObject({
      success: false,
      issues: [{ code: 'input-unreadable' }],
    });
    expect(safeParseReport(throwing(stored(), 'council'))).toMatchObject({ success: false });
    // A Proxy that reads correctly is read like the object behind it.
    expect(applyReportEvent(new Proxy(stored(), {}) as never, withdraw).success).toBe(true);
  });

  it('safeParseReport on a symbol key returns issues', () => {
    const r = safeParseReport({ ...stored(), [Symbol('x')]: 1 });
    expect(typeof r.success).toBe('boolean');
    const cyclic: Record<string, unknown> = stored();
    cyclic.history = [cyclic];
    expect(safeParseReport(cyclic).success).toBe(false);
    expect(applyReportEvent(cyclic as never, withdraw).success).toBe(false);
  });

  it('a stored copy (JSON) continues exactly like the live report; a report stored before the 2026 fields still reads', () => {
    const live = build(toPublished());
    const fromJson = applyReportEvent(JSON.parse(JSON.stringify(live)) as Report, withdraw);
    const fromLive = applyReportEvent(live, withdraw);
    expect(fromJson.success && fromJson.data).toEqual(fromLive.success && fromLive.data);
    const old = stored();
    for (const key of [
      'siteVisitStart',
      'publishedPercentage',
      'section50Notices',
      'specialMeasuresRecommendation',
    ])
      delete old[key];
    expect(safeParseReport(old).success).toBe(true);
    expect(applyReportEvent(old as never, withdraw).success).toBe(true);
  });
});

describe('shared history stays immutable (issue 16)', () => {
  it('branching: events applied to an older report never show in the newer one, in any order', () => {
    const amend = (score: 2 | 3 | 4, date: string): ReportEvent => ({
      type: 'score-amended',
      date,
      qualityStatement: 'safeguarding',
      score,
      reason: `to ${score}`,
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.constantFrom<2 | 3 | 4>(3, 4, 2)), {
          minLength: 1,
          maxLength: 30,
        }),
        (steps) => {
          const reports: Report[] = [build(toPublished().slice(0, 1))];
          const expected: ReportEvent[][] = [[...reports[0]!.history]];
          for (const [pick, score] of steps) {
            const from = pick % reports.length;
            const base = reports[from]!;
            const event = amend(score, '2024-01-03');
            const r = applyReportEvent(base, event);
            if (!r.success) continue;
            reports.push(r.data);
            expected.push([...expected[from]!, event]);
          }
          reports.forEach((report, i) => {
            expect(report.history).toEqual(expected[i]);
            expect(report.amendments).toHaveLength(expected[i]!.length - 1);
            expect(replayReport(report.history)).toMatchObject({ success: true, data: report });
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports and their lists are frozen; frozen input is not mutated', () => {
    const events = deepFreeze(toPublished());
    const report = build(events);
    expect(
      Object.isFrozen(report) &&
        Object.isFrozen(report.history) &&
        Object.isFrozen(report.factualAccuracy) &&
        Object.isFrozen(report.withdrawals),
    ).toBe(true);
    expect(() => {
      (report.history as ReportEvent[]).push(withdraw);
    }).toThrow(TypeError);
  });
});

describe('integrity digest (SHA-256 of the history)', () => {
  it('SHA-256 matches the FIPS 180-4 test vectors and node:crypto', () => {
    const hex = (s: string) => sha256Hex(new TextEncoder().encode(s));
    expect(hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(hex('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        expect(hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
  });

  it('detects every one-character edit of a stored report', () => {
    const report = build([
      ...toPublished(),
      { type: 'report-withdrawn', date: '2025-02-03', reason: 'Correct a figure' },
      { type: 'report-republished', date: '2025-02-04' },
    ]);
    const digest = reportDigest(report);
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const json = JSON.stringify(report);
    expect(safeParseReport(json, { digest }).success).toBe(true);
    let edits = 0;
    for (let i = 0; i < json.length; i++) {
      // Replace the character by a neighbour in its class: a digit by another digit, a letter by another letter, else 'x'.
      const c = json[i]!;
      const swap = /[0-8]/.test(c)
        ? String(Number(c) + 1)
        : c === '9'
          ? '0'
          : /[a-y]/.test(c)
            ? String.fromCharCode(c.charCodeAt(0) + 1)
            : c === 'z'
              ? 'a'
              : /[A-Z]/.test(c)
                ? c.toLowerCase()
                : 'x';
      const edited = json.slice(0, i) + swap + json.slice(i + 1);
      edits++;
      expect(
        safeParseReport(edited, { digest }).success,
        `edit at ${i}: ${json.slice(Math.max(0, i - 20), i + 20)}`,
      ).toBe(false);
    }
    expect(edits).toBe(json.length);
  });

  it('without the digest a consistent edit (a changed reason) passes: the digest is what catches it', () => {
    const report = build([...toPublished(), withdraw]);
    const edited = JSON.parse(JSON.stringify(report)) as {
      history: { reason?: string }[];
      withdrawals: { reason: string }[];
    };
    edited.history[7]!.reason = 'Something else';
    edited.withdrawals[0]!.reason = 'Something else';
    expect(safeParseReport(edited).success).toBe(true);
    expect(safeParseReport(edited, { digest: reportDigest(report) })).toMatchObject({
      success: false,
      issues: [{ code: 'digest-mismatch' }],
    });
    expect(parseReport(JSON.stringify(report), { digest: reportDigest(report) }).state).toBe(
      'withdrawn',
    );
  });
});
