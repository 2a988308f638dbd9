import { Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { DOCUMENT_TYPES, type DocumentType } from '../../../shared/domain/task-vocabulary.ts';
import type { DirectiveDocument } from '../../../shared/schemas/directives.ts';
import type { Organization } from '../../../shared/schemas/organizations.ts';
import { OrgPicker } from '../../components/org-picker.tsx';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { newIdempotencyKey } from '../../lib/idempotency-key.ts';
import { FormMessage } from '../tasks/form-message.tsx';
import { DraftFormButtons } from './draft-form-buttons.tsx';
import { registerDocument } from './directives-api.ts';
import { usePersonalDraft } from './use-stored-draft.ts';
import { CalendarDateInput } from '../../components/calendar-date-input.tsx';

const FIELDS = ['number', 'docType', 'issuerOrganizationId', 'issuedOn', 'title'] as const;

interface DocumentDraft {
  number: string;
  docType: DocumentType;
  issuer: Organization | null;
  issuedOn: string;
  title: string;
  /** Kept with the draft: a submit whose answer was lost, sent again after a reload, registers one document. */
  idempotencyKey: string;
}

export function DocumentForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (document: DirectiveDocument) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { draft, update, clear } = usePersonalDraft<DocumentDraft>('directive-document', {
    number: '',
    docType: 'resolution',
    issuer: null,
    issuedOn: '',
    title: '',
    idempotencyKey: newIdempotencyKey(),
  });

  const mutation = useMutation({
    mutationFn: () =>
      registerDocument(
        {
          number: draft.number,
          docType: draft.docType,
          // Sent empty rather than left out, so that the server names the field it misses.
          issuerOrganizationId: draft.issuer?.id ?? '',
          issuedOn: draft.issuedOn,
          title: draft.title,
        },
        draft.idempotencyKey,
      ),
    onSuccess: async (document) => {
      clear();
      await queryClient.invalidateQueries({ queryKey: ['directives'] });
      onCreated(document);
    },
  });
  const { byField, formMessage } = fieldErrorsOf(t, mutation.error, FIELDS);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <FormMessage message={formMessage} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('directives.number')}
            description={t('directives.numberHint')}
            required
            value={draft.number}
            onChange={(event) => update({ number: event.currentTarget.value })}
            error={byField.number}
          />
          <Select
            label={t('directives.type')}
            required
            allowDeselect={false}
            data={DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`documentType.${type}`) }))}
            value={draft.docType}
            onChange={(type) => update({ docType: (type as DocumentType | null) ?? 'other' })}
            error={byField.docType}
          />
          <OrgPicker
            label={t('directives.issuer')}
            required
            value={draft.issuer}
            onChange={(issuer) => update({ issuer })}
            error={byField.issuerOrganizationId}
          />
          <CalendarDateInput
            label={t('directives.issuedOn')}
            required
            value={draft.issuedOn}
            onChange={(issuedOn) => update({ issuedOn })}
            error={byField.issuedOn}
          />
        </SimpleGrid>
        <Textarea
          label={t('directives.documentTitle')}
          required
          autosize
          minRows={2}
          value={draft.title}
          onChange={(event) => update({ title: event.currentTarget.value })}
          error={byField.title}
        />
        <DraftFormButtons
          submitLabel={t('directives.register')}
          isPending={mutation.isPending}
          clearDraft={clear}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
