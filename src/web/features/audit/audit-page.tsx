import { Alert, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { QueryState } from '../../components/query-state.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { auditQuery, verifyAudit, type AuditFilters } from './audit-api.ts';
import { AuditTable } from './audit-table.tsx';

const NO_FILTERS: AuditFilters = { entityType: '', action: '' };

export function AuditPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('audit.title')} · ${t('app.name')}`);
  const [draft, setDraft] = useState<AuditFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const query = useInfiniteQuery(auditQuery(filters));
  const entries = query.data?.pages.flatMap((page) => page.items) ?? [];
  const verification = useMutation({ mutationFn: verifyAudit });

  const applyFilters = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ entityType: draft.entityType.trim(), action: draft.action.trim() });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('audit.title')}</Title>
        <Button variant="outline" loading={verification.isPending} onClick={() => verification.mutate()}>
          {t('audit.verify')}
        </Button>
      </Group>
      <div aria-live="polite">
        {verification.error ? (
          <Alert color="red" role="alert">
            {errorMessage(t, verification.error)}
          </Alert>
        ) : null}
        {verification.data?.ok ? (
          <Alert color="green" title={t('audit.verify')}>
            {t('audit.verifyOk', { checked: verification.data.checked })}
          </Alert>
        ) : null}
        {verification.data && !verification.data.ok ? (
          <Alert color="red" title={t('audit.verify')}>
            <Text size="sm">
              {t('audit.verifyProblems', {
                count: verification.data.problems.length,
                checked: verification.data.checked,
              })}
            </Text>
            <List size="sm">
              {verification.data.problems.map((problem) => (
                <List.Item key={`${problem.seq}:${problem.problem}`}>
                  #{problem.seq}: {problem.problem}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
      </div>
      <Paper withBorder p="sm" component="form" onSubmit={applyFilters} aria-label={t('audit.filters')}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('audit.entityType')}
            value={draft.entityType}
            onChange={(e) => setDraft({ ...draft, entityType: e.currentTarget.value })}
          />
          <TextInput
            label={t('audit.action')}
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
          />
          <Button type="submit">{t('audit.apply')}</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(NO_FILTERS);
              setFilters(NO_FILTERS);
            }}
          >
            {t('audit.clear')}
          </Button>
        </Group>
      </Paper>
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {query.data && entries.length === 0 ? <Text>{t('audit.empty')}</Text> : null}
      {entries.length > 0 ? <AuditTable entries={entries} /> : null}
      {query.hasNextPage ? (
        <Group>
          <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
