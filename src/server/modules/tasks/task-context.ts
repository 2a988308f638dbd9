import type { Db } from '../../db/database.ts';
import { calendarDateOf } from '../../../shared/domain/calendar-date.ts';
import type { TaskPosition } from '../../../shared/domain/task-permissions.ts';
import type { TaskEventKind } from '../../../shared/domain/task-vocabulary.ts';
import type { TaskState } from '../../../shared/domain/task-lifecycle.ts';
import { notFound } from '../../errors.ts';
import * as audit from '../audit/audit.service.ts';
import { actorIdOf, type Principal } from '../auth/principal.ts';
import * as repository from './tasks.repository.ts';

/**
 * Who acts and when. Requests act now; the demo seed acts on past days through the same services,
 * which is how its history (and every as_of reading of it) comes about.
 */
export interface Actor {
  principal: Principal;
  now: Date;
}

export const dayOf = (actor: Actor): string => calendarDateOf(actor.now);

export const positionOf = (task: repository.LockedTask): TaskPosition => ({
  state: task.state,
  leadPath: task.lead_path,
  assignerPath: task.assigner_path,
  isSubtask: task.parent_task_id !== null,
});

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
