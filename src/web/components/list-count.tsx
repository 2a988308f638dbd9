import { Text } from '@mantine/core';
import { formatNumber } from '../lib/format.ts';
import { useI18n } from '../lib/i18n.tsx';

/**
 * A paged list's count and the range shown ("120 tasks · 51–100 of 120", or "More than 1,000 tasks ·
 * 51–100 of more than 1,000" when the server stopped counting, decision 0023), announced politely: a
 * screen reader hears the new count after each filter change.
 */
export function ListCount({
  count,
  page,
  pageSize,
  shown,
  total,
  totalIsCapped = false,
  id,
}: {
  /** The count in words, such as "120 tasks". */
  count: string;
  /** The page shown, from 1. */
  page: number;
  pageSize: number;
  /** How many items the page shows. */
  shown: number;
  total: number;
  /** The total is a floor: the server stopped counting there ("of more than 1,000"). */
  totalIsCapped?: boolean;
  id?: string;
}) {
  const { t, locale } = useI18n();
  const firstShown = (page - 1) * pageSize + 1;
  return (
    <Text fw={600} aria-live="polite" id={id}>
      {count}
      {shown > 0
        ? ` · ${t(totalIsCapped ? 'tasks.rangeOver' : 'tasks.range', {
            from: formatNumber(locale, firstShown),
            to: formatNumber(locale, firstShown + shown - 1),
            total: formatNumber(locale, total),
          })}`
        : null}
    </Text>
  );
}
