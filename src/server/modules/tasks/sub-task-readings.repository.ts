import type { Db } from '../../db/database.ts';
import type { SubTaskReading } from '../../../shared/domain/sub-task-roll-up.ts';
import { progressAsOf } from './task-queries.repository.ts';
import { periodCovers, timelinessSql } from './timeliness-sql.ts';

/**
 * Every sub-task below `parentIds`, at any depth, as it stood on `asOf`: its timeliness and its own
 * progress of that day (decision 0014), for the roll-up (decision 0021). Sub-tasks assigned after
 * `asOf` have no period covering it and drop out. Confidential ones are read too: a roll-up is a
 * count and a mean, and names none of them (as the dashboard's counts, decision 0015).
 */
export async function subTaskReadings(
  db: Db,
  parentIds: string[],
  asOf: string,
  dueSoonDays: number,
): Promise<SubTaskReading[]> {
  if (parentIds.length === 0) return [];
  // The walk carries the columns the reading needs, so that nothing is joined to it by a hash: the
  // planner cannot estimate a recursive CTE's rows (it guessed 7,000 for 22) and hashed every task,
  // or every period of the day, to join them (170 ms of a national dashboard's 185).
  const rows = await db
    .withRecursive('below(id, parent_task_id, progress_percent)', (qb) =>
      qb
        .selectFrom('task')
        .select(['id', 'parent_task_id', 'progress_percent'])
        .where('parent_task_id', 'in', parentIds)
        .unionAll((next) =>
          next
            .selectFrom('task as c')
            .innerJoin('below', 'below.id', 'c.parent_task_id')
            .select(['c.id', 'c.parent_task_id', 'c.progress_percent']),
        ),
    )
    .selectFrom('below as t')
    // One period covers a day; LIMIT 1 says so, and keeps PostgreSQL from flattening the LATERAL
    // probe back into a join it would hash.
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('task_period as p')
          .select(['p.state', 'p.effective_deadline', 'p.completed_on'])
          .whereRef('p.task_id', '=', 't.id')
          .where(periodCovers(asOf))
          .limit(1)
          .as('p'),
      (join) => join.onTrue(),
    )
    .select([
      't.id',
      't.parent_task_id',
      timelinessSql(asOf, dueSoonDays).as('timeliness'),
      progressAsOf(asOf).as('progress_percent'),
    ])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    parentId: row.parent_task_id ?? '',
    timeliness: row.timeliness,
    progressPercent: Number(row.progress_percent),
  }));
}
