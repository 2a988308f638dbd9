import { Badge, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { indicatorNameIn } from '../../../shared/domain/localized-name.ts';
import type { IndicatorDetail } from '../../../shared/schemas/indicators.ts';
import { CalendarDateInput } from '../../components/calendar-date-input.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { formatDate, formatPercent } from '../../lib/format.ts';
import { localName, useI18n } from '../../lib/i18n.tsx';
import { indicatorRoute } from '../../router.tsx';
import { IndicatorStatusBadge } from './indicator-badges.tsx';
import { IndicatorChart } from './indicator-chart.tsx';
import { formatAchievement, formatIndicatorValue } from './indicator-format.ts';
import { indicatorQuery, indicatorSeriesQuery } from './indicators-api.ts';
import { ValueEntryForm } from './value-entry-form.tsx';

export function IndicatorPage() {
  const { t, locale } = useI18n();
  const { indicatorId } = indicatorRoute.useParams();
  const search = indicatorRoute.useSearch();
  const navigate = useNavigate({ from: '/indicators/$indicatorId' });
  const query = useQuery(indicatorQuery(indicatorId, search.as_of));
  const indicator = query.data;
  useDocumentTitle(`${indicator ? indicatorNameIn(locale, indicator) : t('indicators.title')} · ${t('app.name')}`);

  return (
    <Stack gap="md">
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {indicator ? (
        <>
          <Stack gap={4}>
            <Title order={1}>{indicatorNameIn(locale, indicator)}</Title>
            <Group gap="xs">
              <Badge variant="outline">{indicator.code}</Badge>
              <Badge variant="light">{t(`indicators.level.${indicator.level}`)}</Badge>
              <Badge variant="light">{t(`indicator.frequency.${indicator.frequency}`)}</Badge>
              <Badge variant="light">{t(`indicator.direction.${indicator.direction}`)}</Badge>
            </Group>
          </Stack>
          <Definition indicator={indicator} />
          <CalendarDateInput
            label={t('indicators.asOf')}
            value={search.as_of ?? ''}
            onChange={(asOf) => void navigate({ search: { ...search, as_of: asOf || undefined } })}
            maw={220}
          />
          <Standings indicator={indicator} />
          <ChartFor
            indicator={indicator}
            organizationId={search.org}
            onChoose={(org) => void navigate({ search: { ...search, org } })}
          />
          <ValueEntryForm indicator={indicator} />
        </>
      ) : null}
    </Stack>
  );
}

function Definition({ indicator }: { indicator: IndicatorDetail }) {
  const { t, locale } = useI18n();
  const show = (value: number) => formatIndicatorValue(locale, indicator.unit, value);
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <div>
        <Text size="sm" c="dimmed">
          {t('indicators.responsible')}
        </Text>
        <Text>{localName(locale, indicator.responsibleOrganization)}</Text>
      </div>
      <div>
        <Text size="sm" c="dimmed">
          {t('indicator.baseline')}
        </Text>
        <Text>
          {show(indicator.baseline.value)} ({formatDate(locale, indicator.baseline.date)})
        </Text>
      </div>
      <div>
        <Text size="sm" c="dimmed">
          {t('indicator.targets')}
        </Text>
        <Text>
          {indicator.targets
            .map((target) => t('indicators.targetOf', { value: show(target.value), year: target.year }))
            .join('; ')}
        </Text>
      </div>
      <Text size="sm" c="dimmed" style={{ gridColumn: '1 / -1' }}>
        {t('indicator.thresholds', {
          onTrack: formatPercent(locale, indicator.thresholds.onTrack),
          atRisk: formatPercent(locale, indicator.thresholds.atRisk),
        })}
      </Text>
    </SimpleGrid>
  );
}

function Standings({ indicator }: { indicator: IndicatorDetail }) {
  const { t, locale } = useI18n();
  const show = (value: number | null | undefined) => formatIndicatorValue(locale, indicator.unit, value);
  return (
    <section aria-labelledby="standings-title">
      <Title order={2} size="h4" id="standings-title" mb="xs">
        {t('indicator.standings')}
      </Title>
      <Table.ScrollContainer minWidth={760} mah={520}>
        <Table striped stickyHeader aria-labelledby="standings-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('indicator.organization')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('indicators.latest')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('indicator.expected')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('indicator.achievement')}
              </Table.Th>
              <Table.Th scope="col">{t('indicators.status')}</Table.Th>
              <Table.Th scope="col">{t('indicators.reporting')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {indicator.standings.map((standing) => (
              <Table.Tr key={standing.organization.id}>
                <Table.Th scope="row" fw={500}>
                  {localName(locale, standing.organization)}
                  {standing.ownTrajectory ? (
                    <Text size="xs" c="dimmed">
                      {t('indicator.ownPlan')}
                    </Text>
                  ) : null}
                </Table.Th>
                <Table.Td ta="right">
                  {show(standing.latest?.value)}
                  {standing.latest ? (
                    <Text size="xs" c="dimmed">
                      {standing.latest.periodKey}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right">{show(standing.expected)}</Table.Td>
                <Table.Td ta="right">{formatAchievement(locale, standing.achievement)}</Table.Td>
                <Table.Td>
                  <IndicatorStatusBadge status={standing.status} />
                </Table.Td>
                <Table.Td>
                  {standing.stale ? (
                    <Text size="sm" c="red.9">
                      {t('indicator.stale', { period: standing.latestDuePeriod })}
                    </Text>
                  ) : null}
                  {standing.waiting > 0 ? (
                    <Text size="sm">{t('indicator.waiting', { count: standing.waiting })}</Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}

function ChartFor({
  indicator,
  organizationId,
  onChoose,
}: {
  indicator: IndicatorDetail;
  organizationId: string | undefined;
  onChoose: (organizationId: string) => void;
}) {
  const { t, locale } = useI18n();
  const standing =
    indicator.standings.find((each) => each.organization.id === organizationId) ?? indicator.standings[0];
  const series = useQuery({
    ...indicatorSeriesQuery(indicator.id, standing?.organization.id ?? ''),
    enabled: !!standing,
  });
  if (!standing) return null;
  return (
    <section aria-label={t('indicator.chart')}>
      <Stack gap="xs">
        <Select
          label={t('indicator.chartFor')}
          data={indicator.standings.map((each) => ({
            value: each.organization.id,
            label: localName(locale, each.organization),
          }))}
          value={standing.organization.id}
          onChange={(value) => value && onChoose(value)}
          allowDeselect={false}
          searchable
          maw={420}
        />
        <QueryState isLoading={series.isLoading} error={series.error} onRetry={() => void series.refetch()} />
        {series.data ? <IndicatorChart unit={indicator.unit} standing={standing} values={series.data.items} /> : null}
      </Stack>
    </section>
  );
}
