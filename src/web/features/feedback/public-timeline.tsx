import { Text, Timeline } from '@mantine/core';
import type { FeedbackStatus } from '../../../shared/schemas/feedback.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';

/** The steps as the sender sees them: when, what, to whom; the reason of a rejection, the task of an adoption. */
export function PublicTimeline({ events }: { events: FeedbackStatus['events'] }) {
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
        <Timeline.Item key={`${event.at}-${index}`} component="li" title={t(`feedbackEvent.${event.kind}`)}>
          <Text size="xs" c="dimmed">
            {formatDateTime(locale, event.at)}
          </Text>
          {event.organizationName ? (
            <Text size="sm">{t('feedbackTrack.toOrganization', { name: event.organizationName })}</Text>
          ) : null}
          {event.reason ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {/* An adoption's "reason" is the code of the task the initiative became. */}
              {event.kind === 'adopted' ? t('initiative.adoptedAs') : t('feedbackItem.reason')}: {event.reason}
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
