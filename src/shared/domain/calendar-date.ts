/**
 * Deadlines and `as_of` are calendar dates ('YYYY-MM-DD') in the committee's time zone, never
 * instants: a task completed on its deadline day is on time wherever the server runs.
 */
export const COMMITTEE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export type CalendarDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The dates the product accepts (decision 0017): wider than any programme's past and plans, and
 * narrow enough that date arithmetic (a deadline plus working days, `as_of` minus a year) stays
 * within what JavaScript's ISO strings and PostgreSQL's dates both read back: year 0000, or a
 * date past 9999, is what made `as_of=0000-01-01` a 500.
 */
export const CALENDAR_DATE_RANGE = { min: '1900-01-01', max: '2999-12-31' } as const;

/** Whether a 'YYYY-MM-DD' string lies within CALENDAR_DATE_RANGE (string order is date order). */
export const isWithinCalendarRange = (value: string): boolean =>
  value >= CALENDAR_DATE_RANGE.min && value <= CALENDAR_DATE_RANGE.max;

/** A date that exists ('YYYY-MM-DD', no 2025-02-30) and lies within CALENDAR_DATE_RANGE. */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match || !isWithinCalendarRange(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

// Building a DateTimeFormat is costly (it was 6% of the demo seed); one per time zone is kept.
const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in the committee's time zone. */
export function calendarDateOf(instant: Date, timeZone = COMMITTEE_TIME_ZONE): CalendarDate {
  let format = formats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format.format(instant);
}

export const today = (now = new Date()): CalendarDate => calendarDateOf(now);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
