import {
  Button,
  Checkbox,
  FileInput,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_FILES,
  CONTENT_MAX,
  FEEDBACK_FIELDS,
  FEEDBACK_TYPES,
  type FeedbackField,
  type FeedbackType,
  NAME_MAX,
  SUBMITTER_KINDS,
  type SubmitterKind,
  TITLE_MAX,
} from '../../../shared/domain/feedback.ts';
import type { FeedbackReceipt, FeedbackSubmissionInput } from '../../../shared/schemas/feedback.ts';
import { isApiError } from '../../lib/api-client.ts';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import { type Translate, useI18n } from '../../lib/i18n.tsx';
import { FormMessage } from '../tasks/form-message.tsx';
import { submitFeedback } from './feedback-api.ts';
import { FeedbackReceiptPanel } from './feedback-receipt.tsx';
import { type FeedbackDraft, useFeedbackDraft } from './use-feedback-draft.ts';
import { OrgPicker } from '../../components/org-picker.tsx';

const FIELDS = [
  'type',
  'field',
  'organizationId',
  'title',
  'content',
  'submitterKind',
  'submitterName',
  'phone',
  'email',
  'files',
];
const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,application/pdf,image/png,image/jpeg';
const MAX_MIB = ATTACHMENT_MAX_BYTES / 1024 / 1024;

/** The body as the API takes it: empty choices are left for the server to name as missing. */
function submissionOf(draft: FeedbackDraft): FeedbackSubmissionInput {
  return {
    type: draft.type as FeedbackType,
    field: draft.field as FeedbackField,
    ...(draft.organization ? { organizationId: draft.organization.id } : {}),
    title: draft.title,
    content: draft.content,
    submitterKind: draft.submitterKind as SubmitterKind,
    submitterName: draft.submitterName,
    phone: draft.phone.trim() || undefined,
    email: draft.email.trim() || undefined,
    consentToPublish: draft.consentToPublish,
  };
}

export function SubmitFeedbackPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('feedbackForm.title')} · ${t('app.name')}`);
  const { draft, update, clear, renewKey } = useFeedbackDraft();
  const [files, setFiles] = useState<File[]>([]);
  const [receipt, setReceipt] = useState<FeedbackReceipt | null>(null);

  const mutation = useMutation({
    mutationFn: () => submitFeedback(submissionOf(draft), files, draft.idempotencyKey),
    onSuccess: (received) => {
      setReceipt(received);
      setFiles([]);
      clear();
      window.scrollTo({ top: 0 });
    },
    onError: (error) => {
      // The key was used for a body that is no longer the one on screen (edited after a dropped
      // connection): the first one was received, and this edited one is a new submission.
      if (isApiError(error) && error.code === 'idempotency_mismatch') renewKey();
    },
  });
  const { byField, formMessage } = fieldErrorsOf(t, mutation.error, FIELDS);
  const fileError = filesProblem(t, files) ?? byField.files;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (filesProblem(t, files)) return;
    mutation.mutate();
  };

  if (receipt) {
    return (
      <Stack gap="md" maw={760}>
        <Title order={1}>{t('feedbackForm.title')}</Title>
        <FeedbackReceiptPanel
          receipt={receipt}
          onAnother={() => {
            mutation.reset();
            setReceipt(null);
          }}
        />
      </Stack>
    );
  }

  // An empty first choice: nothing is picked for the person, and the server names what is missing.
  const choose = { value: '', label: t('feedbackForm.choose'), disabled: true };

  return (
    <Stack gap="md" maw={760}>
      <Title order={1}>{t('feedbackForm.title')}</Title>
      <Text>{t('feedbackForm.intro')}</Text>
      <Text size="sm" c="dimmed">
        {t('feedbackForm.draftKept')}
      </Text>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-label={t('feedbackForm.title')}>
        <form onSubmit={handleSubmit} noValidate>
          <Stack gap="md">
            <FormMessage message={formMessage} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NativeSelect
                label={t('feedbackForm.type')}
                required
                data={[choose, ...FEEDBACK_TYPES.map((value) => ({ value, label: t(`feedbackType.${value}`) }))]}
                value={draft.type}
                onChange={(event) => update({ type: event.currentTarget.value as FeedbackType })}
                error={byField.type}
              />
              <NativeSelect
                label={t('feedbackForm.field')}
                required
                data={[choose, ...FEEDBACK_FIELDS.map((value) => ({ value, label: t(`feedbackField.${value}`) }))]}
                value={draft.field}
                onChange={(event) => update({ field: event.currentTarget.value as FeedbackField })}
                error={byField.field}
              />
            </SimpleGrid>
            <OrgPicker
              label={t('feedbackForm.organization')}
              value={draft.organization}
              onChange={(organization) => update({ organization })}
              error={byField.organizationId}
            />
            <TextInput
              label={t('feedbackForm.titleField')}
              required
              maxLength={TITLE_MAX}
              value={draft.title}
              onChange={(event) => update({ title: event.currentTarget.value })}
              error={byField.title}
            />
            <Textarea
              label={t('feedbackForm.content')}
              description={t('feedbackForm.contentHelp', { count: draft.content.length, max: CONTENT_MAX })}
              required
              autosize
              minRows={6}
              maxLength={CONTENT_MAX}
              value={draft.content}
              onChange={(event) => update({ content: event.currentTarget.value })}
              error={byField.content}
            />
            <FileInput
              label={t('feedbackForm.files')}
              description={t('feedbackForm.filesHelp', { max: ATTACHMENT_MAX_FILES, maxMiB: MAX_MIB })}
              placeholder={t('feedbackForm.filesPlaceholder')}
              multiple
              clearable
              accept={ACCEPTED_FILES}
              value={files}
              onChange={setFiles}
              error={fileError}
            />
            <Title order={2} size="h4">
              {t('feedbackForm.aboutYou')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NativeSelect
                label={t('feedbackForm.submitterKind')}
                required
                data={[choose, ...SUBMITTER_KINDS.map((value) => ({ value, label: t(`submitterKind.${value}`) }))]}
                value={draft.submitterKind}
                onChange={(event) => update({ submitterKind: event.currentTarget.value as SubmitterKind })}
                error={byField.submitterKind}
              />
              <TextInput
                label={t('feedbackForm.name')}
                required
                autoComplete="name"
                maxLength={NAME_MAX}
                value={draft.submitterName}
                onChange={(event) => update({ submitterName: event.currentTarget.value })}
                error={byField.submitterName}
              />
              <TextInput
                label={t('feedbackForm.phone')}
                type="tel"
                autoComplete="tel"
                inputMode="tel"
                maxLength={30}
                value={draft.phone}
                onChange={(event) => update({ phone: event.currentTarget.value })}
                error={byField.phone}
              />
              <TextInput
                label={t('feedbackForm.email')}
                type="email"
                autoComplete="email"
                maxLength={254}
                value={draft.email}
                onChange={(event) => update({ email: event.currentTarget.value })}
                error={byField.email}
              />
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {t('feedbackForm.contactHelp')}
            </Text>
            <Checkbox
              label={t('feedbackForm.consent')}
              description={t('feedbackForm.consentHelp')}
              checked={draft.consentToPublish}
              onChange={(event) => update({ consentToPublish: event.currentTarget.checked })}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={mutation.isPending}>
                {t('feedbackForm.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

/** The API's limits checked before sending, so that a 50 MiB upload is not sent only to be refused. */
function filesProblem(t: Translate, files: readonly File[]): string | undefined {
  if (files.length > ATTACHMENT_MAX_FILES) return t('error.feedback.too_many_files', { max: ATTACHMENT_MAX_FILES });
  if (files.some((file) => file.size > ATTACHMENT_MAX_BYTES)) {
    return t('error.feedback.file_too_large', { maxMiB: MAX_MIB });
  }
  return undefined;
}
