import type { Db } from '../../db/database.ts';
import { can, roleAllows } from '../../../shared/domain/roles.ts';
import { forbidden } from '../../errors.ts';
import type { Principal } from '../../kernel/principal.ts';
import type { OrganizationRow } from '../organizations/organizations.repository.ts';
import { getOrganization } from '../organizations/organizations.service.ts';

/**
 * The scope a reading is for when none is given: the caller's first scope that allows reading
 * tasks, or the root for inspectors, who read everywhere.
 */
export async function defaultReadingScope(db: Db, principal: Principal): Promise<OrganizationRow> {
  const grant = principal.grants.find((g) => roleAllows(g.role, 'task.read'));
  if (!grant) throw forbidden('read tasks');
  const id = grant.role === 'inspector' ? grant.scopePath.split('/')[1] : grant.scopePath.split('/').at(-2);
  if (!id) throw forbidden('read tasks');
  return getOrganization(db, id);
}

/** The scope of a reading, checked: the caller must be allowed to read tasks there. */
export async function readingScope(db: Db, principal: Principal, scope: string | undefined): Promise<OrganizationRow> {
  const organization = scope ? await getOrganization(db, scope) : await defaultReadingScope(db, principal);
  if (!can(principal.grants, 'task.read', organization.path)) throw forbidden('read tasks in this scope');
  return organization;
}
