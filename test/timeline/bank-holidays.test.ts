import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { addBusinessDays } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  ENGLAND_AND_WALES,
  SUPPORTED_YEARS,
  addWorkingDays,
  bankHolidays,
  createWorkingDayCalendar,
  isBankHoliday,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from '../../src/timeline/index.js';
import { DAY_COUNT, FIRST_DAY } from '../../src/timeline/day-index.js';
import { daysFromCivil } from '../../src/timeline/iso-date.js';

// gov.uk bank-holidays.json 2018–2025, press 2026–27, rule 2028–30 (shared/data/README.md).
const rows = parse(
  readFileSync(new URL('./fixtures/bank_holidays_england_wales.csv', import.meta.url), 'utf8'),
  { columns: true },
) as {
  date: string;
  year: string;
  name: string;
  notes: string;
}[];

/** Independent of the module: Meeus/Jones/Butcher Easter and Date.UTC arithmetic. */
function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}
const iso = (d: Date): string => d.toISOString().slice(0, 10);
const plusDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);
const weekend = (d: Date): boolean => d.getUTCDay() === 0 || d.getUTCDay() === 6;

function easterMeeus(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

/** The standing rules, walked day by day: fixed-date holidays on a weekend (or taken) move to the next free weekday. */
function expectedByRule(year: number): string[] {
  const taken = new Set<string>();
  const mondays = (month: number): Date[] => {
    const out: Date[] = [];
    for (let d = utc(year, month, 1); d.getUTCMonth() === month - 1; d = plusDays(d, 1))
      if (d.getUTCDay() === 1) out.push(d);
    return out;
  };
  const easter = easterMeeus(year);
  for (const d of [
    plusDays(easter, -2),
    plusDays(easter, 1),
    mondays(5)[0]!,
    mondays(5).at(-1)!,
    mondays(8).at(-1)!,
  ])
    taken.add(iso(d));
  const fixed = [utc(year, 1, 1), utc(year, 12, 25), utc(year, 12, 26)];
  for (const d of fixed) if (!weekend(d)) taken.add(iso(d));
  for (const d of fixed) {
    if (!weekend(d)) continue;
    let s = d;
    while (weekend(s) || taken.has(iso(s))) s = plusDays(s, 1);
    taken.add(iso(s));
  }
  return [...taken].sort();
}

/** One-off changes (shared/data/README.md; gov.uk for 2020–2023). */
const ONE_OFFS: Record<number, { remove: string[]; add: string[] }> = {
  1981: { remove: [], add: ['1981-07-29'] },
  1995: { remove: ['1995-05-01'], add: ['1995-05-08'] },
  1999: { remove: [], add: ['1999-12-31'] },
  2002: { remove: ['2002-05-27'], add: ['2002-06-03', '2002-06-04'] },
  2011: { remove: [], add: ['2011-04-29'] },
  2012: { remove: ['2012-05-28'], add: ['2012-06-04', '2012-06-05'] },
  2020: { remove: ['2020-05-04'], add: ['2020-05-08'] },
  2022: { remove: ['2022-05-30'], add: ['2022-06-02', '2022-06-03', '2022-09-19'] },
  2023: { remove: [], add: ['2023-05-08'] },
};

describe('bank holidays', () => {
  it('day-index constants agree with daysFromCivil', () => {
    expect(FIRST_DAY).toBe(daysFromCivil(1978, 1, 1));
    expect(DAY_COUNT).toBe(daysFromCivil(2199, 12, 31) - FIRST_DAY + 1);
  });

  it('match every 2018–2030 date, name and substitute flag of the CSV (gov.uk bank-holidays.json)', () => {
    expect(rows.length).toBe(107);
    for (let year = 2018; year <= 2030; year++) {
      const expected = rows
        .filter((r) => Number(r.year) === year)
        .map((r) => ({ date: r.date, name: r.name, substitute: r.notes === 'Substitute day' }));
      expect(bankHolidays(year).map((h) => ({ ...h }))).toEqual(expected);
    }
  });

  it('every year 1978–2199 matches an independent computation (Meeus/Jones/Butcher Easter, day-by-day substitutes) plus the one-offs', () => {
    for (let year = SUPPORTED_YEARS.first; year <= SUPPORTED_YEARS.last; year++) {
      const change = ONE_OFFS[year] ?? { remove: [], add: [] };
      const expected = [
        ...expectedByRule(year).filter((d) => !change.remove.includes(d)),
        ...change.add,
      ].sort();
      expect(
        bankHolidays(year).map((h) => h.date),
        String(year),
      ).toEqual(expected);
    }
  });

  it('the pre-CSV one-offs (shared/data/README.md)', () => {
    expect(isBankHoliday('1981-07-29')).toBe(true); // royal wedding, Wednesday
    expect(isBankHoliday('1995-05-08')).toBe(true); // VE Day 50th
    expect(isBankHoliday('1995-05-01')).toBe(false);
    expect(isBankHoliday('1999-12-31')).toBe(true); // millennium
    expect(
      bankHolidays(2002)
        .filter((h) => h.date.startsWith('2002-06'))
        .map((h) => h.date),
    ).toEqual(['2002-06-03', '2002-06-04']);
    expect(isWorkingDay('2002-05-27')).toBe(true);
    expect(isBankHoliday('2011-04-29')).toBe(true); // royal wedding
    expect(
      bankHolidays(2012)
        .filter((h) => h.date.startsWith('2012-06'))
        .map((h) => h.date),
    ).toEqual(['2012-06-04', '2012-06-05']);
    expect(isWorkingDay('2012-05-28')).toBe(true);
    expect(bankHolidays(2012).length).toBe(9);
  });

  it('substitute days are flagged and keep the holiday name', () => {
    // gov.uk: 2016-12-25 Sunday → Boxing Day Mon 26, Christmas Day (substitute) Tue 27.
    expect(bankHolidays(2016).slice(-2)).toEqual([
      { date: '2016-12-26', name: 'Boxing Day', substitute: false },
      { date: '2016-12-27', name: 'Christmas Day', substitute: true },
    ]);
  });

  it('bankHolidays rejects years outside 1978–2199 and non-integers', () => {
    expect(() => bankHolidays(1977)).toThrow(RangeError);
    expect(() => bankHolidays(2200)).toThrow(RangeError);
    expect(() => bankHolidays(2024.5)).toThrow(RangeError);
    expect(bankHolidays(1978)[0]!.date).toBe('1978-01-02'); // 1 Jan 1978 was a Sunday
    expect(Object.isFrozen(bankHolidays(2024))).toBe(true);
  });
});

describe('working days', () => {
  it('date-fns addBusinessDays is holiday-blind; ours counts Christmas (2024-12-20 + 5)', () => {
    expect(addBusinessDays(new Date(2024, 11, 20), 5).getDate()).toBe(27);
    expect(addWorkingDays('2024-12-20', 5)).toBe('2024-12-31');
    expect(addWorkingDays('2024-12-20', 10)).toBe('2025-01-08'); // 25, 26 Dec and 1 Jan skipped
  });

  it('across Easter and the one-offs', () => {
    expect(addWorkingDays('2025-04-17', 1)).toBe('2025-04-22'); // Good Friday 18, Easter Monday 21 Apr 2025
    expect(addWorkingDays('2022-06-01', 1)).toBe('2022-06-06'); // Platinum Jubilee 2–3 Jun 2022
    expect(addWorkingDays('2022-09-16', 1)).toBe('2022-09-20'); // State funeral 19 Sep 2022
    expect(addWorkingDays('2023-05-05', 1)).toBe('2023-05-09'); // Coronation 8 May 2023
    expect(addWorkingDays('2020-05-07', 1)).toBe('2020-05-11'); // VE Day 8 May 2020
    expect(addWorkingDays('2020-05-01', 1)).toBe('2020-05-04'); // 4 May 2020 was a working day
    // date-fns gets each of these wrong:
    expect(addBusinessDays(new Date(2025, 3, 17), 1).getDate()).toBe(18);
  });

  it('n = 0, negative n and non-working starts', () => {
    expect(addWorkingDays('2024-12-20', 0)).toBe('2024-12-20');
    expect(addWorkingDays('2024-12-25', 0)).toBe('2024-12-27'); // a non-working day rolls forward
    expect(addWorkingDays('2024-12-21', 1)).toBe('2024-12-23'); // Saturday start: Monday is the 1st
    expect(addWorkingDays('2024-12-21', -1)).toBe('2024-12-20');
    expect(addWorkingDays('2025-01-02', -3)).toBe('2024-12-27');
    expect(nextWorkingDay('2024-12-24')).toBe('2024-12-27');
    expect(previousWorkingDay('2024-12-27')).toBe('2024-12-24');
    expect(workingDaysBetween('2024-12-20', '2024-12-31')).toBe(5);
    expect(workingDaysBetween('2024-12-31', '2024-12-20')).toBe(-5);
    expect(workingDaysBetween('2024-12-25', '2024-12-25')).toBe(0);
  });

  it('misuse throws RangeError: bad strings, dates and results outside 1978–2199, fractional n', () => {
    for (const bad of [
      '2024-13-01',
      '2023-02-29',
      '2024-2-01',
      '2024/02/01',
      '',
      ' 2024-02-01',
      '２０２４-02-01',
      '2024-02-0a',
    ]) {
      expect(() => addWorkingDays(bad, 1), bad).toThrow(RangeError);
      expect(() => isWorkingDay(bad), bad).toThrow(RangeError);
    }
    expect(() => isWorkingDay(20240201 as unknown as string)).toThrow(RangeError);
    expect(() => addWorkingDays('1977-12-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2200-01-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2199-12-30', 5)).toThrow(RangeError);
    // 1978-01-03 is the first working day covered (1 Jan 1978 a Sunday, 2 Jan its substitute).
    expect(addWorkingDays('1978-01-04', -1)).toBe('1978-01-03');
    expect(() => addWorkingDays('1978-01-03', -1)).toThrow(RangeError);
    expect(addWorkingDays('1978-01-01', 0)).toBe('1978-01-03');
    expect(() => addWorkingDays('2024-01-01', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2024-01-01', Number.NaN)).toThrow(RangeError);
    expect(() => workingDaysBetween('2024-01-01', '2300-01-01')).toThrow(RangeError);
  });
});

describe('createWorkingDayCalendar', () => {
  it('adds a newly announced one-off, moves and removes holidays, renames one', () => {
    const calendar = createWorkingDayCalendar({
      add: [
        { date: '2031-06-06', name: 'Royal event bank holiday' },
        { date: '2030-12-25', name: 'Christmas' },
      ],
      remove: ['2031-05-26', '2031-01-02'],
    });
    expect(calendar.isBankHoliday('2031-06-06')).toBe(true);
    expect(calendar.isWorkingDay('2031-05-26')).toBe(true);
    expect(calendar.bankHolidays(2030).find((h) => h.date === '2030-12-25')?.name).toBe(
      'Christmas',
    );
    expect(calendar.addWorkingDays('2031-06-05', 1)).toBe('2031-06-09');
    expect(ENGLAND_AND_WALES.isBankHoliday('2031-06-06')).toBe(false);
    expect(ENGLAND_AND_WALES.isBankHoliday('2031-05-26')).toBe(true); // default calendar untouched
  });

  it('oneOffs: false gives the standing rules only', () => {
    const rules = createWorkingDayCalendar({ oneOffs: false });
    expect(rules.isBankHoliday('2022-09-19')).toBe(false);
    expect(rules.isBankHoliday('2020-05-04')).toBe(true);
  });

  it('malformed options are programmer errors', () => {
    expect(() => createWorkingDayCalendar({ add: [{ date: '2031-02-30', name: 'x' }] })).toThrow(
      RangeError,
    );
    expect(() => createWorkingDayCalendar({ add: [{ date: '1900-01-02', name: 'x' }] })).toThrow(
      RangeError,
    );
    expect(() => createWorkingDayCalendar({ add: [{ date: '2031-02-03', name: '' }] })).toThrow(
      TypeError,
    );
    expect(() => createWorkingDayCalendar({ remove: '2031-01-01' as unknown as string[] })).toThrow(
      TypeError,
    );
    expect(() => createWorkingDayCalendar({ oneOffs: 'no' as unknown as boolean })).toThrow(
      TypeError,
    );
  });

  it('never mutates frozen options', () => {
    const options = Object.freeze({
      add: Object.freeze([Object.freeze({ date: '2031-06-06', name: 'x' })]),
      remove: Object.freeze(['2031-05-26']),
    });
    expect(createWorkingDayCalendar(options).isBankHoliday('2031-06-06')).toBe(true);
  });
});
