import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { CreateOrganization, Organization, OrganizationDetail } from '../../../shared/schemas/organizations.ts';
import { api } from '../../lib/api-client.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const CHILDREN_PAGE_SIZE = 100;

/** The children of `parentId`, or the roots when it is null; fetched only when a node is opened. */
export const organizationChildrenQuery = (parentId: string | null) =>
  infiniteQueryOptions({
    queryKey: ['organizations', 'children', parentId ?? 'roots'],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Organization>>(
        '/organizations',
        { parent: parentId ?? undefined, limit: CHILDREN_PAGE_SIZE, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export const organizationSearchQuery = (q: string, limit = 50) =>
  queryOptions({
    queryKey: ['organizations', 'search', q, limit],
    queryFn: ({ signal }) => api.get<Page<Organization>>('/organizations', { q, limit }, signal),
    enabled: q.trim().length > 0,
    placeholderData: (previous) => previous,
  });

export const organizationDetailQuery = (idOrCode: string) =>
  queryOptions({
    queryKey: ['organizations', 'detail', idOrCode],
    queryFn: ({ signal }) =>
      api.get<OrganizationDetail>(`/organizations/${encodeURIComponent(idOrCode)}`, undefined, signal),
  });

export const createOrganization = (input: CreateOrganization) => api.post<Organization>('/organizations', input);
