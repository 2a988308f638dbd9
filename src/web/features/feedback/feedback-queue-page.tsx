import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useCanGoBack, useNavigate, useRouter } from '@tanstack/react-router';
import { QueryState } from '../../components/query-state.tsx';
import { ButtonLink } from '../../components/router-links.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { feedbackQueueRoute } from '../../router.tsx';
import { FEEDBACK_PAGE_SIZE, feedbackQueueQuery } from './feedback-api.ts';
import { FeedbackQueueFilters } from './feedback-queue-filters.tsx';
import { type FeedbackQueueSearch, withQueueFilter } from './feedback-queue-search.ts';
import { FeedbackQueueTable } from './feedback-queue-table.tsx';

export function FeedbackQueuePage() {
  const { t, locale } = useI18n();
  useDocumentTitle(`${t('feedbackQueue.title')} · ${t('app.name')}`);
  const search = feedbackQueueRoute.useSearch();
  const navigate = useNavigate({ from: '/feedback' });
  const query = useQuery(feedbackQueueQuery(search));
  const setSearch = (next: FeedbackQueueSearch) => void navigate({ search: next });

  const page = search.page ?? 1;
  const items = query.data?.items ?? [];
  const total = query.data?.total ?? 0;
  const firstShown = (page - 1) * FEEDBACK_PAGE_SIZE + 1;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('feedbackQueue.title')}</Title>
        <ButtonLink to="/feedback/statistics" variant="default">
          {t('feedbackStats.title')}
        </ButtonLink>
      </Group>
      <FeedbackQueueFilters
        search={search}
        onChange={(changes) => setSearch(withQueueFilter(search, changes))}
        onClear={() => setSearch({})}
      />
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {query.data ? (
        <Text fw={600} aria-live="polite">
          {t('feedbackQueue.count', { total })}
          {items.length > 0
            ? ` · ${t('tasks.range', {
                from: formatNumber(locale, firstShown),
                to: formatNumber(locale, firstShown + items.length - 1),
                total: formatNumber(locale, total),
              })}`
            : null}
        </Text>
      ) : null}
      {items.length > 0 ? <FeedbackQueueTable items={items} /> : null}
      <QueuePagination search={search} nextCursor={query.data?.nextCursor ?? null} onNavigate={setSearch} />
    </Stack>
  );
}

/** Cursor pages, as on the task list: "previous" is the browser's own history. */
function QueuePagination({
  search,
  nextCursor,
  onNavigate,
}: {
  search: FeedbackQueueSearch;
  nextCursor: string | null;
  onNavigate: (search: FeedbackQueueSearch) => void;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const canGoBack = useCanGoBack();
  const page = search.page ?? 1;
  if (page === 1 && !nextCursor) return null;
  return (
    <Group component="nav" aria-label={t('feedbackQueue.pagination')} gap="xs">
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
