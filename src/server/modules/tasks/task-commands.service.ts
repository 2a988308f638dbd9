import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/database.ts';
import { can } from '../../../shared/domain/roles.ts';
import { decidingPathOf } from '../../../shared/domain/task-permissions.ts';
import { isOpen } from '../../../shared/domain/task-lifecycle.ts';
import { searchDocument } from '../../../shared/domain/search.ts';
import type { CreateTask, UpdateTask } from '../../../shared/schemas/tasks.ts';
import { AppError, forbidden, staleVersion, duplicateField } from '../../errors.ts';
import * as directives from '../directives/directives.repository.ts';
import { findManyByIds, type OrganizationRow } from '../organizations/organizations.repository.ts';
import { getOrganization } from '../organizations/organizations.service.ts';
import { type Actor, dayOf } from '../../kernel/actor.ts';
import { lockTaskOrFail, recordTaskEvent, requireCapability, requireReadable } from './task-context.ts';
import { newTaskRow } from './task-rows.ts';
import * as repository from './tasks.repository.ts';

const invalidReference = (field: string, message = 'error.invalid_reference') =>
  new AppError('invalid_reference', `Invalid ${field}`, {}, [{ path: field, message }]);

/** The province or centrally-run city a lead agency belongs to, for the by-province breakdown. */
async function provinceOf(db: Db, organization: OrganizationRow): Promise<string | null> {
  const ids = organization.path.split('/').filter(Boolean);
  const chain = await findManyByIds(db, ids);
  return chain.find((o) => o.kind === 'province' || o.kind === 'city')?.id ?? null;
}

async function checkReferences(db: Db, input: CreateTask) {
  const programme = await directives.findProgramme(db, input.programmeId);
  if (!programme) throw invalidReference('programmeId');
  if (input.taskGroupId) {
    const group = await directives.findGroup(db, input.taskGroupId);
    if (group?.programme_id !== programme.id) throw invalidReference('taskGroupId');
  }
  if (input.sourceDocumentId && !(await directives.findDocument(db, input.sourceDocumentId))) {
    throw invalidReference('sourceDocumentId');
  }
  if (input.sourceConclusionId && !(await directives.findConclusion(db, input.sourceConclusionId))) {
    throw invalidReference('sourceConclusionId');
  }
  const coordinators = await findManyByIds(db, input.coordinatingOrganizationIds);
  if (coordinators.length !== new Set(input.coordinatingOrganizationIds).size) {
    throw invalidReference('coordinatingOrganizationIds');
  }
  return programme;
}

/** Who assigns the task and under what code: the parent's lead agency for a sub-task. */
async function placement(tx: Db, actor: Actor, input: CreateTask, lead: OrganizationRow, programmeCode: string) {
  if (input.parentTaskId) {
    const parent = await lockTaskOrFail(tx, input.parentTaskId);
    const position = await requireReadable(tx, actor, parent);
    if (!isOpen(parent.state)) throw new AppError('invalid_transition', 'Only an open task can be cascaded');
    await requireCapability(tx, actor, parent, 'cascade', position);
    if (lead.id === parent.lead_organization_id || !lead.path.startsWith(parent.lead_path)) {
      throw new AppError('not_a_unit', 'A sub-task goes to a unit of the lead agency', {}, [
        { path: 'leadOrganizationId', message: 'error.not_a_unit' },
      ]);
    }
    const number = await repository.takeChildNumber(tx, parent.id);
    return { assignerId: parent.lead_organization_id, parent, code: `${parent.code}.${number}` };
  }
  const assignerId =
    input.assignerOrganizationId ??
    actor.principal.grants
      .find((g) => g.role === 'steering')
      ?.scopePath.split('/')
      .at(-2);
  // Without an assigner given, the caller's steering scope assigns: no such scope, no right to assign.
  if (!assignerId) throw forbidden('assign tasks');
  const assigner = await getOrganization(tx, assignerId);
  if (!can(actor.principal.grants, 'task.assign', assigner.path)) throw forbidden('assign tasks for this organization');
  // A root assigning to itself would leave nobody above to decide on the work (decision 0015).
  if (decidingPathOf({ leadPath: lead.path, assignerPath: assigner.path }) === null) {
    throw new AppError('not_a_unit', 'A task goes to an organization that someone above can hold to account', {}, [
      { path: 'leadOrganizationId', message: 'error.not_a_unit' },
    ]);
  }
  const number = await directives.takeTaskNumber(tx, input.programmeId);
  return {
    assignerId: assigner.id,
    parent: undefined,
    code: input.code ?? `${programmeCode}-${String(number).padStart(4, '0')}`,
  };
}

/** Creates the task and returns its id. */
export async function createTask(db: Db, actor: Actor, input: CreateTask): Promise<string> {
  return db.transaction().execute((tx) => createTaskInTransaction(tx, actor, input));
}

/**
 * createTask inside the caller's transaction: a spreadsheet import writes all its rows in one
 * transaction (all or nothing) through the same rules as the API.
 */
export async function createTaskInTransaction(tx: Db, actor: Actor, input: CreateTask): Promise<string> {
  const programme = await checkReferences(tx, input);
  const lead = await getOrganization(tx, input.leadOrganizationId);
  const { assignerId, parent, code } = await placement(tx, actor, input, lead, programme.code);
  const today = dayOf(actor);
  const row = newTaskRow(input, {
    programmeId: programme.id,
    code,
    assignerId,
    lead: { id: lead.id, path: lead.path, provinceId: await provinceOf(tx, lead) },
    ...(parent ? { parent } : {}),
    today,
  });
  const taskId = await repository.insertTask(tx, row, today).catch((error: unknown) => {
    throw isUniqueViolation(error) ? duplicateField('code', 'Task code already used') : error;
  });
  await repository.replaceCoordinators(tx, taskId, input.coordinatingOrganizationIds);
  const state = row.state;
  await repository.recordPeriod(tx, taskId, today, { state, effective_deadline: input.deadline, completed_on: null });
  const created = await lockTaskOrFail(tx, taskId);
  await recordTaskEvent(tx, actor, created, { kind: 'created', toState: state, after: { ...input, code } });
  if (parent) {
    await recordTaskEvent(tx, actor, parent, { kind: 'subtask_created', details: { subtaskId: taskId, code } });
  }
  return taskId;
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

/** updateTask inside the caller's transaction (see createTaskInTransaction). */
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
