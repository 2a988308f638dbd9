import { Button, Group, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { Scorecards } from '../../../shared/schemas/scorecards.ts';
import { QueryState } from '../../components/query-state.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatDate, formatNumber, formatPercent } from '../../lib/format.ts';
import { localName, useI18n } from '../../lib/i18n.tsx';
import { scorecardsRoute } from '../../router.tsx';
import { mayDo, sessionQuery } from '../../lib/session.ts';
import { EvaluationSettingsForm } from './evaluation-settings-form.tsx';
import { evaluationSettingsQuery, scorecardsQuery, type ScorecardSearch } from './indicators-api.ts';
import { lastEndedQuarter, recentQuarters } from './recent-quarters.ts';
import { ScoreLightBadge } from './score-badges.tsx';

const PARTS = ['onTime', 'notOverdue', 'notLate', 'indicators'] as const;

export function ScorecardsPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('scorecards.title')} · ${t('app.name')}`);
  const search = scorecardsRoute.useSearch();
  const navigate = useNavigate({ from: '/scorecards' });
  const kind = search.kind ?? 'provinces';
  const period = search.period ?? lastEndedQuarter();
  const query = useQuery(scorecardsQuery(kind, period));
  const setSearch = (changes: ScorecardSearch) => void navigate({ search: { ...search, ...changes } });
  const { data: session } = useQuery(sessionQuery);
  const mayConfigure = mayDo(session, 'evaluation.configure');
  const [editing, setEditing] = useState(false);
  const settings = useQuery({ ...evaluationSettingsQuery, enabled: mayConfigure && editing });

  return (
    <Stack gap="md">
      <Title order={1}>{t('scorecards.title')}</Title>
      <Group align="flex-end">
        <SegmentedControl
          aria-label={t('scorecards.kind')}
          value={kind}
          onChange={(value) => setSearch({ kind: value as ScorecardSearch['kind'] })}
          data={(['provinces', 'ministries'] as const).map((each) => ({
            value: each,
            label: t(`scorecards.kind.${each}`),
          }))}
        />
        <Select
          label={t('scorecards.period')}
          data={recentQuarters()}
          value={period}
          onChange={(value) => value && setSearch({ period: value })}
          allowDeselect={false}
          w={140}
        />
        <AnchorLink to="/heat-map" search={{ period }}>
          {t('nav.heatMap')}
        </AnchorLink>
        {mayConfigure && !editing ? (
          <Button variant="outline" onClick={() => setEditing(true)}>
            {t('scorecards.editSettings')}
          </Button>
        ) : null}
      </Group>
      {editing && settings.data ? (
        <EvaluationSettingsForm settings={settings.data} onDone={() => setEditing(false)} />
      ) : null}
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {query.data ? <ScorecardTable scorecards={query.data} /> : null}
    </Stack>
  );
}

function ScorecardTable({ scorecards }: { scorecards: Scorecards }) {
  const { t, locale } = useI18n();
  const share = (value: number | null) => (value === null ? '—' : formatPercent(locale, value));
  const signed = (value: number | null) =>
    value === null ? '—' : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(locale, Math.abs(value))}`;
  return (
    <Stack gap="xs">
      {/* The formula as it was applied, so that an agency can see why it ranks where it does. */}
      <Text size="sm">{t('scorecards.formula', scorecards.weights)}</Text>
      <Text size="sm">{t('scorecards.bands', scorecards.bands)}</Text>
      <Text size="sm" c="dimmed">
        {t('scorecards.asOf', { date: formatDate(locale, scorecards.asOf), previous: scorecards.previousPeriod })}
      </Text>
      <Table.ScrollContainer minWidth={980}>
        <Table striped stickyHeader aria-label={t('scorecards.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" ta="right">
                {t('scorecards.rank')}
              </Table.Th>
              <Table.Th scope="col">{t('scorecards.agency')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('scorecards.score')}
              </Table.Th>
              <Table.Th scope="col">{t('scorecards.light')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('scorecards.change')}
              </Table.Th>
              {PARTS.map((part) => (
                <Table.Th key={part} scope="col" ta="right">
                  {t(`scorecards.part.${part}`)}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('scorecards.tasks')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scorecards.items.map((card) => (
              <Table.Tr key={card.organization.id}>
                <Table.Td ta="right">{card.rank ?? '—'}</Table.Td>
                <Table.Th scope="row" fw={500}>
                  {localName(locale, card.organization)}
                  <Text size="xs" c="dimmed">
                    {t('scorecards.indicatorCount', { count: card.indicators.count, stale: card.indicators.stale })}
                  </Text>
                </Table.Th>
                <Table.Td ta="right" fw={600}>
                  {card.score === null ? '—' : formatNumber(locale, card.score)}
                </Table.Td>
                <Table.Td>
                  <ScoreLightBadge light={card.light} />
                </Table.Td>
                <Table.Td ta="right">{signed(card.change)}</Table.Td>
                {PARTS.map((part) => (
                  <Table.Td key={part} ta="right">
                    {share(card.parts[part])}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{formatNumber(locale, card.tasks.total)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
