import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { TaskCoordinatorTable, TaskEventTable, TaskPeriodTable, TaskTable } from '../../db/schema.ts';
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

/** Takes `count` task numbers of the programme in one statement; returns the first. */
export async function takeTaskNumbers(db: Db, programmeId: string, count: number): Promise<number> {
  const row = await db
    .updateTable('programme')
    .set((eb) => ({ next_task_number: eb('next_task_number', '+', count) }))
    .where('id', '=', programmeId)
    .returning('next_task_number')
    .executeTakeFirstOrThrow();
  return row.next_task_number - count;
}

export async function existingTaskCodes(db: Db, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('task').select('code').where('code', 'in', codes).execute();
  return rows.map((row) => row.code);
}

/** Lead agencies with their path and the province or city above them (the by-province breakdown). */
export async function leadsWithProvince(db: Db, ids: string[]) {
  const leads = new Map<string, { id: string; path: string; provinceId: string | null }>();
  if (ids.length === 0) return leads;
  const organizations = await db.selectFrom('organization').select(['id', 'path']).where('id', 'in', ids).execute();
  const chainIds = [...new Set(organizations.flatMap((o) => o.path.split('/').filter(Boolean)))];
  const provinces = new Set(
    (
      await db
        .selectFrom('organization')
        .select('id')
        .where('id', 'in', chainIds)
        .where('kind', 'in', ['province', 'city'])
        .execute()
    ).map((row) => row.id),
  );
  for (const o of organizations) {
    const provinceId = o.path.split('/').find((id) => provinces.has(id)) ?? null;
    leads.set(o.id, { id: o.id, path: o.path, provinceId });
  }
  return leads;
}

/** Inserts tasks in one statement; their ids in the order given. */
export async function insertTasks(db: Db, rows: Array<Insertable<TaskTable>>): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db.insertInto('task').values(rows).returning(['id', 'code']).execute();
  const idOfCode = new Map(inserted.map((row) => [row.code, row.id]));
  return rows.map((row) => idOfCode.get(row.code) ?? '');
}

/** The coordinators, first period and creation event of new tasks: one statement each. */
export async function insertTaskRecords(
  db: Db,
  records: Array<{
    coordinators: Array<Insertable<TaskCoordinatorTable>>;
    period: Insertable<TaskPeriodTable>;
    event: Insertable<TaskEventTable>;
  }>,
): Promise<void> {
  const coordinators = records.flatMap((record) => record.coordinators);
  if (coordinators.length > 0) await db.insertInto('task_coordinator').values(coordinators).execute();
  if (records.length === 0) return;
  await db
    .insertInto('task_period')
    .values(records.map((record) => record.period))
    .execute();
  await db
    .insertInto('task_event')
    .values(records.map((record) => record.event))
    .execute();
}
