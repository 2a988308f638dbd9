import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  CreateDirectiveDocument,
  CreateMeeting,
  DirectiveDocument,
  Meeting,
} from '../../../shared/schemas/directives.ts';
import { api } from '../../lib/api-client.ts';
import type { Page } from '../organizations/organizations-api.ts';
import type { TaskPage } from '../../../shared/schemas/tasks.ts';
import type { DocumentListSearch, MeetingListSearch } from './directive-list-search.ts';

export const DIRECTIVE_PAGE_SIZE = 50;
/** The few citing tasks shown on a document's page; the task list shows them all. */
export const CITING_TASKS_SHOWN = 10;

export const documentListQuery = (search: DocumentListSearch) =>
  queryOptions({
    queryKey: ['directives', 'list', search],
    queryFn: ({ signal }) =>
      api.get<Page<DirectiveDocument>>(
        '/directives',
        {
          q: search.q,
          type: search.type,
          issuer: search.issuer,
          year: search.year,
          limit: DIRECTIVE_PAGE_SIZE,
          cursor: search.cursor,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const documentQuery = (id: string) =>
  queryOptions({
    queryKey: ['directives', 'detail', id],
    queryFn: ({ signal }) => api.get<DirectiveDocument>(`/directives/${encodeURIComponent(id)}`, undefined, signal),
  });

/** The tasks citing a document, as far as the reader's scope shows them. */
export const citingTasksQuery = (documentId: string) =>
  queryOptions({
    queryKey: ['tasks', 'list', { document: documentId, limit: CITING_TASKS_SHOWN }],
    queryFn: ({ signal }) => api.get<TaskPage>('/tasks', { document: documentId, limit: CITING_TASKS_SHOWN }, signal),
  });

export const meetingListQuery = (search: MeetingListSearch) =>
  queryOptions({
    queryKey: ['meetings', 'list', search],
    queryFn: ({ signal }) =>
      api.get<Page<Meeting>>(
        '/meetings',
        { scope: search.scope, from: search.from, to: search.to, limit: DIRECTIVE_PAGE_SIZE, cursor: search.cursor },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const meetingQuery = (id: string) =>
  queryOptions({
    queryKey: ['meetings', 'detail', id],
    queryFn: ({ signal }) => api.get<Meeting>(`/meetings/${encodeURIComponent(id)}`, undefined, signal),
  });

export const registerDocument = (input: CreateDirectiveDocument, idempotencyKey: string) =>
  api.post<DirectiveDocument>('/directives', input, { idempotencyKey });
export const recordMeeting = (input: CreateMeeting, idempotencyKey: string) =>
  api.post<Meeting>('/meetings', input, { idempotencyKey });
