import { describe, expect, it } from 'vitest';
import { CALENDAR_DATE_RANGE, isCalendarDate, isWithinCalendarRange } from './calendar-date.ts';
import { CalendarDateSchema } from '../schemas/common.ts';

describe('the range of dates the product accepts', () => {
  it('runs from 1900-01-01 to 2999-12-31', () => {
    expect(CALENDAR_DATE_RANGE).toEqual({ min: '1900-01-01', max: '2999-12-31' });
  });

  it.each([
    ['1900-01-01', true],
    ['2026-12-03', true],
    ['2999-12-31', true],
    ['1899-12-31', false],
    ['0000-01-01', false],
    ['3000-01-01', false],
    ['9999-12-31', false],
  ])('%s is a calendar date: %s', (value, accepted) => {
    expect(isWithinCalendarRange(value)).toBe(accepted);
    expect(isCalendarDate(value)).toBe(accepted);
    expect(CalendarDateSchema.safeParse(value).success).toBe(accepted);
  });

  it('still refuses days that do not exist', () => {
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(CalendarDateSchema.safeParse('2025-02-30').success).toBe(false);
    expect(CalendarDateSchema.safeParse('2024-02-29').success).toBe(true);
  });

  it('names the range in its refusal, for the catalogue to word', () => {
    const issues = CalendarDateSchema.safeParse('0000-01-01').error?.issues ?? [];
    expect(issues).toEqual([
      expect.objectContaining({ code: 'custom', message: 'error.date.out_of_range', params: CALENDAR_DATE_RANGE }),
    ]);
  });
});
