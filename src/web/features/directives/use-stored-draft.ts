import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { sessionQuery } from '../../lib/session.ts';

const PREFIX = 'steerboard.draft.';

function readDraft<T>(key: string, initial: T): T {
  try {
    const stored = window.sessionStorage.getItem(PREFIX + key);
    return stored ? { ...initial, ...(JSON.parse(stored) as Partial<T>) } : initial;
  } catch {
    return initial;
  }
}

/**
 * A form's fields, kept in the tab's session storage as they are typed: a reload, a lapsed session
 * (sign-in comes back here) or a wrong click away and back leaves the draft where it was. Cleared
 * once the record exists. Session storage rather than local: a draft stays in the tab that wrote it.
 */
export function useStoredDraft<T extends object>(key: string, initial: T) {
  const [draft, setDraft] = useState<T>(() => readDraft(key, initial));
  useEffect(() => {
    try {
      window.sessionStorage.setItem(PREFIX + key, JSON.stringify(draft));
    } catch {
      // Storage full or refused (private mode): the draft still lives as long as the page.
    }
  }, [key, draft]);
  const update = useCallback((changes: Partial<T>) => setDraft((current) => ({ ...current, ...changes })), []);
  const clear = useCallback(() => {
    try {
      window.sessionStorage.removeItem(PREFIX + key);
    } catch {
      // Nothing stored, nothing to clear.
    }
  }, [key]);
  return { draft, update, clear };
}

/** A stored draft of the person signed in: someone signing in next in this tab does not find another's draft. */
export function usePersonalDraft<T extends object>(name: string, initial: T) {
  const { data: session } = useQuery(sessionQuery);
  return useStoredDraft<T>(`${name}.${session?.person.id ?? ''}`, initial);
}
