import { can } from '../../../shared/domain/roles.ts';
import type { CreateTask } from '../../../shared/schemas/tasks.ts';
import { isUniqueViolation, type Db } from '../../db/database.ts';
import { type AppError, duplicateField, forbidden } from '../../errors.ts';
import * as audit from '../audit/audit.service.ts';
import { actorIdOf } from '../auth/principal.ts';
import { type Actor, dayOf } from '../tasks/task-context.ts';
import { newTaskRow } from '../tasks/task-rows.ts';
import { recordStartingProgress } from '../tasks/tasks.repository.ts';
import * as repository from './task-import.repository.ts';

/** A row of the file that creates a task, by its index in the file. */
export interface RowCreate {
  index: number;
  input: CreateTask;
}

export interface BatchOutcome {
  codes: Map<number, string>;
  refused: Map<number, AppError>;
}

const CHUNK = 250;

/**
 * createTaskInTransaction for many rows at once, with its rules: the caller may assign for the
 * assigner (task.assign over its scope), references exist (the plan resolved them against the
 * database and foreign keys stand behind it), each row takes the programme's next number and a
 * code already used is refused on its row. A sheet cannot cascade (no parent column), so the
 * sub-task rules do not arise. Statements are per chunk, not per row: a few dozen round trips for
 * a thousand rows instead of some twenty-five thousand. Each task gets createTask's task.created
 * audit entry; an import defers them to its commit (decision 0010).
 */
export async function createTasksInBatch(
  tx: Db,
  actor: Actor,
  context: { programme: { id: string; code: string }; assigner: { id: string; path: string } },
  rows: RowCreate[],
  onChunk: (count: number) => void,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { codes: new Map(), refused: new Map() };
  if (rows.length === 0) return outcome;
  if (!can(actor.principal.grants, 'task.assign', context.assigner.path)) throw forbidden('assign tasks');
  for (const { input } of rows) {
    if (input.programmeId !== context.programme.id || input.assignerOrganizationId !== context.assigner.id) {
      throw new Error('import batch: a row names another programme or assigner');
    }
  }
  const first = await repository.takeTaskNumbers(tx, context.programme.id, rows.length);
  const coded = rows.map((row, offset) => ({
    ...row,
    code: row.input.code ?? `${context.programme.code}-${String(first + offset).padStart(4, '0')}`,
  }));
  const taken = new Set(await repository.existingTaskCodes(tx, [...new Set(coded.map((row) => row.code))]));
  const accepted: typeof coded = [];
  for (const row of coded) {
    if (taken.has(row.code)) outcome.refused.set(row.index, duplicateField('code', 'Task code already used'));
    else {
      taken.add(row.code);
      accepted.push(row);
    }
  }
  const leads = await repository.leadsWithProvince(tx, [
    ...new Set(accepted.map((row) => row.input.leadOrganizationId)),
  ]);
  const today = dayOf(actor);
  const actorId = actorIdOf(actor.principal);
  for (let start = 0; start < accepted.length; start += CHUNK) {
    const chunk = accepted.slice(start, start + CHUNK);
    const tasks = chunk.map(({ input, code }) => {
      const lead = leads.get(input.leadOrganizationId);
      if (!lead) throw new Error(`import batch: lead ${input.leadOrganizationId} vanished`);
      const row = newTaskRow(input, {
        programmeId: context.programme.id,
        code,
        assignerId: context.assigner.id,
        lead: { id: lead.id, path: lead.path, provinceId: lead.provinceId },
        today,
      });
      return { input, code, lead, state: row.state, row };
    });
    const ids = await repository
      .insertTasks(
        tx,
        tasks.map((task) => task.row),
      )
      .catch((error: unknown) => {
        // Another writer took a code between our check and the insert: the unique index decides.
        throw isUniqueViolation(error) ? duplicateField('code', 'Task code already used') : error;
      });
    await repository.insertTaskRecords(
      tx,
      tasks.map((task, position) => {
        const id = ids[position] ?? '';
        return {
          coordinators: [...new Set(task.input.coordinatingOrganizationIds)].map((organization_id) => ({
            task_id: id,
            organization_id,
          })),
          period: {
            task_id: id,
            valid_from: today,
            valid_to: null,
            state: task.state,
            effective_deadline: task.input.deadline,
            completed_on: null,
          },
          event: {
            task_id: id,
            at: actor.now,
            kind: 'created' as const,
            from_state: null,
            to_state: task.state,
            reason: null,
            actor_id: actorId,
            details: null,
          },
        };
      }),
    );
    // The first row of each progress history, as insertTask writes it (decision 0014).
    await recordStartingProgress(
      tx,
      tasks.map((task, position) => ({
        task_id: ids[position] ?? '',
        day: today,
        percent: task.row.progress_percent ?? 0,
      })),
    );
    for (const entry of chunk) outcome.codes.set(entry.index, entry.code);
    await audit.record(
      tx,
      actor.principal,
      tasks.map((task, position) => ({
        action: 'task.created',
        entityType: 'task',
        entityId: ids[position] ?? '',
        scopePath: task.lead.path,
        after: { ...task.input, code: task.code },
      })),
    );
    onChunk(chunk.length);
  }
  onChunk(rows.length - accepted.length);
  return outcome;
}
