import { Alert, Button, Group, NumberInput, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { IndicatorDetail } from '../../../shared/schemas/indicators.ts';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import { localName, useI18n } from '../../lib/i18n.tsx';
import { newIdempotencyKey } from '../../lib/idempotency-key.ts';
import { usePersonalDraft } from '../directives/use-stored-draft.ts';
import { FormMessage } from '../tasks/form-message.tsx';
import { enterValue } from './indicators-api.ts';

const FIELDS = ['organizationId', 'period', 'value', 'source', 'note'] as const;

interface ValueDraft {
  organizationId: string;
  period: string;
  value: number | string;
  source: string;
  note: string;
}

/** Decimal comma in Vietnamese and French, point in English, as people type figures. */
const decimalSeparatorOf = (locale: string) => (locale === 'en' ? '.' : ',');

/**
 * A focal point reports a value of one of the organizations they speak for. What they type is kept
 * as a draft until the value is sent: a refusal (an off-track value without its note) loses nothing.
 */
export function ValueEntryForm({ indicator }: { indicator: IndicatorDetail }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const organizations = indicator.standings.filter((standing) => indicator.mayEnter.includes(standing.organization.id));
  const { draft, update, clear } = usePersonalDraft<ValueDraft>(`indicator-value.${indicator.id}`, {
    organizationId: organizations[0]?.organization.id ?? '',
    period: '',
    value: '',
    source: '',
    note: '',
  });
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [sent, setSent] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () =>
      enterValue(
        indicator.id,
        {
          organizationId: draft.organizationId,
          period: draft.period.trim(),
          // An empty box is sent as is (NaN is not JSON): the server names the field.
          value: typeof draft.value === 'number' ? draft.value : (draft.value as unknown as number),
          source: draft.source,
          note: draft.note.trim() || null,
        },
        idempotencyKey,
      ),
    onSuccess: async (value) => {
      clear();
      update({ period: '', value: '', note: '' });
      setIdempotencyKey(newIdempotencyKey());
      setSent(value.periodKey);
      await queryClient.invalidateQueries({ queryKey: ['indicators'] });
      await queryClient.invalidateQueries({ queryKey: ['indicator-values'] });
    },
  });
  const { byField, formMessage } = fieldErrorsOf(t, mutation.error, FIELDS);
  if (organizations.length === 0) return null;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    mutation.mutate();
  };

  return (
    <section aria-labelledby="enter-value-title">
      <Title order={2} size="h4" id="enter-value-title" mb="xs">
        {t('indicator.enter')}
      </Title>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm" maw={640}>
          <FormMessage message={formMessage} />
          {sent ? (
            <Alert color="green" role="status">
              {t('indicator.entry.sent', { period: sent })}
            </Alert>
          ) : null}
          <Select
            label={t('indicator.entry.organization')}
            data={organizations.map((standing) => ({
              value: standing.organization.id,
              label: localName(locale, standing.organization),
            }))}
            value={draft.organizationId}
            onChange={(organizationId) => update({ organizationId: organizationId ?? '' })}
            allowDeselect={false}
            error={byField.organizationId}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('indicator.entry.period')}
              description={t(`indicator.entry.periodHint.${indicator.frequency}`)}
              required
              value={draft.period}
              onChange={(event) => update({ period: event.currentTarget.value })}
              error={byField.period}
            />
            <NumberInput
              label={t('indicator.entry.value')}
              required
              decimalSeparator={decimalSeparatorOf(locale)}
              thousandSeparator={false}
              clampBehavior="none"
              value={draft.value}
              onChange={(value) => update({ value })}
              error={byField.value}
              rightSection={indicator.unit === 'percent' ? '%' : undefined}
            />
          </Group>
          <TextInput
            label={t('indicator.entry.source')}
            required
            value={draft.source}
            onChange={(event) => update({ source: event.currentTarget.value })}
            error={byField.source}
          />
          <Textarea
            label={t('indicator.entry.note')}
            description={t('indicator.entry.noteHint')}
            autosize
            minRows={2}
            value={draft.note}
            onChange={(event) => update({ note: event.currentTarget.value })}
            error={byField.note}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {t('indicator.entry.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
