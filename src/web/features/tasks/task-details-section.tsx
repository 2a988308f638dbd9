import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { TaskDetail } from '../../../shared/schemas/tasks.ts';
import { formatDate } from '../../lib/format.ts';
import { localName, useI18n } from '../../lib/i18n.tsx';

export function TaskDetailsSection({ task }: { task: TaskDetail }) {
  const { t, locale } = useI18n();
  const organization = (ref: { code: string; nameVi: string; nameEn: string }) =>
    `${localName(locale, ref)} (${ref.code})`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="task-details-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="task-details-title">
          {t('task.details')}
        </Title>
        {task.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{task.description}</Text> : null}
        <Table variant="vertical" layout="fixed" withTableBorder>
          <Table.Tbody>
            <DetailRow label={t('task.lead')}>{organization(task.lead)}</DetailRow>
            <DetailRow label={t('task.coordinators')}>
              {task.coordinators.length === 0 ? (
                t('task.none')
              ) : (
                <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {task.coordinators.map((coordinator) => (
                    <li key={coordinator.id}>{organization(coordinator)}</li>
                  ))}
                </Stack>
              )}
            </DetailRow>
            <DetailRow label={t('task.assigner')}>{organization(task.assigner)}</DetailRow>
            <DetailRow label={t('task.group')}>
              {task.taskGroupNumber !== null ? t('task.groupNumber', { number: task.taskGroupNumber }) : t('task.none')}
            </DetailRow>
            <DetailRow label={t('task.source')}>
              <SourceText task={task} />
            </DetailRow>
            <DetailRow label={t('task.expectedOutput')}>{t(`expectedOutput.${task.expectedOutput}`)}</DetailRow>
            <DetailRow label={t('task.priority')}>{t(`priority.${task.priority}`)}</DetailRow>
            <DetailRow label={t('task.startOn')}>{formatDate(locale, task.startOn)}</DetailRow>
            {task.completedOn ? (
              <DetailRow label={t('task.completedOn')}>{formatDate(locale, task.completedOn)}</DetailRow>
            ) : null}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

function SourceText({ task }: { task: TaskDetail }) {
  const { t } = useI18n();
  if (!task.sourceDocument && !task.sourceConclusion) return <>{t('task.none')}</>;
  return (
    <Stack gap={4}>
      {task.sourceDocument ? (
        <Text size="sm">
          <strong>{task.sourceDocument.number}</strong> — {task.sourceDocument.title}
        </Text>
      ) : null}
      {task.sourceConclusion ? (
        <Text size="sm">
          {t('task.conclusionRef', {
            meeting: task.sourceConclusion.meetingTitle,
            number: task.sourceConclusion.number,
          })}
          : {task.sourceConclusion.text}
        </Text>
      ) : null}
    </Stack>
  );
}

function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w="35%" scope="row">
        {label}
      </Table.Th>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{children}</Table.Td>
    </Table.Tr>
  );
}
