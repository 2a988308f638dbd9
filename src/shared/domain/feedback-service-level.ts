import type { CalendarDate } from './calendar-date.ts';
import type { FeedbackState } from './feedback.ts';
import { addWorkingDays, type WorkingCalendar } from './working-days.ts';

/**
 * Service levels of the intake, in working days from the day an item is received (Vietnamese
 * public holidays and Tết excluded by the calendar). The committee's figures for issue 4: triage
 * (accept, reject or merge) within 3 working days, the answer within 15. Change them here only.
 */
export const TRIAGE_WORKING_DAYS = 3;
export const ANSWER_WORKING_DAYS = 15;
/** A step is due soon when its due date is at most this many working days ahead. */
export const DUE_SOON_WORKING_DAYS = 2;

/** Derived, never stored: the state of the step the committee owes now, as of a date. */
export const SERVICE_LEVEL_STATES = ['on_time', 'due_soon', 'overdue'] as const;
export type ServiceLevelState = (typeof SERVICE_LEVEL_STATES)[number];

export interface ServiceLevelDates {
  triageDueOn: CalendarDate;
  answerDueOn: CalendarDate;
}

export function serviceLevelDueDates(receivedOn: CalendarDate, calendar: WorkingCalendar): ServiceLevelDates {
  return {
    triageDueOn: addWorkingDays(receivedOn, TRIAGE_WORKING_DAYS, calendar),
    answerDueOn: addWorkingDays(receivedOn, ANSWER_WORKING_DAYS, calendar),
  };
}

/**
 * The due date of the step still owed: triage while received, the answer until answered; null
 * once settled. The database computes the same as the generated column `pending_due_on`
 * (migration 0006), so that the queue filters and sorts on an index; a test keeps them equal.
 */
export function pendingDueOn(state: FeedbackState, dates: ServiceLevelDates): CalendarDate | null {
  if (state === 'received') return dates.triageDueOn;
  if (state === 'accepted' || state === 'assigned' || state === 'in_processing') return dates.answerDueOn;
  return null;
}

/** The last date that counts as due soon when reading as of `asOf`. */
export const dueSoonLimit = (asOf: CalendarDate, calendar: WorkingCalendar): CalendarDate =>
  addWorkingDays(asOf, DUE_SOON_WORKING_DAYS, calendar);

/**
 * Overdue from the day after the due date (the due day itself is still on time), due soon up to
 * `soonLimit`; null for a settled item, which owes nothing.
 */
export function serviceLevelOf(
  state: FeedbackState,
  dates: ServiceLevelDates,
  asOf: CalendarDate,
  soonLimit: CalendarDate,
): ServiceLevelState | null {
  const due = pendingDueOn(state, dates);
  if (due === null) return null;
  if (asOf > due) return 'overdue';
  return due <= soonLimit ? 'due_soon' : 'on_time';
}
