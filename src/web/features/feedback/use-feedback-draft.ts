import { useCallback, useEffect, useState } from 'react';
import type { FeedbackField, FeedbackType, SubmitterKind } from '../../../shared/domain/feedback.ts';
import type { Organization } from '../../../shared/schemas/organizations.ts';
import { newIdempotencyKey } from '../../lib/idempotency-key.ts';

const STORAGE_KEY = 'steerboard.feedbackDraft';

/** What the public form holds between visits. Files cannot be stored: they are chosen again. */
export interface FeedbackDraft {
  type: FeedbackType | '';
  field: FeedbackField | '';
  /** The organization concerned, when the sender knows it. */
  organization: Organization | null;
  title: string;
  content: string;
  submitterKind: SubmitterKind | '';
  submitterName: string;
  phone: string;
  email: string;
  consentToPublish: boolean;
  /** Made with the draft and kept with it, so that every retry of this submission is the same one. */
  idempotencyKey: string;
}

const emptyDraft = (): FeedbackDraft => ({
  type: '',
  field: '',
  organization: null,
  title: '',
  content: '',
  submitterKind: 'citizen',
  submitterName: '',
  phone: '',
  email: '',
  consentToPublish: false,
  idempotencyKey: newIdempotencyKey(),
});

function readDraft(): FeedbackDraft {
  const initial = emptyDraft();
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored ? { ...initial, ...(JSON.parse(stored) as Partial<FeedbackDraft>) } : initial;
  } catch {
    return initial;
  }
}

/**
 * The public form's fields, kept in local storage as they are typed. Local rather than session
 * storage (unlike the staff forms): a citizen on a phone whose browser drops the tab, or who comes
 * back the next day, finds the text where it was. Cleared once the tracking code is shown.
 */
export function useFeedbackDraft() {
  const [draft, setDraft] = useState<FeedbackDraft>(readDraft);
  const [isCleared, setCleared] = useState(false);
  useEffect(() => {
    if (isCleared) return;
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
    } catch {
      // Storage full or refused (private mode): the draft still lives as long as the page.
    }
  }, [draft, isCleared]);
  const update = useCallback((changes: Partial<FeedbackDraft>) => {
    setCleared(false);
    setDraft((current) => ({ ...current, ...changes }));
  }, []);
  /** After a receipt: the next submission starts empty, with a key of its own. */
  const clear = useCallback(() => {
    try {
      window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Nothing stored, nothing to clear.
    }
    setCleared(true);
    setDraft(emptyDraft());
  }, []);
  const renewKey = useCallback(() => update({ idempotencyKey: newIdempotencyKey() }), [update]);
  return { draft, update, clear, renewKey };
}
