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
  const rows = await db
    .withRecursive('below(id)', (qb) =>
      qb
        .selectFrom('task')
        .select('id')
        .where('parent_task_id', 'in', parentIds)
        .unionAll((next) =>
          next.selectFrom('task as c').innerJoin('below', 'below.id', 'c.parent_task_id').select('c.id'),
        ),
    )
    .selectFrom('below')
    .innerJoin('task as t', 't.id', 'below.id')
    .innerJoin('task_period as p', (join) => join.onRef('p.task_id', '=', 't.id').on(periodCovers(asOf)))
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
