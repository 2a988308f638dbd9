import type { Organization } from '../../shared/schemas/organizations.ts';
import { type Principal, systemStaffAt } from '../modules/auth/principal.ts';

/**
 * The system acting as an agency's own staff, for the demo agencies that have no account: on the
 * lead's side of the agency's tasks, never on the assigner's (decision 0015). The audit trail records
 * it as the system, not as a person.
 */
export function systemStaffOf(organizations: Map<string, Organization>, organization: Organization): Principal {
  const byId = new Map([...organizations.values()].map((o) => [o.id, o]));
  const ids: string[] = [];
  for (let at: Organization | undefined = organization; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
    ids.unshift(at.id);
  }
  return systemStaffAt(`/${ids.join('/')}/`);
}
