import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { normalizeTrackingCode } from '../../../shared/domain/feedback.ts';
import type { FeedbackStatus } from '../../../shared/schemas/feedback.ts';
import { QueryState } from '../../components/query-state.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { trackRoute } from '../../router.tsx';
import { AnswerText } from './answer-text.tsx';
import { FeedbackStateBadge } from './feedback-badges.tsx';
import { trackingQuery } from './feedback-api.ts';
import { PublicTimeline } from './public-timeline.tsx';

/** The code lives in the URL: the link given with the receipt opens the status directly. */
export function TrackFeedbackPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('feedbackTrack.title')} · ${t('app.name')}`);
  const { code = '' } = trackRoute.useSearch();
  const navigate = useNavigate({ from: '/track' });
  const [typed, setTyped] = useState(code);
  const [codeError, setCodeError] = useState<string | null>(null);
  const query = useQuery(trackingQuery(code));

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Typed codes are forgiving (case, spaces, O for 0): the canonical one goes to the server.
    const normalized = normalizeTrackingCode(typed);
    if (!normalized) {
      setCodeError(t('error.feedback.tracking_code'));
      return;
    }
    setCodeError(null);
    setTyped(normalized);
    void navigate({ search: { code: normalized } });
  };

  return (
    <Stack gap="md" maw={900}>
      <Title order={1}>{t('feedbackTrack.title')}</Title>
      <Paper withBorder p="md" component="section" aria-label={t('feedbackTrack.lookUp')}>
        <form onSubmit={handleSubmit} noValidate>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('feedbackTrack.code')}
              placeholder="PA-7K3M9Q2XWD"
              required
              autoCapitalize="characters"
              spellCheck={false}
              style={{ flex: 1, minWidth: 220 }}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              error={codeError}
            />
            <Button type="submit">{t('feedbackTrack.submit')}</Button>
          </Group>
        </form>
      </Paper>
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {query.data ? <FeedbackStatusView status={query.data} /> : null}
    </Stack>
  );
}

function FeedbackStatusView({ status }: { status: FeedbackStatus }) {
  const { t, locale } = useI18n();
  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="track-status-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="track-status-title">
            {status.title}
          </Title>
          <Group gap="sm">
            <Text fw={600}>{t('feedbackTrack.state')}</Text>
            <FeedbackStateBadge state={status.state} />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Fact label={t('feedbackTrack.code')} value={status.trackingCode} />
            <Fact label={t('feedbackForm.type')} value={t(`feedbackType.${status.type}`)} />
            <Fact label={t('feedbackForm.field')} value={t(`feedbackField.${status.field}`)} />
            <Fact label={t('feedbackTrack.receivedAt')} value={formatDateTime(locale, status.receivedAt)} />
            <Fact label={t('feedbackTrack.answerDueOn')} value={formatDate(locale, status.answerDueOn)} />
            <Fact
              label={t('feedbackTrack.handledBy')}
              value={status.assignedOrganizationName ?? t('feedbackTrack.notYetAssigned')}
            />
          </SimpleGrid>
          {status.mergedIntoTrackingCode ? (
            <Text>
              {t('feedbackTrack.mergedInto')}{' '}
              <AnchorLink to="/track" search={{ code: status.mergedIntoTrackingCode }}>
                {status.mergedIntoTrackingCode}
              </AnchorLink>
            </Text>
          ) : null}
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="track-answer-title">
        <Title order={2} size="h4" id="track-answer-title" mb="sm">
          {t('feedbackTrack.answer')}
        </Title>
        {status.answer ? (
          <>
            <Text size="sm" c="dimmed" mb="xs">
              {t('feedbackTrack.answeredBy', {
                organization: status.answer.organizationName ?? '—',
                date: formatDateTime(locale, status.answer.answeredAt),
              })}
            </Text>
            <AnswerText text={status.answer.text} />
          </>
        ) : (
          <Text c="dimmed">{t('feedbackTrack.noAnswerYet', { date: formatDate(locale, status.answerDueOn) })}</Text>
        )}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="track-timeline-title">
        <Title order={2} size="h4" id="track-timeline-title" mb="sm">
          {t('feedbackTrack.timeline')}
        </Title>
        <PublicTimeline events={status.events} />
      </Paper>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}
