import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { DecideExtension, ExtensionRequest, TaskDetail } from '../../../shared/schemas/tasks.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { FormMessage } from './form-message.tsx';
import { taskFormErrors, useTaskMutation } from './task-mutations.ts';
import { decideExtension } from './tasks-api.ts';
import { SUCCESS_GREEN } from '../../theme.ts';

const STATUS_COLORS: Record<ExtensionRequest['status'], string> = {
  pending: 'yellow.4',
  approved: SUCCESS_GREEN,
  refused: 'red.9',
};

export function TaskExtensionsSection({ task }: { task: TaskDetail }) {
  const { t, locale } = useI18n();
  const mayDecide = task.allowedActions.includes('decide_extension');
  const extensions = [...task.extensions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="task-extensions-title">
      <Title order={2} size="h4" id="task-extensions-title" mb="sm">
        {t('task.extensions')}
      </Title>
      {extensions.length === 0 ? <Text c="dimmed">{t('task.noExtensions')}</Text> : null}
      <Stack gap="md" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {extensions.map((extension) => (
          <Stack component="li" key={extension.id} gap={4}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {t('task.requestedDeadline')}: {formatDate(locale, extension.requestedDeadline)}
              </Text>
              <Badge
                color={STATUS_COLORS[extension.status]}
                c={extension.status === 'pending' ? 'dark.9' : undefined}
                radius="sm"
                style={{ textTransform: 'none' }}
              >
                {t(`extensionStatus.${extension.status}`)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {t('task.extensionAsked', { date: formatDateTime(locale, extension.createdAt) })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {t('task.reasonLabel')}: {extension.reason}
            </Text>
            {extension.decisionReason ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t('task.decisionReason')}: {extension.decisionReason}
              </Text>
            ) : null}
            {mayDecide && extension.status === 'pending' ? <DecisionForm task={task} extension={extension} /> : null}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

function DecisionForm({ task, extension }: { task: TaskDetail; extension: ExtensionRequest }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const mutation = useTaskMutation(task, (decision: DecideExtension['decision']) =>
    decideExtension(task.id, extension.id, { decision, reason: reason.trim() || undefined }),
  );
  const { byField, formMessage } = taskFormErrors(t, mutation.error, ['reason', 'decision']);
  // Two submit buttons, one form: the button pressed says which decision it is.
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    mutation.mutate(submitter?.value === 'refuse' ? 'refuse' : 'approve');
  };
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="xs" p="xs" bg="gray.0">
        <FormMessage message={formMessage} />
        <Textarea
          label={t('task.decisionReason')}
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={byField.reason ?? byField.decision}
        />
        <Group gap="xs">
          <Button
            type="submit"
            name="decision"
            value="approve"
            size="xs"
            loading={mutation.isPending && mutation.variables === 'approve'}
          >
            {t('task.approve')}
          </Button>
          <Button
            type="submit"
            name="decision"
            value="refuse"
            size="xs"
            variant="outline"
            color="red.9"
            loading={mutation.isPending && mutation.variables === 'refuse'}
          >
            {t('task.refuse')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
