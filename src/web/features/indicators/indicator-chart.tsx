import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { IndicatorUnit } from '../../../shared/domain/indicator-values.ts';
import type { IndicatorStanding, Observation } from '../../../shared/schemas/indicators.ts';
import { LazyEChart } from '../../components/lazy-echart.tsx';
import { formatDate } from '../../lib/format.ts';
import { useI18n, type Translate } from '../../lib/i18n.tsx';
import type { Locale } from '../../../shared/i18n/index.ts';
import { IndicatorStatusBadge } from './indicator-badges.tsx';
import { formatAchievement, formatIndicatorValue } from './indicator-format.ts';

interface IndicatorChartProps {
  unit: IndicatorUnit;
  standing: IndicatorStanding;
  /** The organization's values, oldest period first. */
  values: Observation[];
}

const yearEnd = (year: number) => `${year}-12-31`;

/**
 * An organization's approved values against its trajectory (baseline to targets), with the same
 * figures as a table for screen readers and for whoever prefers numbers to lines.
 */
export function IndicatorChart({ unit, standing, values }: IndicatorChartProps) {
  const { t, locale } = useI18n();
  const approved = values.filter((value) => value.approvedValue !== null);
  const option = useMemo(() => chartOption(t, locale, unit, standing, approved), [t, locale, unit, standing, approved]);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('indicator.chart')}
        </Title>
        {approved.length === 0 ? <Text size="sm">{t('indicator.chart.noValues')}</Text> : null}
        <LazyEChart option={option} height={320} label={t('indicator.chart')} />
        <details>
          <summary>{t('indicator.chart.asTable')}</summary>
          <Table.ScrollContainer minWidth={520}>
            <Table striped aria-label={t('indicator.chart')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('indicator.period')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('indicator.value')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('indicator.expected')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('indicator.achievement')}
                  </Table.Th>
                  <Table.Th scope="col">{t('indicators.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {values.map((value) => (
                  <Table.Tr key={value.id}>
                    <Table.Th scope="row" fw={500}>
                      {value.periodKey}
                      <Text size="xs" c="dimmed">
                        {t(`values.state.${value.state}`)}
                      </Text>
                    </Table.Th>
                    <Table.Td ta="right">{formatIndicatorValue(locale, unit, value.value)}</Table.Td>
                    <Table.Td ta="right">{formatIndicatorValue(locale, unit, value.expected)}</Table.Td>
                    <Table.Td ta="right">{formatAchievement(locale, value.achievement)}</Table.Td>
                    <Table.Td>
                      <IndicatorStatusBadge status={value.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </details>
      </Stack>
    </Paper>
  );
}

function chartOption(
  t: Translate,
  locale: Locale,
  unit: IndicatorUnit,
  standing: IndicatorStanding,
  approved: Observation[],
) {
  const lastDay = approved.at(-1)?.periodEnd ?? standing.baseline.date;
  // The trajectory up to the first target after the last value: the axis spans what is being judged.
  const shownTargets = [];
  for (const target of standing.targets) {
    shownTargets.push(target);
    if (yearEnd(target.year) >= lastDay) break;
  }
  const show = (value: number) => formatIndicatorValue(locale, unit, value);
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: number) => show(value),
    },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 48 },
    xAxis: {
      type: 'time',
      axisLabel: { formatter: (value: number) => formatDate(locale, new Date(value).toISOString().slice(0, 10)) },
    },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (value: number) => show(value) } },
    series: [
      {
        name: t('indicator.chart.trajectory'),
        type: 'line',
        lineStyle: { type: 'dashed' },
        symbol: 'none',
        data: [
          [standing.baseline.date, standing.baseline.value],
          ...shownTargets.map((target) => [yearEnd(target.year), target.value]),
        ],
      },
      {
        name: t('indicator.chart.actual'),
        type: 'line',
        symbol: 'circle',
        symbolSize: 8,
        data: approved.map((value) => [value.periodEnd, value.approvedValue]),
      },
      {
        name: t('indicator.chart.target'),
        type: 'line',
        lineStyle: { opacity: 0 },
        symbol: 'diamond',
        symbolSize: 12,
        data: shownTargets.map((target) => [yearEnd(target.year), target.value]),
      },
    ],
  };
}
