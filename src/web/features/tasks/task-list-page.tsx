import { Group, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { CursorPagination } from '../../components/cursor-pagination.tsx';
import { ListCount } from '../../components/list-count.tsx';
import { ExportLinks } from '../../components/export-links.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { ButtonLink } from '../../components/router-links.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { withFilters } from '../../lib/search-params.ts';
import { canAssignTasks, canImportTasks, sessionQuery } from '../../lib/session.ts';
import { taskListRoute } from '../../router.tsx';
import { TaskListFilters } from './task-list-filters.tsx';
import type { TaskListSearch } from './task-list-search.ts';
import { TaskTable } from './task-table.tsx';
import { TASK_PAGE_SIZE, taskExportUrl, taskListQuery } from './tasks-api.ts';

export function TaskListPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('tasks.title')} · ${t('app.name')}`);
  const search = taskListRoute.useSearch();
  const navigate = useNavigate({ from: '/tasks' });
  const { data: session } = useQuery(sessionQuery);
  const query = useQuery(taskListQuery(search));
  const setSearch = (next: TaskListSearch) => void navigate({ search: next });

  const tasks = query.data?.items ?? [];
  const total = query.data?.total ?? 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('tasks.title')}</Title>
        <Group gap="sm">
          <ExportLinks urlFor={(format) => taskExportUrl(search, format)} />
          {canImportTasks(session) ? (
            <ButtonLink to="/tasks/import" variant="default">
              {t('tasks.import')}
            </ButtonLink>
          ) : null}
          {canAssignTasks(session) ? (
            <ButtonLink to="/tasks/new" search={{ parent: undefined }}>
              {t('tasks.new')}
            </ButtonLink>
          ) : null}
        </Group>
      </Group>
      <TaskListFilters
        search={search}
        onChange={(changes) => setSearch(withFilters(search, changes))}
        onClear={() => setSearch({})}
      />
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {query.data ? (
        <ListCount
          id="task-list-count"
          count={t(query.data.totalIsCapped ? 'tasks.countOver' : 'tasks.count', { total })}
          page={search.page ?? 1}
          pageSize={TASK_PAGE_SIZE}
          shown={tasks.length}
          total={total}
          totalIsCapped={query.data.totalIsCapped}
        />
      ) : null}
      {tasks.length > 0 ? <TaskTable tasks={tasks} caption={t('tasks.title')} asOf={search.as_of} /> : null}
      <CursorPagination search={search} nextCursor={query.data?.nextCursor ?? null} onNavigate={setSearch} />
    </Stack>
  );
}
