import { ACTION_EFFECTS, ASSIGNER_ACTIONS, isOpen, type TaskState } from './task-lifecycle.ts';
import { can, type RoleGrant } from './roles.ts';
import { TASK_ACTIONS, type TaskAction } from './task-vocabulary.ts';

/** What the permission rules need to know of a task: where it sits and what state it is in. */
export interface TaskPosition {
  state: TaskState;
  leadPath: string;
  assignerPath: string;
  /** Sub-tasks are assigned by their parent's lead agency, whose focal points act as assigners. */
  isSubtask: boolean;
}

export const mayActAsAssigner = (grants: readonly RoleGrant[], task: TaskPosition): boolean =>
  can(grants, 'task.assign', task.assignerPath) || (task.isSubtask && can(grants, 'task.report', task.assignerPath));

export const mayActAsLead = (grants: readonly RoleGrant[], task: TaskPosition): boolean =>
  can(grants, 'task.report', task.leadPath);

export function mayTake(grants: readonly RoleGrant[], task: TaskPosition, action: TaskAction): boolean {
  if (!ACTION_EFFECTS[action].from.includes(task.state)) return false;
  return ASSIGNER_ACTIONS.has(action) ? mayActAsAssigner(grants, task) : mayActAsLead(grants, task);
}

export type TaskCapability =
  TaskAction | 'report' | 'request_extension' | 'decide_extension' | 'answer' | 'cascade' | 'edit';

/** Every action the grants allow on the task now: the API checks them, screens offer them. */
export function allowedCapabilities(grants: readonly RoleGrant[], task: TaskPosition): TaskCapability[] {
  const lead = mayActAsLead(grants, task);
  const assigner = mayActAsAssigner(grants, task);
  const open = isOpen(task.state);
  const capabilities: TaskCapability[] = TASK_ACTIONS.filter((action) => mayTake(grants, task, action));
  if (lead && open) capabilities.push('report', 'request_extension', 'cascade');
  if (assigner && open) capabilities.push('decide_extension', 'answer');
  if (assigner && task.state !== 'completed' && task.state !== 'cancelled') capabilities.push('edit');
  return capabilities;
}
