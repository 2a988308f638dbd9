import { can } from '../../../shared/domain/roles.ts';
import { isOpen } from '../../../shared/domain/task-lifecycle.ts';
import { decidingPathOf } from '../../../shared/domain/task-permissions.ts';
import type { CreateTask } from '../../../shared/schemas/tasks.ts';
import type { Db } from '../../db/database.ts';
import { AppError, duplicateField, forbidden, invalidReference, notFound } from '../../errors.ts';
import * as audit from '../audit/audit.service.ts';
import { actorIdOf, type Principal } from '../../kernel/principal.ts';
import * as directives from '../directives/directives.repository.ts';
import { findManyByIds, type OrganizationRow } from '../organizations/organizations.repository.ts';
import { type Actor, dayOf } from '../../kernel/actor.ts';
import { lockTaskOrFail, recordTaskEvent, requireCapability, requireReadable } from './task-context.ts';
import * as repository from './task-creation.repository.ts';
import { newTaskRow } from './task-rows.ts';
import { takeChildNumber } from './tasks.repository.ts';
import type { LockedTask } from './tasks.repository.ts';

/** What became of each task asked for: created, or refused with the reason the API would give. */
export type TaskCreation = { id: string; code: string } | { refused: AppError };

/** Who assigns when the caller names nobody: the scope of their steering role, if they have one. */
export const defaultAssignerId = (principal: Principal): string | undefined =>
  principal.grants
    .find((grant) => grant.role === 'steering')
    ?.scopePath.split('/')
    .at(-2);

/** Everything the tasks of a batch refer to, read once for the whole batch. */
interface References {
  programmes: Map<string, { id: string; code: string }>;
  groupProgramme: Map<string, string>;
  documents: Set<string>;
  conclusions: Set<string>;
  organizations: Map<string, OrganizationRow>;
}

async function referencesOf(tx: Db, actor: Actor, inputs: CreateTask[]): Promise<References> {
  const unique = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => !!v))];
  const [{ programmes, groups }, documents, conclusions, named] = await Promise.all([
    directives.listProgrammes(tx),
    repository.existingIds(tx, 'directive_document', unique(inputs.map((i) => i.sourceDocumentId))),
    repository.existingIds(tx, 'meeting_conclusion', unique(inputs.map((i) => i.sourceConclusionId))),
    findManyByIds(
      tx,
      unique(
        inputs.flatMap((i) => [
          i.leadOrganizationId,
          i.parentTaskId ? undefined : (i.assignerOrganizationId ?? defaultAssignerId(actor.principal)),
          ...i.coordinatingOrganizationIds,
        ]),
      ),
    ),
  ]);
  const organizations = new Map(named.map((o) => [o.id, o]));
  // The organizations above each lead, to find its province (the by-province breakdown).
  const above = unique(inputs.flatMap((i) => organizations.get(i.leadOrganizationId)?.path.split('/') ?? []));
  for (const o of await findManyByIds(
    tx,
    above.filter((id) => !organizations.has(id)),
  )) {
    organizations.set(o.id, o);
  }
  return {
    programmes: new Map(programmes.map((p) => [p.id, p])),
    groupProgramme: new Map(groups.map((g) => [g.id, g.programme_id])),
    documents,
    conclusions,
    organizations,
  };
}

/** The references a task names exist (and its group is its programme's); its programme. */
function checkReferences(refs: References, input: CreateTask) {
  const programme = refs.programmes.get(input.programmeId);
  if (!programme) throw invalidReference('programmeId');
  if (input.taskGroupId && refs.groupProgramme.get(input.taskGroupId) !== programme.id) {
    throw invalidReference('taskGroupId');
  }
  if (input.sourceDocumentId && !refs.documents.has(input.sourceDocumentId)) throw invalidReference('sourceDocumentId');
  if (input.sourceConclusionId && !refs.conclusions.has(input.sourceConclusionId)) {
    throw invalidReference('sourceConclusionId');
  }
  if (input.coordinatingOrganizationIds.some((id) => !refs.organizations.has(id))) {
    throw invalidReference('coordinatingOrganizationIds');
  }
  return programme;
}

const notAUnit = (message: string) =>
  new AppError('not_a_unit', message, {}, [{ path: 'leadOrganizationId', message: 'error.not_a_unit' }]);

/** A sub-task: the parent is open, the actor may cascade it, the lead is a unit of the parent's lead. */
async function placeSubtask(tx: Db, actor: Actor, parentId: string, lead: OrganizationRow) {
  const parent = await lockTaskOrFail(tx, parentId);
  const position = await requireReadable(tx, actor, parent);
  if (!isOpen(parent.state)) throw new AppError('invalid_transition', 'Only an open task can be cascaded');
  await requireCapability(tx, actor, parent, 'cascade', position);
  if (lead.id === parent.lead_organization_id || !lead.path.startsWith(parent.lead_path)) {
    throw notAUnit('A sub-task goes to a unit of the lead agency');
  }
  return {
    assignerId: parent.lead_organization_id,
    parent,
    code: `${parent.code}.${await takeChildNumber(tx, parent.id)}`,
  };
}

/** A task of the programme: the assigner given, else the caller's steering scope, may assign it. */
function placeRootTask(refs: References, actor: Actor, input: CreateTask, lead: OrganizationRow) {
  const assignerId = input.assignerOrganizationId ?? defaultAssignerId(actor.principal);
  // Without an assigner given, the caller's steering scope assigns: no such scope, no right to assign.
  if (!assignerId) throw forbidden('assign tasks');
  const assigner = refs.organizations.get(assignerId);
  if (!assigner) throw notFound('organization', assignerId);
  if (!can(actor.principal.grants, 'task.assign', assigner.path)) throw forbidden('assign tasks for this organization');
  // A root assigning to itself would leave nobody above to decide on the work (decision 0015).
  if (decidingPathOf({ leadPath: lead.path, assignerPath: assigner.path }) === null) {
    throw notAUnit('A task goes to an organization that someone above can hold to account');
  }
  return { assignerId: assigner.id, parent: undefined, code: undefined };
}

interface Placed {
  index: number;
  input: CreateTask;
  programme: { id: string; code: string };
  lead: OrganizationRow;
  assignerId: string;
  parent: LockedTask | undefined;
  /** A sub-task's code is its parent's and a number; a root task's is given or numbered later. */
  code: string | undefined;
}

async function place(tx: Db, actor: Actor, refs: References, index: number, input: CreateTask): Promise<Placed> {
  const programme = checkReferences(refs, input);
  const lead = refs.organizations.get(input.leadOrganizationId);
  if (!lead) throw notFound('organization', input.leadOrganizationId);
  const placement = input.parentTaskId
    ? await placeSubtask(tx, actor, input.parentTaskId, lead)
    : placeRootTask(refs, actor, input, lead);
  return { index, input, programme, lead, ...placement };
}

/** Root tasks take their programme's next numbers, in the order given; one statement a programme. */
async function codesOf(tx: Db, placed: Placed[]): Promise<string[]> {
  const roots = placed.filter((task) => !task.parent);
  const next = new Map<string, number>();
  for (const programmeId of new Set(roots.map((task) => task.programme.id))) {
    const count = roots.filter((task) => task.programme.id === programmeId).length;
    next.set(programmeId, await directives.takeTaskNumbers(tx, programmeId, count));
  }
  return placed.map((task) => {
    if (task.code) return task.code;
    const number = next.get(task.programme.id) ?? 0;
    next.set(task.programme.id, number + 1);
    return task.input.code ?? `${task.programme.code}-${String(number).padStart(4, '0')}`;
  });
}

const provinceOf = (refs: References, lead: OrganizationRow) =>
  lead.path
    .split('/')
    .map((id) => refs.organizations.get(id))
    .find((o) => o?.kind === 'province' || o?.kind === 'city')?.id ?? null;

// Statements per chunk, not per task: a few dozen round trips for a thousand tasks.
const CHUNK = 250;

/**
 * Creates tasks with the API's rules, in the caller's transaction: the one writer of new task rows
 * (the API creates a batch of one, the spreadsheet import a file's worth). Every task is checked as
 * createTask always checked it — references exist, a sub-task's parent is open and the actor may
 * cascade it to a unit of its lead, a root task's assigner (given, else the caller's steering scope)
 * may assign it to someone it can hold to account, a code is used once — and a refused task is
 * answered with its reason, in its place, while the others are created: the caller decides whether
 * to commit. A task gets its row, coordinators, first period and progress row, its `created` event
 * and audit entry; a sub-task's parent gets a `subtask_created` event. `onChunk` tells how many
 * tasks are done, for a progress bar.
 */
export async function createTasks(
  tx: Db,
  actor: Actor,
  inputs: CreateTask[],
  onChunk: (count: number) => void = () => {},
): Promise<TaskCreation[]> {
  const outcomes = new Array<TaskCreation | undefined>(inputs.length);
  const refs = await referencesOf(tx, actor, inputs);
  const placed: Placed[] = [];
  for (const [index, input] of inputs.entries()) {
    try {
      placed.push(await place(tx, actor, refs, index, input));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes[index] = { refused: error };
    }
  }
  const codes = await codesOf(tx, placed);
  const accepted: Array<Placed & { code: string }> = [];
  const inBatch = new Set<string>();
  placed.forEach((task, position) => {
    const code = codes[position] ?? '';
    if (inBatch.has(code)) outcomes[task.index] = { refused: duplicateField('code', 'Task code already used') };
    else accepted.push({ ...task, code });
    inBatch.add(code);
  });
  for (let start = 0; start < accepted.length; start += CHUNK) {
    const chunk = accepted.slice(start, start + CHUNK);
    for (const [task, id] of await insertChunk(tx, actor, refs, chunk)) {
      outcomes[task.index] = id
        ? { id, code: task.code }
        : { refused: duplicateField('code', 'Task code already used') };
    }
    onChunk(chunk.length);
  }
  onChunk(inputs.length - accepted.length);
  return outcomes.map((outcome) => outcome ?? { refused: new AppError('internal', 'A task was left unanswered') });
}

/** Writes a chunk of checked tasks; answers each with its id, or undefined when its code was taken. */
async function insertChunk(tx: Db, actor: Actor, refs: References, chunk: Array<Placed & { code: string }>) {
  const today = dayOf(actor);
  const rows = chunk.map((task) => ({
    task,
    row: newTaskRow(task.input, {
      programmeId: task.programme.id,
      code: task.code,
      assignerId: task.assignerId,
      lead: { id: task.lead.id, path: task.lead.path, provinceId: provinceOf(refs, task.lead) },
      ...(task.parent ? { parent: task.parent } : {}),
      today,
    }),
  }));
  const ids = await repository.insertTasks(
    tx,
    rows.map(({ row }) => row),
  );
  const created = rows.flatMap(({ task, row }) => {
    const id = ids.get(task.code);
    return id ? [{ task, row, id }] : [];
  });
  await repository.insertCreationRecords(
    tx,
    created.map(({ task, row, id }) => ({
      coordinators: [...new Set(task.input.coordinatingOrganizationIds)].map((organization_id) => ({
        task_id: id,
        organization_id,
      })),
      period: {
        task_id: id,
        valid_from: today,
        valid_to: null,
        state: row.state,
        effective_deadline: task.input.deadline,
        completed_on: null,
      },
      event: {
        task_id: id,
        at: actor.now,
        kind: 'created' as const,
        from_state: null,
        to_state: row.state,
        reason: null,
        actor_id: actorIdOf(actor.principal),
        details: null,
      },
      progress: { task_id: id, day: today, percent: row.progress_percent ?? 0 },
    })),
  );
  await audit.record(
    tx,
    actor.principal,
    created.map(({ task, id }) => ({
      action: 'task.created',
      entityType: 'task',
      entityId: id,
      scopePath: task.lead.path,
      after: { ...task.input, code: task.code },
    })),
  );
  for (const { task, id } of created) {
    if (task.parent) {
      await recordTaskEvent(tx, actor, task.parent, {
        kind: 'subtask_created',
        details: { subtaskId: id, code: task.code },
      });
    }
  }
  return rows.map(({ task }) => [task, ids.get(task.code)] as const);
}
