import { Table } from '@mantine/core';
import type { Locale } from '../../../shared/i18n/index.ts';
import type { HolidayKind } from '../../../shared/domain/working-days.ts';
import { formatDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';

interface Row {
  date: string;
  nameVi: string;
  nameEn: string;
  /** null for a make-up working day, which has no name either. */
  kind: HolidayKind | null;
}

const weekdayFormats = new Map<Locale, Intl.DateTimeFormat>();
function weekdayOf(locale: Locale, date: string): string {
  let format = weekdayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    weekdayFormats.set(locale, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}

export function HolidayTable({ holidays, locale }: { holidays: readonly Row[]; locale: Locale }) {
  const { t } = useI18n();
  const named = holidays.some((holiday) => holiday.kind !== null);
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('calendar.date')}</Table.Th>
          <Table.Th>{t('calendar.weekday')}</Table.Th>
          {named ? <Table.Th>{t(locale === 'vi' ? 'calendar.nameVi' : 'calendar.nameEn')}</Table.Th> : null}
          {named ? <Table.Th>{t('calendar.kind')}</Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {holidays.map((holiday) => (
          <Table.Tr key={holiday.date}>
            <Table.Td>{formatDate(locale, holiday.date)}</Table.Td>
            <Table.Td>{weekdayOf(locale, holiday.date)}</Table.Td>
            {named ? <Table.Td>{locale === 'vi' ? holiday.nameVi : holiday.nameEn}</Table.Td> : null}
            {named ? <Table.Td>{holiday.kind ? t(`calendar.kind.${holiday.kind}`) : null}</Table.Td> : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
