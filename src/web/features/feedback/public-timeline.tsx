import { Text } from '@mantine/core';
import type { FeedbackStatus } from '../../../shared/schemas/feedback.ts';
import { EventTimeline } from '../../components/event-timeline.tsx';
import { useI18n } from '../../lib/i18n.tsx';

/** The steps as the sender sees them: when, what, to whom; the reason of a rejection, the task of an adoption. */
export function PublicTimeline({ events }: { events: FeedbackStatus['events'] }) {
  const { t } = useI18n();
  return (
    <EventTimeline
      events={events}
      keyOf={(event, index) => `${event.at}-${index}`}
      titleOf={(event) => t(`feedbackEvent.${event.kind}`)}
      details={(event) => (
        <>
          {event.organizationName ? (
            <Text size="sm">{t('feedbackTrack.toOrganization', { name: event.organizationName })}</Text>
          ) : null}
          {event.reason ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {/* An adoption's "reason" is the code of the task the initiative became. */}
              {event.kind === 'adopted' ? t('initiative.adoptedAs') : t('feedbackItem.reason')}: {event.reason}
            </Text>
          ) : null}
        </>
      )}
    />
  );
}
