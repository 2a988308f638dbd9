import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  FeedbackContact,
  FeedbackDetail,
  FeedbackPage,
  FeedbackReceipt,
  FeedbackStatus,
  FeedbackSubmissionInput,
  FeedbackTransition,
  PublicFeedback,
} from '../../../shared/schemas/feedback.ts';
import { api, apiRequest, buildUrl } from '../../lib/api-client.ts';
import type { FeedbackQueueSearch } from './feedback-queue-search.ts';

export const FEEDBACK_PAGE_SIZE = 50;

/**
 * One request whatever the form holds: JSON without files, multipart with them. Both carry the
 * draft's Idempotency-Key, so that a retry after a dropped connection returns the first receipt.
 */
export function submitFeedback(
  submission: FeedbackSubmissionInput,
  files: readonly File[],
  idempotencyKey: string,
): Promise<FeedbackReceipt> {
  if (files.length === 0) return api.post<FeedbackReceipt>('/feedback', submission, { idempotencyKey });
  const form = new FormData();
  // The JSON part first: the server reads it before the files.
  form.append('submission', JSON.stringify(submission));
  for (const file of files) form.append('files', file, file.name);
  return api.post<FeedbackReceipt>('/feedback/with-attachments', form, { idempotencyKey });
}

export const trackingQuery = (code: string) =>
  queryOptions({
    queryKey: ['feedback', 'track', code],
    queryFn: ({ signal }) => api.get<FeedbackStatus>(`/feedback/track/${encodeURIComponent(code)}`, undefined, signal),
    enabled: code !== '',
  });

export interface PublicAnswersSearch {
  type?: string;
  field?: string;
  q?: string;
  cursor?: string;
  page?: number;
}

export const publicAnswersQuery = (search: PublicAnswersSearch) =>
  queryOptions({
    queryKey: ['feedback', 'public', search],
    queryFn: ({ signal }) =>
      api.get<{ items: PublicFeedback[]; nextCursor: string | null }>(
        '/feedback/public',
        { type: search.type, field: search.field, q: search.q, cursor: search.cursor, limit: 20 },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

/** The queue's query string: the URL's own names, as the API takes them. */
export function feedbackQueueParams(search: FeedbackQueueSearch) {
  return {
    state: search.state,
    type: search.type,
    field: search.field,
    organization: search.organization,
    service_level: search.service_level,
    q: search.q,
    received_from: search.received_from,
    received_to: search.received_to,
    sort: search.sort,
  };
}

export const feedbackQueueQuery = (search: FeedbackQueueSearch) =>
  queryOptions({
    queryKey: ['feedback', 'queue', search],
    queryFn: ({ signal }) =>
      api.get<FeedbackPage>(
        '/feedback',
        { ...feedbackQueueParams(search), limit: FEEDBACK_PAGE_SIZE, cursor: search.cursor },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const feedbackDetailKey = (id: string) => ['feedback', 'detail', id] as const;

export const feedbackDetailQuery = (id: string) =>
  queryOptions({
    queryKey: feedbackDetailKey(id),
    queryFn: ({ signal }) => api.get<FeedbackDetail>(`/feedback/${encodeURIComponent(id)}`, undefined, signal),
  });

/**
 * The sender's name and contact, unmasked: each fetch is recorded in the audit trail, so it is
 * made only when asked for, and not kept once the page is left.
 */
export const feedbackContactQuery = (id: string) =>
  queryOptions({
    queryKey: ['feedback', 'contact', id],
    queryFn: ({ signal }) => api.get<FeedbackContact>(`/feedback/${encodeURIComponent(id)}/contact`, undefined, signal),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

const itemPath = (item: FeedbackDetail, suffix: string) => `/feedback/${encodeURIComponent(item.id)}/${suffix}`;

/** Every change names the version it was decided on: a change made meanwhile by someone else wins (412). */
export const transitionFeedback = (item: FeedbackDetail, transition: FeedbackTransition) =>
  api.post<FeedbackDetail>(itemPath(item, 'transitions'), transition, { ifMatch: item.version });

export const addFeedbackNote = (item: FeedbackDetail, body: string) =>
  api.post<FeedbackDetail>(itemPath(item, 'notes'), { body });

export const setFeedbackPublished = (item: FeedbackDetail, isPublished: boolean) =>
  apiRequest<FeedbackDetail>(itemPath(item, 'publication'), {
    method: 'PUT',
    body: { isPublished },
    ifMatch: item.version,
  });

/** A link the browser downloads itself, with the session cookie. */
export const attachmentUrl = (attachmentId: string) =>
  buildUrl(`/feedback/attachments/${encodeURIComponent(attachmentId)}`);
