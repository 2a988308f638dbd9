import { ActionIcon, Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import type { Meeting } from '../../../shared/schemas/directives.ts';
import type { Organization } from '../../../shared/schemas/organizations.ts';
import { OrgPicker } from '../../components/org-picker.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { newIdempotencyKey } from '../../lib/idempotency-key.ts';
import { FormMessage } from '../tasks/form-message.tsx';
import { DraftFormButtons } from './draft-form-buttons.tsx';
import { recordMeeting } from './directives-api.ts';
import { usePersonalDraft } from './use-stored-draft.ts';
import { CalendarDateInput } from '../../components/calendar-date-input.tsx';

const FIELDS = ['organizationId', 'heldOn', 'title', 'conclusions'] as const;

interface MeetingDraft {
  organization: Organization | null;
  heldOn: string;
  title: string;
  /** Each with a key of its own, so that removing one leaves the others' boxes (and focus) in place. */
  conclusions: Array<{ key: string; text: string }>;
  idempotencyKey: string;
}

const newConclusion = () => ({ key: newIdempotencyKey(), text: '' });

/** The server's messages for conclusion n, from paths such as "conclusions/1" or "body.conclusions.1". */
function conclusionErrors(error: unknown): Map<number, string> {
  const byIndex = new Map<number, string>();
  if (!isApiError(error)) return byIndex;
  for (const { path, message } of error.errors) {
    const match = /conclusions[./](\d+)/.exec(path);
    if (match) byIndex.set(Number(match[1]), message);
  }
  return byIndex;
}

export function MeetingForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (meeting: Meeting) => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { draft, update, clear } = usePersonalDraft<MeetingDraft>('meeting', {
    organization: null,
    heldOn: '',
    title: '',
    conclusions: [newConclusion()],
    idempotencyKey: newIdempotencyKey(),
  });

  const mutation = useMutation({
    mutationFn: () =>
      recordMeeting(
        {
          organizationId: draft.organization?.id ?? '',
          heldOn: draft.heldOn,
          title: draft.title,
          // A box left empty is not a conclusion: it is dropped rather than refused.
          conclusions: draft.conclusions.map((conclusion) => conclusion.text).filter((text) => text.trim() !== ''),
        },
        draft.idempotencyKey,
      ),
    onSuccess: async (meeting) => {
      clear();
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      onCreated(meeting);
    },
  });
  const { byField, formMessage } = fieldErrorsOf(t, mutation.error, FIELDS);
  // Indexes of the sent list, which skipped empty boxes: map them back to the boxes on screen.
  const sentIndexes = draft.conclusions.flatMap((conclusion, index) => (conclusion.text.trim() !== '' ? [index] : []));
  const errorsBySent = conclusionErrors(mutation.error);
  const errorOfBox = (index: number) => errorsBySent.get(sentIndexes.indexOf(index));

  const setConclusion = (index: number, text: string) =>
    update({ conclusions: draft.conclusions.map((item, i) => (i === index ? { ...item, text } : item)) });
  const removeConclusion = (index: number) => update({ conclusions: draft.conclusions.filter((_, i) => i !== index) });

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <FormMessage message={formMessage} />
        <TextInput
          label={t('meetings.meetingTitle')}
          required
          value={draft.title}
          onChange={(event) => update({ title: event.currentTarget.value })}
          error={byField.title}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <OrgPicker
            label={t('meetings.organization')}
            required
            value={draft.organization}
            onChange={(organization) => update({ organization })}
            error={byField.organizationId}
          />
          <CalendarDateInput
            label={t('meetings.heldOn')}
            required
            value={draft.heldOn}
            onChange={(heldOn) => update({ heldOn })}
            error={byField.heldOn}
          />
        </SimpleGrid>
        <Fieldset legend={t('meetings.conclusions')}>
          <Stack gap="sm">
            {draft.conclusions.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('meetings.noConclusions')}
              </Text>
            ) : null}
            {draft.conclusions.map((conclusion, index) => (
              <Group key={conclusion.key} align="flex-start" wrap="nowrap" gap="xs">
                <Textarea
                  style={{ flex: 1 }}
                  label={t('meetings.conclusionNumber', { number: index + 1 })}
                  autosize
                  minRows={2}
                  value={conclusion.text}
                  onChange={(event) => setConclusion(index, event.currentTarget.value)}
                  error={errorOfBox(index)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={28}
                  aria-label={t('meetings.removeConclusion', { number: index + 1 })}
                  onClick={() => removeConclusion(index)}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="light"
              w="fit-content"
              onClick={() => update({ conclusions: [...draft.conclusions, newConclusion()] })}
            >
              {t('meetings.addConclusion')}
            </Button>
          </Stack>
        </Fieldset>
        <DraftFormButtons
          submitLabel={t('meetings.record')}
          isPending={mutation.isPending}
          clearDraft={clear}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
