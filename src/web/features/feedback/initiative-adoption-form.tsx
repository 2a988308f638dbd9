import { Button, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ExpectedOutput, Priority } from '../../../shared/domain/task-vocabulary.ts';
import type { FeedbackDetail } from '../../../shared/schemas/feedback.ts';
import type { Organization } from '../../../shared/schemas/organizations.ts';
import { OrgPicker } from '../../components/org-picker.tsx';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import { newIdempotencyKey } from '../../lib/idempotency-key.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { FormMessage } from '../tasks/form-message.tsx';
import { ExpectedOutputSelect, PrioritySelect } from '../tasks/task-vocabulary-selects.tsx';
import { ProgrammeGroupFields, useProgrammeChoice } from '../tasks/programme-group-fields.tsx';
import { feedbackDetailKey } from './feedback-api.ts';
import { adoptInitiative, initiativeEvaluationsKey } from './initiatives-api.ts';
import { CalendarDateInput } from '../../components/calendar-date-input.tsx';

const FIELDS = ['programmeId', 'taskGroupId', 'leadOrganizationId', 'deadline', 'expectedOutput', 'priority'];

/** Where the task made from the initiative goes; its title and description are the initiative's. */
export function InitiativeAdoptionForm({ item, onDone }: { item: Pick<FeedbackDetail, 'id'>; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const placement = useProgrammeChoice();
  const [lead, setLead] = useState<Organization | null>(null);
  const [deadline, setDeadline] = useState('');
  const [expectedOutput, setExpectedOutput] = useState<ExpectedOutput>('scheme');
  const [priority, setPriority] = useState<Priority>('normal');
  // One key per opening of the form: a retry after a lost answer creates one task, not two.
  const [idempotencyKey] = useState(newIdempotencyKey);

  const mutation = useMutation({
    mutationFn: () =>
      adoptInitiative(
        item.id,
        {
          programmeId: placement.programmeId,
          taskGroupId: placement.groupId ?? undefined,
          leadOrganizationId: lead?.id ?? '',
          deadline,
          expectedOutput,
          priority,
        },
        idempotencyKey,
      ),
    onSuccess: async () => {
      onDone();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: initiativeEvaluationsKey(item.id) }),
        queryClient.invalidateQueries({ queryKey: feedbackDetailKey(item.id) }),
        queryClient.invalidateQueries({ queryKey: ['tasks', 'list'] }),
      ]);
    },
  });
  const { byField, formMessage } = fieldErrorsOf(t, mutation.error, FIELDS);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <form onSubmit={handleSubmit} noValidate aria-labelledby="adoption-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="adoption-title">
          {t('initiative.adopt')}
        </Title>
        <FormMessage message={formMessage} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <ProgrammeGroupFields
            choice={placement}
            programmeError={byField.programmeId}
            groupError={byField.taskGroupId}
          />
          <OrgPicker
            label={t('taskForm.lead')}
            required
            value={lead}
            onChange={setLead}
            error={byField.leadOrganizationId}
          />
          <CalendarDateInput
            label={t('taskForm.deadline')}
            required
            value={deadline}
            onChange={setDeadline}
            error={byField.deadline}
          />
          <ExpectedOutputSelect value={expectedOutput} onChange={setExpectedOutput} error={byField.expectedOutput} />
          <PrioritySelect value={priority} onChange={setPriority} error={byField.priority} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('initiative.adoptSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
