import { Paper, Text, Title } from '@mantine/core';
import type { TaskDetail } from '../../../shared/schemas/tasks.ts';
import { EventTimeline } from '../../components/event-timeline.tsx';
import { useI18n } from '../../lib/i18n.tsx';

/** Every event in the order it happened: who did what, from which state to which, and why. */
export function TaskTimeline({ events }: { events: TaskDetail['events'] }) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="task-timeline-title">
      <Title order={2} size="h4" id="task-timeline-title" mb="sm">
        {t('task.timeline')}
      </Title>
      {events.length === 0 ? <Text c="dimmed">{t('task.noEvents')}</Text> : null}
      <EventTimeline
        events={events}
        keyOf={(event) => event.id}
        titleOf={(event) => t(`taskEvent.${event.kind}`)}
        details={(event) => (
          <>
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
          </>
        )}
      />
    </Paper>
  );
}
