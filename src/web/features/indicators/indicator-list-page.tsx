import { Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { indicatorNameIn } from '../../../shared/domain/localized-name.ts';
import type { IndicatorSummary } from '../../../shared/schemas/indicators.ts';
import { CalendarDateInput } from '../../components/calendar-date-input.tsx';
import { CursorPagination } from '../../components/cursor-pagination.tsx';
import { FilterPanel } from '../../components/list-filters.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { localName, useI18n } from '../../lib/i18n.tsx';
import { withFilters } from '../../lib/search-params.ts';
import { indicatorListRoute } from '../../router.tsx';
import { programmesQuery } from '../tasks/tasks-api.ts';
import { IndicatorStatusBadge } from './indicator-badges.tsx';
import { formatIndicatorValue } from './indicator-format.ts';
import { type IndicatorListSearch, indicatorListQuery } from './indicators-api.ts';

export function IndicatorListPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(`${t('indicators.title')} · ${t('app.name')}`);
  const search = indicatorListRoute.useSearch();
  const navigate = useNavigate({ from: '/indicators' });
  const query = useQuery(indicatorListQuery(search));
  const groups = useQuery(programmesQuery).data?.items.flatMap((programme) => programme.groups) ?? [];
  const setSearch = (next: IndicatorListSearch) => void navigate({ search: next });
  const change = (changes: Partial<IndicatorListSearch>) => setSearch(withFilters(search, changes));
  const indicators = query.data?.items ?? [];

  return (
    <Stack gap="md">
      <Title order={1}>{t('indicators.title')}</Title>
      <Text size="sm">{t('indicators.intro')}</Text>
      <FilterPanel
        label={t('indicators.title')}
        searchLabel={t('indicators.search')}
        searchPlaceholder={t('indicators.search')}
        q={search.q}
        onSearch={(q) => change({ q })}
        onClear={() => setSearch({})}
      >
        <Select
          label={t('indicators.level')}
          placeholder={t('indicators.allLevels')}
          data={(['strategic', 'operational'] as const).map((level) => ({
            value: level,
            label: t(`indicators.level.${level}`),
          }))}
          value={search.level ?? null}
          onChange={(level) => change({ level: (level as IndicatorListSearch['level'] | null) ?? undefined })}
          clearable
        />
        <Select
          label={t('indicators.group')}
          placeholder={t('indicators.allGroups')}
          data={groups.map((group) => ({
            value: group.id,
            label: `${group.number}. ${localName(locale, group)}`,
          }))}
          value={search.group ?? null}
          onChange={(group) => change({ group: group ?? undefined })}
          clearable
        />
        <CalendarDateInput
          label={t('indicators.asOf')}
          value={search.as_of ?? ''}
          onChange={(asOf) => change({ as_of: asOf || undefined })}
        />
      </FilterPanel>
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {query.data ? (
        <Text fw={600} aria-live="polite">
          {indicators.length === 0 ? t('common.noResults') : t('indicators.shown', { count: indicators.length })}
        </Text>
      ) : null}
      {indicators.length > 0 ? <IndicatorTable indicators={indicators} asOf={search.as_of} /> : null}
      <CursorPagination search={search} nextCursor={query.data?.nextCursor ?? null} onNavigate={setSearch} />
    </Stack>
  );
}

function IndicatorTable({ indicators, asOf }: { indicators: IndicatorSummary[]; asOf: string | undefined }) {
  const { t, locale } = useI18n();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped aria-label={t('indicators.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('indicators.name')}</Table.Th>
            <Table.Th scope="col">{t('indicators.responsible')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('indicators.latest')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('indicators.nextTarget')}
            </Table.Th>
            <Table.Th scope="col">{t('indicators.status')}</Table.Th>
            <Table.Th scope="col">{t('indicators.reporting')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.map((indicator) => {
            const { standing } = indicator;
            return (
              <Table.Tr key={indicator.id}>
                <Table.Th scope="row" fw={500}>
                  <AnchorLink
                    to="/indicators/$indicatorId"
                    params={{ indicatorId: indicator.id }}
                    search={{ as_of: asOf }}
                  >
                    {indicatorNameIn(locale, indicator)}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {indicator.code} · {t(`indicator.frequency.${indicator.frequency}`)}
                  </Text>
                </Table.Th>
                <Table.Td>{localName(locale, indicator.responsibleOrganization)}</Table.Td>
                <Table.Td ta="right">
                  {formatIndicatorValue(locale, indicator.unit, standing.latest?.value)}
                  {standing.latest ? (
                    <Text size="xs" c="dimmed">
                      {standing.latest.periodKey}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right">
                  {indicator.nextTarget
                    ? t('indicators.targetOf', {
                        value: formatIndicatorValue(locale, indicator.unit, indicator.nextTarget.value),
                        year: indicator.nextTarget.year,
                      })
                    : t('indicators.none')}
                </Table.Td>
                <Table.Td>
                  <IndicatorStatusBadge status={standing.status} />
                </Table.Td>
                <Table.Td>
                  {indicator.staleCount > 0 ? (
                    <Text size="sm" c="red.9">
                      {t('indicators.staleCount', { count: indicator.staleCount })}
                    </Text>
                  ) : standing.waiting > 0 ? (
                    <Text size="sm">{t('indicator.waiting', { count: standing.waiting })}</Text>
                  ) : (
                    <Text size="sm">{t('indicators.upToDate')}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
