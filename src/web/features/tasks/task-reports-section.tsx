import { Anchor, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ProgressReport, TaskDetail } from '../../../shared/schemas/tasks.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { FormMessage } from './form-message.tsx';
import { TaskProgress } from './task-badges.tsx';
import { taskFormErrors, useTaskMutation } from './task-mutations.ts';
import { answerReport, evidenceDownloadUrl } from './tasks-api.ts';

/** Progress reports, newest first, each with its difficulties and the assigner's answer. */
export function TaskReportsSection({ task }: { task: TaskDetail }) {
  const { t } = useI18n();
  const mayAnswer = task.allowedActions.includes('answer');
  const reports = [...task.reports].sort((a, b) => b.reportedOn.localeCompare(a.reportedOn));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="task-reports-title">
      <Title order={2} size="h4" id="task-reports-title" mb="sm">
        {t('task.reports')}
      </Title>
      {reports.length === 0 ? <Text c="dimmed">{t('task.noReports')}</Text> : null}
      <Stack gap="md" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {reports.map((report) => (
          <li key={report.id}>
            <ReportItem task={task} report={report} mayAnswer={mayAnswer} />
          </li>
        ))}
      </Stack>
    </Paper>
  );
}

function ReportItem({ task, report, mayAnswer }: { task: TaskDetail; report: ProgressReport; mayAnswer: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Stack gap={6} p="sm" style={{ borderLeft: '3px solid var(--mantine-color-blue-8)' }}>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" fw={600}>
          {formatDate(locale, report.reportedOn)}
          {report.authorName ? ` · ${report.authorName}` : null}
        </Text>
        <TaskProgress code={task.code} percent={report.percent} />
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {report.narrative}
      </Text>
      {report.difficulties ? <Labelled label={t('task.difficulties')} text={report.difficulties} /> : null}
      {report.proposals ? <Labelled label={t('task.proposals')} text={report.proposals} /> : null}
      {report.files.length > 0 ? (
        <Group gap="xs" aria-label={t('task.evidenceFiles')}>
          <Text size="sm" fw={600}>
            {t('task.evidenceFiles')}:
          </Text>
          {report.files.map((file) => (
            <Anchor key={file.id} href={evidenceDownloadUrl(file.id)} size="sm" download={file.fileName}>
              {file.fileName} ({Math.max(1, Math.round(file.sizeBytes / 1024))} KB)
            </Anchor>
          ))}
        </Group>
      ) : null}
      {report.answer ? (
        <Stack gap={2} p="xs" bg="gray.0">
          <Labelled label={t('task.answer')} text={report.answer} />
          <Text size="xs" c="dimmed">
            {t('task.answeredAt', { date: formatDateTime(locale, report.answeredAt) })}
          </Text>
        </Stack>
      ) : null}
      {mayAnswer && report.difficulties && !report.answer ? <AnswerForm task={task} report={report} /> : null}
    </Stack>
  );
}

function Labelled({ label, text }: { label: string; text: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      <strong>{label}:</strong> {text}
    </Text>
  );
}

function AnswerForm({ task, report }: { task: TaskDetail; report: ProgressReport }) {
  const { t, locale } = useI18n();
  const [answer, setAnswer] = useState('');
  const mutation = useTaskMutation(task, () => answerReport(task.id, report.id, answer));
  const { byField, formMessage } = taskFormErrors(t, mutation.error, ['answer']);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(undefined);
  };
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="xs">
        <FormMessage message={formMessage} />
        <Textarea
          label={t('task.answerLabel', { date: formatDate(locale, report.reportedOn) })}
          required
          autosize
          minRows={2}
          value={answer}
          onChange={(event) => setAnswer(event.currentTarget.value)}
          error={byField.answer}
        />
        <Group>
          <Button type="submit" size="xs" loading={mutation.isPending}>
            {t('task.answerSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
