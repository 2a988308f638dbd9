import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { earliestExtensionDeadline } from '../../../shared/domain/deadline-extension.ts';
import type { TaskDetail } from '../../../shared/schemas/tasks.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { FormMessage } from './form-message.tsx';
import { taskFormErrors, useTaskMutation } from './task-mutations.ts';
import { requestExtension } from './tasks-api.ts';
import { CalendarDateInput } from '../../components/calendar-date-input.tsx';

const FIELDS = ['requestedDeadline', 'reason'] as const;

export function RequestExtensionForm({ task, onDone }: { task: TaskDetail; onDone: () => void }) {
  const { t } = useI18n();
  const [requestedDeadline, setRequestedDeadline] = useState('');
  const [reason, setReason] = useState('');
  const mutation = useTaskMutation(task, () => requestExtension(task.id, { requestedDeadline, reason }), onDone);
  const { byField, formMessage } = taskFormErrors(t, mutation.error, FIELDS);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(undefined);
  };

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <FormMessage message={formMessage} />
        <CalendarDateInput
          label={t('task.requestedDeadline')}
          required
          min={earliestExtensionDeadline(task.effectiveDeadline) ?? undefined}
          value={requestedDeadline}
          onChange={setRequestedDeadline}
          error={byField.requestedDeadline}
          maw={240}
        />
        <Textarea
          label={t('task.reasonLabel')}
          required
          autosize
          minRows={3}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={byField.reason}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('task.extensionSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
