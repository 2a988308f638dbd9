import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** The coordinating agencies of tasks, with their codes, in code order (as a sheet lists them). */
export async function coordinatorsOfTasks(db: Db, taskIds: string[]) {
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
