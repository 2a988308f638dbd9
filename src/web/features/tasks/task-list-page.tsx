import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useCanGoBack, useNavigate, useRouter } from '@tanstack/react-router';
import { ExportLinks } from '../../components/export-links.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { ButtonLink } from '../../components/router-links.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { canAssignTasks, canImportTasks, sessionQuery } from '../../lib/session.ts';
import { taskListRoute } from '../../router.tsx';
import { TaskListFilters } from './task-list-filters.tsx';
import { withFilter, type TaskListSearch } from './task-list-search.ts';
import { TaskTable } from './task-table.tsx';
import { TASK_PAGE_SIZE, taskExportUrl, taskListQuery } from './tasks-api.ts';

export function TaskListPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(`${t('tasks.title')} · ${t('app.name')}`);
  const search = taskListRoute.useSearch();
  const navigate = useNavigate({ from: '/tasks' });
  const { data: session } = useQuery(sessionQuery);
  const query = useQuery(taskListQuery(search));
  const setSearch = (next: TaskListSearch) => void navigate({ search: next });

  const page = search.page ?? 1;
  const tasks = query.data?.items ?? [];
  const total = query.data?.total ?? 0;
  const firstShown = (page - 1) * TASK_PAGE_SIZE + 1;

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
        onChange={(changes) => setSearch(withFilter(search, changes))}
        onClear={() => setSearch({})}
      />
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {query.data ? (
        // Announced politely: a screen reader hears the new count after each filter change.
        <Text fw={600} aria-live="polite" id="task-list-count">
          {t('tasks.count', { total })}
          {tasks.length > 0
            ? ` · ${t('tasks.range', {
                from: formatNumber(locale, firstShown),
                to: formatNumber(locale, firstShown + tasks.length - 1),
                total: formatNumber(locale, total),
              })}`
            : null}
        </Text>
      ) : null}
      {tasks.length > 0 ? <TaskTable tasks={tasks} caption={t('tasks.title')} asOf={search.as_of} /> : null}
      <ListPagination search={search} nextCursor={query.data?.nextCursor ?? null} onNavigate={setSearch} />
    </Stack>
  );
}

/**
 * Cursor pages: the cursor and the page number live in the URL, so a link opens the same page.
 * "Previous" is the browser's own history: a cursor only leads forward.
 */
function ListPagination({
  search,
  nextCursor,
  onNavigate,
}: {
  search: TaskListSearch;
  nextCursor: string | null;
  onNavigate: (search: TaskListSearch) => void;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const canGoBack = useCanGoBack();
  const page = search.page ?? 1;
  if (page === 1 && !nextCursor) return null;
  return (
    <Group component="nav" aria-label={t('tasks.pagination')} gap="xs">
      {page > 1 ? (
        <Button variant="default" onClick={() => onNavigate({ ...search, cursor: undefined, page: undefined })}>
          {t('tasks.firstPage')}
        </Button>
      ) : null}
      {page > 1 && canGoBack ? (
        <Button variant="default" onClick={() => router.history.back()}>
          {t('tasks.previousPage')}
        </Button>
      ) : null}
      {nextCursor ? (
        <Button variant="default" onClick={() => onNavigate({ ...search, cursor: nextCursor, page: page + 1 })}>
          {t('tasks.nextPage')}
        </Button>
      ) : null}
    </Group>
  );
}
