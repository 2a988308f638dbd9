import { Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { MeetingForm } from './meeting-form.tsx';

export function NewMeetingPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  useDocumentTitle(`${t('meetings.newTitle')} · ${t('app.name')}`);
  return (
    <Stack gap="md" maw={880}>
      <Title order={1}>{t('meetings.newTitle')}</Title>
      <Text c="dimmed" size="sm">
        {t('directives.draftKept')}
      </Text>
      <Paper withBorder p="md">
        <MeetingForm
          onCancel={() => void navigate({ to: '/meetings', search: {} })}
          onCreated={(meeting) => void navigate({ to: '/meetings/$meetingId', params: { meetingId: meeting.id } })}
        />
      </Paper>
    </Stack>
  );
}
