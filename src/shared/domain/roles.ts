/**
 * Roles and what each may do. A role is held within a scope: an organization and its whole
 * subtree. Inspectors read everything, whatever the scope they were granted.
 */
export const ROLES = ['admin', 'steering', 'focal_point', 'leader', 'feedback_handler', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'organization.write',
  'person.read',
  'person.write',
  'role.grant',
  'audit.read',
  'task.read',
  'task.read_confidential',
  'task.assign',
  'task.report',
  'directive.write',
  'calendar.write',
  'feedback.read',
  'feedback.handle',
  'indicator.read',
  'indicator.report',
  'indicator.approve',
  'indicator.define',
  'evaluation.configure',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * `task.assign`: as the assigner, create and assign tasks, accept or return results, cancel, and
 * decide extensions and difficulties. `task.report`: as the lead agency, report progress, submit,
 * ask for extensions and cascade to its own units. `directive.write`: register documents and meetings.
 * `task.read_confidential`: read a confidential task in the scope, as those who assign, lead or
 * coordinate it and the scope's leaders do (administrators manage people, not tasks' contents).
 * `calendar.write`: set a year's holidays, checked at a root: the calendar is the whole country's.
 * `feedback.handle`: triage public feedback (from a whole tree's scope) or process what was assigned
 * within the scope; `feedback.read`: read the queue and items.
 * `indicator.report`: enter and correct an organization's indicator values; `indicator.approve`:
 * approve or return them; `indicator.define`: define a programme's indicators and targets;
 * `evaluation.configure`: set the status thresholds and the scorecard's weights (decision 0032).
 */
const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  admin: [
    'organization.write',
    'person.read',
    'person.write',
    'role.grant',
    'audit.read',
    'task.read',
    'calendar.write',
    'indicator.read',
    'evaluation.configure',
  ],
  steering: [
    'person.read',
    'task.read',
    'task.read_confidential',
    'task.assign',
    'task.report',
    'directive.write',
    'indicator.read',
    'indicator.approve',
    'indicator.define',
  ],
  focal_point: [
    'person.read',
    'task.read',
    'task.read_confidential',
    'task.report',
    'indicator.read',
    'indicator.report',
  ],
  leader: ['person.read', 'task.read', 'task.read_confidential', 'indicator.read'],
  feedback_handler: ['feedback.read', 'feedback.handle'],
  inspector: ['person.read', 'audit.read', 'task.read', 'task.read_confidential', 'feedback.read', 'indicator.read'],
};

/** Roles whose reading is not limited to their scope. */
const READS_EVERYWHERE: ReadonlySet<Role> = new Set(['inspector']);
const READ_ACTIONS: ReadonlySet<Action> = new Set([
  'person.read',
  'audit.read',
  'task.read',
  'task.read_confidential',
  'feedback.read',
  'indicator.read',
]);

export interface RoleGrant {
  role: Role;
  /** Materialized path of the scope organization, such as "/a1b2/c3d4/". */
  scopePath: string;
}

/** Organizations in a materialized path: '/a/' is 1, '/a/b/' is 2 (the root's own path is 1). */
export const pathDepth = (path: string): number => path.split('/').length - 2;

/** True when `path` is the scope organization itself or lies anywhere beneath it. */
export function isWithinScope(path: string, scopePath: string): boolean {
  return path.startsWith(scopePath);
}

export function roleAllows(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role].includes(action);
}

/** Whether any of the grants lets its holder perform `action` on something at `targetPath`. */
export function can(grants: readonly RoleGrant[], action: Action, targetPath: string): boolean {
  return grants.some(
    (grant) =>
      roleAllows(grant.role, action) &&
      ((READ_ACTIONS.has(action) && READS_EVERYWHERE.has(grant.role)) || isWithinScope(targetPath, grant.scopePath)),
  );
}

/**
 * The scope paths under which the grants allow `action`, or `'everywhere'`. Lists use it to
 * filter in SQL rather than loading rows and checking them one by one.
 */
export function scopesFor(grants: readonly RoleGrant[], action: Action): string[] | 'everywhere' {
  const allowing = grants.filter((grant) => roleAllows(grant.role, action));
  if (READ_ACTIONS.has(action) && allowing.some((grant) => READS_EVERYWHERE.has(grant.role))) {
    return 'everywhere';
  }
  const paths = allowing.map((grant) => grant.scopePath).sort();
  // A scope inside another adds nothing: keep only the outermost ones.
  return paths.filter((path, index) => !paths.slice(0, index).some((outer) => path.startsWith(outer)));
}

/**
 * Granting a role needs `role.grant` over the target scope; the inspector role reads everywhere,
 * so only an administrator of a whole tree (a root) may grant it, or a local admin could escalate.
 */
export function canGrant(grants: readonly RoleGrant[], role: Role, targetPath: string): boolean {
  if (role !== 'inspector') return can(grants, 'role.grant', targetPath);
  return grants.some(
    (grant) => grant.role === 'admin' && isRootPath(grant.scopePath) && isWithinScope(targetPath, grant.scopePath),
  );
}

const isRootPath = (path: string) => path === '/' || path.split('/').filter(Boolean).length === 1;
