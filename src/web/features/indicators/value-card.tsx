import { Button, Group, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { indicatorNameIn } from '../../../shared/domain/localized-name.ts';
import type { Observation } from '../../../shared/schemas/indicators.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { localName, useI18n } from '../../lib/i18n.tsx';
import { FormMessage } from '../tasks/form-message.tsx';
import { IndicatorStatusBadge } from './indicator-badges.tsx';
import { formatAchievement, formatIndicatorValue } from './indicator-format.ts';
import { approveValue, correctValue, returnValue } from './indicators-api.ts';

type Mode = 'read' | 'return' | 'correct';

/** One reported value with what the reader may do to it: approve, return with a reason, or correct. */
export function ValueCard({ value, onDone }: { value: Observation; onDone: (message: string) => void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>('read');
  const [reason, setReason] = useState('');
  const [correction, setCorrection] = useState({
    value: value.value as number | string,
    source: value.source,
    note: value.note ?? '',
  });
  const mutation = useMutation({
    mutationFn: async (step: 'approve' | 'return' | 'correct') => {
      if (step === 'approve') return approveValue(value);
      if (step === 'return') return returnValue(value, reason);
      return correctValue(value, {
        value: correction.value as number,
        source: correction.source,
        note: correction.note.trim() || null,
      });
    },
    onSuccess: async (_saved, step) => {
      onDone(t(step === 'approve' ? 'values.approved' : step === 'return' ? 'values.returned' : 'values.corrected'));
      await queryClient.invalidateQueries({ queryKey: ['indicator-values'] });
      await queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
  const { byField, formMessage } = fieldErrorsOf(t, mutation.error, ['reason', 'value', 'source', 'note']);
  const may = (action: Observation['allowedActions'][number]) => value.allowedActions.includes(action);
  const submit = (step: 'return' | 'correct') => (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(step);
  };
  const show = (figure: number | null) => formatIndicatorValue(locale, value.indicator.unit, figure);

  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start">
        <div>
          <AnchorLink
            to="/indicators/$indicatorId"
            params={{ indicatorId: value.indicator.id }}
            search={{ org: value.organization.id }}
            fw={600}
          >
            {indicatorNameIn(locale, value.indicator)}
          </AnchorLink>
          <Text size="sm">
            {localName(locale, value.organization)} · {value.periodKey}
          </Text>
        </div>
        <IndicatorStatusBadge status={value.status} />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={t('indicator.value')} text={show(value.value)} />
        <Figure label={t('indicator.expected')} text={show(value.expected)} />
        <Figure label={t('indicator.achievement')} text={formatAchievement(locale, value.achievement)} />
        <Figure
          label={t('values.enteredBy')}
          text={`${value.enteredBy?.fullName ?? t('values.bySystem')}, ${formatDateTime(locale, value.enteredAt)}`}
        />
      </SimpleGrid>
      <Text size="sm">
        {t('indicator.entry.source')}: {value.source}
      </Text>
      {value.note ? <Text size="sm">{value.note}</Text> : null}
      {value.returnReason ? (
        <Text size="sm" c="red.9">
          {t('values.returnReason', { reason: value.returnReason })}
        </Text>
      ) : null}
      <FormMessage message={mode === 'read' ? formMessage : null} />
      {mode === 'read' ? (
        <Group>
          {may('approve') ? (
            <Button onClick={() => mutation.mutate('approve')} loading={mutation.isPending}>
              {t('values.approve')}
            </Button>
          ) : null}
          {may('return') ? (
            <Button variant="default" onClick={() => setMode('return')}>
              {t('values.return')}
            </Button>
          ) : null}
          {may('correct') ? (
            <Button variant="default" onClick={() => setMode('correct')}>
              {t('values.correct')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {mode === 'return' ? (
        <form onSubmit={submit('return')} noValidate>
          <Stack gap="xs">
            <FormMessage message={formMessage} />
            <Textarea
              label={t('values.reason')}
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={byField.reason}
            />
            <Group>
              <Button type="submit" color="red" loading={mutation.isPending}>
                {t('values.return')}
              </Button>
              <Button variant="default" onClick={() => setMode('read')}>
                {t('values.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      {mode === 'correct' ? (
        <form onSubmit={submit('correct')} noValidate>
          <Stack gap="xs">
            <FormMessage message={formMessage} />
            <NumberInput
              label={t('indicator.entry.value')}
              required
              decimalSeparator={locale === 'en' ? '.' : ','}
              thousandSeparator={false}
              clampBehavior="none"
              value={correction.value}
              onChange={(figure) => setCorrection({ ...correction, value: figure })}
              error={byField.value}
              maw={240}
            />
            <TextInput
              label={t('indicator.entry.source')}
              required
              value={correction.source}
              onChange={(event) => setCorrection({ ...correction, source: event.currentTarget.value })}
              error={byField.source}
            />
            <Textarea
              label={t('indicator.entry.note')}
              description={t('indicator.entry.noteHint')}
              autosize
              minRows={2}
              value={correction.note}
              onChange={(event) => setCorrection({ ...correction, note: event.currentTarget.value })}
              error={byField.note}
            />
            <Group>
              <Button type="submit" loading={mutation.isPending}>
                {t('values.saveCorrection')}
              </Button>
              <Button variant="default" onClick={() => setMode('read')}>
                {t('values.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}

function Figure({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{text}</Text>
    </div>
  );
}
