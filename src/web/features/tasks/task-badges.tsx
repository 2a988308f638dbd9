import { Badge, Group, Progress, Text } from '@mantine/core';
import type { TaskState } from '../../../shared/domain/task-lifecycle.ts';
import type { Timeliness } from '../../../shared/domain/timeliness.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { SUCCESS_GREEN } from '../../theme.ts';

/**
 * Colours carry the meaning at a glance, the words carry it for everyone else (colour-blind
 * readers, screen readers, print): a badge is never colour alone. Shades are dark enough for
 * white text to pass WCAG AA; "due soon" is yellow with dark text for the same reason.
 */
const TIMELINESS_COLORS: Record<Timeliness, { color: string; textColor?: string }> = {
  on_time: { color: SUCCESS_GREEN },
  late: { color: 'orange.9' },
  overdue: { color: 'red.9' },
  due_soon: { color: 'yellow.4', textColor: 'dark.9' },
  on_track: { color: 'blue.8' },
  ongoing: { color: 'gray.7' },
};

// Mantine lays a badge out as a grid whose label may shrink to nothing in a tight table column
// ("A…"): the badge keeps the width of its words.
const BADGE_STYLE = { textTransform: 'none', width: 'max-content' } as const;

/** Chart colours for the headline, shared by the charts so that "overdue" is the same red everywhere. */
export const HEADLINE_CHART_COLORS = {
  completed: '#2b8a3e',
  inProgress: '#1971c2',
  overdue: '#c92a2a',
} as const;

export function TimelinessBadge({ timeliness }: { timeliness: Timeliness | null }) {
  const { t } = useI18n();
  if (!timeliness) return <Text span>—</Text>;
  const { color, textColor } = TIMELINESS_COLORS[timeliness];
  return (
    <Badge color={color} c={textColor} variant="filled" radius="sm" style={BADGE_STYLE}>
      {t(`timeliness.${timeliness}`)}
    </Badge>
  );
}

export function StateBadge({ state }: { state: TaskState }) {
  const { t } = useI18n();
  return (
    <Badge color="gray.8" variant="outline" radius="sm" style={BADGE_STYLE}>
      {t(`taskState.${state}`)}
    </Badge>
  );
}

/**
 * A bar for the eye and the number beside it; the bar itself is named for screen readers (by
 * default "progress of <code>"; a task's sub-tasks' roll-up names itself).
 */
export function TaskProgress({ code, percent, label }: { code: string; percent: number; label?: string }) {
  const { t } = useI18n();
  return (
    <Group gap="xs" wrap="nowrap" miw={110}>
      <Progress.Root size="md" style={{ flex: 1 }}>
        <Progress.Section
          value={percent}
          color={percent >= 100 ? 'green.8' : 'blue.8'}
          aria-label={label ?? t('tasks.progressOf', { code })}
        />
      </Progress.Root>
      <Text size="xs" w={36} ta="right">
        {t('tasks.percent', { percent })}
      </Text>
    </Group>
  );
}
