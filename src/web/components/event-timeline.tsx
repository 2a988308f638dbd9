import { Text, Timeline } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime } from '../lib/format.ts';
import { useI18n } from '../lib/i18n.tsx';

interface TimelineEvent {
  at: string;
  /** Who took the step, where the reader may know it. */
  actorName?: string | null;
}

/**
 * Events in the order they happened, as an ordered list: each with its title, when and by whom, then
 * what `details` adds.
 */
export function EventTimeline<E extends TimelineEvent>({
  events,
  keyOf,
  titleOf,
  details,
}: {
  events: readonly E[];
  keyOf: (event: E, index: number) => string;
  titleOf: (event: E) => string;
  details: (event: E) => ReactNode;
}) {
  const { t, locale } = useI18n();
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline
      active={ordered.length - 1}
      bulletSize={14}
      lineWidth={2}
      component="ol"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {ordered.map((event, index) => (
        <Timeline.Item key={keyOf(event, index)} component="li" title={titleOf(event)}>
          <Text size="xs" c="dimmed">
            {formatDateTime(locale, event.at)}
            {event.actorName ? ` · ${t('task.eventBy', { name: event.actorName })}` : null}
          </Text>
          {details(event)}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
