import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Headline } from '../../../shared/domain/headline.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';

interface HeadlineCardsProps {
  headline: Headline;
  dueSoonDays: number;
}

/**
 * The headline of the scope, as PRODUCT.md defines it: completed + in progress + overdue = total;
 * due soon is a part of in progress, written beside it and never added to anything.
 */
export function HeadlineCards({ headline, dueSoonDays }: HeadlineCardsProps) {
  const { t, locale } = useI18n();
  const n = (value: number) => formatNumber(locale, value);
  return (
    <section aria-labelledby="headline-title">
      <Title order={2} size="h4" id="headline-title" mb="sm">
        {t('dashboard.headline')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        <HeadlineCard id="total" label={t('dashboard.total')} value={n(headline.total)} />
        <HeadlineCard
          id="completed"
          label={t('dashboard.completed')}
          value={n(headline.completed)}
          color="green.9"
          note={t('dashboard.completedSplit', {
            onTime: n(headline.completedOnTime),
            late: n(headline.completedLate),
          })}
        />
        <HeadlineCard
          id="inProgress"
          label={t('dashboard.inProgress')}
          value={n(headline.inProgress)}
          color="blue.9"
          note={t('dashboard.dueSoon', { count: n(headline.dueSoon), days: dueSoonDays })}
        />
        <HeadlineCard id="overdue" label={t('dashboard.overdue')} value={n(headline.overdue)} color="red.9" />
        <HeadlineCard
          id="completionRate"
          label={t('dashboard.completionRate')}
          value={formatPercent(locale, headline.completionRate)}
          note={t('dashboard.completionRateHint', { completed: n(headline.completed), total: n(headline.total) })}
        />
      </SimpleGrid>
    </section>
  );
}

interface HeadlineCardProps {
  id: string;
  label: string;
  value: string;
  color?: string;
  note?: ReactNode;
}

function HeadlineCard({ id, label, value, color, note }: HeadlineCardProps) {
  const labelId = `headline-${id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={labelId}>
      <Text size="sm" fw={600} id={labelId}>
        {label}
      </Text>
      {/* data-figure lets the browser journeys read the number without depending on the layout. */}
      <Text fz={32} fw={700} c={color} lh={1.2} data-figure={id}>
        {value}
      </Text>
      {note ? (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      ) : null}
    </Paper>
  );
}
