import { Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { TaskSummary } from '../../../shared/schemas/tasks.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatDate } from '../../lib/format.ts';
import { localName, useI18n } from '../../lib/i18n.tsx';
import { StateBadge, TaskProgress, TimelinessBadge } from './task-badges.tsx';
import { daysLateText } from './days-late-text.ts';

interface TaskTableProps {
  tasks: TaskSummary[];
  caption: string;
  /** The reading date, carried to each task's page so that it shows the same day. */
  asOf?: string | undefined;
  /** The overdue list adds how many days late each task is. */
  isShowingDaysLate?: boolean;
}

/** Tasks as every list shows them: the same columns on the task list, the dashboard and a parent's page. */
export function TaskTable({ tasks, caption, asOf, isShowingDaysLate = false }: TaskTableProps) {
  const { t, locale } = useI18n();
  // A table does not fit a phone: there each task is a card, read from top to bottom.
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  if (isPhone) return <TaskCards tasks={tasks} caption={caption} asOf={asOf} />;
  // Six columns fit a parent's page beside its timeline (about 690 px at 1366 px): the lead agency
  // goes under the title, state and timeliness share a column, and if it still scrolls, the code stays.
  return (
    <Table.ScrollContainer minWidth={640}>
      {/* Named for screen readers; the heading above it already says what it is to the eye. */}
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={caption} className="sticky-first-column">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('tasks.code')}</Table.Th>
            <Table.Th scope="col">{t('tasks.taskTitle')}</Table.Th>
            <Table.Th scope="col">{t('tasks.deadline')}</Table.Th>
            {isShowingDaysLate ? (
              <Table.Th scope="col" ta="right">
                {t('dashboard.daysLate')}
              </Table.Th>
            ) : null}
            <Table.Th scope="col">{t('tasks.state')}</Table.Th>
            <Table.Th scope="col">{t('tasks.progress')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <AnchorLink to="/tasks/$taskId" params={{ taskId: task.id }} search={{ as_of: asOf }}>
                  {task.code}
                </AnchorLink>
              </Table.Td>
              <Table.Td miw={200}>
                <Text size="sm" lineClamp={3}>
                  {task.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {localName(locale, task.lead)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DeadlineCell task={task} />
              </Table.Td>
              {isShowingDaysLate ? <Table.Td ta="right">{task.daysLate}</Table.Td> : null}
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <StateBadge state={task.state} />
                  <TimelinessBadge timeliness={task.timeliness} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <TaskProgress code={task.code} percent={task.progressPercent} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TaskCards({ tasks, caption, asOf }: Omit<TaskTableProps, 'isShowingDaysLate'>) {
  const { t, locale } = useI18n();
  return (
    <Stack gap="xs" component="ul" aria-label={caption} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {tasks.map((task) => (
        <Paper component="li" key={task.id} withBorder p="sm">
          <Stack gap={6}>
            <AnchorLink to="/tasks/$taskId" params={{ taskId: task.id }} search={{ as_of: asOf }} fw={600}>
              {task.code}
            </AnchorLink>
            <Text size="sm" lineClamp={3}>
              {task.title}
            </Text>
            <Text size="xs" c="dimmed">
              {localName(locale, task.lead)}
            </Text>
            <Group gap="xs">
              <StateBadge state={task.state} />
              <TimelinessBadge timeliness={task.timeliness} />
              {task.daysLate > 0 ? (
                <Text size="xs" c="red.9" fw={600}>
                  {daysLateText(t, task)}
                </Text>
              ) : null}
            </Group>
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <DeadlineCell task={task} />
              <TaskProgress code={task.code} percent={task.progressPercent} />
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** The effective deadline; when an extension moved it, the original one beneath, so nobody is misled. */
export function DeadlineCell({ task }: { task: Pick<TaskSummary, 'deadline' | 'effectiveDeadline'> }) {
  const { t, locale } = useI18n();
  if (!task.effectiveDeadline) return <Text size="sm">{t('tasks.noDeadline')}</Text>;
  const isExtended = task.deadline !== null && task.deadline !== task.effectiveDeadline;
  return (
    <Stack gap={0}>
      <Text size="sm">{formatDate(locale, task.effectiveDeadline)}</Text>
      {isExtended ? (
        <Text size="xs" c="dimmed">
          {t('tasks.extendedFrom', { date: formatDate(locale, task.deadline) })}
        </Text>
      ) : null}
    </Stack>
  );
}
