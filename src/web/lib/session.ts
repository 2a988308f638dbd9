import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { roleAllows, type Action, type Role } from '../../shared/domain/roles.ts';
import type { Session, SignIn } from '../../shared/schemas/auth.ts';
import { api, isApiError, setCsrfToken } from './api-client.ts';

export const sessionQueryKey = ['session'] as const;

/** The current session, or null when nobody is signed in (401 is an answer here, not an error). */
export const sessionQuery = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: async (): Promise<Session | null> => {
    try {
      const session = await api.get<Session>('/auth/session');
      setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
});

export async function signIn(queryClient: QueryClient, credentials: SignIn): Promise<Session> {
  const session = await api.post<Session>('/auth/sign-in', credentials);
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(sessionQueryKey, session);
  return session;
}

export async function signOut(queryClient: QueryClient): Promise<void> {
  try {
    await api.post<void>('/auth/sign-out');
  } finally {
    // Whatever the server said, this browser forgets the person and everything it cached for them.
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(sessionQueryKey, null);
  }
}

export function hasRole(session: Session | null | undefined, ...roles: Role[]): boolean {
  return !!session?.roles.some((assignment) => roles.includes(assignment.role));
}

export const canManagePeople = (session: Session | null | undefined) => hasRole(session, 'admin');
export const canReadAudit = (session: Session | null | undefined) => hasRole(session, 'admin', 'inspector');
export const canWriteOrganizations = (session: Session | null | undefined) => hasRole(session, 'admin');
/** Whether one of the person's roles allows `action` somewhere; the server still checks each scope. */
export const mayDo = (session: Session | null | undefined, action: Action) =>
  !!session?.roles.some((assignment) => roleAllows(assignment.role, action));
/** People with `task.read` land on the dashboard after signing in. */
export const canReadTasks = (session: Session | null | undefined) => mayDo(session, 'task.read');
/** Whether to offer "New task"; the server decides per task, through allowedActions. */
export const canAssignTasks = (session: Session | null | undefined) => mayDo(session, 'task.assign');
/** Whether to offer the Excel import: steering imports tasks; the server checks the scope. */
export const canImportTasks = (session: Session | null | undefined) => hasRole(session, 'steering');
