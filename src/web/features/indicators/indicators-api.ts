import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  CorrectObservation,
  EnterObservation,
  EvaluationSettings,
  IndicatorDetail,
  IndicatorSummary,
  Observation,
  ObservationDetail,
  PutEvaluationSettings,
} from '../../../shared/schemas/indicators.ts';
import type { ObservationState } from '../../../shared/domain/indicator-values.ts';
import type { Scorecards } from '../../../shared/schemas/scorecards.ts';
import { api, apiRequest } from '../../lib/api-client.ts';
import type { Page } from '../organizations/organizations-api.ts';

export interface IndicatorListSearch {
  q?: string;
  level?: 'strategic' | 'operational';
  group?: string;
  as_of?: string;
  cursor?: string;
  page?: number;
}

export interface ValueQueueSearch {
  state?: ObservationState;
  cursor?: string;
  page?: number;
}

export const INDICATOR_PAGE_SIZE = 50;

export const indicatorListQuery = (search: IndicatorListSearch) =>
  queryOptions({
    queryKey: ['indicators', 'list', search],
    queryFn: ({ signal }) =>
      api.get<Page<IndicatorSummary>>(
        '/indicators',
        {
          q: search.q,
          level: search.level,
          taskGroupId: search.group,
          as_of: search.as_of,
          limit: INDICATOR_PAGE_SIZE,
          cursor: search.cursor,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const indicatorQuery = (id: string, asOf: string | undefined) =>
  queryOptions({
    queryKey: ['indicators', 'detail', id, asOf ?? null],
    queryFn: ({ signal }) => api.get<IndicatorDetail>(`/indicators/${encodeURIComponent(id)}`, { as_of: asOf }, signal),
  });

export const indicatorSeriesQuery = (id: string, organizationId: string) =>
  queryOptions({
    queryKey: ['indicators', 'series', id, organizationId],
    queryFn: ({ signal }) =>
      api.get<{ items: Observation[] }>(
        `/indicators/${encodeURIComponent(id)}/observations`,
        { organizationId },
        signal,
      ),
  });

export const valueQueueQuery = (state: ObservationState, cursor: string | undefined) =>
  queryOptions({
    queryKey: ['indicator-values', state, cursor ?? null],
    queryFn: ({ signal }) =>
      api.get<Page<Observation>>('/indicator-observations', { state, cursor, limit: INDICATOR_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });

export const valueQuery = (id: string) =>
  queryOptions({
    queryKey: ['indicator-values', 'detail', id],
    queryFn: ({ signal }) =>
      api.get<ObservationDetail>(`/indicator-observations/${encodeURIComponent(id)}`, undefined, signal),
  });

export const enterValue = (indicatorId: string, body: EnterObservation, idempotencyKey: string) =>
  api.post<ObservationDetail>(`/indicators/${encodeURIComponent(indicatorId)}/observations`, body, { idempotencyKey });

export const correctValue = (value: Observation, body: CorrectObservation) =>
  apiRequest<ObservationDetail>(`/indicator-observations/${encodeURIComponent(value.id)}`, {
    method: 'PUT',
    body,
    ifMatch: value.version,
  });

export const approveValue = (value: Observation) =>
  api.post<ObservationDetail>(`/indicator-observations/${encodeURIComponent(value.id)}/approve`, undefined, {
    ifMatch: value.version,
  });

export const returnValue = (value: Observation, reason: string) =>
  api.post<ObservationDetail>(
    `/indicator-observations/${encodeURIComponent(value.id)}/return`,
    { reason },
    { ifMatch: value.version },
  );

export interface ScorecardSearch {
  kind?: 'ministries' | 'provinces';
  period?: string;
}

export const scorecardsQuery = (kind: 'ministries' | 'provinces', period: string | undefined) =>
  queryOptions({
    queryKey: ['scorecards', kind, period ?? null],
    queryFn: ({ signal }) => api.get<Scorecards>('/scorecards', { kind, period }, signal),
    placeholderData: keepPreviousData,
  });

export const evaluationSettingsQuery = queryOptions({
  queryKey: ['evaluation-settings'],
  queryFn: ({ signal }) => api.get<EvaluationSettings>('/evaluation-settings', undefined, signal),
});

/** Version 0 is the defaults, never saved: the first save has nothing to match. */
export const saveEvaluationSettings = (version: number, body: PutEvaluationSettings) =>
  apiRequest<EvaluationSettings>('/evaluation-settings', {
    method: 'PUT',
    body,
    ifMatch: version > 0 ? version : undefined,
  });
