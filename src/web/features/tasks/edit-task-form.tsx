import { Button, Checkbox, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { type ExpectedOutput, type Priority } from '../../../shared/domain/task-vocabulary.ts';
import type { TaskDetail, UpdateTask } from '../../../shared/schemas/tasks.ts';
import { ExpectedOutputSelect, PrioritySelect } from './task-vocabulary-selects.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { FormMessage } from './form-message.tsx';
import { taskFormErrors, useTaskMutation } from './task-mutations.ts';
import { updateTask } from './tasks-api.ts';
import { CalendarDateInput } from '../../components/calendar-date-input.tsx';

const FIELDS = ['title', 'description', 'expectedOutput', 'priority', 'isConfidential', 'deadline'] as const;

/**
 * Sends If-Match with the version the page holds. On 412 the page reloads the task underneath
 * while this form, keyed by task and not by version, keeps every value typed.
 */
export function EditTaskForm({ task, onDone }: { task: TaskDetail; onDone: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description);
  const [expectedOutput, setExpectedOutput] = useState<ExpectedOutput>(task.expectedOutput);
  const [priority, setPriority] = useState<Priority>(task.priority);
  const [isConfidential, setConfidential] = useState(task.isConfidential);
  const [deadline, setDeadline] = useState(task.deadline ?? '');
  // Once assigned, a deadline moves only by an approved extension (UpdateTaskSchema).
  const isDraft = task.state === 'draft';
  const mutation = useTaskMutation(task, (changes: UpdateTask) => updateTask(task, changes), onDone);
  const { byField, formMessage } = taskFormErrors(t, mutation.error, FIELDS);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({
      title,
      description,
      expectedOutput,
      priority,
      isConfidential,
      ...(isDraft ? { deadline: deadline || null } : {}),
    });
  };

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <FormMessage message={formMessage} />
        <TextInput
          label={t('taskForm.taskTitle')}
          required
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={byField.title}
        />
        <Textarea
          label={t('taskForm.description')}
          autosize
          minRows={3}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={byField.description}
        />
        <Group grow align="flex-start">
          <ExpectedOutputSelect value={expectedOutput} onChange={setExpectedOutput} error={byField.expectedOutput} />
          <PrioritySelect value={priority} onChange={setPriority} error={byField.priority} />
        </Group>
        {isDraft ? (
          <CalendarDateInput
            label={t('taskForm.deadline')}
            value={deadline}
            onChange={setDeadline}
            error={byField.deadline}
            maw={240}
          />
        ) : null}
        <Checkbox
          label={t('taskForm.confidential')}
          checked={isConfidential}
          onChange={(event) => setConfidential(event.currentTarget.checked)}
          error={byField.isConfidential}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
