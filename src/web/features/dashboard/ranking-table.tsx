import { Table, Title } from '@mantine/core';
import type { Dashboard } from '../../../shared/schemas/dashboard.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { localName, useI18n } from '../../lib/i18n.tsx';

/** Agencies ranked by the server (on-time completion); the screen shows its order, never re-sorts it. */
export function RankingTable({ ranking }: { ranking: Dashboard['ranking'] }) {
  const { t, locale } = useI18n();
  const n = (value: number) => formatNumber(locale, value);
  return (
    <section aria-labelledby="ranking-title">
      <Title order={2} size="h4" id="ranking-title" mb="xs">
        {t('dashboard.ranking')}
      </Title>
      <Table.ScrollContainer minWidth={640} mah={480}>
        <Table striped stickyHeader aria-labelledby="ranking-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" ta="right">
                {t('dashboard.rank')}
              </Table.Th>
              <Table.Th scope="col">{t('dashboard.agency')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.total')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.completed')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.onTimeRate')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('dashboard.overdue')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ranking.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={6}>{t('dashboard.noRows')}</Table.Td>
              </Table.Tr>
            ) : null}
            {ranking.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td ta="right">{row.rank}</Table.Td>
                <Table.Th scope="row" fw={500}>
                  {localName(locale, row)}
                </Table.Th>
                <Table.Td ta="right">{n(row.total)}</Table.Td>
                <Table.Td ta="right">{n(row.completed)}</Table.Td>
                <Table.Td ta="right">{formatPercent(locale, row.onTimeRate)}</Table.Td>
                <Table.Td ta="right">{n(row.overdue)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
