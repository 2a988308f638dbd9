import { addDays, type CalendarDate } from './calendar-date.ts';

/**
 * The earliest deadline an extension may ask for: the day after the effective deadline, since a
 * deadline on or before the current one extends nothing. Null when the task has no deadline (a
 * standing duty), where any date is an extension. The picker's minimum and the API's refusal.
 */
export function earliestExtensionDeadline(effectiveDeadline: CalendarDate | null): CalendarDate | null {
  return effectiveDeadline === null ? null : addDays(effectiveDeadline, 1);
}
