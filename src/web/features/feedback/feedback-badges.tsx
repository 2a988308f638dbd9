import { Badge, Text } from '@mantine/core';
import type { FeedbackState } from '../../../shared/domain/feedback.ts';
import type { ServiceLevelState } from '../../../shared/domain/feedback-service-level.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { SUCCESS_GREEN } from '../../theme.ts';

// Dark shades, white text; yellow takes dark text (autoContrast picks it from the shade).
const SERVICE_LEVEL_COLORS: Record<ServiceLevelState, string> = {
  on_time: SUCCESS_GREEN,
  due_soon: 'yellow.4',
  overdue: 'red.9',
};

const BADGE_STYLE = { textTransform: 'none', width: 'max-content' } as const;

/**
 * The service level in words, with a mark before "overdue" so that it stands out to readers who
 * cannot tell the colours apart, in print and in a screen reader's flat reading alike.
 */
export function ServiceLevelBadge({ level }: { level: ServiceLevelState | null }) {
  const { t } = useI18n();
  if (!level) return <Text span>—</Text>;
  return (
    <Badge color={SERVICE_LEVEL_COLORS[level]} autoContrast variant="filled" radius="sm" style={BADGE_STYLE}>
      {level === 'overdue' ? '⚠ ' : null}
      {t(`serviceLevel.${level}`)}
    </Badge>
  );
}

export function FeedbackStateBadge({ state }: { state: FeedbackState }) {
  const { t } = useI18n();
  return (
    <Badge color="gray.8" variant="outline" radius="sm" style={BADGE_STYLE}>
      {t(`feedbackState.${state}`)}
    </Badge>
  );
}
