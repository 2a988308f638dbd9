import type { CalendarDate } from './calendar-date.ts';

/** The years a working calendar exists for: those the lunar calendar is computed for. */
export const CALENDAR_YEARS = { min: 1900, max: 2199 } as const;

export const HOLIDAY_KINDS = ['public', 'compensatory', 'bridge'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export interface Holiday {
  date: CalendarDate;
  nameVi: string;
  nameEn: string;
  kind: HolidayKind;
}

/**
 * Saturday and Sunday are days off; so is every date in `holidays`. Some years a Saturday is a
 * make-up working day. A date in both sets is a day off. Treat a calendar as immutable once used:
 * its day numbers are indexed on first use.
 */
export interface WorkingCalendar {
  holidays: ReadonlySet<CalendarDate>;
  extraWorkingDays: ReadonlySet<CalendarDate>;
}

export function workingCalendar(holidays: Iterable<CalendarDate>, extraWorkingDays: Iterable<CalendarDate> = []) {
  return { holidays: new Set(holidays), extraWorkingDays: new Set(extraWorkingDays) } satisfies WorkingCalendar;
}

export function isWorkingDay(date: CalendarDate, calendar: WorkingCalendar): boolean {
  if (calendar.holidays.has(date)) return false;
  return !isWeekendDay(dayNumberOf(date)) || calendar.extraWorkingDays.has(date);
}

/** The date `days` working days after `start` (start itself not counted); days >= 0. */
export function addWorkingDays(start: CalendarDate, days: number, calendar: WorkingCalendar): CalendarDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Cannot add ${days} working days`);
  if (days === 0) return start;
  const index = indexOf(calendar);
  const origin = dayNumberOf(start);
  const wanted = workingDaysUpTo(origin, index) + days;
  // The answer lies within (origin, high]: double the span until it holds enough working days, then bisect.
  let low = origin;
  let high = origin + days;
  while (workingDaysUpTo(high, index) < wanted) {
    low = high;
    high = origin + 2 * (high - origin) + 7;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (workingDaysUpTo(middle, index) >= wanted) high = middle;
    else low = middle;
  }
  return dateOfDayNumber(high);
}

/** Working days after `from` up to and including `to` (0 when to <= from). */
export function workingDaysBetween(from: CalendarDate, to: CalendarDate, calendar: WorkingCalendar): number {
  const first = dayNumberOf(from);
  const last = dayNumberOf(to);
  if (last <= first) return 0;
  const index = indexOf(calendar);
  return workingDaysUpTo(last, index) - workingDaysUpTo(first, index);
}

/**
 * Exceptions to the Monday-to-Friday rule, sorted by day number, with running totals: a span of
 * years is counted with two binary searches instead of a walk over its days.
 */
interface CalendarIndex {
  holidayCount: number;
  extraCount: number;
  days: Int32Array;
  /** cumulative[i]: the sum of the changes (-1 a weekday off, +1 a weekend day worked) of days[0..i). */
  cumulative: Int32Array;
}

const indexes = new WeakMap<WorkingCalendar, CalendarIndex>();

function indexOf(calendar: WorkingCalendar): CalendarIndex {
  const cached = indexes.get(calendar);
  // The sizes guard against a caller who filled the sets after a first use.
  if (
    cached &&
    cached.holidayCount === calendar.holidays.size &&
    cached.extraCount === calendar.extraWorkingDays.size
  ) {
    return cached;
  }
  const changes: [number, number][] = [];
  for (const date of calendar.holidays) {
    const day = dayNumberOf(date);
    if (!isWeekendDay(day)) changes.push([day, -1]);
  }
  for (const date of calendar.extraWorkingDays) {
    const day = dayNumberOf(date);
    if (isWeekendDay(day) && !calendar.holidays.has(date)) changes.push([day, 1]);
  }
  changes.sort((a, b) => a[0] - b[0]);
  const days = new Int32Array(changes.length);
  const cumulative = new Int32Array(changes.length + 1);
  changes.forEach(([day, change], i) => {
    days[i] = day;
    cumulative[i + 1] = cumulative[i]! + change;
  });
  const index = {
    holidayCount: calendar.holidays.size,
    extraCount: calendar.extraWorkingDays.size,
    days,
    cumulative,
  };
  indexes.set(calendar, index);
  return index;
}

/** Working days from a fixed origin up to and including `day`: only differences of it mean anything. */
function workingDaysUpTo(day: number, index: CalendarIndex): number {
  return weekdaysUpTo(day) + index.cumulative[countAtOrBefore(index.days, day)]!;
}

function countAtOrBefore(days: Int32Array, day: number): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (days[middle]! <= day) low = middle + 1;
    else high = middle;
  }
  return low;
}

// Day 4 (1970-01-05) was a Monday.
const MONDAY = 4;

/** Monday-to-Friday days from the Monday origin up to and including `day`, negative before it. */
function weekdaysUpTo(day: number): number {
  const sinceMonday = day - MONDAY + 1;
  const weeks = Math.floor(sinceMonday / 7);
  return weeks * 5 + Math.min(sinceMonday - weeks * 7, 5);
}

const isWeekendDay = (day: number): boolean => (((day - MONDAY) % 7) + 7) % 7 >= 5;

/** Days since 1970-01-01 without a Date: these functions run for every item of a queue. */
export function dayNumberOf(date: CalendarDate): number {
  // Days-from-civil (H. Hinnant): years start in March so that the leap day ends the year.
  const month = Number(date.slice(5, 7));
  const year = Number(date.slice(0, 4)) - (month <= 2 ? 1 : 0);
  const day = Number(date.slice(8, 10));
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function dateOfDayNumber(day: number): CalendarDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
