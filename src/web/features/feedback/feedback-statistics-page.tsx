import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { FeedbackResponseFigures, FeedbackStatistics } from '../../../shared/schemas/feedback-statistics.ts';
import { LazyEChart } from '../../components/lazy-echart.tsx';
import { ExportLinks } from '../../components/export-links.tsx';
import { DateFilter } from '../../components/list-filters.tsx';
import { OrgIdPicker } from '../../components/org-id-picker.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { formatDate, formatNumber, formatPercent } from '../../lib/format.ts';
import { localName, useI18n, type Locale, type Translate } from '../../lib/i18n.tsx';
import { feedbackStatisticsRoute } from '../../router.tsx';
import {
  type FeedbackStatisticsSearch,
  feedbackStatisticsExportUrl,
  feedbackStatisticsQuery,
} from './feedback-statistics-api.ts';

/** More bars than this make the labels unreadable; the table lists every organization. */
const MAX_BARS = 15;

export function FeedbackStatisticsPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('feedbackStats.title')} · ${t('app.name')}`);
  const search = feedbackStatisticsRoute.useSearch();
  const navigate = useNavigate({ from: '/feedback/statistics' });
  const query = useQuery(feedbackStatisticsQuery(search));
  const setSearch = (changes: Partial<FeedbackStatisticsSearch>) =>
    void navigate({ search: { ...search, ...changes } });
  const statistics = query.data;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('feedbackStats.title')}</Title>
        <ExportLinks urlFor={(format) => feedbackStatisticsExportUrl(search, format)} />
      </Group>
      <Paper withBorder p="md" component="section" aria-label={t('feedbackQueue.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <OrgIdPicker
            label={t('reading.scope')}
            value={search.scope}
            fallbackId={statistics?.scope.id}
            onChange={(scope) => setSearch({ scope })}
          />
          <DateFilter
            label={t('feedbackQueue.receivedFrom')}
            value={search.received_from}
            onChange={(received_from) => setSearch({ received_from })}
          />
          <DateFilter
            label={t('feedbackQueue.receivedTo')}
            value={search.received_to}
            onChange={(received_to) => setSearch({ received_to })}
          />
          <DateFilter label={t('reading.asOf')} value={search.as_of} onChange={(as_of) => setSearch({ as_of })} />
        </SimpleGrid>
      </Paper>
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {statistics ? <StatisticsView statistics={statistics} /> : null}
    </Stack>
  );
}

function StatisticsView({ statistics }: { statistics: FeedbackStatistics }) {
  const { t, locale } = useI18n();
  const { totals } = statistics;
  const option = useMemo(() => shareChartOption(t, locale, statistics), [t, locale, statistics]);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('feedbackStats.reading', {
          scope: localName(locale, statistics.scope),
          date: formatDate(locale, statistics.asOf),
          triage: statistics.serviceLevel.triageWorkingDays,
          answer: statistics.serviceLevel.answerWorkingDays,
        })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Headline label={t('feedbackStats.received')} value={formatNumber(locale, totals.received)} />
        <Headline
          label={t('feedbackStats.answeredWithin')}
          value={share(locale, totals.shareAnsweredWithinServiceLevel)}
        />
        <Headline label={t('feedbackStats.medianAnswer')} value={days(t, locale, totals.medianAnswerWorkingDays)} />
        <Headline label={t('feedbackStats.overdue')} value={formatNumber(locale, totals.overdue)} />
      </SimpleGrid>
      {statistics.byOrganization.length > 0 ? (
        <Paper withBorder p="md">
          <LazyEChart
            option={option}
            height={Math.max(220, 32 * Math.min(MAX_BARS, statistics.byOrganization.length))}
            label={t('feedbackStats.chart')}
          />
        </Paper>
      ) : null}
      <Table.ScrollContainer minWidth={900}>
        <Table striped verticalSpacing="xs" aria-label={t('feedbackStats.byOrganization')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('feedbackQueue.assignedOrganization')}</Table.Th>
              <Table.Th scope="col">{t('feedbackStats.received')}</Table.Th>
              <Table.Th scope="col">{t('feedbackStats.medianTriage')}</Table.Th>
              <Table.Th scope="col">{t('feedbackStats.triagedWithin')}</Table.Th>
              <Table.Th scope="col">{t('feedbackStats.answered')}</Table.Th>
              <Table.Th scope="col">{t('feedbackStats.medianAnswer')}</Table.Th>
              <Table.Th scope="col">{t('feedbackStats.answeredWithin')}</Table.Th>
              <Table.Th scope="col">{t('feedbackStats.overdue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {statistics.byOrganization.map((row) => (
              <FiguresRow
                key={row.organization?.id ?? 'unassigned'}
                name={row.organization ? localName(locale, row.organization) : t('feedbackStats.unassigned')}
                figures={row}
              />
            ))}
            <FiguresRow name={t('feedbackStats.total')} figures={totals} isTotal />
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function FiguresRow({
  name,
  figures,
  isTotal = false,
}: {
  name: string;
  figures: FeedbackResponseFigures;
  isTotal?: boolean;
}) {
  const { t, locale } = useI18n();
  const n = (value: number) => formatNumber(locale, value);
  return (
    <Table.Tr fw={isTotal ? 700 : undefined}>
      <Table.Th scope="row" fw={isTotal ? 700 : 400}>
        {name}
      </Table.Th>
      <Table.Td>{n(figures.received)}</Table.Td>
      <Table.Td>{days(t, locale, figures.medianTriageWorkingDays)}</Table.Td>
      <Table.Td>{share(locale, figures.shareTriagedWithinServiceLevel)}</Table.Td>
      <Table.Td>{n(figures.answered)}</Table.Td>
      <Table.Td>{days(t, locale, figures.medianAnswerWorkingDays)}</Table.Td>
      <Table.Td>{share(locale, figures.shareAnsweredWithinServiceLevel)}</Table.Td>
      <Table.Td>{figures.overdue > 0 ? `⚠ ${n(figures.overdue)}` : n(figures.overdue)}</Table.Td>
    </Table.Tr>
  );
}

function Headline({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl">
        {value}
      </Text>
    </Paper>
  );
}

const share = (locale: Locale, value: number | null) => (value === null ? '—' : formatPercent(locale, value));
const days = (t: Translate, locale: Locale, value: number | null) =>
  value === null ? '—' : t('feedbackStats.days', { days: formatNumber(locale, value) });

/** Share of answers within the service level, per organization with the most items first. */
function shareChartOption(t: Translate, locale: Locale, statistics: FeedbackStatistics) {
  const rows = statistics.byOrganization
    .filter((row) => row.answered > 0)
    .slice(0, MAX_BARS)
    .reverse();
  return {
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (value: number) => `${value} %` },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
    yAxis: {
      type: 'category',
      data: rows.map((row) => (row.organization ? localName(locale, row.organization) : t('feedbackStats.unassigned'))),
      axisLabel: { width: 200, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: t('feedbackStats.answeredWithin'),
        color: '#2b8a3e',
        data: rows.map((row) => Math.round((row.shareAnsweredWithinServiceLevel ?? 0) * 100)),
      },
    ],
  };
}
