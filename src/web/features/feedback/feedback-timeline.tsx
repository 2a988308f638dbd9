import { Badge, Paper, Text, Timeline, Title } from '@mantine/core';
import type { FeedbackDetail } from '../../../shared/schemas/feedback.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';

/** Every step with who took it and why, internal notes included and marked as such. */
export function FeedbackTimeline({ events }: { events: FeedbackDetail['events'] }) {
  const { t, locale } = useI18n();
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="feedback-timeline-title">
      <Title order={2} size="h4" id="feedback-timeline-title" mb="sm">
        {t('feedbackTrack.timeline')}
      </Title>
      <Timeline
        active={ordered.length - 1}
        bulletSize={14}
        lineWidth={2}
        component="ol"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {ordered.map((event) => (
          <Timeline.Item key={event.id} component="li" title={t(`feedbackEvent.${event.kind}`)}>
            <Text size="xs" c="dimmed">
              {formatDateTime(locale, event.at)}
              {event.actorName ? ` · ${t('task.eventBy', { name: event.actorName })}` : null}
            </Text>
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
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
