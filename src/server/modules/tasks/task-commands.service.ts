import type { Db } from '../../db/database.ts';
import { searchDocument } from '../../../shared/domain/search.ts';
import type { CreateTask, UpdateTask } from '../../../shared/schemas/tasks.ts';
import { AppError, invalidReference, staleVersion } from '../../errors.ts';
import * as directives from '../directives/directives.repository.ts';
import { findManyByIds } from '../organizations/organizations.repository.ts';
import { type Actor, dayOf } from '../../kernel/actor.ts';
import { lockTaskOrFail, recordTaskEvent, requireCapability, requireReadable } from './task-context.ts';
import { createTasks } from './task-creation.service.ts';
import * as repository from './tasks.repository.ts';

/** Creates the task and returns its id. */
export async function createTask(db: Db, actor: Actor, input: CreateTask): Promise<string> {
  return db.transaction().execute((tx) => createTaskInTransaction(tx, actor, input));
}

/**
 * createTask inside the caller's transaction (an initiative becomes a task with its own writes): a
 * batch of one of createTasks, its refusal thrown.
 */
export async function createTaskInTransaction(tx: Db, actor: Actor, input: CreateTask): Promise<string> {
  const [outcome] = await createTasks(tx, actor, [input]);
  if (!outcome) throw new AppError('internal', 'No task was created');
  if ('refused' in outcome) throw outcome.refused;
  return outcome.id;
}

export async function updateTask(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  changes: UpdateTask,
): Promise<void> {
  await db.transaction().execute((tx) => updateTaskInTransaction(tx, actor, id, expectedVersion, changes));
}

/** updateTask inside the caller's transaction: a spreadsheet import runs every row in one. */
export async function updateTaskInTransaction(
  tx: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  changes: UpdateTask,
): Promise<void> {
  const task = await lockTaskOrFail(tx, id);
  const position = await requireReadable(tx, actor, task);
  const closed = task.state === 'completed' || task.state === 'cancelled';
  // The version is told only to those who may edit: the others learn they may not.
  if (!closed) await requireCapability(tx, actor, task, 'edit', position);
  if (task.version !== expectedVersion) throw staleVersion('task', task.version);
  if (closed) throw new AppError('invalid_transition', 'A closed task cannot be edited');
  if (changes.deadline !== undefined && changes.deadline !== task.deadline && task.state !== 'draft') {
    throw new AppError('deadline_locked', 'Deadline changes go through extensions once assigned', {}, [
      { path: 'deadline', message: 'error.deadline_locked' },
    ]);
  }
  if (changes.taskGroupId) {
    const group = await directives.findGroup(tx, changes.taskGroupId);
    if (group?.programme_id !== task.programme_id) throw invalidReference('taskGroupId');
  }
  const before = {
    title: task.title,
    deadline: task.deadline,
    priority: task.priority,
    isConfidential: task.is_confidential,
  };
  await repository.updateTask(tx, id, {
    ...(changes.title !== undefined
      ? { title: changes.title, search_text: searchDocument(task.code, changes.title) }
      : {}),
    ...(changes.description !== undefined ? { description: changes.description } : {}),
    ...(changes.taskGroupId !== undefined ? { task_group_id: changes.taskGroupId } : {}),
    ...(changes.deadline !== undefined ? { deadline: changes.deadline, effective_deadline: changes.deadline } : {}),
    ...(changes.expectedOutput !== undefined ? { expected_output: changes.expectedOutput } : {}),
    ...(changes.priority !== undefined ? { priority: changes.priority } : {}),
    ...(changes.isConfidential !== undefined ? { is_confidential: changes.isConfidential } : {}),
  });
  if (changes.coordinatingOrganizationIds) {
    const found = await findManyByIds(tx, changes.coordinatingOrganizationIds);
    if (found.length !== new Set(changes.coordinatingOrganizationIds).size)
      throw invalidReference('coordinatingOrganizationIds');
    await repository.replaceCoordinators(tx, id, changes.coordinatingOrganizationIds);
  }
  if (changes.deadline !== undefined) {
    await repository.recordPeriod(tx, id, dayOf(actor), {
      state: task.state,
      effective_deadline: changes.deadline,
      completed_on: null,
    });
  }
  await recordTaskEvent(tx, actor, task, { kind: 'updated', before, after: changes });
}
