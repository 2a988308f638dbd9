import { ACTION_EFFECTS, isOpen, type TaskState } from './task-lifecycle.ts';
import { can, isWithinScope, type RoleGrant, roleAllows } from './roles.ts';
import { TASK_ACTIONS } from './task-vocabulary.ts';

/**
 * The one gate for what a person may do to a task (decision 0015). The API's services call
 * `mayTakeCapability`; the task page's `allowedActions` is `allowedCapabilities`, the same rule.
 */

/** What the rules need to know of a task: where it sits, its state, and who is waiting on a decision. */
export interface TaskPosition {
  state: TaskState;
  leadPath: string;
  assignerPath: string;
  /** Sub-tasks are assigned by their parent's lead agency, whose focal points act as assigners. */
  isSubtask: boolean;
  isConfidential: boolean;
  coordinatorPaths: readonly string[];
  /** The extension request waiting for a decision, with who asked (null: the system), if any. */
  pendingExtension: { requestedBy: string | null } | null;
  /** Who submitted the result that waits for acceptance (null: the system, or not submitted). */
  submittedBy: string | null;
}

/** Who asks: the person (null for the system, which is never a party) and their grants. */
export interface TaskActorGrants {
  personId: string | null;
  grants: readonly RoleGrant[];
}

export const TASK_CAPABILITIES = [
  ...TASK_ACTIONS,
  'report',
  'request_extension',
  'decide_extension',
  'answer',
  'cascade',
  'edit',
  'comment',
] as const;
export type TaskCapability = (typeof TASK_CAPABILITIES)[number];

/**
 * A person's side of a task. `assignee`: speaks for the lead agency (reports, submits, asks);
 * `assigner`: speaks for the organization that decides (assigns, accepts, returns, extends, answers);
 * `coordinator`: speaks for a coordinating organization; `reader`: may only read; `none`: not even that.
 */
export type TaskRelation = 'assigner' | 'assignee' | 'coordinator' | 'reader' | 'none';

const parentPathOf = (path: string): string | null => {
  const ids = path.split('/').filter(Boolean);
  return ids.length <= 1 ? null : `/${ids.slice(0, -1).join('/')}/`;
};

/**
 * The organization whose people decide on the task. It is the assigner, unless the lead agency is
 * the assigner itself or above it: then the same organization would sit on both sides, and the
 * decision goes up to the organization above the lead. Null when there is none (the lead is a root).
 */
export function decidingPathOf(task: Pick<TaskPosition, 'leadPath' | 'assignerPath'>): string | null {
  return isWithinScope(task.assignerPath, task.leadPath) ? parentPathOf(task.leadPath) : task.assignerPath;
}

/** Speaks for the deciding organization: may assign there (or, for a sub-task, report for it). */
function onDecidingSide(grants: readonly RoleGrant[], task: TaskPosition): boolean {
  const deciding = decidingPathOf(task);
  if (deciding === null) return false;
  return can(grants, 'task.assign', deciding) || (task.isSubtask && can(grants, 'task.report', deciding));
}

/**
 * Speaks for the lead agency without speaking for the deciding organization: a grant over both is
 * a superior of the assigner and sits on the assigner's side, so no single grant is ever on both.
 */
function onLeadSide(grants: readonly RoleGrant[], task: TaskPosition): boolean {
  const deciding = decidingPathOf(task);
  return grants.some(
    (grant) =>
      roleAllows(grant.role, 'task.report') &&
      isWithinScope(task.leadPath, grant.scopePath) &&
      !(deciding !== null && isWithinScope(deciding, grant.scopePath)),
  );
}

/**
 * Who may read a task: readers of its lead agency, its assigner or a coordinating organization,
 * and inspectors. A confidential task only for those who take part in tasks there, its scope's
 * leaders and inspectors (`task.read_confidential`): not administrators.
 */
export function mayReadTask(
  grants: readonly RoleGrant[],
  task: Pick<TaskPosition, 'leadPath' | 'assignerPath' | 'isConfidential' | 'coordinatorPaths'>,
): boolean {
  const action = task.isConfidential ? 'task.read_confidential' : 'task.read';
  return [task.leadPath, task.assignerPath, ...task.coordinatorPaths].some((path) => can(grants, action, path));
}

/**
 * Someone holding grants on both sides (say, a province's focal point who is also a department's)
 * is the lead's: they do the work, and the decisions on it are left to the assigner's other people.
 */
export function relationTo(grants: readonly RoleGrant[], task: TaskPosition): TaskRelation {
  if (!mayReadTask(grants, task)) return 'none';
  if (onLeadSide(grants, task)) return 'assignee';
  if (onDecidingSide(grants, task)) return 'assigner';
  if (task.coordinatorPaths.some((path) => can(grants, 'task.report', path))) return 'coordinator';
  return 'reader';
}

const isOneself = (personId: string | null, other: string | null): boolean => personId !== null && personId === other;

/** The single rule for each capability, given the person's relation to the task. */
export function mayTakeCapability(actor: TaskActorGrants, task: TaskPosition, capability: TaskCapability): boolean {
  const relation = relationTo(actor.grants, task);
  const open = isOpen(task.state);
  switch (capability) {
    case 'assign':
    case 'cancel':
      return relation === 'assigner' && ACTION_EFFECTS[capability].from.includes(task.state);
    case 'accept':
    case 'return':
      // Nobody accepts what they submitted, even if their grants changed since.
      return (
        relation === 'assigner' &&
        ACTION_EFFECTS[capability].from.includes(task.state) &&
        !isOneself(actor.personId, task.submittedBy)
      );
    case 'start':
    case 'submit':
      return relation === 'assignee' && ACTION_EFFECTS[capability].from.includes(task.state);
    case 'report':
    case 'cascade':
      return relation === 'assignee' && open;
    case 'request_extension':
      // One request at a time: the assigner answers it before another is asked.
      return relation === 'assignee' && open && task.pendingExtension === null;
    case 'decide_extension':
      // Only while the task is open: an extension after completion would relabel a late result.
      return (
        relation === 'assigner' &&
        open &&
        task.pendingExtension !== null &&
        !isOneself(actor.personId, task.pendingExtension.requestedBy)
      );
    case 'answer':
      return relation === 'assigner' && open;
    case 'edit':
      return relation === 'assigner' && task.state !== 'completed' && task.state !== 'cancelled';
    case 'comment':
      // Read-only roles (leaders, inspectors, administrators) read; they write nothing.
      return relation === 'assigner' || relation === 'assignee' || relation === 'coordinator';
  }
}

/** Every capability the person has on the task now: the API checks them, screens offer them. */
export function allowedCapabilities(actor: TaskActorGrants, task: TaskPosition): TaskCapability[] {
  return TASK_CAPABILITIES.filter((capability) => mayTakeCapability(actor, task, capability));
}
