import { Paper, Text, Timeline, Title } from '@mantine/core';
import type { TaskDetail } from '../../../shared/schemas/tasks.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';

/** Every event in the order it happened: who did what, from which state to which, and why. */
export function TaskTimeline({ events }: { events: TaskDetail['events'] }) {
  const { t, locale } = useI18n();
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="task-timeline-title">
      <Title order={2} size="h4" id="task-timeline-title" mb="sm">
        {t('task.timeline')}
      </Title>
      {ordered.length === 0 ? <Text c="dimmed">{t('task.noEvents')}</Text> : null}
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
          <Timeline.Item key={event.id} component="li" title={t(`taskEvent.${event.kind}`)}>
            <Text size="xs" c="dimmed">
              {formatDateTime(locale, event.at)}
              {event.actorName ? ` · ${t('task.eventBy', { name: event.actorName })}` : null}
            </Text>
            {event.fromState && event.toState && event.fromState !== event.toState ? (
              <Text size="sm">
                {t(`taskState.${event.fromState}`)} → {t(`taskState.${event.toState}`)}
              </Text>
            ) : null}
            {event.reason ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t('task.reasonLabel')}: {event.reason}
              </Text>
            ) : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
