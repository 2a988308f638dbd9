import { Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { CONTENT_MAX } from '../../../shared/domain/feedback.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { AnswerText } from './answer-text.tsx';

/** The answer as typed, and as the sender and the portal will read it (paragraphs, no markup). */
export function AnswerEditor({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const [view, setView] = useState<'write' | 'preview'>('write');
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label={t('feedbackItem.answerView')}
        value={view}
        onChange={(next) => setView(next === 'preview' ? 'preview' : 'write')}
        data={[
          { value: 'write', label: t('feedbackItem.write') },
          { value: 'preview', label: t('feedbackItem.preview') },
        ]}
      />
      {view === 'write' ? (
        <Textarea
          label={t('feedbackItem.answerLabel')}
          description={t('feedbackItem.answerHelp', { count: value.length, max: CONTENT_MAX })}
          required
          autosize
          minRows={8}
          maxLength={CONTENT_MAX}
          data-autofocus
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error}
        />
      ) : (
        <Paper withBorder p="sm" aria-label={t('feedbackItem.preview')} component="section">
          {value.trim() ? <AnswerText text={value} /> : <Text c="dimmed">{t('feedbackItem.emptyAnswer')}</Text>}
          {error ? (
            <Text c="red.8" size="sm">
              {error}
            </Text>
          ) : null}
        </Paper>
      )}
    </Stack>
  );
}
