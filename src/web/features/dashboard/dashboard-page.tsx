import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { today } from '../../../shared/domain/calendar-date.ts';
import { ExportLinks } from '../../components/export-links.tsx';
import { OrgIdPicker } from '../../components/org-id-picker.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatDate } from '../../lib/format.ts';
import { localName, useI18n } from '../../lib/i18n.tsx';
import { dashboardRoute } from '../../router.tsx';
import { TaskTable } from '../tasks/task-table.tsx';
import { BreakdownTable } from './breakdown-table.tsx';
import { dashboardExportUrl, dashboardQuery } from './dashboard-api.ts';
import { HeadlineCards } from './headline-cards.tsx';
import { RankingTable } from './ranking-table.tsx';
import { CalendarDateInput } from '../../components/calendar-date-input.tsx';

// ECharts weighs about as much as the rest of the app: it loads with the dashboard, not before.
const DashboardCharts = lazy(() =>
  import('./dashboard-charts.tsx').then((module) => ({ default: module.DashboardCharts })),
);

export function DashboardPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(`${t('dashboard.title')} · ${t('app.name')}`);
  const reading = dashboardRoute.useSearch();
  const navigate = useNavigate({ from: '/dashboard' });
  const query = useQuery(dashboardQuery(reading));
  const dashboard = query.data;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1}>{t('dashboard.title')}</Title>
          {dashboard ? (
            <Text c="dimmed">
              {t('reading.summary', {
                scope: localName(locale, dashboard.scope),
                date: formatDate(locale, dashboard.asOf),
              })}
            </Text>
          ) : null}
        </Stack>
        <ExportLinks urlFor={(format) => dashboardExportUrl(reading, format)} />
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={720}>
          <OrgIdPicker
            label={t('reading.scope')}
            value={reading.scope}
            fallbackId={dashboard?.scope.id}
            onChange={(scope) => void navigate({ search: { ...reading, scope } })}
          />
          <CalendarDateInput
            label={t('reading.asOf')}
            value={reading.as_of ?? dashboard?.asOf ?? today()}
            // A date half typed changes no reading.
            onChange={(asOf) => {
              if (asOf) void navigate({ search: { ...reading, as_of: asOf } });
            }}
          />
        </SimpleGrid>
      </Paper>
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {dashboard ? (
        <>
          <HeadlineCards headline={dashboard} dueSoonDays={dashboard.dueSoonDays} />
          <Suspense fallback={<QueryState isLoading error={null} />}>
            <DashboardCharts dashboard={dashboard} />
          </Suspense>
          <section aria-labelledby="breakdowns-title">
            <Stack gap="lg">
              <Title order={2} size="h4" id="breakdowns-title">
                {t('dashboard.breakdowns')}
              </Title>
              <BreakdownTable
                id="by-group"
                title={t('dashboard.byGroup')}
                rows={dashboard.byGroup.map((row) => ({
                  ...row,
                  name:
                    row.id === null
                      ? t('taskForm.noGroup')
                      : t('dashboard.groupName', { number: row.number, name: localName(locale, row) }),
                }))}
              />
              <BreakdownTable
                id="by-organization"
                title={t('dashboard.byOrganization')}
                rows={dashboard.byOrganization.map((row) => ({ ...row, name: localName(locale, row) }))}
              />
              <BreakdownTable
                id="by-province"
                title={t('dashboard.byProvince')}
                rows={dashboard.byProvince.map((row) => ({ ...row, name: localName(locale, row) }))}
              />
            </Stack>
          </section>
          <section aria-labelledby="overdue-title">
            <Group justify="space-between" align="baseline" mb="xs">
              <Title order={2} size="h4" id="overdue-title">
                {t('dashboard.overdueTasks')}
              </Title>
              <AnchorLink
                to="/tasks"
                search={{ scope: reading.scope, as_of: reading.as_of, timeliness: 'overdue', sort: 'deadline' }}
              >
                {t('dashboard.overdueAll')}
              </AnchorLink>
            </Group>
            {dashboard.overdueTasks.length === 0 ? (
              <Text>{t('dashboard.overdueNone')}</Text>
            ) : (
              <TaskTable
                tasks={dashboard.overdueTasks}
                caption={t('dashboard.overdueTasks')}
                asOf={reading.as_of}
                isShowingDaysLate
              />
            )}
          </section>
          <RankingTable ranking={dashboard.ranking} />
        </>
      ) : null}
    </Stack>
  );
}
