import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { Meeting } from '../../../shared/schemas/directives.ts';
import { DateFilter } from '../../components/list-filters.tsx';
import { OrgIdPicker } from '../../components/org-id-picker.tsx';
import { CursorPagination } from '../../components/cursor-pagination.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-links.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { localName, useI18n } from '../../lib/i18n.tsx';
import { withFilters } from '../../lib/search-params.ts';
import { mayDo, sessionQuery } from '../../lib/session.ts';
import { meetingListRoute } from '../../router.tsx';
import type { MeetingListSearch } from './directive-list-search.ts';
import { meetingListQuery } from './directives-api.ts';

export const meetingOrganizationName = (locale: Parameters<typeof localName>[0], meeting: Meeting) =>
  localName(locale, { nameVi: meeting.organizationNameVi, nameEn: meeting.organizationNameEn });

export function MeetingListPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('meetings.title')} · ${t('app.name')}`);
  const search = meetingListRoute.useSearch();
  const navigate = useNavigate({ from: '/meetings' });
  const { data: session } = useQuery(sessionQuery);
  const query = useQuery(meetingListQuery(search));
  const setSearch = (next: MeetingListSearch) => void navigate({ search: next });
  const change = (changes: Partial<MeetingListSearch>) => setSearch(withFilters(search, changes));
  const meetings = query.data?.items ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('meetings.title')}</Title>
        {mayDo(session, 'directive.write') ? <ButtonLink to="/meetings/new">{t('meetings.new')}</ButtonLink> : null}
      </Group>
      <Paper withBorder p="md" component="section" aria-label={t('directives.filters')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <OrgIdPicker label={t('reading.scope')} value={search.scope} onChange={(scope) => change({ scope })} />
            <DateFilter label={t('meetings.from')} value={search.from} onChange={(from) => change({ from })} />
            <DateFilter label={t('meetings.to')} value={search.to} onChange={(to) => change({ to })} />
          </SimpleGrid>
          <Button variant="subtle" size="xs" w="fit-content" onClick={() => setSearch({})}>
            {t('tasks.clearFilters')}
          </Button>
        </Stack>
      </Paper>
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {query.data ? (
        <Text fw={600} aria-live="polite">
          {meetings.length === 0 ? t('common.noResults') : t('meetings.shown', { count: meetings.length })}
        </Text>
      ) : null}
      {meetings.length > 0 ? <MeetingTable meetings={meetings} /> : null}
      <CursorPagination search={search} nextCursor={query.data?.nextCursor ?? null} onNavigate={setSearch} />
    </Stack>
  );
}

function MeetingTable({ meetings }: { meetings: Meeting[] }) {
  const { t, locale } = useI18n();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('meetings.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('meetings.heldOn')}</Table.Th>
            <Table.Th scope="col">{t('meetings.meetingTitle')}</Table.Th>
            <Table.Th scope="col">{t('meetings.organization')}</Table.Th>
            <Table.Th scope="col">{t('meetings.conclusions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meetings.map((meeting) => (
            <Table.Tr key={meeting.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(locale, meeting.heldOn)}</Table.Td>
              <Table.Td miw={260}>
                <AnchorLink to="/meetings/$meetingId" params={{ meetingId: meeting.id }}>
                  {meeting.title}
                </AnchorLink>
              </Table.Td>
              <Table.Td miw={160}>{meetingOrganizationName(locale, meeting)}</Table.Td>
              <Table.Td ta="right">{formatNumber(locale, meeting.conclusions.length)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
