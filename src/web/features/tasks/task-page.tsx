import { Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../components/query-state.tsx';
import { formatDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { taskRoute } from '../../router.tsx';
import { TaskCommentsSection } from './task-comments-section.tsx';
import { TaskDetailsSection } from './task-details-section.tsx';
import { TaskExtensionsSection } from './task-extensions-section.tsx';
import { TaskHeader } from './task-header.tsx';
import { TaskReportsSection } from './task-reports-section.tsx';
import { TaskTable } from './task-table.tsx';
import { TaskTimeline } from './task-timeline.tsx';
import { taskDetailQuery } from './tasks-api.ts';

export function TaskPage() {
  const { t, locale } = useI18n();
  const { taskId } = taskRoute.useParams();
  const { as_of: asOf } = taskRoute.useSearch();
  const query = useQuery(taskDetailQuery(taskId, asOf));
  const task = query.data;
  useDocumentTitle(`${task ? t('task.pageTitle', { code: task.code }) : t('tasks.title')} · ${t('app.name')}`);

  if (!task) {
    return <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <Stack gap="md">
      {asOf ? (
        <Text c="dimmed" size="sm">
          {t('reading.asOf')} {formatDate(locale, asOf)}
        </Text>
      ) : null}
      <TaskHeader task={task} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <TaskDetailsSection task={task} />
            <Paper withBorder p="md" component="section" aria-labelledby="task-subtasks-title">
              <Title order={2} size="h4" id="task-subtasks-title" mb="sm">
                {t('task.subtasks')}
              </Title>
              {task.children.length === 0 ? (
                <Text c="dimmed">{t('task.noSubtasks')}</Text>
              ) : (
                <TaskTable tasks={task.children} caption={t('task.subtasks')} asOf={asOf} />
              )}
            </Paper>
            <TaskReportsSection task={task} />
            <TaskExtensionsSection task={task} />
            <TaskCommentsSection task={task} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <TaskTimeline events={task.events} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
