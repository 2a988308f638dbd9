import type { Timeliness } from './timeliness.ts';

/**
 * The headline of a scope: completed (on time + late), in progress (open, not overdue), overdue.
 * The three add up to the total; due soon is a part of in progress, shown beside it, never added.
 */
export interface Headline {
  total: number;
  completed: number;
  completedOnTime: number;
  completedLate: number;
  inProgress: number;
  overdue: number;
  dueSoon: number;
  /** completed / total, 0 when there is nothing; a fraction, not a percentage. */
  completionRate: number;
}

export type TimelinessCounts = Partial<Record<Timeliness, number>>;

export function headlineOf(counts: TimelinessCounts): Headline {
  const n = (key: Timeliness) => counts[key] ?? 0;
  const completedOnTime = n('on_time');
  const completedLate = n('late');
  const completed = completedOnTime + completedLate;
  const dueSoon = n('due_soon');
  const inProgress = n('on_track') + dueSoon + n('ongoing');
  const overdue = n('overdue');
  const total = completed + inProgress + overdue;
  return {
    total,
    completed,
    completedOnTime,
    completedLate,
    inProgress,
    overdue,
    dueSoon,
    completionRate: total === 0 ? 0 : completed / total,
  };
}
