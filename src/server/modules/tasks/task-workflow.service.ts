import type { Db } from '../../db/database.ts';
import { ACTION_EFFECTS, ACTIONS_NEEDING_REASON, isOpen } from '../../../shared/domain/task-lifecycle.ts';
import { type TaskCapability, type TaskPosition } from '../../../shared/domain/task-permissions.ts';
import { earliestExtensionDeadline } from '../../../shared/domain/deadline-extension.ts';
import type {
  CreateExtensionRequest,
  CreateProgressReport,
  DecideExtension,
  TaskTransition,
} from '../../../shared/schemas/tasks.ts';
import { AppError, notFound, staleVersion } from '../../errors.ts';
import { actorIdOf } from '../../kernel/principal.ts';
import { attachToReport } from './evidence.repository.ts';
import { type Actor, dayOf } from '../../kernel/actor.ts';
import { lockTaskOrFail, recordTaskEvent, requireCapability, requireReadable } from './task-context.ts';
import * as workflow from './task-workflow.repository.ts';
import * as repository from './tasks.repository.ts';

const notOpen = (what: string) => new AppError('invalid_transition', `${what}: the task is no longer open`);

/**
 * The state and pending-request checks that come before the permission, so that a person who may
 * act is told what is wrong with the task rather than "forbidden".
 */
function requireOpen(position: TaskPosition, capability: TaskCapability): void {
  if (!isOpen(position.state)) throw notOpen(capability);
  if (capability === 'request_extension' && position.pendingExtension !== null) {
    throw new AppError('extension_pending', 'An extension request already waits for a decision');
  }
}

const reasonRequired = () =>
  new AppError('reason_required', 'A reason is required', {}, [{ path: 'reason', message: 'error.reason_required' }]);

/**
 * Runs one change to a task in a transaction, the task locked. Commands return little: the API
 * reads the task back for its answer, the demo seed (thousands of changes) does not need to.
 */
async function changeTask<T = void>(
  db: Db,
  id: string,
  change: (tx: Db, task: repository.LockedTask) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => change(tx, await lockTaskOrFail(tx, id)));
}

export async function transition(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  { action, reason }: TaskTransition,
): Promise<void> {
  return changeTask(db, id, async (tx, task) => {
    const position = await requireReadable(tx, actor, task);
    if (expectedVersion !== undefined && task.version !== expectedVersion) throw staleVersion('task', task.version);
    if (!ACTION_EFFECTS[action].from.includes(task.state)) {
      throw new AppError('invalid_transition', `Cannot ${action} a task that is ${task.state}`);
    }
    await requireCapability(tx, actor, task, action, position);
    if (ACTIONS_NEEDING_REASON.has(action) && !reason) throw reasonRequired();
    if (action === 'accept' && (await repository.countOpenChildren(tx, task.id)) > 0) {
      throw new AppError('children_open', 'Sub-tasks are still open');
    }
    const to = ACTION_EFFECTS[action].to;
    const today = dayOf(actor);
    const completedOn = to === 'completed' ? today : null;
    await repository.updateTask(tx, task.id, {
      state: to,
      completed_on: completedOn,
      ...(action === 'assign' ? { assigned_on: today } : {}),
    });
    if (to === 'completed') await repository.setProgress(tx, task.id, today, 100);
    await repository.recordPeriod(tx, task.id, today, {
      state: to,
      effective_deadline: task.effective_deadline,
      completed_on: completedOn,
    });
    await recordTaskEvent(tx, actor, task, { kind: action, fromState: task.state, toState: to, reason });
  });
}

export async function reportProgress(db: Db, actor: Actor, id: string, input: CreateProgressReport): Promise<void> {
  return changeTask(db, id, async (tx, task) => {
    const position = await requireReadable(tx, actor, task);
    requireOpen(position, 'report');
    await requireCapability(tx, actor, task, 'report', position);
    const evidenceFileIds = [...new Set(input.evidenceFileIds ?? [])];
    const today = dayOf(actor);
    const reportId = await workflow.insertReport(tx, {
      task_id: task.id,
      reported_on: today,
      percent: input.percent,
      narrative: input.narrative,
      difficulties: input.difficulties || null,
      proposals: input.proposals || null,
      created_by: actorIdOf(actor.principal),
      created_at: actor.now,
    });
    if ((await attachToReport(tx, task.id, reportId, evidenceFileIds)) !== evidenceFileIds.length) {
      throw new AppError('invalid_reference', 'Evidence files must be this task’s and not yet attached', {}, [
        { path: 'evidenceFileIds', message: 'error.invalid_reference' },
      ]);
    }
    // Reporting on an assigned task means work has started.
    const state = task.state === 'assigned' ? 'in_progress' : task.state;
    await repository.updateTask(tx, task.id, { state });
    await repository.setProgress(tx, task.id, today, input.percent);
    if (state !== task.state) {
      await repository.recordPeriod(tx, task.id, today, {
        state,
        effective_deadline: task.effective_deadline,
        completed_on: null,
      });
    }
    await recordTaskEvent(tx, actor, task, {
      kind: 'progress_reported',
      ...(state !== task.state ? { fromState: task.state, toState: state } : {}),
      details: { reportId, percent: input.percent, hasDifficulties: Boolean(input.difficulties || input.proposals) },
    });
  });
}

export async function answerReport(db: Db, actor: Actor, id: string, reportId: string, answer: string): Promise<void> {
  return changeTask(db, id, async (tx, task) => {
    const position = await requireReadable(tx, actor, task);
    requireOpen(position, 'answer');
    await requireCapability(tx, actor, task, 'answer', position);
    const answered = await workflow.answerReport(tx, task.id, reportId, answer, actorIdOf(actor.principal), actor.now);
    if (!answered) throw notFound('progress report', reportId);
    await recordTaskEvent(tx, actor, task, { kind: 'report_answered', details: { reportId, answer } });
  });
}

/** Returns the new request's id. */
export async function requestExtension(
  db: Db,
  actor: Actor,
  id: string,
  input: CreateExtensionRequest,
): Promise<string> {
  return changeTask(db, id, async (tx, task) => {
    const position = await requireReadable(tx, actor, task);
    requireOpen(position, 'request_extension');
    await requireCapability(tx, actor, task, 'request_extension', position);
    const earliest = earliestExtensionDeadline(task.effective_deadline);
    if (earliest !== null && input.requestedDeadline < earliest) {
      throw new AppError(
        'validation',
        'The new deadline must come after the current one',
        { currentDeadlineOn: task.effective_deadline, earliestOn: earliest },
        [{ path: 'requestedDeadline', message: 'error.extension.too_early' }],
      );
    }
    const extensionId = await workflow.insertExtension(tx, {
      task_id: task.id,
      requested_deadline: input.requestedDeadline,
      reason: input.reason,
      created_by: actorIdOf(actor.principal),
      created_at: actor.now,
    });
    await recordTaskEvent(tx, actor, task, {
      kind: 'extension_requested',
      reason: input.reason,
      details: { extensionId, requestedDeadline: input.requestedDeadline },
    });
    return extensionId;
  });
}

/** Only an approved extension moves the effective deadline, from the day of the decision on. */
export async function decideExtension(
  db: Db,
  actor: Actor,
  id: string,
  extensionId: string,
  input: DecideExtension,
): Promise<void> {
  return changeTask(db, id, async (tx, task) => {
    const position = await requireReadable(tx, actor, task);
    const request = await workflow.findPendingExtension(tx, task.id, extensionId);
    if (!request) throw notFound('pending extension request', extensionId);
    requireOpen(position, 'decide_extension');
    await requireCapability(tx, actor, task, 'decide_extension', position);
    if (input.decision === 'refuse' && !input.reason) throw reasonRequired();
    const approved = input.decision === 'approve';
    await workflow.decideExtension(tx, extensionId, {
      status: approved ? 'approved' : 'refused',
      decided_by: actorIdOf(actor.principal),
      decided_at: actor.now,
      decision_reason: input.reason || null,
    });
    if (approved) {
      await repository.updateTask(tx, task.id, { effective_deadline: request.requested_deadline });
      await repository.recordPeriod(tx, task.id, dayOf(actor), {
        state: task.state,
        effective_deadline: request.requested_deadline,
        completed_on: task.completed_on,
      });
    }
    await recordTaskEvent(tx, actor, task, {
      kind: approved ? 'extension_approved' : 'extension_refused',
      reason: input.reason,
      details: { extensionId, requestedDeadline: request.requested_deadline },
      before: { effectiveDeadline: task.effective_deadline },
      after: { effectiveDeadline: approved ? request.requested_deadline : task.effective_deadline },
    });
  });
}

export async function addComment(db: Db, actor: Actor, id: string, body: string): Promise<void> {
  return changeTask(db, id, async (tx, task) => {
    // Those who take part in the task comment; read-only roles do not.
    await requireCapability(tx, actor, task, 'comment');
    await workflow.insertComment(tx, {
      task_id: task.id,
      body,
      created_by: actorIdOf(actor.principal),
      created_at: actor.now,
    });
    await recordTaskEvent(tx, actor, task, { kind: 'commented', details: { body } });
  });
}
