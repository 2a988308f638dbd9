import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * A task's progress percentage day by day (decision 0014), so that a past `as_of` shows that day's
 * percentage as it shows that day's state. One row per task and day on which the percentage changed;
 * a reading takes the latest row at or before `as_of` (one probe of the primary key). The task's own
 * `progress_percent` is always its latest row (tasks.repository.ts `setProgress`).
 *
 * The backfill rebuilds what the database still knows, each step overriding the day's row of the
 * steps before: 0 on a task's first day (its first period's: every task starts at 0); the last report
 * of each day; 100 on the completion day. A task with neither reports nor completion (a parent whose
 * percentage only ever came from its sub-tasks) reads its current value from its first day. Last,
 * where the latest row still differs from the task's value (a roll-up after the task's last report),
 * the current value from the day of the task's last update. A parent's roll-ups before this migration
 * were not kept and cannot be rebuilt exactly.
 */
const TABLE = `
  CREATE TABLE task_progress (
    task_id uuid NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    day date NOT NULL,
    percent integer NOT NULL CHECK (percent BETWEEN 0 AND 100),
    PRIMARY KEY (task_id, day)
  )
`;

/** Exported for the test that rebuilds a history written by the services (progress-as-of.test.ts). */
export const BACKFILL = `
  INSERT INTO task_progress (task_id, day, percent)
  SELECT t.id,
    coalesce(
      (SELECT min(p.valid_from) FROM task_period p WHERE p.task_id = t.id),
      t.assigned_on,
      cast(t.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date)
    ),
    0
  FROM task t;

  INSERT INTO task_progress (task_id, day, percent)
  SELECT DISTINCT ON (r.task_id, r.reported_on) r.task_id, r.reported_on, r.percent
  FROM progress_report r
  ORDER BY r.task_id, r.reported_on, r.created_at DESC, r.id DESC
  ON CONFLICT (task_id, day) DO UPDATE SET percent = excluded.percent;

  INSERT INTO task_progress (task_id, day, percent)
  SELECT id, completed_on, 100 FROM task WHERE state = 'completed' AND completed_on IS NOT NULL
  ON CONFLICT (task_id, day) DO UPDATE SET percent = excluded.percent;

  UPDATE task_progress h SET percent = t.progress_percent
  FROM task t
  WHERE t.id = h.task_id
    AND NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.task_id = t.id)
    AND NOT (t.state = 'completed' AND t.completed_on IS NOT NULL);

  INSERT INTO task_progress (task_id, day, percent)
  SELECT t.id, greatest(latest.day, cast(t.updated_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date)), t.progress_percent
  FROM task t
  CROSS JOIN LATERAL (
    SELECT h.day, h.percent FROM task_progress h WHERE h.task_id = t.id ORDER BY h.day DESC LIMIT 1
  ) latest
  WHERE latest.percent <> t.progress_percent
  ON CONFLICT (task_id, day) DO UPDATE SET percent = excluded.percent
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, TABLE);
  await runStatements(db, BACKFILL);
}
