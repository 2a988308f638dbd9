import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { CreatePerson, GrantRole, Person, UpdatePerson } from '../../../shared/schemas/people.ts';
import { api } from '../../lib/api-client.ts';
import type { Page } from '../organizations/organizations-api.ts';

export const peopleListQuery = (q: string) =>
  infiniteQueryOptions({
    queryKey: ['people', 'list', q],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Person>>('/people', { q: q || undefined, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: ['people', 'detail', id],
    queryFn: ({ signal }) => api.get<Person>(`/people/${encodeURIComponent(id)}`, undefined, signal),
  });

export const createPerson = (input: CreatePerson) => api.post<Person>('/people', input);
export const updatePerson = (person: Person, changes: UpdatePerson) =>
  api.patch<Person>(`/people/${person.id}`, changes, person.version);
export const grantRole = (personId: string, input: GrantRole) => api.post<Person>(`/people/${personId}/roles`, input);
export const revokeRole = (personId: string, assignmentId: string) =>
  api.delete<Person>(`/people/${personId}/roles/${assignmentId}`);
