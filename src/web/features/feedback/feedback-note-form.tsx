import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { FeedbackDetail } from '../../../shared/schemas/feedback.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { FormMessage } from '../tasks/form-message.tsx';
import { addFeedbackNote } from './feedback-api.ts';
import { feedbackFormErrors, useFeedbackMutation } from './feedback-mutations.ts';

/** Notes between handlers; they join the timeline and never reach the sender or the portal. */
export function FeedbackNoteForm({ item }: { item: FeedbackDetail }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const mutation = useFeedbackMutation(
    item,
    (text: string) => addFeedbackNote(item, text),
    () => setBody(''),
  );
  const { byField, formMessage } = feedbackFormErrors(t, mutation.error, ['body']);
  if (!item.allowedActions.includes('note')) return null;
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(body);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="feedback-note-title">
      <Title order={2} size="h4" id="feedback-note-title" mb="xs">
        {t('feedbackAction.note')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('feedbackItem.noteHelp')}
      </Text>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <FormMessage message={formMessage} />
          <Textarea
            label={t('feedbackItem.note')}
            autosize
            minRows={2}
            maxLength={4000}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            error={byField.body}
          />
          <Group justify="flex-end">
            <Button type="submit" variant="default" loading={mutation.isPending}>
              {t('feedbackItem.addNote')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
