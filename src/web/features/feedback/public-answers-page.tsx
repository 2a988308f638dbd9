import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback, useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { FEEDBACK_FIELDS, FEEDBACK_TYPES } from '../../../shared/domain/feedback.ts';
import type { PublicFeedback } from '../../../shared/schemas/feedback.ts';
import { QueryState } from '../../components/query-state.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { answersRoute } from '../../router.tsx';
import { AnswerText } from './answer-text.tsx';
import { type PublicAnswersSearch, publicAnswersQuery } from './feedback-api.ts';

/** The portal: answers published with their senders' consent, never a name or a contact. */
export function PublicAnswersPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('feedbackPortal.title')} · ${t('app.name')}`);
  const search = answersRoute.useSearch();
  const navigate = useNavigate({ from: '/answers' });
  const query = useQuery(publicAnswersQuery(search));
  // Any filter change goes back to the first page: the old cursor belongs to the old filters.
  const setFilter = (changes: Partial<PublicAnswersSearch>) =>
    void navigate({ search: { ...search, ...changes, cursor: undefined, page: undefined } });
  const [text, setText] = useState(search.q ?? '');
  const applyText = useDebouncedCallback((value: string) => setFilter({ q: value.trim() || undefined }), 350);
  const items = query.data?.items ?? [];
  const page = search.page ?? 1;

  return (
    <Stack gap="md">
      <Title order={1}>{t('feedbackPortal.title')}</Title>
      <Text>{t('feedbackPortal.intro')}</Text>
      <Paper withBorder p="md" component="section" aria-label={t('feedbackPortal.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            type="search"
            label={t('feedbackPortal.search')}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              applyText(event.currentTarget.value);
            }}
          />
          <NativeSelect
            label={t('feedbackForm.type')}
            value={search.type ?? ''}
            onChange={(event) => setFilter({ type: event.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('feedbackQueue.any') },
              ...FEEDBACK_TYPES.map((value) => ({ value, label: t(`feedbackType.${value}`) })),
            ]}
          />
          <NativeSelect
            label={t('feedbackForm.field')}
            value={search.field ?? ''}
            onChange={(event) => setFilter({ field: event.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('feedbackQueue.any') },
              ...FEEDBACK_FIELDS.map((value) => ({ value, label: t(`feedbackField.${value}`) })),
            ]}
          />
        </SimpleGrid>
      </Paper>
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {query.data && items.length === 0 ? <Text c="dimmed">{t('feedbackPortal.none')}</Text> : null}
      <Stack
        gap="md"
        component="ul"
        aria-label={t('feedbackPortal.title')}
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
      >
        {items.map((item) => (
          <PublicAnswerCard key={item.trackingCode} item={item} />
        ))}
      </Stack>
      {page > 1 || query.data?.nextCursor ? (
        <Group component="nav" aria-label={t('feedbackQueue.pagination')} gap="xs">
          {page > 1 ? (
            <Button variant="default" onClick={() => setFilter({})}>
              {t('tasks.firstPage')}
            </Button>
          ) : null}
          {query.data?.nextCursor ? (
            <Button
              variant="default"
              onClick={() =>
                void navigate({ search: { ...search, cursor: query.data.nextCursor ?? undefined, page: page + 1 } })
              }
            >
              {t('tasks.nextPage')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}

function PublicAnswerCard({ item }: { item: PublicFeedback }) {
  const { t, locale } = useI18n();
  const headingId = `answer-${item.trackingCode}`;
  return (
    <Paper component="li" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {item.title}
        </Title>
        <Group gap="xs">
          <Badge variant="outline" color="gray.8" radius="sm" style={{ textTransform: 'none' }}>
            {t(`feedbackType.${item.type}`)}
          </Badge>
          <Badge variant="outline" color="gray.8" radius="sm" style={{ textTransform: 'none' }}>
            {t(`feedbackField.${item.field}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {t(`submitterKind.${item.submitterKind}`)} · {formatDateTime(locale, item.receivedAt)} · {item.trackingCode}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
          {item.content}
        </Text>
        <Paper bg="gray.0" p="sm" radius="sm">
          <Text fw={600} size="sm" mb={4}>
            {t('feedbackTrack.answeredBy', {
              organization: item.answer.organizationName ?? '—',
              date: formatDateTime(locale, item.answer.answeredAt),
            })}
          </Text>
          <AnswerText text={item.answer.text} />
        </Paper>
      </Stack>
    </Paper>
  );
}
