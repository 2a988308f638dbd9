import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { FEEDBACK_ACTIONS, type FeedbackAction } from '../../../shared/domain/feedback.ts';
import type { FeedbackDetail, FeedbackTransition } from '../../../shared/schemas/feedback.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { FormMessage } from '../tasks/form-message.tsx';
import { setFeedbackPublished, transitionFeedback } from './feedback-api.ts';
import { type DialogAction, FeedbackActionForm } from './feedback-action-forms.tsx';
import { feedbackFormErrors, useFeedbackMutation } from './feedback-mutations.ts';

type Publication = { action: 'publish' | 'unpublish' };
type Step = FeedbackTransition | Publication;
const isPublication = (step: Step): step is Publication => step.action === 'publish' || step.action === 'unpublish';

const DIALOG_ACTIONS: ReadonlySet<FeedbackAction> = new Set(['reject', 'merge', 'assign', 'reassign', 'answer']);
const CAUTIOUS_ACTIONS: ReadonlySet<string> = new Set(['reject', 'merge', 'unpublish']);
const FORWARD_ACTIONS: ReadonlySet<string> = new Set(['accept', 'assign', 'start', 'answer', 'publish']);

/** Only the actions the server allows now (allowedActions, from the shared actions table). */
export function FeedbackActions({ item }: { item: FeedbackDetail }) {
  const { t } = useI18n();
  const allowed = new Set<string>(item.allowedActions);
  const [openForm, setOpenForm] = useState<DialogAction | null>(null);
  const close = () => setOpenForm(null);
  const mutation = useFeedbackMutation(
    item,
    (step: Step) =>
      isPublication(step) ? setFeedbackPublished(item, step.action === 'publish') : transitionFeedback(item, step),
    close,
  );
  const { byField, formMessage } = feedbackFormErrors(t, mutation.error, [
    'reason',
    'answer',
    'intoId',
    'organizationId',
  ]);
  const shown = [...FEEDBACK_ACTIONS, 'publish', 'unpublish'].filter((action) => allowed.has(action));
  if (shown.length === 0) return null;

  const take = (action: string) => {
    mutation.reset();
    if (DIALOG_ACTIONS.has(action as FeedbackAction)) setOpenForm(action as DialogAction);
    else mutation.mutate({ action } as Step);
  };

  return (
    <Stack gap="xs">
      {openForm === null ? <FormMessage message={formMessage} /> : null}
      <Group gap="xs" role="group" aria-label={t('feedbackItem.actions')}>
        {shown.map((action) => (
          <Button
            key={action}
            variant={CAUTIOUS_ACTIONS.has(action) ? 'outline' : FORWARD_ACTIONS.has(action) ? 'filled' : 'default'}
            color={CAUTIOUS_ACTIONS.has(action) ? 'red.9' : undefined}
            loading={mutation.isPending && mutation.variables?.action === action}
            onClick={() => take(action)}
          >
            {t(`feedbackAction.${action as FeedbackAction | 'publish' | 'unpublish'}`)}
          </Button>
        ))}
      </Group>
      <Modal
        opened={openForm !== null}
        onClose={close}
        title={openForm ? t(`feedbackAction.${openForm}`) : ''}
        size={openForm === 'answer' ? 'xl' : 'md'}
        // Mantine's close button is an icon alone: named, or screen readers announce a bare "button".
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {openForm ? (
          <FeedbackActionForm
            item={item}
            action={openForm}
            byField={byField}
            formMessage={formMessage}
            isPending={mutation.isPending}
            onCancel={close}
            onSubmit={(transition) => mutation.mutate(transition)}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
