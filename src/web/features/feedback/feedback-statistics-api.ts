import { queryOptions } from '@tanstack/react-query';
import type { FeedbackStatistics } from '../../../shared/schemas/feedback-statistics.ts';
import { api, buildUrl } from '../../lib/api-client.ts';

/** The reading shown: a scope, a period of reception and the date overdue items are counted at. */
export interface FeedbackStatisticsSearch {
  scope?: string;
  received_from?: string;
  received_to?: string;
  as_of?: string;
}

const paramsOf = (search: FeedbackStatisticsSearch) => ({
  scope: search.scope,
  received_from: search.received_from,
  received_to: search.received_to,
  as_of: search.as_of,
});

export const feedbackStatisticsQuery = (search: FeedbackStatisticsSearch) =>
  queryOptions({
    queryKey: ['feedback', 'statistics', search],
    queryFn: ({ signal }) => api.get<FeedbackStatistics>('/feedback/statistics', paramsOf(search), signal),
  });

/** The same reading as a file, built by the server: the figures on screen, in a spreadsheet. */
export const feedbackStatisticsExportUrl = (search: FeedbackStatisticsSearch, format: 'xlsx' | 'csv') =>
  buildUrl('/feedback/statistics', { ...paramsOf(search), format });
