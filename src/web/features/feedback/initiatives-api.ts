import { queryOptions } from '@tanstack/react-query';
import type {
  AdoptInitiativeInput,
  InitiativeEvaluations,
  PutInitiativeEvaluation,
} from '../../../shared/schemas/feedback-initiatives.ts';
import { api, apiRequest } from '../../lib/api-client.ts';

export const initiativeEvaluationsKey = (id: string) => ['feedback', 'evaluations', id] as const;

export const initiativeEvaluationsQuery = (id: string) =>
  queryOptions({
    queryKey: initiativeEvaluationsKey(id),
    queryFn: ({ signal }) =>
      api.get<InitiativeEvaluations>(`/feedback/${encodeURIComponent(id)}/evaluations`, undefined, signal),
  });

/** One evaluation per person: sending again replaces the caller's own. */
export const putMyEvaluation = (id: string, evaluation: PutInitiativeEvaluation) =>
  apiRequest<InitiativeEvaluations>(`/feedback/${encodeURIComponent(id)}/evaluations/mine`, {
    method: 'PUT',
    body: evaluation,
  });

/** Adoption creates a task: an Idempotency-Key per opening of the form keeps a retry from making two. */
export const adoptInitiative = (id: string, adoption: AdoptInitiativeInput, idempotencyKey: string) =>
  api.post<unknown>(`/feedback/${encodeURIComponent(id)}/adoption`, adoption, { idempotencyKey });
