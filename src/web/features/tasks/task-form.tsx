import { Button, Checkbox, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { type ExpectedOutput, type Priority } from '../../../shared/domain/task-vocabulary.ts';
import type { Organization } from '../../../shared/schemas/organizations.ts';
import type { TaskDetail } from '../../../shared/schemas/tasks.ts';
import { OrgPicker } from '../../components/org-picker.tsx';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import { localName, useI18n } from '../../lib/i18n.tsx';
import { newIdempotencyKey } from '../../lib/idempotency-key.ts';
import { ExpectedOutputSelect, PrioritySelect } from './task-vocabulary-selects.tsx';
import { CoordinatorsField } from './coordinators-field.tsx';
import { FormMessage } from './form-message.tsx';
import { ProgrammeGroupFields, useProgrammeChoice } from './programme-group-fields.tsx';
import { createTask, directivesQuery, organizationUnitsQuery } from './tasks-api.ts';
import { CalendarDateInput } from '../../components/calendar-date-input.tsx';

const FIELDS = [
  'code',
  'title',
  'description',
  'programmeId',
  'taskGroupId',
  'sourceDocumentId',
  'leadOrganizationId',
  'coordinatingOrganizationIds',
  'deadline',
  'expectedOutput',
  'priority',
  'isConfidential',
  'parentTaskId',
] as const;

interface TaskFormProps {
  /** Set for a sub-task: programme, group and source come from it, and the lead is one of its lead's units. */
  parent: TaskDetail | null;
  onCancel: () => void;
  onCreated: (task: TaskDetail) => void;
}

export function TaskForm({ parent, onCancel, onCreated }: TaskFormProps) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  // One key for the life of this form: a submit retried after a dropped answer creates one task.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const documents = useQuery(directivesQuery).data?.items ?? [];
  const units = useQuery(organizationUnitsQuery(parent?.lead.id ?? '')).data?.items ?? [];

  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const placement = useProgrammeChoice({
    programmeId: parent?.programmeId ?? null,
    groupId: parent?.taskGroupId ?? null,
  });
  const [documentId, setDocumentId] = useState<string | null>(parent?.sourceDocument?.id ?? null);
  const [lead, setLead] = useState<Organization | null>(null);
  const [coordinators, setCoordinators] = useState<Organization[]>([]);
  const [deadline, setDeadline] = useState('');
  const [isStandingDuty, setStandingDuty] = useState(false);
  const [expectedOutput, setExpectedOutput] = useState<ExpectedOutput>(parent?.expectedOutput ?? 'report');
  const [priority, setPriority] = useState<Priority>(parent?.priority ?? 'normal');
  const [isConfidential, setConfidential] = useState(parent?.isConfidential ?? false);

  const mutation = useMutation({
    mutationFn: () =>
      createTask(
        {
          code: code.trim() || undefined,
          title,
          description,
          programmeId: placement.programmeId,
          taskGroupId: placement.groupId ?? undefined,
          sourceDocumentId: documentId ?? undefined,
          assignerOrganizationId: parent?.lead.id,
          // Sent empty rather than left out, so that the server names the field it misses.
          leadOrganizationId: lead?.id ?? '',
          coordinatingOrganizationIds: coordinators.map((organization) => organization.id),
          parentTaskId: parent?.id,
          deadline: isStandingDuty ? null : deadline,
          expectedOutput,
          priority,
          isConfidential,
          assign: true,
        },
        idempotencyKey,
      ),
    onSuccess: async (task) => {
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      onCreated(task);
    },
  });
  const { byField, formMessage } = fieldErrorsOf(t, mutation.error, FIELDS);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const organizationLabel = (organization: Organization) => `${localName(locale, organization)} (${organization.code})`;

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <FormMessage message={formMessage ?? byField.parentTaskId ?? null} />
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
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <ProgrammeGroupFields
            choice={placement}
            disabled={!!parent}
            programmeError={byField.programmeId}
            groupError={byField.taskGroupId}
          />
          <Select
            label={t('taskForm.document')}
            placeholder={t('taskForm.noDocument')}
            clearable
            searchable
            data={documents.map((document) => ({
              value: document.id,
              label: `${document.number} — ${document.title}`,
            }))}
            value={documentId}
            onChange={setDocumentId}
            error={byField.sourceDocumentId}
          />
          {parent ? (
            <Select
              label={t('taskForm.leadUnit', { agency: localName(locale, parent.lead) })}
              required
              searchable
              data={units.map((unit) => ({ value: unit.id, label: organizationLabel(unit) }))}
              value={lead?.id ?? null}
              onChange={(id) => setLead(units.find((unit) => unit.id === id) ?? null)}
              error={byField.leadOrganizationId}
            />
          ) : (
            <OrgPicker
              label={t('taskForm.lead')}
              required
              value={lead}
              onChange={setLead}
              error={byField.leadOrganizationId}
            />
          )}
        </SimpleGrid>
        <CoordinatorsField
          value={coordinators}
          onChange={setCoordinators}
          error={byField.coordinatingOrganizationIds}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Stack gap={6}>
            <CalendarDateInput
              label={t('taskForm.deadline')}
              required={!isStandingDuty}
              disabled={isStandingDuty}
              value={isStandingDuty ? '' : deadline}
              onChange={setDeadline}
              error={byField.deadline}
            />
            <Checkbox
              label={t('taskForm.standingDuty')}
              checked={isStandingDuty}
              onChange={(event) => setStandingDuty(event.currentTarget.checked)}
            />
          </Stack>
          <TextInput
            label={t('taskForm.code')}
            description={t('taskForm.codeHint')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={byField.code}
          />
          <ExpectedOutputSelect value={expectedOutput} onChange={setExpectedOutput} error={byField.expectedOutput} />
          <PrioritySelect value={priority} onChange={setPriority} error={byField.priority} />
        </SimpleGrid>
        <Checkbox
          label={t('taskForm.confidential')}
          checked={isConfidential}
          onChange={(event) => setConfidential(event.currentTarget.checked)}
          error={byField.isConfidential}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('taskForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
