import { describe, expect, it } from 'vitest';
import { addDays } from './calendar-date.ts';
import { statutoryHolidays } from './vietnamese-holidays.ts';
import { addWorkingDays, isWorkingDay, workingCalendar, workingDaysBetween } from './working-days.ts';

const statutory = (...years: number[]) =>
  workingCalendar(years.flatMap((year) => statutoryHolidays(year).map((holiday) => holiday.date)));

/** The obvious count, one day at a time, to check the indexed one against. */
function walkBetween(from: string, to: string, calendar: ReturnType<typeof workingCalendar>): number {
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (isWorkingDay(date, calendar)) count++;
  return count;
}

describe('statutoryHolidays', () => {
  it('lists 2025: Tết from the 28th of January, Saturday 1 February made up on Monday 3rd', () => {
    const holidays = statutoryHolidays(2025);
    expect(holidays.map((holiday) => holiday.date)).toEqual([
      '2025-01-01',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-03',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-09-01',
      '2025-09-02',
    ]);
    expect(holidays.find((holiday) => holiday.date === '2025-02-03')).toMatchObject({ kind: 'compensatory' });
    expect(holidays.find((holiday) => holiday.date === '2025-04-07')).toMatchObject({ nameVi: 'Giỗ Tổ Hùng Vương' });
  });

  it('gives two days after a weekend block of two holidays (2022: 30 April and 1 May)', () => {
    const compensatory = statutoryHolidays(2022).filter((holiday) => holiday.kind === 'compensatory');
    expect(compensatory.map((holiday) => holiday.date)).toEqual([
      '2022-01-03',
      '2022-04-11',
      '2022-05-02',
      '2022-05-03',
    ]);
  });

  it('makes up a Tết weekend after the whole of Tết (2023) and places Hùng Kings 2026 on a Sunday', () => {
    const dates2023 = statutoryHolidays(2023).map((holiday) => holiday.date);
    expect(dates2023).toEqual(expect.arrayContaining(['2023-01-26', '2023-01-27', '2023-05-02', '2023-05-03']));
    const dates2026 = statutoryHolidays(2026).map((holiday) => holiday.date);
    expect(dates2026).toEqual(expect.arrayContaining(['2026-02-16', '2026-02-20', '2026-04-26', '2026-04-27']));
    expect(new Set(dates2026).size).toBe(dates2026.length);
  });

  it('refuses years the lunar calendar does not cover', () => {
    expect(() => statutoryHolidays(1800)).toThrow(RangeError);
    expect(() => statutoryHolidays(2025.5)).toThrow(RangeError);
  });
});

describe('working days', () => {
  const calendar = statutory(2025, 2026);

  it('skips weekends and holidays, works a make-up Saturday', () => {
    expect(isWorkingDay('2025-01-27', calendar)).toBe(true);
    expect(isWorkingDay('2025-01-28', calendar)).toBe(false);
    expect(isWorkingDay('2025-01-25', calendar)).toBe(false);
    const withMakeUp = workingCalendar(calendar.holidays, ['2025-01-25']);
    expect(isWorkingDay('2025-01-25', withMakeUp)).toBe(true);
    expect(isWorkingDay('2025-01-25', workingCalendar(['2025-01-25'], ['2025-01-25']))).toBe(false);
  });

  it('adds working days across Tết and its compensatory day', () => {
    // Friday 24 January 2025: Monday 27 is the 1st, then Tết and Monday 3 February off.
    expect(addWorkingDays('2025-01-24', 1, calendar)).toBe('2025-01-27');
    expect(addWorkingDays('2025-01-24', 2, calendar)).toBe('2025-02-04');
    expect(addWorkingDays('2025-01-24', 0, calendar)).toBe('2025-01-24');
    expect(addWorkingDays('2025-01-25', 1, calendar)).toBe('2025-01-27');
    expect(addWorkingDays('2025-01-24', 2, workingCalendar(calendar.holidays, ['2025-02-08']))).toBe('2025-02-04');
    expect(addWorkingDays('2025-02-07', 1, workingCalendar(calendar.holidays, ['2025-02-08']))).toBe('2025-02-08');
    expect(() => addWorkingDays('2025-01-24', -1, calendar)).toThrow(RangeError);
  });

  it('counts working days after `from` up to and including `to`', () => {
    expect(workingDaysBetween('2025-01-24', '2025-02-04', calendar)).toBe(2);
    expect(workingDaysBetween('2025-01-24', '2025-01-24', calendar)).toBe(0);
    expect(workingDaysBetween('2025-02-04', '2025-01-24', calendar)).toBe(0);
    // 2025 has 261 weekdays; 11 of its 12 holidays fall on one (1 February is a Saturday).
    expect(workingDaysBetween('2024-12-31', '2025-12-31', calendar)).toBe(261 - 11);
    expect(workingDaysBetween('2025-01-24', '2025-01-27', workingCalendar([], ['2025-01-25']))).toBe(2);
  });

  it('agrees with a day-by-day walk over spans of days to years, and inverts addWorkingDays', () => {
    const withMakeUps = workingCalendar(calendar.holidays, ['2025-01-25', '2025-04-26', '2026-02-28']);
    for (const cal of [calendar, withMakeUps]) {
      for (let from = '2024-12-20'; from < '2026-12-31'; from = addDays(from, 17)) {
        for (const span of [0, 1, 3, 9, 40, 200, 500]) {
          const to = addDays(from, span);
          const count = workingDaysBetween(from, to, cal);
          expect(count, `${from}..${to}`).toBe(walkBetween(from, to, cal));
          if (count > 0) {
            const reached = addWorkingDays(from, count, cal);
            expect(reached <= to && isWorkingDay(reached, cal)).toBe(true);
            expect(workingDaysBetween(from, reached, cal)).toBe(count);
          }
        }
      }
    }
  });

  it('sees sets filled after a first use', () => {
    const holidays = new Set<string>();
    const growing = { holidays, extraWorkingDays: new Set<string>() };
    expect(workingDaysBetween('2025-01-27', '2025-01-31', growing)).toBe(4);
    holidays.add('2025-01-29');
    expect(workingDaysBetween('2025-01-27', '2025-01-31', growing)).toBe(3);
  });
});
