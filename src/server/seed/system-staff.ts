import type { Organization } from '../../shared/schemas/organizations.ts';
import { type Principal, systemStaffAt } from '../kernel/principal.ts';

/**
 * The system acting as an agency's own staff, for the demo agencies that have no account: on the
 * lead's side of the agency's tasks, never on the assigner's (decision 0015). The audit trail records
 * it as the system, not as a person.
 */
export function systemStaffOf(organizations: Map<string, Organization>, organization: Organization): Principal {
  const byId = byIdOf(organizations);
  const ids: string[] = [];
  for (let at: Organization | undefined = organization; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
    ids.unshift(at.id);
  }
  return systemStaffAt(`/${ids.join('/')}/`);
}

/** The tree by id, built once per map: the seed asks for a path per task, over 3,500 organizations. */
const indexes = new WeakMap<Map<string, Organization>, Map<string, Organization>>();
function byIdOf(organizations: Map<string, Organization>): Map<string, Organization> {
  let byId = indexes.get(organizations);
  if (!byId) {
    byId = new Map([...organizations.values()].map((o) => [o.id, o]));
    indexes.set(organizations, byId);
  }
  return byId;
}
