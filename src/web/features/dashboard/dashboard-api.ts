import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Dashboard } from '../../../shared/schemas/dashboard.ts';
import { api, buildUrl } from '../../lib/api-client.ts';

export interface DashboardReading {
  /** Organization id or code; the server uses the caller's first scope when absent. */
  scope?: string | undefined;
  /** 'YYYY-MM-DD'; the server uses today in the committee's time zone when absent. */
  as_of?: string | undefined;
}

export const dashboardQuery = (reading: DashboardReading) =>
  queryOptions({
    queryKey: ['dashboard', reading.scope ?? 'default', reading.as_of ?? 'today'],
    queryFn: ({ signal }) => api.get<Dashboard>('/dashboard', { scope: reading.scope, as_of: reading.as_of }, signal),
    // The previous figures stay while another scope or date loads, rather than the page emptying.
    placeholderData: keepPreviousData,
  });

/** The same reading as a file: what the screen shows, for the scope and date it shows. */
export const dashboardExportUrl = (reading: DashboardReading, format: 'xlsx' | 'csv') =>
  buildUrl('/dashboard', { scope: reading.scope, as_of: reading.as_of, format });
