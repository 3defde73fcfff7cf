// The report module's small helpers, each checked on values worked out by hand: JSON
// equality, the message form of a value, the defaults of fields added after 1.0, the
// options check, the append-only logs that successive reports share, and the digest
// (against node:crypto's SHA-256 of the same JSON).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { replayReport, reportDeadlines, reportDigest } from '../../src/report/index.js';
import { appendLog, emptyLog, findInLog, logToArray } from '../../src/report/log.js';
import { resolveReportOptions } from '../../src/report/options.js';
import { jsonForMessage, laterFieldDefault, sameJson } from '../../src/report/same-json.js';
import { countWords } from '../../src/report/word-count.js';
import { ENGLAND_AND_WALES, createWorkingDayCalendar } from '../../src/timeline/index.js';
import { build, toDraft } from './helpers.js';

describe('sameJson: equal as JSON data', () => {
  it.each([
    [1, 1, true],
    ['a', 'a', true],
    [null, null, true],
    [1, '1', false], // a number is not its text
    [{}, null, false],
    [1, {}, false], // a number has no keys, like {}: the type check must say no
    [{}, 1, false],
    ['', [], false],
    [null, {}, false],
    [[], {}, false], // an empty array is not an empty object
    [{}, [], false],
    [[1, 2], [1, 2], true],
    [[1, 2], [2, 1], false], // order matters in arrays
    [{ a: 1, b: 2 }, { b: 2, a: 1 }, true], // not in objects
    [{ a: 1 }, { a: 1, b: 2 }, false], // fewer keys
    [{ a: 1, b: 2 }, { a: 1 }, false],
    [{ a: 1, b: undefined }, { a: 1, c: undefined }, false], // same count, other key
    [{ a: { b: [1, { c: 'x' }] } }, { a: { b: [1, { c: 'x' }] } }, true],
    [{ a: { b: [1, { c: 'x' }] } }, { a: { b: [1, { c: 'y' }] } }, false], // deep difference
  ])('sameJson(%j, %j) = %s', (a, b, expected) => {
    expect(sameJson(a, b)).toBe(expected);
  });
});

describe('jsonForMessage', () => {
  it('is the JSON text, cut to 120 characters with an ellipsis', () => {
    expect(jsonForMessage({ a: 1 })).toBe('{"a":1}');
    expect(jsonForMessage(undefined)).toBe('undefined'); // JSON.stringify gives undefined
    const long = 'x'.repeat(200); // JSON: 202 characters with the quotes
    expect(jsonForMessage(long)).toBe(`"${'x'.repeat(119)}…`);
    expect(jsonForMessage('x'.repeat(118))).toBe(`"${'x'.repeat(118)}"`); // exactly 120: kept
    expect(jsonForMessage('x'.repeat(119))).toBe(`"${'x'.repeat(119)}…`); // 121: cut
  });

  it('never throws: a cyclic value or a BigInt is "an unprintable value"', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(jsonForMessage(cyclic)).toBe('an unprintable value');
    expect(jsonForMessage(10n)).toBe('an unprintable value');
  });
});

describe('laterFieldDefault: what a report stored before a field existed reads as', () => {
  it('gives each later field its default and nothing for other keys', () => {
    expect(laterFieldDefault('siteVisitStart')).toBeNull();
    expect(laterFieldDefault('publishedPercentage')).toBeNull();
    expect(laterFieldDefault('section50Notices')).toEqual([]);
    expect(laterFieldDefault('specialMeasuresRecommendation')).toBeNull();
    expect(laterFieldDefault('state')).toBeUndefined();
    expect(laterFieldDefault('toString')).toBeUndefined(); // own keys only
  });
});

describe('resolveReportOptions', () => {
  it('defaults to the England and Wales calendar and the library’s word count', () => {
    expect(resolveReportOptions({ calendar: null as never }).calendar).toBe(ENGLAND_AND_WALES);
    const resolved = resolveReportOptions(undefined);
    expect(resolved.calendar).toBe(ENGLAND_AND_WALES);
    expect(resolved.countWords).toBe(countWords);
    expect(resolveReportOptions({}).calendar).toBe(ENGLAND_AND_WALES);
  });

  it('keeps the calendar and counter given', () => {
    const calendar = createWorkingDayCalendar({ add: [{ date: '2031-06-06', name: 'x' }] });
    const count = (text: string) => text.length;
    const resolved = resolveReportOptions({ calendar, countWords: count });
    expect(resolved.calendar).toBe(calendar);
    expect(resolved.countWords).toBe(count);
  });

  it.each([
    ['a string', 'calendar'],
    // (null is not here: `calendar: null` falls back to the default, like undefined)
    ['a function carrying addWorkingDays', Object.assign(() => 0, { addWorkingDays: () => '' })],
    ['an object without addWorkingDays', { isWorkingDay: () => true }],
    ['addWorkingDays that is not a function', { addWorkingDays: 1 }],
  ])('rejects a calendar that is %s with a TypeError', (_what, calendar) => {
    expect(() => resolveReportOptions({ calendar: calendar as never })).toThrow(
      new TypeError(
        'options.calendar must be a WorkingDayCalendar (see createWorkingDayCalendar in la-assurance/timeline)',
      ),
    );
  });

  it('rejects a countWords that is not a function', () => {
    expect(() => resolveReportOptions({ countWords: 5 as never })).toThrow(
      new TypeError('options.countWords must be a function (text: string) => number'),
    );
  });
});

describe('append-only logs', () => {
  it('appending to the newest view pushes in place; both views see their own items', () => {
    const a = appendLog(emptyLog<string>(true), 'first', 'k1');
    const b = appendLog(a, 'second', 'k2');
    expect(b.items).toBe(a.items); // one shared buffer
    expect(logToArray(a)).toEqual(['first']);
    expect(logToArray(b)).toEqual(['first', 'second']);
    expect(findInLog(a, 'k1')).toBe(0);
    expect(findInLog(a, 'k2')).toBeUndefined(); // past a's length
    expect(findInLog(b, 'k2')).toBe(1);
  });

  it('appending to an older view (a branch) copies its items and keys, leaving the newer view whole', () => {
    const a = appendLog(emptyLog<string>(true), 'first', 'k1');
    const b = appendLog(a, 'second', 'k2');
    const branch = appendLog(a, 'other', 'k3');
    expect(branch.items).not.toBe(b.items);
    expect(logToArray(branch)).toEqual(['first', 'other']);
    expect(logToArray(b)).toEqual(['first', 'second']);
    expect(findInLog(branch, 'k1')).toBe(0);
    expect(findInLog(branch, 'k3')).toBe(1);
    expect(findInLog(branch, 'k2')).toBeUndefined(); // b's key is not the branch's
    expect(findInLog(b, 'k2')).toBe(1);
    expect(findInLog(b, 'k3')).toBeUndefined();
  });

  it('an item appended to a keyed log without a key is not indexed', () => {
    const log = appendLog(appendLog(emptyLog<string>(true), 'a', 'k'), 'b');
    expect([...(log.index?.keys() ?? [])]).toEqual(['k']);
  });

  it('an unkeyed log has no index and finds nothing', () => {
    const log = appendLog(appendLog(emptyLog<number>(), 1), 2, 'ignored');
    expect(log.index).toBeNull();
    expect(findInLog(log, 'ignored')).toBeUndefined();
    expect(logToArray(log)).toEqual([1, 2]);
    const branch = appendLog(appendLog(emptyLog<number>(), 1), 3);
    expect(logToArray(branch)).toEqual([1, 3]);
  });

  it('logToArray is a frozen copy', () => {
    const log = appendLog(emptyLog<number>(), 1);
    const array = logToArray(log);
    expect(Object.isFrozen(array)).toBe(true);
    expect(array).not.toBe(log.items);
  });
});

describe('reportDigest', () => {
  it('is "sha256:" and the SHA-256 (node:crypto) of the history as JSON', () => {
    const replayed = replayReport(toDraft('2024-02-05'));
    if (!replayed.success) throw new Error('replay failed');
    const expected = createHash('sha256')
      .update(JSON.stringify(replayed.data.history), 'utf8')
      .digest('hex');
    expect(reportDigest(replayed.data)).toBe(`sha256:${expected}`);
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    [' one  two\tthree\nfour ', 4],
    ['— – …', 0], // punctuation alone is no word
    ['Zoë 42', 2], // letters and numbers of any script
  ])('countWords(%j) = %i', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });
});

describe('report deadlines when the calendar cannot count', () => {
  it('a calendar RangeError (a date it does not cover) gives null; any other error is not hidden', () => {
    const report = build(toDraft('2024-12-20'));
    const throwing = (error: Error) => ({
      ...ENGLAND_AND_WALES,
      addWorkingDays: () => {
        throw error;
      },
    });
    expect(reportDeadlines(report, { calendar: throwing(new RangeError('not covered')) })).toEqual({
      factualAccuracyComments: null,
      ratingProcessReviewRequest: null,
      section50ActionBy: null,
    });
    expect(() =>
      reportDeadlines(report, { calendar: throwing(new TypeError('broken calendar')) }),
    ).toThrow(new TypeError('broken calendar'));
  });
});
