import type { Db } from '../../db/database.ts';
import {
  mayReadTask,
  mayTakeCapability,
  type TaskCapability,
  type TaskPosition,
} from '../../../shared/domain/task-permissions.ts';
import type { TaskEventKind } from '../../../shared/domain/task-vocabulary.ts';
import type { TaskState } from '../../../shared/domain/task-lifecycle.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import * as audit from '../audit/audit.service.ts';
import type { Actor } from '../../kernel/actor.ts';
import { actorIdOf, type Principal } from '../../kernel/principal.ts';
import * as repository from './tasks.repository.ts';

type PositionedTask = Pick<
  repository.LockedTask,
  'state' | 'lead_path' | 'assigner_path' | 'parent_task_id' | 'is_confidential' | 'coordinator_paths'
>;
type PendingDecisions = Pick<TaskPosition, 'pendingExtension' | 'submittedBy'>;

/** Where a task stands for the permission rules, with the decisions it waits on. */
export const positionOf = (task: PositionedTask, pending: PendingDecisions): TaskPosition => ({
  state: task.state,
  leadPath: task.lead_path,
  assignerPath: task.assigner_path,
  isSubtask: task.parent_task_id !== null,
  isConfidential: task.is_confidential,
  coordinatorPaths: task.coordinator_paths,
  ...pending,
});

/** The task's position, its pending decisions read in the caller's transaction. */
export async function loadPosition(tx: Db, task: repository.LockedTask): Promise<TaskPosition> {
  return positionOf(task, await repository.pendingDecisionsOf(tx, task.id));
}

/** The task's position, refused (and nothing said of it) when the actor may not read it. */
export async function requireReadable(tx: Db, actor: Actor, task: repository.LockedTask): Promise<TaskPosition> {
  const position = await loadPosition(tx, task);
  if (!mayReadTask(actor.principal.grants, position)) throw forbidden('read this task');
  return position;
}

/** Refuses unless the rules let the actor take `capability` on the task now. */
export async function requireCapability(
  tx: Db,
  actor: Actor,
  task: repository.LockedTask,
  capability: TaskCapability,
  known?: TaskPosition,
): Promise<TaskPosition> {
  const position = known ?? (await requireReadable(tx, actor, task));
  if (!mayTakeCapability(actorGrants(actor.principal), position, capability)) {
    throw ownDecision(actor, position, capability) ?? forbidden(`${capability} this task`);
  }
  return position;
}

/** A person refused only because they would decide on their own request is told so. */
function ownDecision(actor: Actor, position: TaskPosition, capability: TaskCapability): AppError | undefined {
  const asAnyone = { personId: null, grants: actor.principal.grants };
  if (!mayTakeCapability(asAnyone, position, capability)) return undefined;
  return new AppError('own_decision', `A person does not ${capability} on their own request`, { capability });
}

export const actorGrants = (principal: Principal) => ({ personId: actorIdOf(principal), grants: principal.grants });

export async function lockTaskOrFail(tx: Db, id: string): Promise<repository.LockedTask> {
  const task = await repository.lockTask(tx, id);
  if (!task) throw notFound('task', id);
  return task;
}

/** One entry in the task's timeline and one in the audit trail, in the caller's transaction. */
export async function recordTaskEvent(
  tx: Db,
  actor: Actor,
  task: repository.LockedTask,
  event: {
    kind: TaskEventKind;
    fromState?: TaskState;
    toState?: TaskState;
    reason?: string | undefined;
    details?: Record<string, unknown>;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await repository.insertEvent(tx, {
    task_id: task.id,
    at: actor.now,
    kind: event.kind,
    from_state: event.fromState ?? null,
    to_state: event.toState ?? null,
    reason: event.reason ?? null,
    actor_id: actorIdOf(actor.principal),
    details: event.details ? JSON.stringify(event.details) : null,
  });
  await audit.record(tx, actor.principal, [
    {
      action: `task.${event.kind}`,
      entityType: 'task',
      entityId: task.id,
      scopePath: task.lead_path,
      before: event.before ?? (event.fromState ? { state: event.fromState } : undefined),
      after: event.after ?? {
        ...(event.toState ? { state: event.toState } : {}),
        ...event.details,
        reason: event.reason,
      },
    },
  ]);
}
