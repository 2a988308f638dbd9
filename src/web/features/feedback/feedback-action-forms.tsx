import { Button, Group, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { FeedbackDetail, FeedbackTransition } from '../../../shared/schemas/feedback.ts';
import type { Organization } from '../../../shared/schemas/organizations.ts';
import { OrgPicker } from '../../components/org-picker.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { FormMessage } from '../tasks/form-message.tsx';
import { AnswerEditor } from './answer-editor.tsx';

export type DialogAction = 'reject' | 'merge' | 'assign' | 'reassign' | 'answer';

interface ActionFormProps {
  item: FeedbackDetail;
  action: DialogAction;
  byField: Record<string, string | undefined>;
  formMessage: string | null;
  isPending: boolean;
  onCancel: () => void;
  onSubmit: (transition: FeedbackTransition) => void;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The form of an action that needs more than a click. Its fields live here, in the open dialog,
 * so that a refusal (a stale version included) leaves every word where the person typed it.
 */
export function FeedbackActionForm({
  item,
  action,
  byField,
  formMessage,
  isPending,
  onCancel,
  onSubmit,
}: ActionFormProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [organization, setOrganization] = useState<Organization | null>(null);
  const [answer, setAnswer] = useState(item.answer ?? '');
  const [mergeChoice, setMergeChoice] = useState(item.possibleDuplicates[0]?.id ?? '');
  const [mergeTyped, setMergeTyped] = useState('');
  // A pasted address of the other item's page works as well as its id.
  const mergeTarget = UUID.exec(mergeTyped)?.[0] ?? mergeChoice;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (action === 'reject') onSubmit({ action, reason });
    if (action === 'answer') onSubmit({ action, answer });
    if (action === 'merge') onSubmit({ action, intoId: mergeTarget });
    if (action === 'assign') onSubmit({ action, organizationId: organization?.id ?? '' });
    if (action === 'reassign') onSubmit({ action, organizationId: organization?.id ?? '', reason });
  };

  let fields: ReactNode = null;
  if (action === 'answer') {
    fields = <AnswerEditor value={answer} onChange={setAnswer} error={byField.answer} />;
  } else if (action === 'merge') {
    fields = (
      <>
        {item.possibleDuplicates.length > 0 ? (
          <Radio.Group
            label={t('feedbackItem.mergeChoose')}
            value={mergeChoice}
            onChange={(value) => {
              setMergeChoice(value);
              setMergeTyped('');
            }}
          >
            <Stack gap="xs" mt="xs">
              {item.possibleDuplicates.map((duplicate) => (
                <Radio
                  key={duplicate.id}
                  value={duplicate.id}
                  label={[duplicate.trackingCode, duplicate.title].filter(Boolean).join(' — ')}
                />
              ))}
            </Stack>
          </Radio.Group>
        ) : null}
        <TextInput
          label={t('feedbackItem.mergeTarget')}
          description={t('feedbackItem.mergeTargetHelp')}
          value={mergeTyped}
          onChange={(event) => setMergeTyped(event.currentTarget.value)}
          error={byField.intoId}
        />
      </>
    );
  } else {
    fields = (
      <>
        {action === 'assign' || action === 'reassign' ? (
          <OrgPicker
            label={t('feedbackItem.organization')}
            required
            value={organization}
            onChange={setOrganization}
            error={byField.organizationId}
          />
        ) : null}
        {action === 'reject' || action === 'reassign' ? (
          <Textarea
            label={t('feedbackItem.reason')}
            description={action === 'reject' ? t('feedbackItem.rejectReasonHelp') : undefined}
            required
            autosize
            minRows={3}
            data-autofocus
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={byField.reason}
          />
        ) : null}
      </>
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <FormMessage message={formMessage} />
        {fields}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending}>
            {t(`feedbackAction.${action}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
