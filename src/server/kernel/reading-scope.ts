import { roleAllows } from '../../shared/domain/roles.ts';
import { forbidden } from '../errors.ts';
import type { Principal } from './principal.ts';

/**
 * The organization a reading is for when none is given: the caller's first scope that allows
 * reading tasks, or the root for inspectors, who read everywhere. Tasks, meetings and the
 * dashboard default alike; each module looks the organization up through the organizations module.
 */
export function defaultReadingScopeId(principal: Principal): string {
  const grant = principal.grants.find((g) => roleAllows(g.role, 'task.read'));
  if (!grant) throw forbidden('read tasks');
  const id = grant.role === 'inspector' ? grant.scopePath.split('/')[1] : grant.scopePath.split('/').at(-2);
  if (!id) throw forbidden('read tasks');
  return id;
}
