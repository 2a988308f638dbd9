import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * Look-ups by the names people write in spreadsheets (codes, numbers) rather than ids, each in one
 * query for a whole file, and the columns of an export that the list query does not carry.
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

async function coordinatorsOfTasks(db: Db, taskIds: string[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('task_coordinator as c')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .select(['c.task_id', 'c.organization_id', 'o.code'])
    .where('c.task_id', 'in', taskIds)
    .orderBy(sql`o.code COLLATE "C"`)
    .execute();
}

/** Description, start date, expected output, document number and coordinators of listed tasks. */
export async function exportDetailsOf(db: Db, taskIds: string[]) {
  if (taskIds.length === 0) return [];
  const [details, coordinators] = await Promise.all([
    db
      .selectFrom('task as t')
      .leftJoin('directive_document as d', 'd.id', 't.source_document_id')
      .select(['t.id', 't.description', 't.start_on', 't.expected_output', 'd.number as document_number'])
      .where('t.id', 'in', taskIds)
      .execute(),
    coordinatorsOfTasks(db, taskIds),
  ]);
  const codesByTask = new Map<string, string[]>();
  for (const row of coordinators) codesByTask.set(row.task_id, [...(codesByTask.get(row.task_id) ?? []), row.code]);
  return details.map((row) => ({ ...row, coordinatorCodes: codesByTask.get(row.id) ?? [] }));
}
