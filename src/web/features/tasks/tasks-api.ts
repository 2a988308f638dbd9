import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { TaskAction } from '../../../shared/domain/task-vocabulary.ts';
import type { DirectiveDocument, Programme } from '../../../shared/schemas/directives.ts';
import type { Organization } from '../../../shared/schemas/organizations.ts';
import type {
  CreateExtensionRequest,
  CreateProgressReport,
  CreateTask,
  DecideExtension,
  EvidenceFile,
  TaskDetail,
  TaskPage,
  UpdateTask,
} from '../../../shared/schemas/tasks.ts';
import { api, apiRequest, buildUrl } from '../../lib/api-client.ts';
import type { Page } from '../organizations/organizations-api.ts';
import type { TaskListSearch } from './task-list-search.ts';

export const TASK_PAGE_SIZE = 50;

/** The query string of the list: the URL's own names, so that the list, its link and its export agree. */
export function taskListParams(search: TaskListSearch) {
  return {
    scope: search.scope,
    as_of: search.as_of,
    state: search.state,
    timeliness: search.timeliness,
    agency: search.agency,
    group: search.group,
    document: search.document,
    deadline_from: search.deadline_from,
    deadline_to: search.deadline_to,
    q: search.q,
    sort: search.sort,
  };
}

export const taskListQuery = (search: TaskListSearch) =>
  queryOptions({
    queryKey: ['tasks', 'list', search],
    queryFn: ({ signal }) =>
      api.get<TaskPage>('/tasks', { ...taskListParams(search), limit: TASK_PAGE_SIZE, cursor: search.cursor }, signal),
    // The table stays on screen while the next page or filter loads, instead of flashing empty.
    placeholderData: keepPreviousData,
  });

/** The same reading as a file (built by the exports module): the filters on screen, not one page of them. */
export const taskExportUrl = (search: TaskListSearch, format: 'xlsx' | 'csv') =>
  buildUrl('/tasks', { ...taskListParams(search), format });

export const taskDetailKey = (id: string) => ['tasks', 'detail', id] as const;

export const taskDetailQuery = (id: string, asOf?: string) =>
  queryOptions({
    queryKey: [...taskDetailKey(id), asOf ?? 'today'],
    queryFn: ({ signal }) => api.get<TaskDetail>(`/tasks/${encodeURIComponent(id)}`, { as_of: asOf }, signal),
  });

export const programmesQuery = queryOptions({
  queryKey: ['programmes'],
  queryFn: ({ signal }) => api.get<{ items: Programme[] }>('/programmes', undefined, signal),
  staleTime: 10 * 60_000,
});

export const directivesQuery = queryOptions({
  queryKey: ['directives'],
  queryFn: ({ signal }) => api.get<Page<DirectiveDocument>>('/directives', { limit: 500 }, signal),
  staleTime: 10 * 60_000,
});

/** The units an agency may cascade a task to: its direct children, all at once (a province has ~100). */
export const organizationUnitsQuery = (parentId: string) =>
  queryOptions({
    queryKey: ['organizations', 'units', parentId],
    queryFn: ({ signal }) => api.get<Page<Organization>>('/organizations', { parent: parentId, limit: 500 }, signal),
    enabled: parentId !== '',
  });

const taskPath = (id: string) => `/tasks/${encodeURIComponent(id)}`;

export const createTask = (input: CreateTask, idempotencyKey: string) =>
  api.post<TaskDetail>('/tasks', input, { idempotencyKey });
export const updateTask = (task: TaskDetail, changes: UpdateTask) =>
  api.patch<TaskDetail>(taskPath(task.id), changes, task.version);
export const transitionTask = (task: TaskDetail, action: TaskAction, reason?: string) =>
  api.post<TaskDetail>(`${taskPath(task.id)}/transitions`, { action, reason }, { ifMatch: task.version });
export const reportProgress = (taskId: string, input: CreateProgressReport) =>
  api.post<TaskDetail>(`${taskPath(taskId)}/reports`, input);
export const answerReport = (taskId: string, reportId: string, answer: string) =>
  api.post<TaskDetail>(`${taskPath(taskId)}/reports/${reportId}/answer`, { answer });
export const requestExtension = (taskId: string, input: CreateExtensionRequest) =>
  api.post<TaskDetail>(`${taskPath(taskId)}/extensions`, input);
export const decideExtension = (taskId: string, extensionId: string, input: DecideExtension) =>
  api.post<TaskDetail>(`${taskPath(taskId)}/extensions/${extensionId}/decision`, input);
export const addComment = (taskId: string, body: string) =>
  api.post<TaskDetail>(`${taskPath(taskId)}/comments`, { body });

/** Uploads one evidence file; its id then goes with the progress report. */
export const uploadEvidence = (taskId: string, file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest<EvidenceFile>(`/tasks/${taskId}/files`, { method: 'POST', body: form });
};

export const evidenceDownloadUrl = (fileId: string) => `/api/v1/files/${fileId}`;
