import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FeedbackDetail } from '../../../shared/schemas/feedback.ts';
import { isApiError } from '../../lib/api-client.ts';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import type { Translate } from '../../lib/i18n.tsx';
import { feedbackDetailKey } from './feedback-api.ts';

/**
 * Every change answers with the item as it now stands: the page shows it and the queue is read
 * again. On 412 someone changed it first: the item is reloaded while the open form keeps what was
 * typed, so the person reads the new state and sends again (on the new version) or cancels.
 */
export function useFeedbackMutation<Variables>(
  item: FeedbackDetail,
  mutationFn: (variables: Variables) => Promise<FeedbackDetail>,
  onDone?: (updated: FeedbackDetail) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (updated) => {
      queryClient.setQueryData(feedbackDetailKey(item.id), updated);
      onDone?.(updated);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['feedback', 'queue'] }),
        queryClient.invalidateQueries({ queryKey: ['feedback', 'statistics'] }),
      ]);
    },
    onError: async (error) => {
      if (isApiError(error) && error.status === 412) {
        await queryClient.invalidateQueries({ queryKey: feedbackDetailKey(item.id) });
      }
    },
  });
}

/** Field messages and the form's message, with our own words (and the version now stored) for a stale write. */
export function feedbackFormErrors(t: Translate, error: unknown, fields: readonly string[]) {
  if (isApiError(error) && error.status === 412) {
    return {
      byField: {} as Record<string, string | undefined>,
      formMessage: t('feedbackItem.stale', { version: error.currentVersion ?? '?' }),
    };
  }
  return fieldErrorsOf(t, error, fields) as { byField: Record<string, string | undefined>; formMessage: string | null };
}
