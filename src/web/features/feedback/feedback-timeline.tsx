import { Badge, Paper, Text, Title } from '@mantine/core';
import type { FeedbackDetail } from '../../../shared/schemas/feedback.ts';
import { EventTimeline } from '../../components/event-timeline.tsx';
import { useI18n } from '../../lib/i18n.tsx';

/** Every step with who took it and why, internal notes included and marked as such. */
export function FeedbackTimeline({ events }: { events: FeedbackDetail['events'] }) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="feedback-timeline-title">
      <Title order={2} size="h4" id="feedback-timeline-title" mb="sm">
        {t('feedbackTrack.timeline')}
      </Title>
      <EventTimeline
        events={events}
        keyOf={(event) => event.id}
        titleOf={(event) => t(`feedbackEvent.${event.kind}`)}
        details={(event) => (
          <>
            {event.isInternal ? (
              <Badge size="xs" color="gray.8" variant="outline" radius="sm" style={{ textTransform: 'none' }}>
                {t('feedbackItem.internal')}
              </Badge>
            ) : null}
            {event.organizationName ? (
              <Text size="sm">{t('feedbackTrack.toOrganization', { name: event.organizationName })}</Text>
            ) : null}
            {event.reason ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t('feedbackItem.reason')}: {event.reason}
              </Text>
            ) : null}
            {event.body ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {event.body}
              </Text>
            ) : null}
          </>
        )}
      />
    </Paper>
  );
}
