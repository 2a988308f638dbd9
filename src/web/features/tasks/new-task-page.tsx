import { Paper, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { newTaskRoute } from '../../router.tsx';
import { TaskForm } from './task-form.tsx';
import { taskDetailQuery } from './tasks-api.ts';

/** A new task for the steering agency, or with ?parent= a sub-task its lead agency cascades to a unit. */
export function NewTaskPage() {
  const { t } = useI18n();
  const { parent: parentId } = newTaskRoute.useSearch();
  const navigate = useNavigate();
  const parentQuery = useQuery({ ...taskDetailQuery(parentId ?? ''), enabled: !!parentId });
  const parent = parentQuery.data;
  const title = parent ? t('taskForm.subtaskTitle', { code: parent.code }) : t('taskForm.title');
  useDocumentTitle(`${title} · ${t('app.name')}`);

  return (
    <Stack gap="md" maw={880}>
      <Title order={1}>{title}</Title>
      <QueryState
        isLoading={parentQuery.isLoading}
        error={parentQuery.error}
        onRetry={() => void parentQuery.refetch()}
      />
      {!parentId || parent ? (
        <Paper withBorder p="md">
          <TaskForm
            // A fresh form (and a fresh Idempotency-Key) for each parent.
            key={parent?.id ?? 'top'}
            parent={parent ?? null}
            onCancel={() =>
              void (parent
                ? navigate({ to: '/tasks/$taskId', params: { taskId: parent.id }, search: {} })
                : navigate({ to: '/tasks', search: {} }))
            }
            onCreated={(task) => void navigate({ to: '/tasks/$taskId', params: { taskId: task.id }, search: {} })}
          />
        </Paper>
      ) : null}
    </Stack>
  );
}
