import { queryOptions } from '@tanstack/react-query';
import type { CalendarYear, PutCalendarYear } from '../../../shared/schemas/calendar.ts';
import { api, apiRequest } from '../../lib/api-client.ts';

export const calendarYearQuery = (year: number) =>
  queryOptions({
    queryKey: ['calendar', year],
    queryFn: ({ signal }) => api.get<CalendarYear>(`/calendar/years/${year}`, undefined, signal),
  });

/** Version 0 is a year still on the statutory calendar: its first save has nothing to match. */
export const saveCalendarYear = (year: number, version: number, body: PutCalendarYear) =>
  apiRequest<CalendarYear>(`/calendar/years/${year}`, {
    method: 'PUT',
    body,
    ifMatch: version > 0 ? version : undefined,
  });
