import { Badge } from '@mantine/core';
import type { IndicatorStatus } from '../../../shared/domain/indicator-achievement.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { SUCCESS_GREEN } from '../../theme.ts';

/**
 * The four statuses as the committee's heat map colours them (green, yellow, red, grey), each with
 * its word and a sign of its own, so that no one needs the colour to read it. Shades are dark
 * enough for white text to pass WCAG AA; yellow carries dark text, as "due soon" does on tasks.
 */
export const STATUS_LOOK: Record<IndicatorStatus, { color: string; textColor?: string; sign: string }> = {
  on_track: { color: SUCCESS_GREEN, sign: '●' },
  at_risk: { color: 'yellow.4', textColor: 'dark.9', sign: '▲' },
  off_track: { color: 'red.9', sign: '■' },
  no_data: { color: 'gray.7', sign: '○' },
};

// The badge keeps the width of its words: "Chậm so với lộ trình" cut to "Chậm s…" says nothing.
const BADGE_STYLE = { textTransform: 'none', width: 'max-content' } as const;

export function IndicatorStatusBadge({ status }: { status: IndicatorStatus }) {
  const { t } = useI18n();
  const look = STATUS_LOOK[status];
  return (
    <Badge color={look.color} c={look.textColor} variant="filled" radius="sm" style={BADGE_STYLE}>
      <span aria-hidden="true">{look.sign} </span>
      {t(`indicator.status.${status}`)}
    </Badge>
  );
}
