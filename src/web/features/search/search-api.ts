import { queryOptions } from '@tanstack/react-query';
import type { SearchResult } from '../../../shared/schemas/search.ts';
import { api } from '../../lib/api-client.ts';

/** The global search: every group the reader may read, and the item of a code typed whole. */
export const globalSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['search', q],
    queryFn: ({ signal }) => api.get<SearchResult>('/search', { q, limit: 5 }, signal),
    enabled: q.length > 0,
    placeholderData: (previous) => previous,
    staleTime: 30_000,
  });
