import { Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../components/query-state.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { mayDo, sessionQuery } from '../../lib/session.ts';
import { feedbackItemRoute } from '../../router.tsx';
import { FeedbackActions } from './feedback-actions.tsx';
import { feedbackDetailQuery } from './feedback-api.ts';
import { FeedbackStateBadge, ServiceLevelBadge } from './feedback-badges.tsx';
import {
  FeedbackAnswerSection,
  FeedbackContentSection,
  FeedbackDuplicatesSection,
  FeedbackSubmitterSection,
} from './feedback-item-sections.tsx';
import { FeedbackNoteForm } from './feedback-note-form.tsx';
import { FeedbackTimeline } from './feedback-timeline.tsx';
import { InitiativeForAssigners, InitiativePanel } from './initiative-panel.tsx';

export function FeedbackItemPage() {
  const { t } = useI18n();
  const { feedbackId } = feedbackItemRoute.useParams();
  const query = useQuery(feedbackDetailQuery(feedbackId));
  const { data: session } = useQuery(sessionQuery);
  const item = query.data;
  useDocumentTitle(`${item ? (item.trackingCode ?? item.title) : t('feedbackQueue.title')} · ${t('app.name')}`);

  if (!item) {
    // Those who assign tasks decide adoptions without reading the sender's details (steering).
    if (query.error instanceof ApiError && query.error.status === 403 && mayDo(session, 'task.assign')) {
      return <InitiativeForAssigners itemId={feedbackId} />;
    }
    return <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <Stack gap="md">
      <AnchorLink to="/feedback" search={{}} size="sm">
        ← {t('feedbackQueue.title')}
      </AnchorLink>
      <Stack gap={4}>
        {item.trackingCode ? (
          <Text ff="monospace" fw={600}>
            {item.trackingCode}
          </Text>
        ) : null}
        <Title order={1} size="h2">
          {item.title}
        </Title>
        <Group gap="xs">
          <FeedbackStateBadge state={item.state} />
          <ServiceLevelBadge level={item.serviceLevel} />
          <Text size="sm" c="dimmed">
            {t('feedbackItem.version', { version: item.version })}
          </Text>
        </Group>
      </Stack>
      <FeedbackActions item={item} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <FeedbackContentSection item={item} />
            <FeedbackAnswerSection item={item} />
            <FeedbackDuplicatesSection item={item} />
            <FeedbackSubmitterSection item={item} />
            {item.type === 'initiative' ? <InitiativePanel item={item} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <FeedbackNoteForm item={item} />
            <FeedbackTimeline events={item.events} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
