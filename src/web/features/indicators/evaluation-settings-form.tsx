import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { SCORE_PARTS, type ScorePart } from '../../../shared/domain/scorecard.ts';
import type { EvaluationSettings } from '../../../shared/schemas/indicators.ts';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { FormMessage } from '../tasks/form-message.tsx';
import { saveEvaluationSettings } from './indicators-api.ts';

type Draft = Record<ScorePart | 'ready' | 'warning' | 'onTrack' | 'atRisk', number | string>;

const toNumber = (value: number | string) => (typeof value === 'number' ? value : Number(value.replace(',', '.')));

/**
 * The administrator's settings of every scorecard and status: the weights of the formula, the
 * lights' bands and the indicators' thresholds, saved together under the version read (If-Match).
 */
export function EvaluationSettingsForm({ settings, onDone }: { settings: EvaluationSettings; onDone: () => void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({
    ...settings.weights,
    ...settings.bands,
    onTrack: settings.onTrack,
    atRisk: settings.atRisk,
  });
  const save = useMutation({
    mutationFn: () =>
      saveEvaluationSettings(settings.version, {
        onTrack: toNumber(draft.onTrack),
        atRisk: toNumber(draft.atRisk),
        weights: {
          onTime: toNumber(draft.onTime),
          notOverdue: toNumber(draft.notOverdue),
          notLate: toNumber(draft.notLate),
          indicators: toNumber(draft.indicators),
        },
        bands: { ready: toNumber(draft.ready), warning: toNumber(draft.warning) },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['evaluation-settings'] });
      await queryClient.invalidateQueries({ queryKey: ['scorecards'] });
      await queryClient.invalidateQueries({ queryKey: ['indicators'] });
      onDone();
    },
  });
  const { byField, formMessage } = fieldErrorsOf(t, save.error, ['weights', 'bands', 'onTrack', 'atRisk']);
  const field = (name: keyof Draft, label: string, error?: string) => (
    <NumberInput
      key={name}
      label={label}
      value={draft[name]}
      onChange={(value) => setDraft({ ...draft, [name]: value })}
      decimalSeparator={locale === 'en' ? '.' : ','}
      thousandSeparator={false}
      min={0}
      clampBehavior="none"
      error={error}
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('scorecards.settings')}
          </Title>
          <FormMessage message={formMessage} />
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {SCORE_PARTS.map((part) => field(part, t(`scorecards.part.${part}`)))}
          </SimpleGrid>
          {byField.weights ? <Alert color="red">{byField.weights}</Alert> : null}
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {field('ready', t('scorecards.light.ready'), byField.bands)}
            {field('warning', t('scorecards.light.warning'), byField.bands)}
            {field('onTrack', t('indicator.status.on_track'), byField.onTrack)}
            {field('atRisk', t('indicator.status.at_risk'), byField.atRisk)}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('values.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('scorecards.saveSettings')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
