import { Badge, Text } from '@mantine/core';
import type { ScoreLight } from '../../../shared/domain/scorecard.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { SUCCESS_GREEN } from '../../theme.ts';

/** The committee's lights: green "ready", yellow "warning", red "slow", each with its word and sign. */
export const LIGHT_LOOK: Record<ScoreLight, { color: string; textColor?: string; sign: string }> = {
  ready: { color: SUCCESS_GREEN, sign: '●' },
  warning: { color: 'yellow.4', textColor: 'dark.9', sign: '▲' },
  slow: { color: 'red.9', sign: '■' },
};

const BADGE_STYLE = { textTransform: 'none', width: 'max-content' } as const;

export function ScoreLightBadge({ light }: { light: ScoreLight | null }) {
  const { t } = useI18n();
  if (!light) return <Text span>{t('scorecards.noScore')}</Text>;
  const look = LIGHT_LOOK[light];
  return (
    <Badge color={look.color} c={look.textColor} variant="filled" radius="sm" style={BADGE_STYLE}>
      <span aria-hidden="true">{look.sign} </span>
      {t(`scorecards.light.${light}`)}
    </Badge>
  );
}
