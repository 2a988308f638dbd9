import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { CursorPagination } from '../../components/cursor-pagination.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { ButtonLink } from '../../components/router-links.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { withFilters } from '../../lib/search-params.ts';
import { mayDo, sessionQuery } from '../../lib/session.ts';
import { documentListRoute } from '../../router.tsx';
import type { DocumentListSearch } from './directive-list-search.ts';
import { documentListQuery } from './directives-api.ts';
import { DocumentListFilters } from './document-list-filters.tsx';
import { DocumentTable } from './document-table.tsx';

export function DocumentListPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('directives.title')} · ${t('app.name')}`);
  const search = documentListRoute.useSearch();
  const navigate = useNavigate({ from: '/directives' });
  const { data: session } = useQuery(sessionQuery);
  const query = useQuery(documentListQuery(search));
  const setSearch = (next: DocumentListSearch) => void navigate({ search: next });
  const documents = query.data?.items ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('directives.title')}</Title>
        {mayDo(session, 'directive.write') ? <ButtonLink to="/directives/new">{t('directives.new')}</ButtonLink> : null}
      </Group>
      <DocumentListFilters
        search={search}
        onChange={(changes) => setSearch(withFilters(search, changes))}
        onClear={() => setSearch({})}
      />
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {query.data ? (
        <Text fw={600} aria-live="polite">
          {documents.length === 0 ? t('common.noResults') : t('directives.shown', { count: documents.length })}
        </Text>
      ) : null}
      {documents.length > 0 ? <DocumentTable documents={documents} caption={t('directives.title')} /> : null}
      <CursorPagination search={search} nextCursor={query.data?.nextCursor ?? null} onNavigate={setSearch} />
    </Stack>
  );
}
