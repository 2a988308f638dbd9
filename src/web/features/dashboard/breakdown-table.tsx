import { Table, Title } from '@mantine/core';
import type { Headline } from '../../../shared/domain/headline.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';

export interface BreakdownRow extends Headline {
  /** null for the row of tasks without a group. */
  id: string | null;
  name: string;
}

/** One headline per row (agency, group, province): the text equivalent of the charts. */
export function BreakdownTable({ id, title, rows }: { id: string; title: string; rows: BreakdownRow[] }) {
  const { t, locale } = useI18n();
  const n = (value: number) => formatNumber(locale, value);
  const titleId = `${id}-title`;
  return (
    <section aria-labelledby={titleId}>
      <Title order={3} size="h5" id={titleId} mb="xs">
        {title}
      </Title>
      <Table.ScrollContainer minWidth={720} mah={480}>
        <Table striped highlightOnHover stickyHeader aria-labelledby={titleId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.name')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.total')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.completed')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.inProgress')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('timeliness.due_soon')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.overdue')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.completionRate')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={7}>{t('dashboard.noRows')}</Table.Td>
              </Table.Tr>
            ) : null}
            {rows.map((row) => (
              <Table.Tr key={row.id ?? 'none'}>
                <Table.Th scope="row" fw={500}>
                  {row.name}
                </Table.Th>
                <Table.Td ta="right">{n(row.total)}</Table.Td>
                <Table.Td ta="right">{n(row.completed)}</Table.Td>
                <Table.Td ta="right">{n(row.inProgress)}</Table.Td>
                <Table.Td ta="right">{n(row.dueSoon)}</Table.Td>
                <Table.Td ta="right">{n(row.overdue)}</Table.Td>
                <Table.Td ta="right">{formatPercent(locale, row.completionRate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
