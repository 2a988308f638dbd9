import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { SubTaskRollUp, TaskDetail } from '../../../shared/schemas/tasks.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { StateBadge, TaskProgress, TimelinessBadge } from './task-badges.tsx';
import { TaskActions } from './task-actions.tsx';
import { daysLateText } from './days-late-text.ts';

/** What a reader needs first: which task, where it stands, by when; then what they may do about it. */
export function TaskHeader({ task }: { task: TaskDetail }) {
  const { t, locale } = useI18n();
  const isExtended = task.deadline !== task.effectiveDeadline;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        {task.parentTaskId ? (
          <AnchorLink to="/tasks/$taskId" params={{ taskId: task.parentTaskId }} search={{}} size="sm">
            ← {t('task.backToParent')}
          </AnchorLink>
        ) : null}
        <Stack gap={4}>
          <Text ff="monospace" size="sm" c="dimmed">
            {task.code}
          </Text>
          <Title order={1} size="h2">
            {task.title}
          </Title>
        </Stack>
        {/* data-field lets the browser journeys find the task's own state, not a state named in its history. */}
        <Group gap="xs" data-field="status">
          <StateBadge state={task.state} />
          <TimelinessBadge timeliness={task.timeliness} />
          {task.priority !== 'normal' ? (
            <Badge color="grape.9" radius="sm" style={{ textTransform: 'none' }}>
              {t(`priority.${task.priority}`)}
            </Badge>
          ) : null}
          {task.isConfidential ? (
            <Badge color="dark.7" radius="sm" style={{ textTransform: 'none' }}>
              {t('tasks.confidential')}
            </Badge>
          ) : null}
          {task.daysLate > 0 ? (
            <Text size="sm" c="red.9" fw={600}>
              {daysLateText(t, task)}
            </Text>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: task.subTasks ? 4 : 3 }} spacing="sm" component="dl" m={0}>
          <Figure
            id="originalDeadline"
            label={t('task.originalDeadline')}
            value={task.deadline ? formatDate(locale, task.deadline) : t('tasks.noDeadline')}
          />
          <Figure
            id="effectiveDeadline"
            label={t('task.effectiveDeadline')}
            value={task.effectiveDeadline ? formatDate(locale, task.effectiveDeadline) : t('tasks.noDeadline')}
            isEmphasized={isExtended}
          />
          <div>
            <Text size="xs" c="dimmed" component="dt">
              {task.subTasks ? t('task.ownProgress') : t('tasks.progress')}
            </Text>
            <Text component="dd" m={0} data-field="progress">
              <TaskProgress code={task.code} percent={task.progressPercent} />
            </Text>
          </div>
          {task.subTasks ? <SubTaskRollUpFigure code={task.code} rollUp={task.subTasks} /> : null}
        </SimpleGrid>
        <TaskActions task={task} />
      </Stack>
    </Paper>
  );
}

/**
 * What the sub-tasks add up to (decision 0021), beside the lead agency's own report rather than in
 * its place: the two may differ, and both are worth reading.
 */
function SubTaskRollUpFigure({ code, rollUp }: { code: string; rollUp: SubTaskRollUp }) {
  const { t } = useI18n();
  const label = t('task.subTaskProgress', { count: rollUp.count });
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Stack component="dd" m={0} gap={2} data-field="subTaskProgress">
        <TaskProgress code={code} percent={rollUp.progressPercent} label={`${label} (${code})`} />
        {rollUp.timeliness.overdue > 0 ? (
          <Text size="xs" c="red.9" fw={600}>
            {t('task.subTasksOverdue', { count: rollUp.timeliness.overdue })}
          </Text>
        ) : null}
      </Stack>
    </div>
  );
}

interface FigureProps {
  id: string;
  label: string;
  value: string;
  isEmphasized?: boolean;
}

/** A term and its value; data-field lets the browser journeys read one without depending on the layout. */
function Figure({ id, label, value, isEmphasized = false }: FigureProps) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text fw={isEmphasized ? 700 : 500} component="dd" m={0} data-field={id}>
        {value}
      </Text>
    </div>
  );
}
