import type { Db } from '../../db/database.ts';
import { rollUpSubTasks, type SubTaskReading } from '../../../shared/domain/sub-task-roll-up.ts';
import type { TaskSummary } from '../../../shared/schemas/tasks.ts';
import { subTaskReadings } from './sub-task-readings.repository.ts';
import type { TaskSummaryRow } from './task-queries.repository.ts';
import { toTaskSummary } from './task-views.ts';

// Below PostgreSQL's 65,535 bind parameters, with room to spare (an export lists up to 50,000 tasks).
const PARENT_CHUNK = 5_000;

/**
 * Summaries of listed rows with, for each cascaded one, the roll-up of its sub-tasks on the same
 * day (decision 0021): one read of the listed parents' subtrees, whatever the number of rows.
 */
export async function summariesOf(
  db: Db,
  rows: TaskSummaryRow[],
  reading: { asOf: string; dueSoonDays: number },
): Promise<TaskSummary[]> {
  const parentIds = [...new Set(rows.filter((row) => row.child_count > 0).map((row) => row.id))];
  // By id: a listed parent may also lie below another listed one, in another chunk.
  const readings = new Map<string, SubTaskReading>();
  for (let start = 0; start < parentIds.length; start += PARENT_CHUNK) {
    const chunk = parentIds.slice(start, start + PARENT_CHUNK);
    for (const row of await subTaskReadings(db, chunk, reading.asOf, reading.dueSoonDays)) readings.set(row.id, row);
  }
  const rollUps = rollUpSubTasks(parentIds, [...readings.values()]);
  return rows.map((row) => toTaskSummary(row, rollUps.get(row.id) ?? null));
}
