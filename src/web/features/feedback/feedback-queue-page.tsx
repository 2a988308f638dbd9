import { Group, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { CursorPagination } from '../../components/cursor-pagination.tsx';
import { ListCount } from '../../components/list-count.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { ButtonLink } from '../../components/router-links.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { withFilters } from '../../lib/search-params.ts';
import { feedbackQueueRoute } from '../../router.tsx';
import { FEEDBACK_PAGE_SIZE, feedbackQueueQuery } from './feedback-api.ts';
import { FeedbackQueueFilters } from './feedback-queue-filters.tsx';
import type { FeedbackQueueSearch } from './feedback-queue-search.ts';
import { FeedbackQueueTable } from './feedback-queue-table.tsx';

export function FeedbackQueuePage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('feedbackQueue.title')} · ${t('app.name')}`);
  const search = feedbackQueueRoute.useSearch();
  const navigate = useNavigate({ from: '/feedback' });
  const query = useQuery(feedbackQueueQuery(search));
  const setSearch = (next: FeedbackQueueSearch) => void navigate({ search: next });

  const items = query.data?.items ?? [];
  const total = query.data?.total ?? 0;

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
        onChange={(changes) => setSearch(withFilters(search, changes))}
        onClear={() => setSearch({})}
      />
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {query.data ? (
        <ListCount
          count={t(query.data.totalIsCapped ? 'feedbackQueue.countOver' : 'feedbackQueue.count', { total })}
          page={search.page ?? 1}
          pageSize={FEEDBACK_PAGE_SIZE}
          shown={items.length}
          total={total}
          totalIsCapped={query.data.totalIsCapped}
        />
      ) : null}
      {items.length > 0 ? <FeedbackQueueTable items={items} /> : null}
      <CursorPagination
        label={t('feedbackQueue.pagination')}
        search={search}
        nextCursor={query.data?.nextCursor ?? null}
        onNavigate={setSearch}
      />
    </Stack>
  );
}
