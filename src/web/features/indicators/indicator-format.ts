import type { IndicatorUnit } from '../../../shared/domain/indicator-values.ts';
import type { Locale } from '../../../shared/i18n/index.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';

/** A value as its unit reads: "73,5%" in Vietnamese, "73.5%" in English, "73,5 %" in French. */
export function formatIndicatorValue(locale: Locale, unit: IndicatorUnit, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'percent') {
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
  }
  return formatNumber(locale, Number(value.toFixed(2)));
}

/** An achievement ratio as a percentage of the trajectory: 1.2 → "120%". */
export const formatAchievement = (locale: Locale, achievement: number | null | undefined): string =>
  achievement === null || achievement === undefined ? '—' : formatPercent(locale, achievement);
