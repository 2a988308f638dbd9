import { describe, expect, it } from 'vitest';
import { addDays, calendarDateOf, daysBetween, isCalendarDate } from './calendar-date.ts';
import { headlineOf } from './headline.ts';
import { canTransition, TASK_STATES } from './task-lifecycle.ts';
import { daysLate, daysLateOf, timelinessOf } from './timeliness.ts';

const open = (deadline: string | null) => ({ state: 'in_progress' as const, deadline, completedOn: null });

describe('timelinessOf', () => {
  it('counts a task completed on its deadline day as on time, the day after as late', () => {
    expect(timelinessOf({ state: 'completed', deadline: '2025-06-30', completedOn: '2025-06-30' }, '2025-09-30')).toBe(
      'on_time',
    );
    expect(timelinessOf({ state: 'completed', deadline: '2025-06-30', completedOn: '2025-07-01' }, '2025-09-30')).toBe(
      'late',
    );
  });

  it('makes an open task overdue the day after its deadline, not on it', () => {
    expect(timelinessOf(open('2025-09-30'), '2025-09-30')).toBe('due_soon');
    expect(timelinessOf(open('2025-09-29'), '2025-09-30')).toBe('overdue');
  });

  it('marks open tasks due within the window as due soon, later ones on track', () => {
    expect(timelinessOf(open('2025-10-07'), '2025-09-30')).toBe('due_soon');
    expect(timelinessOf(open('2025-10-08'), '2025-09-30')).toBe('on_track');
    expect(timelinessOf(open('2025-10-08'), '2025-09-30', 8)).toBe('due_soon');
    expect(timelinessOf(open('2025-10-01'), '2025-09-30', 0)).toBe('on_track');
  });

  it('treats every open state alike and a standing duty as ongoing', () => {
    for (const state of ['assigned', 'in_progress', 'submitted'] as const) {
      expect(timelinessOf({ state, deadline: '2025-01-01', completedOn: null }, '2025-09-30')).toBe('overdue');
      expect(timelinessOf({ state, deadline: null, completedOn: null }, '2025-09-30')).toBe('ongoing');
    }
    expect(timelinessOf({ state: 'completed', deadline: null, completedOn: '2025-05-01' }, '2025-09-30')).toBe(
      'on_time',
    );
  });

  it('does not count drafts and cancelled tasks', () => {
    expect(timelinessOf({ state: 'draft', deadline: '2025-01-01', completedOn: null }, '2025-09-30')).toBeNull();
    expect(timelinessOf({ state: 'cancelled', deadline: '2025-01-01', completedOn: null }, '2025-09-30')).toBeNull();
  });

  it('gives days late only past the deadline', () => {
    expect(daysLate('2025-09-20', '2025-09-30')).toBe(10);
    expect(daysLate('2025-09-30', '2025-09-30')).toBe(0);
    expect(daysLate(null, '2025-09-30')).toBe(0);
  });

  it('keeps the days late of a task completed late: deadline to completion, in calendar days', () => {
    const completed = (completedOn: string) => ({ state: 'completed' as const, deadline: '2025-09-20', completedOn });
    // Completed on 30 September, ten days after its deadline, read at any later date.
    expect(daysLateOf(completed('2025-09-30'), '2025-12-31')).toBe(10);
    expect(daysLateOf(completed('2025-09-20'), '2025-12-31')).toBe(0);
    expect(daysLateOf(completed('2025-09-01'), '2025-12-31')).toBe(0);
    expect(daysLateOf({ state: 'in_progress', deadline: '2025-09-20', completedOn: null }, '2025-09-25')).toBe(5);
    expect(daysLateOf({ state: 'cancelled', deadline: '2025-09-20', completedOn: null }, '2025-09-25')).toBe(0);
  });
});

describe('headlineOf', () => {
  it('reproduces the Q3 2025 headline: 485 + 561 + 86 = 1,132, 43 %', () => {
    const headline = headlineOf({ on_time: 400, late: 85, on_track: 500, due_soon: 40, ongoing: 21, overdue: 86 });
    expect(headline).toMatchObject({ total: 1132, completed: 485, inProgress: 561, overdue: 86, dueSoon: 40 });
    expect(headline.completed + headline.inProgress + headline.overdue).toBe(headline.total);
    expect(Math.round(headline.completionRate * 100)).toBe(43);
  });

  it('is all zeros for an empty scope', () => {
    expect(headlineOf({})).toMatchObject({ total: 0, completionRate: 0 });
  });
});

describe('lifecycle', () => {
  it('lets the assigner accept or return a submitted task, and nothing leave completed or cancelled', () => {
    expect(canTransition('submitted', 'completed')).toBe(true);
    expect(canTransition('submitted', 'in_progress')).toBe(true);
    expect(canTransition('in_progress', 'completed')).toBe(false);
    for (const to of TASK_STATES) {
      expect(canTransition('completed', to)).toBe(false);
      expect(canTransition('cancelled', to)).toBe(false);
    }
  });
});

describe('calendar dates', () => {
  it('takes the date in Asia/Ho_Chi_Minh, seven hours ahead of UTC', () => {
    expect(calendarDateOf(new Date('2025-09-30T16:59:59Z'))).toBe('2025-09-30');
    expect(calendarDateOf(new Date('2025-09-30T17:00:00Z'))).toBe('2025-10-01');
  });

  it('validates and computes with dates', () => {
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-9-1')).toBe(false);
    expect(daysBetween('2025-09-30', '2025-10-07')).toBe(7);
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });
});
