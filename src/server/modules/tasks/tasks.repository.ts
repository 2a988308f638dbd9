import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { TaskEventTable, TaskPeriodTable, TaskProgressTable, TaskTable } from '../../db/schema.ts';

/**
 * The first rows of new tasks' progress histories (decision 0014): the percentage they start at, on
 * the day they are created (createTasks).
 */
export async function recordStartingProgress(db: Db, rows: TaskProgressTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('task_progress').values(rows).execute();
}

/**
 * Sets a task's progress percentage from `day` on, and its history with it: the only writer of
 * `progress_percent` after creation, so that no change escapes the history a past as_of reads
 * (decision 0014). The day's row is written (the last write of a day wins) unless the percentage in
 * effect that day is already this one. The task keeps the value of its latest row: a write dated
 * before rows already written (the demo seed cascades into tasks whose later history exists) changes
 * the days up to those rows only, and today's value stays what the history says of today.
 */
export async function setProgress(db: Db, taskId: string, day: string, percent: number): Promise<void> {
  const id = sql`cast(${taskId} as uuid)`;
  const on = sql`cast(${day} as date)`;
  const value = sql`cast(${percent} as integer)`;
  await sql`
    WITH recorded AS (
      INSERT INTO task_progress (task_id, day, percent)
      SELECT ${id}, ${on}, ${value}
      WHERE ${value} IS DISTINCT FROM (
        SELECT h.percent FROM task_progress h WHERE h.task_id = ${id} AND h.day <= ${on} ORDER BY h.day DESC LIMIT 1
      )
      ON CONFLICT (task_id, day) DO UPDATE SET percent = excluded.percent
    )
    UPDATE task SET
      progress_percent = coalesce(
        (SELECT h.percent FROM task_progress h WHERE h.task_id = ${id} AND h.day > ${on} ORDER BY h.day DESC LIMIT 1),
        ${value}
      ),
      updated_at = ${new Date()}
    WHERE id = ${id}`.execute(db);
}

/** The task, locked until the transaction ends: two writers to one task take turns. */
/** The paths of a task's coordinating organizations: the permission rules read them. */
const coordinatorPaths = sql<string[]>`array(
  SELECT o.path FROM task_coordinator c JOIN organization o ON o.id = c.organization_id WHERE c.task_id = t.id
)`;

export async function lockTask(db: Db, id: string) {
  return db
    .selectFrom('task as t')
    .innerJoin('organization as assigner', 'assigner.id', 't.assigner_organization_id')
    .selectAll('t')
    .select('assigner.path as assigner_path')
    .select(coordinatorPaths.as('coordinator_paths'))
    .where('t.id', '=', id)
    .forUpdate('t')
    .executeTakeFirst();
}
export type LockedTask = NonNullable<Awaited<ReturnType<typeof lockTask>>>;

export async function findTask(db: Db, id: string) {
  return db
    .selectFrom('task as t')
    .innerJoin('organization as assigner', 'assigner.id', 't.assigner_organization_id')
    .selectAll('t')
    .select('assigner.path as assigner_path')
    .select(coordinatorPaths.as('coordinator_paths'))
    .where('t.id', '=', id)
    .executeTakeFirst();
}

/**
 * Who waits on the assigner's decision: the pending extension request's author, and the author of
 * the latest submission. Null authors are the system's.
 */
export async function pendingDecisionsOf(db: Db, taskId: string) {
  const [extension, submission] = await Promise.all([
    db
      .selectFrom('extension_request')
      .select('created_by')
      .where('task_id', '=', taskId)
      .where('status', '=', 'pending')
      .executeTakeFirst(),
    db
      .selectFrom('task_event')
      .select('actor_id')
      .where('task_id', '=', taskId)
      .where('kind', '=', 'submit')
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return {
    pendingExtension: extension ? { requestedBy: extension.created_by } : null,
    submittedBy: submission?.actor_id ?? null,
  };
}

/** Any change but the progress percentage, which goes through setProgress to keep its history. */
export async function updateTask(
  db: Db,
  id: string,
  changes: Omit<Updateable<TaskTable>, 'progress_percent'>,
  bumpVersion = true,
): Promise<void> {
  await db
    .updateTable('task')
    .set({ ...changes, ...(bumpVersion ? { version: sql`version + 1` } : {}), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function replaceCoordinators(db: Db, taskId: string, organizationIds: string[]): Promise<void> {
  await db.deleteFrom('task_coordinator').where('task_id', '=', taskId).execute();
  if (organizationIds.length === 0) return;
  await db
    .insertInto('task_coordinator')
    .values([...new Set(organizationIds)].map((organization_id) => ({ task_id: taskId, organization_id })))
    .execute();
}

/**
 * Records what the task is from `on`, in one statement: the current period ends and a new one
 * begins, or, when the current one began that same day, it is rewritten. Any past day then reads
 * as it was.
 */
export async function recordPeriod(
  db: Db,
  taskId: string,
  on: string,
  values: Pick<TaskPeriodTable, 'state' | 'effective_deadline' | 'completed_on'>,
): Promise<void> {
  await db
    .with('closed', (cte) =>
      cte
        .updateTable('task_period')
        .set({ valid_to: on })
        .where('task_id', '=', taskId)
        .where('valid_to', 'is', null)
        .where('valid_from', '<', on),
    )
    .insertInto('task_period')
    .values({ task_id: taskId, valid_from: on, valid_to: null, ...values })
    .onConflict((conflict) => conflict.columns(['task_id', 'valid_from']).doUpdateSet(values))
    .execute();
}

export async function insertEvent(db: Db, row: Insertable<TaskEventTable>): Promise<void> {
  await db.insertInto('task_event').values(row).execute();
}

export async function takeChildNumber(db: Db, parentId: string): Promise<number> {
  const row = await db
    .updateTable('task')
    .set({ child_count: sql`child_count + 1` })
    .where('id', '=', parentId)
    .returning('child_count')
    .executeTakeFirstOrThrow();
  return row.child_count;
}

export async function countOpenChildren(db: Db, parentId: string): Promise<number> {
  const row = await db
    .selectFrom('task')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_task_id', '=', parentId)
    .where('state', 'in', ['draft', 'assigned', 'in_progress', 'submitted'])
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function coordinatorsOf(db: Db, taskId: string) {
  return db
    .selectFrom('task_coordinator as c')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .select(['o.id', 'o.code', 'o.name_vi', 'o.name_en'])
    .where('c.task_id', '=', taskId)
    .orderBy(sql`o.code COLLATE "C"`)
    .execute();
}

export async function eventsOf(db: Db, taskId: string) {
  return db
    .selectFrom('task_event as e')
    .leftJoin('person', 'person.id', 'e.actor_id')
    .select([
      'e.id',
      'e.at',
      'e.kind',
      'e.from_state',
      'e.to_state',
      'e.reason',
      'e.details',
      'person.full_name as actor_name',
    ])
    .where('e.task_id', '=', taskId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

export async function reportsOf(db: Db, taskId: string) {
  return db
    .selectFrom('progress_report as r')
    .leftJoin('person', 'person.id', 'r.created_by')
    .selectAll('r')
    .select('person.full_name as author_name')
    .where('r.task_id', '=', taskId)
    .orderBy('r.created_at', 'desc')
    .execute();
}

export async function extensionsOf(db: Db, taskId: string) {
  return db
    .selectFrom('extension_request')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function commentsOf(db: Db, taskId: string) {
  return db
    .selectFrom('task_comment as c')
    .leftJoin('person', 'person.id', 'c.created_by')
    .select(['c.id', 'c.body', 'c.created_at', 'person.full_name as author_name'])
    .where('c.task_id', '=', taskId)
    .orderBy('c.created_at')
    .execute();
}
