import { type CalendarDate, daysBetween } from './calendar-date.ts';
import { isOpen, type TaskState } from './task-lifecycle.ts';

/**
 * Timeliness is derived, never stored, from the effective deadline (the original one, or the last
 * approved extension) and `as_of`. See shared/design/PRODUCT.md, "Definitions".
 */
export const TIMELINESS = ['on_time', 'late', 'overdue', 'due_soon', 'on_track', 'ongoing'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export const DEFAULT_DUE_SOON_DAYS = 7;

export interface TaskAsOf {
  state: TaskState;
  /** The effective deadline as of the reading date; null for a standing duty. */
  deadline: CalendarDate | null;
  /** Set when state is completed. */
  completedOn: CalendarDate | null;
}

/**
 * The timeliness of a task as of a date, or null for drafts and cancelled tasks, which no reading
 * counts. A completed task without a deadline counts as on time: nothing was late.
 */
export function timelinessOf(
  task: TaskAsOf,
  asOf: CalendarDate,
  dueSoonDays = DEFAULT_DUE_SOON_DAYS,
): Timeliness | null {
  if (task.state === 'completed') {
    if (task.deadline === null || task.completedOn === null) return 'on_time';
    return task.completedOn <= task.deadline ? 'on_time' : 'late';
  }
  if (!isOpen(task.state)) return null;
  if (task.deadline === null) return 'ongoing';
  // Overdue from the day after the deadline: the deadline day itself is still on time.
  if (asOf > task.deadline) return 'overdue';
  return daysBetween(asOf, task.deadline) <= dueSoonDays ? 'due_soon' : 'on_track';
}

/** Days past the effective deadline as of `asOf`, for the overdue list; 0 when not overdue. */
export function daysLate(deadline: CalendarDate | null, asOf: CalendarDate): number {
  return deadline === null ? 0 : Math.max(0, daysBetween(deadline, asOf));
}

/**
 * Days late of a task as of `asOf`, in calendar days like its deadline (working days count only
 * feedback service levels, decision 0013): an open task, from its deadline to `asOf`; a task
 * completed late, from its deadline to its completion, so a late result keeps its measure
 * (decision 0024); 0 for any other.
 */
export function daysLateOf(task: TaskAsOf, asOf: CalendarDate): number {
  if (task.state === 'completed') return task.completedOn === null ? 0 : daysLate(task.deadline, task.completedOn);
  return isOpen(task.state) ? daysLate(task.deadline, asOf) : 0;
}
