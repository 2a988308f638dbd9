import type { Db } from '../../db/database.ts';
import { can } from '../../../shared/domain/roles.ts';
import { forbidden } from '../../errors.ts';
import type { Principal } from '../../kernel/principal.ts';
import { defaultReadingScopeId } from '../../kernel/reading-scope.ts';
import type { OrganizationRow } from '../organizations/organizations.repository.ts';
import { getOrganization } from '../organizations/organizations.service.ts';

/** The scope of a reading, checked: the caller must be allowed to read tasks there. */
export async function readingScope(db: Db, principal: Principal, scope: string | undefined): Promise<OrganizationRow> {
  const organization = await getOrganization(db, scope ? scope : defaultReadingScopeId(principal));
  if (!can(principal.grants, 'task.read', organization.path)) throw forbidden('read tasks in this scope');
  return organization;
}
