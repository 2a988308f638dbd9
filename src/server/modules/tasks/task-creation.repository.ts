import { type Insertable, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { TaskCoordinatorTable, TaskEventTable, TaskPeriodTable, TaskTable } from '../../db/schema.ts';
import { recordStartingProgress } from './tasks.repository.ts';

/** Which of these ids name a row of the table: one statement for a whole batch of new tasks. */
export async function existingIds(
  db: Db,
  table: 'directive_document' | 'meeting_conclusion',
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('id', '=', sql<string>`any(${ids}::uuid[])`)
    .execute();
  return new Set(rows.map((row) => row.id));
}

/**
 * Inserts tasks in one statement and answers the id of each code inserted. A code already taken
 * (by an earlier task, or by a writer committing meanwhile: the unique index decides) inserts
 * nothing and is absent from the answer.
 */
export async function insertTasks(db: Db, rows: Array<Insertable<TaskTable>>): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const inserted = await db
    .insertInto('task')
    .values(rows)
    .onConflict((conflict) => conflict.column('code').doNothing())
    .returning(['id', 'code'])
    .execute();
  return new Map(inserted.map((row) => [row.code, row.id]));
}

/** What a new task starts with beside its row. */
export interface CreationRecords {
  coordinators: Array<Insertable<TaskCoordinatorTable>>;
  period: Insertable<TaskPeriodTable>;
  event: Insertable<TaskEventTable>;
  progress: { task_id: string; day: string; percent: number };
}

/**
 * The coordinators, first period, creation event and first progress row (decision 0014) of new
 * tasks: one statement each, whatever their number.
 */
export async function insertCreationRecords(db: Db, records: CreationRecords[]): Promise<void> {
  if (records.length === 0) return;
  const coordinators = records.flatMap((record) => record.coordinators);
  if (coordinators.length > 0) await db.insertInto('task_coordinator').values(coordinators).execute();
  await db
    .insertInto('task_period')
    .values(records.map((record) => record.period))
    .execute();
  await db
    .insertInto('task_event')
    .values(records.map((record) => record.event))
    .execute();
  await recordStartingProgress(
    db,
    records.map((record) => record.progress),
  );
}
