import { ActionIcon, Alert, Button, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { HOLIDAY_KINDS, type Holiday, type HolidayKind } from '../../../shared/domain/working-days.ts';
import type { CalendarYear } from '../../../shared/schemas/calendar.ts';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { saveCalendarYear } from './calendar-api.ts';
import { CalendarDateInput } from '../../components/calendar-date-input.tsx';

/** The whole year is edited at once and saved with one PUT, as the Government announces it. */
export function CalendarEditor({ calendar, onDone }: { calendar: CalendarYear; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [holidays, setHolidays] = useState<Holiday[]>(calendar.holidays);
  const [extraDays, setExtraDays] = useState<string[]>(calendar.extraWorkingDays);
  const save = useMutation({
    mutationFn: () => saveCalendarYear(calendar.year, calendar.version, { holidays, extraWorkingDays: extraDays }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['calendar', calendar.year], saved);
      onDone();
    },
  });
  // Field errors come back as "holidays.3.date" or "extraWorkingDays.1": shown beside that row.
  const fieldError = (path: string) =>
    isApiError(save.error)
      ? save.error.errors
          .filter((error) => error.path === path || error.path.startsWith(`${path}.`))
          .map((error) => error.message)
          .join(' ') || undefined
      : undefined;
  const updateHoliday = (index: number, change: Partial<Holiday>) =>
    setHolidays((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('calendar.date')}</Table.Th>
              <Table.Th>{t('calendar.nameVi')}</Table.Th>
              <Table.Th>{t('calendar.nameEn')}</Table.Th>
              <Table.Th>{t('calendar.kind')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {holidays.map((holiday, index) => (
              // Rows have no id until saved, and a date being typed changes: the position is the identity.
              <Table.Tr key={index}>
                <Table.Td>
                  <CalendarDateInput
                    aria-label={t('calendar.date')}
                    value={holiday.date}
                    onChange={(date) => updateHoliday(index, { date })}
                    error={fieldError(`holidays.${index}.date`)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('calendar.nameVi')}
                    value={holiday.nameVi}
                    onChange={(event) => updateHoliday(index, { nameVi: event.currentTarget.value })}
                    error={fieldError(`holidays.${index}.nameVi`)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('calendar.nameEn')}
                    value={holiday.nameEn}
                    onChange={(event) => updateHoliday(index, { nameEn: event.currentTarget.value })}
                    error={fieldError(`holidays.${index}.nameEn`)}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('calendar.kind')}
                    value={holiday.kind}
                    allowDeselect={false}
                    data={HOLIDAY_KINDS.map((kind) => ({ value: kind, label: t(`calendar.kind.${kind}`) }))}
                    onChange={(value) => value && updateHoliday(index, { kind: value as HolidayKind })}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('calendar.remove')}
                    onClick={() => setHolidays((rows) => rows.filter((_, i) => i !== index))}
                  >
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button
            variant="light"
            onClick={() =>
              setHolidays((rows) => [
                ...rows,
                { date: `${calendar.year}-01-01`, nameVi: '', nameEn: '', kind: 'bridge' },
              ])
            }
          >
            {t('calendar.addHoliday')}
          </Button>
        </Group>
        <Title order={2} size="h4">
          {t('calendar.extraWorkingDays')}
        </Title>
        {extraDays.map((date, index) => (
          <Group key={index} align="flex-start">
            <CalendarDateInput
              aria-label={t('calendar.extraWorkingDays')}
              value={date}
              onChange={(value) => setExtraDays((days) => days.map((day, i) => (i === index ? value : day)))}
              error={fieldError(`extraWorkingDays.${index}`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('calendar.remove')}
              onClick={() => setExtraDays((days) => days.filter((_, i) => i !== index))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" onClick={() => setExtraDays((days) => [...days, `${calendar.year}-01-01`])}>
            {t('calendar.addExtraDay')}
          </Button>
        </Group>
        {save.error ? (
          <Alert color="red" role="alert">
            {errorMessage(t, save.error)}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('calendar.save')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('calendar.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
