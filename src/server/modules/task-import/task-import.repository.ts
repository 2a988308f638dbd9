import type { Db } from '../../db/database.ts';
import { coordinatorsOfTasks } from '../tasks/task-export.repository.ts';

/**
 * Look-ups by the names people write in spreadsheets (codes, numbers) rather than ids, each in one
 * query for a whole file.
 */

const IS_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findProgrammeByIdOrCode(db: Db, idOrCode: string) {
  return db
    .selectFrom('programme')
    .select(['id', 'code'])
    .where(IS_UUID.test(idOrCode) ? 'id' : 'code', '=', idOrCode)
    .executeTakeFirst();
}

export async function groupsOfProgramme(db: Db, programmeId: string) {
  return db
    .selectFrom('task_group')
    .select(['id', 'number'])
    .where('programme_id', '=', programmeId)
    .orderBy('number')
    .execute();
}

export async function organizationsByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('organization').select(['id', 'code', 'path']).where('code', 'in', codes).execute();
}

export async function documentsByNumbers(db: Db, numbers: string[]) {
  if (numbers.length === 0) return [];
  return db.selectFrom('directive_document').select(['id', 'number']).where('number', 'in', numbers).execute();
}

/** The tasks a file names by code, with what an import may compare and change. */
export async function tasksByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  const tasks = await db
    .selectFrom('task as t')
    .innerJoin('organization as assigner', 'assigner.id', 't.assigner_organization_id')
    .select([
      't.id',
      't.code',
      't.title',
      't.description',
      't.programme_id',
      't.task_group_id',
      't.source_document_id',
      't.lead_organization_id',
      't.lead_path',
      't.parent_task_id',
      't.start_on',
      't.deadline',
      't.expected_output',
      't.priority',
      't.is_confidential',
      't.state',
      't.version',
      'assigner.path as assigner_path',
    ])
    .where('t.code', 'in', codes)
    .execute();
  const coordinators = await coordinatorsOfTasks(
    db,
    tasks.map((task) => task.id),
  );
  return tasks.map((task) => ({
    ...task,
    coordinatorIds: coordinators.filter((c) => c.task_id === task.id).map((c) => c.organization_id),
  }));
}
export type ExistingTask = Awaited<ReturnType<typeof tasksByCodes>>[number];
