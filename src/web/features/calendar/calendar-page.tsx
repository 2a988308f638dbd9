import { Alert, Badge, Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { CALENDAR_YEARS, workingCalendar, workingDaysBetween } from '../../../shared/domain/working-days.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { mayDo, sessionQuery } from '../../lib/session.ts';
import { calendarYearQuery } from './calendar-api.ts';
import { CalendarEditor } from './calendar-editor.tsx';
import { HolidayTable } from './holiday-table.tsx';

export function CalendarPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(`${t('calendar.title')} · ${t('app.name')}`);
  const { data: session } = useQuery(sessionQuery);
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [editing, setEditing] = useState(false);
  const query = useQuery(calendarYearQuery(year));
  const calendar = query.data;
  const workingDays = useMemo(
    () =>
      calendar &&
      workingDaysBetween(
        `${year - 1}-12-31`,
        `${year}-12-31`,
        workingCalendar(
          calendar.holidays.map((holiday) => holiday.date),
          calendar.extraWorkingDays,
        ),
      ),
    [calendar, year],
  );

  const chooseYear = (value: string | number) => {
    const next = Number(value);
    if (Number.isInteger(next) && next >= CALENDAR_YEARS.min && next <= CALENDAR_YEARS.max) {
      setYear(next);
      setEditing(false);
    }
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('calendar.title')}</Title>
      <Text size="sm">{t('calendar.intro')}</Text>
      <Group align="flex-end">
        <NumberInput
          label={t('calendar.year')}
          value={year}
          onChange={chooseYear}
          min={CALENDAR_YEARS.min}
          max={CALENDAR_YEARS.max}
          w={120}
        />
        {calendar ? (
          <Badge color={calendar.source === 'configured' ? 'blue' : 'gray'} variant="light" size="lg">
            {t(`calendar.source.${calendar.source}`)}
          </Badge>
        ) : null}
        {workingDays !== undefined ? <Text size="sm">{t('calendar.workingDays', { count: workingDays })}</Text> : null}
      </Group>
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {calendar && editing ? <CalendarEditor calendar={calendar} onDone={() => setEditing(false)} /> : null}
      {calendar && !editing ? (
        <>
          {mayDo(session, 'calendar.write') ? (
            <Group>
              <Button variant="outline" onClick={() => setEditing(true)}>
                {t('calendar.edit')}
              </Button>
            </Group>
          ) : null}
          <HolidayTable holidays={calendar.holidays} locale={locale} />
          <Title order={2} size="h4">
            {t('calendar.extraWorkingDays')}
          </Title>
          {calendar.extraWorkingDays.length === 0 ? (
            <Alert color="gray">{t('calendar.none')}</Alert>
          ) : (
            <HolidayTable
              holidays={calendar.extraWorkingDays.map((date) => ({ date, nameVi: '', nameEn: '', kind: null }))}
              locale={locale}
            />
          )}
        </>
      ) : null}
    </Stack>
  );
}
