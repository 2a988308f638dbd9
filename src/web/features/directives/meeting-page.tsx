import { Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../components/query-state.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { meetingRoute } from '../../router.tsx';
import { meetingQuery } from './directives-api.ts';
import { meetingOrganizationName } from './meeting-list-page.tsx';

export function MeetingPage() {
  const { t, locale } = useI18n();
  const { meetingId } = meetingRoute.useParams();
  const query = useQuery(meetingQuery(meetingId));
  const meeting = query.data;
  useDocumentTitle(`${meeting?.title ?? t('meetings.title')} · ${t('app.name')}`);

  if (!meeting) {
    return <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <Stack gap="md" maw={1100}>
      <AnchorLink to="/meetings" size="sm">
        {t('meetings.backToList')}
      </AnchorLink>
      <Stack gap={4}>
        <Title order={1}>{meeting.title}</Title>
        <Text c="dimmed">
          {t('meetings.heldBy', {
            organization: meetingOrganizationName(locale, meeting),
            date: formatDate(locale, meeting.heldOn),
          })}
        </Text>
      </Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="meeting-conclusions-title">
        <Title order={2} size="h4" id="meeting-conclusions-title" mb="sm">
          {t('meetings.conclusions')}
        </Title>
        {meeting.conclusions.length === 0 ? (
          <Text c="dimmed">{t('meetings.noConclusions')}</Text>
        ) : (
          <Stack component="ol" gap="sm" m={0} pl="lg">
            {meeting.conclusions.map((conclusion) => (
              <li key={conclusion.id} value={conclusion.number}>
                <Text style={{ whiteSpace: 'pre-line' }}>{conclusion.text}</Text>
              </li>
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
