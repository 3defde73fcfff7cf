// The one ISO-date parser (isoDateKey) and the calendar's edges, checked precisely enough
// to kill the mutants that survived the mutation run of issue 15 (docs/testing.md).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayNumberOfKey,
  isoDateKey,
  toDayNumber,
  fromDayNumber,
  type IsoDate,
} from '../../src/timeline/iso-date.js';
import {
  isIsoDate,
  isoDate,
  addWorkingDays,
  bankHolidays,
  createWorkingDayCalendar,
  workingDaysBetween,
} from '../../src/timeline/index.js';

/** Independent oracle: a date is real when Date.UTC gives back the same year, month and day. */
function oracle(year: number, month: number, day: number): boolean {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('isoDateKey: the library’s one ISO-date parser', () => {
  it('accepts exactly the real dates, year 0000 to 9999 (against Date.UTC)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (y, m, d) => {
          const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const real = m >= 1 && m <= 12 && d >= 1 && oracle(y, m, d);
          expect(isoDateKey(text)).toBe(real ? y * 10000 + m * 100 + d : -1);
          expect(isIsoDate(text)).toBe(real);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('leap years: every 4th, not every 100th, but every 400th (29 February)', () => {
    expect(
      ['2024-02-29', '2000-02-29', '2400-02-29', '1972-02-29', '0000-02-29'].map(isIsoDate),
    ).toEqual([true, true, true, true, true]);
    expect(
      ['2023-02-29', '1900-02-29', '2100-02-29', '2200-02-29', '2019-02-29'].map(isIsoDate),
    ).toEqual([false, false, false, false, false]);
    expect(isIsoDate('2023-02-28')).toBe(true);
    expect(isIsoDate('2024-02-30')).toBe(false);
  });

  it('month and day ranges: 01–12, 01 to the month’s length', () => {
    const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    lengths.forEach((length, i) => {
      const month = pad(i + 1, 2);
      expect(isIsoDate(`2023-${month}-${length}`), `${month} has ${length}`).toBe(true);
      expect(isIsoDate(`2023-${month}-${length + 1}`), `${month} has no ${length + 1}`).toBe(false);
      expect(isIsoDate(`2023-${month}-00`)).toBe(false);
      expect(isIsoDate(`2023-${month}-01`)).toBe(true);
    });
    expect(['2023-00-10', '2023-13-10', '2023-99-10'].map(isIsoDate)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('the whole string is the date: nothing before, nothing after (the pattern’s anchors), ASCII digits only', () => {
    for (const text of [
      'x2024-01-01',
      '2024-01-01x',
      ' 2024-01-01',
      '2024-01-01 ',
      '2024-01-011',
      '12024-01-01',
      '2024-01-1',
      '024-01-01',
      '2024-01-01\n',
    ]) {
      expect(isoDateKey(text), JSON.stringify(text)).toBe(-1);
    }
    // Each position: the characters either side of '0'–'9' in ASCII ('/' and ':'), a letter, and a non-ASCII digit.
    const valid = '2024-11-22';
    for (let i = 0; i < valid.length; i++) {
      for (const c of ['/', ':', 'a', '٣', '-', '0']) {
        const text = valid.slice(0, i) + c + valid.slice(i + 1);
        const digitSlot = i !== 4 && i !== 7;
        const expected = digitSlot ? c === '0' && isIsoDate(text) : c === '-';
        expect(isoDateKey(text) >= 0, JSON.stringify(text)).toBe(expected);
      }
    }
    expect(isoDateKey('2024/01/01')).toBe(-1);
    expect(isoDateKey('2024-01/01')).toBe(-1);
    expect(isoDateKey('2024/01-01')).toBe(-1);
    for (const value of [
      20240101,
      null,
      undefined,
      10n,
      {},
      ['2024-01-01'],
      new String('2024-01-01'),
    ])
      expect(isoDateKey(value)).toBe(-1);
  });

  it('keys sort as the dates do, and day numbers round-trip', () => {
    expect(isoDateKey('0000-01-01')).toBe(101);
    expect(isoDateKey('9999-12-31')).toBe(99991231);
    expect(isoDateKey('2024-12-20')).toBe(20241220);
    expect(dayNumberOfKey(19700101)).toBe(0);
    expect(dayNumberOfKey(19700102)).toBe(1);
    expect(dayNumberOfKey(19691231)).toBe(-1);
    fc.assert(
      fc.property(fc.integer({ min: -719528, max: 2932896 }), (n) => {
        const date = fromDayNumber(n);
        expect(toDayNumber(date)).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('the last day of a 400-year era round-trips (29 February of 2000 and 2400)', () => {
    for (const date of ['2000-02-29', '2400-02-29', '1600-02-29', '2000-03-01', '1999-12-31'])
      expect(fromDayNumber(toDayNumber(date as IsoDate))).toBe(date);
    expect(toDayNumber('2000-02-29' as IsoDate)).toBe(11016); // 30 years × 365 + 7 leap days (1972…1996) + 31 + 28
  });

  it('isoDate and toDayNumber reject what is not a date, describing it', () => {
    expect(() => isoDate('2023-02-29')).toThrow(
      new RangeError(
        'Expected a calendar date written YYYY-MM-DD; got "2023-02-29" (a string). Check untrusted dates with isIsoDate or IsoDateSchema first.',
      ),
    );
    expect(isoDate('2024-02-29')).toBe('2024-02-29');
    expect(() => toDayNumber('2024-2-29' as IsoDate)).toThrow(RangeError);
  });
});

describe('the working-day calendar at its edges (1978–2199)', () => {
  it('2199’s bank holidays are there (standing rules; worked out by hand)', () => {
    // By hand: 2000-01-01 was a Saturday; 199 years with 49 leap days later is 72,684 days,
    // ≡ 3 (mod 7), so 2199-01-01 is a Tuesday (no substitute). Easter (Meeus/Jones/Butcher,
    // a=14, h=20, l=3): Sunday 14 April, so Good Friday 12th and Easter Monday 15th.
    // 1 May is day 120 (≡ 1): a Wednesday, so May's Mondays are the 6th and 27th; 31 August
    // (≡ 4) a Saturday, so the 26th; 25 December (≡ 1) a Wednesday, Boxing Day Thursday.
    expect(bankHolidays(2199).map((h) => h.date)).toEqual([
      '2199-01-01',
      '2199-04-12',
      '2199-04-15',
      '2199-05-06',
      '2199-05-27',
      '2199-08-26',
      '2199-12-25',
      '2199-12-26',
    ]);
    expect(createWorkingDayCalendar().isWorkingDay('2199-12-26')).toBe(false);
    expect(workingDaysBetween('2199-12-24', '2199-12-31')).toBe(3); // 27 (Fri), 30 (Mon), 31 (Tue)
  });

  it('addWorkingDays reaches the last working day covered, and not one beyond', () => {
    expect(addWorkingDays('2199-12-30', 1)).toBe('2199-12-31');
    expect(() => addWorkingDays('2199-12-31', 1)).toThrow(
      new RangeError(
        '1 working days from 2199-12-31 falls outside the years the calendar covers (1978–2199)',
      ),
    );
    expect(() => addWorkingDays('2199-12-30', 2)).toThrow(RangeError);
    expect(addWorkingDays('1978-01-04', -1)).toBe('1978-01-03');
    expect(() => addWorkingDays('1978-01-03', -1)).toThrow(
      /-1 working days from 1978-01-03 falls outside/,
    );
    expect(() => addWorkingDays('2200-01-01', 0)).toThrow(
      new RangeError('2200-01-01 is outside the years the working-day calendar covers (1978–2199)'),
    );
    expect(() => addWorkingDays('1977-12-31', 0)).toThrow(/1977-12-31 is outside/);
    expect(() => addWorkingDays('2024-01-01', 0.5)).toThrow(
      new RangeError('n must be a whole number of working days; got 0.5'),
    );
  });

  it('bankHolidays names the year it rejects', () => {
    expect(() => bankHolidays(2200)).toThrow(
      new RangeError('year must be a whole number from 1978 to 2199; got 2200'),
    );
    expect(() => bankHolidays(1977)).toThrow(RangeError);
    expect(() => bankHolidays(2000.5)).toThrow(RangeError);
    expect(bankHolidays(1978)[0]).toEqual({
      date: '1978-01-02',
      name: "New Year's Day",
      substitute: true,
    });
  });

  it('createWorkingDayCalendar checks each option and names it', () => {
    expect(() => createWorkingDayCalendar(null as never)).toThrow(
      new TypeError('options must be an object; got null'),
    );
    expect(() => createWorkingDayCalendar('x' as never)).toThrow(
      new TypeError('options must be an object; got "x" (a string)'),
    );
    expect(() => createWorkingDayCalendar({ oneOffs: 1 as never })).toThrow(
      new TypeError('options.oneOffs must be a boolean'),
    );
    expect(() => createWorkingDayCalendar({ add: {} as never })).toThrow(
      new TypeError('options.add must be an array; got an object'),
    );
    expect(() => createWorkingDayCalendar({ remove: 'x' as never })).toThrow(
      new TypeError('options.remove must be an array; got "x" (a string)'),
    );
    expect(() => createWorkingDayCalendar({ add: [null as never] })).toThrow(
      new TypeError(
        "options.add[0] must be { date: 'YYYY-MM-DD', name: string, substitute?: boolean }; got null",
      ),
    );
    expect(() => createWorkingDayCalendar({ add: ['2031-01-01' as never] })).toThrow(TypeError);
    expect(() =>
      createWorkingDayCalendar({ add: [{ date: '2031-06-06', name: 3 as never }] }),
    ).toThrow(TypeError);
    expect(() => createWorkingDayCalendar({ add: [{ date: '2031-06-06', name: '   ' }] })).toThrow(
      TypeError,
    );
    expect(() =>
      createWorkingDayCalendar({
        add: [{ date: '2031-06-06', name: 'x', substitute: 'yes' as never }],
      }),
    ).toThrow(new TypeError('options.add[0].substitute must be a boolean'));
    expect(() => createWorkingDayCalendar({ remove: ['2031-02-30'] })).toThrow(RangeError);
    expect(() => createWorkingDayCalendar({ remove: ['2200-01-01'] })).toThrow(RangeError);
    const sized = (n: number) => Array.from({ length: n }, () => '2031-01-01');
    expect(() => createWorkingDayCalendar({ remove: sized(81084) })).not.toThrow();
    expect(() => createWorkingDayCalendar({ remove: sized(81085) })).toThrow(
      new RangeError('options.remove has 81085 entries; at most 81084 are allowed'),
    );
  });

  it('a malformed date is named as such, not as out of range', () => {
    expect(() => createWorkingDayCalendar().isWorkingDay('2024-13-01')).toThrow(
      /^Expected a calendar date written YYYY-MM-DD; got "2024-13-01"/,
    );
    expect(() => addWorkingDays('0000-00-00', 1)).toThrow(/^Expected a calendar date/);
  });

  it('nextWorkingDay and previousWorkingDay of a calendar skip its own holidays', () => {
    const calendar = createWorkingDayCalendar({
      add: [{ date: '2031-06-06', name: 'Royal event' }],
    });
    expect(calendar.nextWorkingDay('2031-06-05')).toBe('2031-06-09'); // Friday the 6th is the holiday
    expect(calendar.previousWorkingDay('2031-06-09')).toBe('2031-06-05');
  });

  it('rejects a function as a holiday even though it has a string name, and names a non-string name', () => {
    const holiday = Object.assign(function royalEvent() {}, { date: '2031-06-06' });
    expect(() => createWorkingDayCalendar({ add: [holiday as never] })).toThrow(TypeError);
    expect(() =>
      createWorkingDayCalendar({ add: [{ date: '2031-06-06', name: 3 as never }] }),
    ).toThrow(
      /^options\.add\[0\] must be \{ date: 'YYYY-MM-DD', name: string, substitute\?: boolean \}; got an object$/,
    );
  });

  it('oneOffs: false still applies your own changes', () => {
    const calendar = createWorkingDayCalendar({
      oneOffs: false,
      add: [{ date: '2031-06-06', name: 'Royal event' }],
      remove: ['2031-05-26'],
    });
    expect([
      calendar.isBankHoliday('2031-06-06'),
      calendar.isBankHoliday('2031-05-26'),
      calendar.isBankHoliday('2022-09-19'),
    ]).toEqual([true, false, false]);
  });

  it('added holidays keep their substitute flag; oneOffs true is the default', () => {
    const calendar = createWorkingDayCalendar({
      add: [{ date: '2031-06-06', name: 'Royal event', substitute: true }],
      oneOffs: true,
    });
    expect(calendar.bankHolidays(2031).find((h) => h.date === '2031-06-06')).toEqual({
      date: '2031-06-06',
      name: 'Royal event',
      substitute: true,
    });
    expect(calendar.isBankHoliday('2022-09-19')).toBe(true);
    expect(createWorkingDayCalendar({ oneOffs: false }).isBankHoliday('2022-09-19')).toBe(false);
    expect(
      createWorkingDayCalendar({ add: [{ date: '2031-06-06', name: 'x' }] })
        .bankHolidays(2031)
        .find((h) => h.date === '2031-06-06')?.substitute,
    ).toBe(false);
  });
});
