import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { TaskDetail } from '../../../shared/schemas/tasks.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { FormMessage } from './form-message.tsx';
import { taskFormErrors, useTaskMutation } from './task-mutations.ts';
import { addComment } from './tasks-api.ts';

export function TaskCommentsSection({ task }: { task: TaskDetail }) {
  const { t, locale } = useI18n();
  const [body, setBody] = useState('');
  // The box empties only once the comment is saved: a refused comment stays to be corrected.
  const mutation = useTaskMutation(
    task,
    () => addComment(task.id, body),
    () => setBody(''),
  );
  const { byField, formMessage } = taskFormErrors(t, mutation.error, ['body']);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(undefined);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="task-comments-title">
      <Title order={2} size="h4" id="task-comments-title" mb="sm">
        {t('task.comments')}
      </Title>
      <Stack gap="sm">
        {task.comments.length === 0 ? <Text c="dimmed">{t('task.noComments')}</Text> : null}
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {task.comments.map((comment) => (
            <li key={comment.id}>
              <Text size="xs" c="dimmed">
                {comment.authorName ?? '—'} · {formatDateTime(locale, comment.createdAt)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {comment.body}
              </Text>
            </li>
          ))}
        </Stack>
        {/* Read-only roles read the discussion; only those taking part in the task write to it. */}
        {task.allowedActions.includes('comment') ? (
          <form onSubmit={handleSubmit} noValidate>
            <Stack gap="xs">
              <FormMessage message={formMessage} />
              <Textarea
                label={t('task.commentBody')}
                autosize
                minRows={2}
                value={body}
                onChange={(event) => setBody(event.currentTarget.value)}
                error={byField.body}
              />
              <Group>
                <Button type="submit" variant="default" loading={mutation.isPending}>
                  {t('task.commentSubmit')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}
