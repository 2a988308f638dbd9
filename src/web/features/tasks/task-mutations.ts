import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TaskDetail } from '../../../shared/schemas/tasks.ts';
import { isApiError } from '../../lib/api-client.ts';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import type { Translate } from '../../lib/i18n.tsx';
import { taskDetailKey } from './tasks-api.ts';

/**
 * Every change to a task answers with the task as it now is. The page then shows it, and the
 * lists and dashboards that counted it are read again. On 412 (someone else changed it first) the
 * task is reloaded while the form keeps what was typed, so the person can check and send again.
 */
export function useTaskMutation<Variables>(
  task: TaskDetail,
  mutationFn: (variables: Variables) => Promise<TaskDetail>,
  onDone?: (updated: TaskDetail) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (updated) => {
      // Shown at once; the reading below then confirms it (and redoes any reading of another date).
      queryClient.setQueriesData({ queryKey: taskDetailKey(task.id) }, updated);
      onDone?.(updated);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: taskDetailKey(task.id) }),
        queryClient.invalidateQueries({ queryKey: ['tasks', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
        // A parent's progress and the states of its children change with this task.
        task.parentTaskId ? queryClient.invalidateQueries({ queryKey: taskDetailKey(task.parentTaskId) }) : null,
      ]);
    },
    onError: async (error) => {
      if (isApiError(error) && error.status === 412) {
        await queryClient.invalidateQueries({ queryKey: taskDetailKey(task.id) });
      }
    },
  });
}

/** Field messages and the form's message, with our own words for a stale write. */
export function taskFormErrors(t: Translate, error: unknown, fields: readonly string[]) {
  if (isApiError(error) && error.status === 412) return { byField: {}, formMessage: t('task.stale') };
  return fieldErrorsOf(t, error, fields) as { byField: Record<string, string | undefined>; formMessage: string | null };
}
