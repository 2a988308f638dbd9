import type { TaskSummary } from '../../../shared/schemas/tasks.ts';
import type { Translate } from '../../lib/i18n.tsx';

/** "quá hạn 3 ngày" for an open task, "hoàn thành trễ 3 ngày" for a late result: never the same words. */
export function daysLateText(t: Translate, task: Pick<TaskSummary, 'state' | 'daysLate'>): string {
  return t(task.state === 'completed' ? 'tasks.completedDaysLate' : 'tasks.daysLate', { days: task.daysLate });
}
