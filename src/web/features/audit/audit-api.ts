import { infiniteQueryOptions } from '@tanstack/react-query';
import type { AuditEntry, AuditVerification } from '../../../shared/schemas/audit.ts';
import { api } from '../../lib/api-client.ts';
import type { Page } from '../organizations/organizations-api.ts';

export interface AuditFilters {
  entityType: string;
  action: string;
}

export const auditQuery = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AuditEntry>>(
        '/audit',
        {
          entityType: filters.entityType || undefined,
          action: filters.action || undefined,
          limit: 50,
          cursor: pageParam,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // The trail is append-only and newest first: what is loaded never changes, new entries only appear on top.
    staleTime: 0,
  });

export const verifyAudit = () => api.get<AuditVerification>('/audit/verify');
