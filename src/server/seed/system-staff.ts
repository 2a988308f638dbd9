import type { Organization } from '../../shared/schemas/organizations.ts';
import { type Principal, SYSTEM } from '../modules/auth/principal.ts';

/**
 * The system acting as an agency's own staff, for the demo agencies that have no account: a focal
 * point's grant over that agency alone, so it sits on the lead's side of the agency's tasks and never
 * on the assigner's (decision 0015). The audit trail records it as the system, not as a person.
 */
export function systemStaffOf(organizations: Map<string, Organization>, organization: Organization): Principal {
  const byId = new Map([...organizations.values()].map((o) => [o.id, o]));
  const ids: string[] = [];
  for (let at: Organization | undefined = organization; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
    ids.unshift(at.id);
  }
  return { ...SYSTEM, grants: [{ role: 'focal_point', scopePath: `/${ids.join('/')}/` }] };
}
