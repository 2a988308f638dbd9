import { Grid, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { Dashboard } from '../../../shared/schemas/dashboard.ts';
import { EChart } from '../../components/echart.tsx';
import { formatNumber } from '../../lib/format.ts';
import { localName, useI18n, type Translate } from '../../lib/i18n.tsx';
import { HEADLINE_CHART_COLORS } from '../tasks/task-badges.tsx';

/** More bars than this make the labels unreadable; the table below lists every row. */
const MAX_BARS = 15;

type BarBreakdown = 'byOrganization' | 'byGroup';

interface BarRow {
  name: string;
  completed: number;
  inProgress: number;
  overdue: number;
  total: number;
}

export function DashboardCharts({ dashboard }: { dashboard: Dashboard }) {
  const { t, locale } = useI18n();
  const [breakdown, setBreakdown] = useState<BarBreakdown>('byGroup');
  // On a phone the two choices do not fit side by side in Vietnamese: they stack.
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;

  const rows: BarRow[] = useMemo(() => {
    if (breakdown === 'byGroup') {
      return dashboard.byGroup.map((row) => ({
        ...row,
        name: row.id === null ? t('taskForm.noGroup') : t('task.groupNumber', { number: row.number }),
      }));
    }
    return [...dashboard.byOrganization]
      .sort((a, b) => b.total - a.total)
      .slice(0, MAX_BARS)
      .map((row) => ({ ...row, name: localName(locale, row) }));
  }, [breakdown, dashboard, locale, t]);

  const barOption = useMemo(() => stackedBarOption(t, rows), [t, rows]);
  const donutOption = useMemo(() => donutChartOption(t, dashboard), [t, dashboard]);
  const byLabel = t(breakdown === 'byGroup' ? 'dashboard.byGroup' : 'dashboard.byOrganization');
  const n = (value: number) => formatNumber(locale, value);

  return (
    <section aria-labelledby="charts-title">
      <Title order={2} size="h4" id="charts-title" mb="sm">
        {t('dashboard.charts')}
      </Title>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper withBorder p="md">
            <Stack gap="xs">
              <SegmentedControl
                aria-label={t('dashboard.chartBy')}
                value={breakdown}
                onChange={(value) => setBreakdown(value as BarBreakdown)}
                data={[
                  { value: 'byGroup', label: t('dashboard.byGroup') },
                  { value: 'byOrganization', label: t('dashboard.byOrganization') },
                ]}
                orientation={isPhone ? 'vertical' : 'horizontal'}
                fullWidth={isPhone}
                style={{ alignSelf: isPhone ? 'stretch' : 'flex-start' }}
              />
              {rows.length === 0 ? (
                <Text c="dimmed">{t('dashboard.noRows')}</Text>
              ) : (
                <EChart
                  option={barOption}
                  height={Math.max(240, rows.length * 30 + 80)}
                  label={t('dashboard.barChartLabel', { by: byLabel.toLowerCase() })}
                />
              )}
              {breakdown === 'byOrganization' && dashboard.byOrganization.length > MAX_BARS ? (
                <Text size="xs" c="dimmed">
                  {t('dashboard.chartTop', { count: MAX_BARS })}
                </Text>
              ) : null}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Paper withBorder p="md" h="100%">
            <Title order={3} size="h6" mb="xs">
              {t('dashboard.donutTitle')}
            </Title>
            <EChart
              option={donutOption}
              height={280}
              label={t('dashboard.donutLabel', {
                total: n(dashboard.total),
                completed: n(dashboard.completed),
                inProgress: n(dashboard.inProgress),
                overdue: n(dashboard.overdue),
              })}
            />
          </Paper>
        </Grid.Col>
      </Grid>
    </section>
  );
}

function stackedBarOption(t: Translate, rows: BarRow[]) {
  // Horizontal bars, first row on top: long agency names read on the left instead of slanting.
  const ordered = [...rows].reverse();
  const series = (['completed', 'inProgress', 'overdue'] as const).map((key) => ({
    name: t(`dashboard.${key}`),
    type: 'bar',
    stack: 'headline',
    itemStyle: { color: HEADLINE_CHART_COLORS[key] },
    data: ordered.map((row) => row[key]),
  }));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: {
      type: 'category',
      data: ordered.map((row) => row.name),
      axisLabel: { width: 180, overflow: 'truncate' },
    },
    series,
  };
}

function donutChartOption(t: Translate, dashboard: Dashboard) {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '45%'],
        // Inside the ring: labels outside it were cut off by the card on narrow screens.
        label: {
          position: 'inside',
          color: '#fff',
          fontWeight: 'bold',
          formatter: (item: { percent: number }) => `${Math.round(item.percent)}%`,
        },
        data: (['completed', 'inProgress', 'overdue'] as const).map((key) => ({
          name: t(`dashboard.${key}`),
          value: dashboard[key],
          itemStyle: { color: HEADLINE_CHART_COLORS[key] },
        })),
      },
    ],
  };
}
