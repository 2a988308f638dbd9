import { Alert, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { OBSERVATION_STATES, type ObservationState } from '../../../shared/domain/indicator-values.ts';
import { CursorPagination } from '../../components/cursor-pagination.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { valueQueueRoute } from '../../router.tsx';
import { valueQueueQuery } from './indicators-api.ts';
import { ValueCard } from './value-card.tsx';

/** Steering's approval queue, and the focal points' returned values to correct, in one place. */
export function ValueQueuePage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('values.title')} · ${t('app.name')}`);
  const search = valueQueueRoute.useSearch();
  const navigate = useNavigate({ from: '/indicator-values' });
  const state = search.state ?? 'submitted';
  const query = useQuery(valueQueueQuery(state, search.cursor));
  const [done, setDone] = useState<string | null>(null);
  const values = query.data?.items ?? [];

  return (
    <Stack gap="md">
      <Title order={1}>{t('values.title')}</Title>
      <Text size="sm">{t('values.intro')}</Text>
      <SegmentedControl
        aria-label={t('values.state')}
        value={state}
        onChange={(next) => {
          setDone(null);
          void navigate({ search: { state: next as ObservationState } });
        }}
        data={OBSERVATION_STATES.map((each) => ({ value: each, label: t(`values.state.${each}`) }))}
        maw={560}
      />
      {done ? (
        <Alert color="green" role="status">
          {done}
        </Alert>
      ) : null}
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {query.data && values.length === 0 ? <Text>{t('values.none')}</Text> : null}
      <Stack gap="sm">
        {values.map((value) => (
          <Paper key={value.id} withBorder p="md">
            <ValueCard value={value} onDone={setDone} />
          </Paper>
        ))}
      </Stack>
      <CursorPagination
        search={search}
        nextCursor={query.data?.nextCursor ?? null}
        onNavigate={(next) => void navigate({ search: next })}
      />
    </Stack>
  );
}
