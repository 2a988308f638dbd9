import type { Entry } from './route-access-types.ts';

/** The working-day calendar: read by everyone signed in, configured by an administrator of a whole tree. */
export const CALENDAR_ROUTES: Record<string, Entry> = {
  'GET /api/v1/calendar/years/{year}': {
    as: 'outsider',
    request: () => ({ method: 'GET', url: '/api/v1/calendar/years/2026' }),
    expected: { status: 200, because: 'service levels count the same working days for everyone' },
  },
  'PUT /api/v1/calendar/years/{year}': {
    as: 'outsider',
    request: () => ({
      method: 'PUT',
      url: '/api/v1/calendar/years/2026',
      payload: { holidays: [], extraWorkingDays: [] },
    }),
    expected: { status: 403, because: 'only an administrator of the whole country configures the calendar' },
  },
};
