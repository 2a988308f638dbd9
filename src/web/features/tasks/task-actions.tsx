import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ACTIONS_NEEDING_REASON } from '../../../shared/domain/task-lifecycle.ts';
import { TASK_ACTIONS, type TaskAction } from '../../../shared/domain/task-vocabulary.ts';
import type { TaskDetail } from '../../../shared/schemas/tasks.ts';
import { ButtonLink } from '../../components/router-links.tsx';
import { useI18n, type Translate } from '../../lib/i18n.tsx';
import { EditTaskForm } from './edit-task-form.tsx';
import { FormMessage } from './form-message.tsx';
import { ReportProgressForm } from './report-progress-form.tsx';
import { RequestExtensionForm } from './request-extension-form.tsx';
import { taskFormErrors, useTaskMutation } from './task-mutations.ts';
import { transitionTask } from './tasks-api.ts';

type OpenForm = 'report' | 'request_extension' | 'edit' | TaskAction;

/** Transitions that end or undo someone's work read in red; the others are the way forward. */
const CAUTIOUS_ACTIONS: ReadonlySet<TaskAction> = new Set(['return', 'cancel']);
const FORWARD_ACTIONS: ReadonlySet<string> = new Set(['submit', 'accept', 'report', 'assign', 'start']);

/** Only the buttons the server allows now (allowedActions): the screen never guesses a permission. */
export function TaskActions({ task }: { task: TaskDetail }) {
  const { t } = useI18n();
  const allowed = new Set<string>(task.allowedActions);
  const [openForm, setOpenForm] = useState<OpenForm | null>(null);
  const close = () => setOpenForm(null);
  const transition = useTaskMutation(
    task,
    ({ action, reason }: { action: TaskAction; reason?: string }) => transitionTask(task, action, reason),
    close,
  );
  const { byField, formMessage } = taskFormErrors(t, transition.error, ['reason']);
  const isReasonDialog = openForm !== null && ACTIONS_NEEDING_REASON.has(openForm as TaskAction);

  const take = (action: TaskAction) => {
    transition.reset();
    if (ACTIONS_NEEDING_REASON.has(action)) setOpenForm(action);
    else transition.mutate({ action });
  };
  const variantOf = (action: string) => (FORWARD_ACTIONS.has(action) ? 'filled' : 'default');
  if (allowed.size === 0) return null;

  return (
    <Stack gap="xs">
      {/* A refusal of a one-click action shows here; one taken through a dialog shows in the dialog. */}
      {!isReasonDialog ? <FormMessage message={formMessage} /> : null}
      <Group gap="xs" role="group" aria-label={t('task.actions')}>
        {TASK_ACTIONS.filter((action) => allowed.has(action)).map((action) => (
          <Button
            key={action}
            variant={CAUTIOUS_ACTIONS.has(action) ? 'outline' : variantOf(action)}
            color={CAUTIOUS_ACTIONS.has(action) ? 'red.9' : undefined}
            loading={transition.isPending && transition.variables?.action === action}
            onClick={() => take(action)}
          >
            {t(`taskAction.${action}`)}
          </Button>
        ))}
        {(['report', 'request_extension', 'edit'] as const)
          .filter((form) => allowed.has(form))
          .map((form) => (
            <Button key={form} variant={variantOf(form)} onClick={() => setOpenForm(form)}>
              {t(`taskAction.${form}`)}
            </Button>
          ))}
        {allowed.has('cascade') ? (
          <ButtonLink to="/tasks/new" search={{ parent: task.id }} variant="default">
            {t('taskAction.cascade')}
          </ButtonLink>
        ) : null}
      </Group>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={isReasonDialog}
        onClose={close}
        title={openForm ? reasonTitle(t, openForm) : ''}
      >
        {isReasonDialog ? (
          <ReasonForm
            formMessage={formMessage}
            reasonError={byField.reason}
            isPending={transition.isPending}
            onCancel={close}
            onSubmit={(reason) => transition.mutate({ action: openForm as TaskAction, reason })}
          />
        ) : null}
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={openForm === 'report'}
        onClose={close}
        title={t('taskAction.report')}
        size="lg"
      >
        {openForm === 'report' ? <ReportProgressForm task={task} onDone={close} /> : null}
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={openForm === 'request_extension'}
        onClose={close}
        title={t('taskAction.request_extension')}
      >
        {openForm === 'request_extension' ? <RequestExtensionForm task={task} onDone={close} /> : null}
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={openForm === 'edit'}
        onClose={close}
        title={t('task.editTitle')}
        size="lg"
      >
        {openForm === 'edit' ? <EditTaskForm task={task} onDone={close} /> : null}
      </Modal>
    </Stack>
  );
}

const reasonTitle = (t: Translate, action: OpenForm) => t('task.reasonDialog', { action: t(`taskAction.${action}`) });

function ReasonForm({
  formMessage,
  reasonError,
  isPending,
  onCancel,
  onSubmit,
}: {
  formMessage: string | null;
  reasonError: string | undefined;
  isPending: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(reason);
  };
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <FormMessage message={formMessage} />
        <Textarea
          label={t('task.reasonLabel')}
          required
          autosize
          minRows={3}
          data-autofocus
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={reasonError}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending}>
            {t('task.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
