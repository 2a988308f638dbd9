import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Cascades seen from the organization that cascaded (decision 0021).
 *
 * The tallies' shared depth becomes "the depth a scope must pass to count the task": a sub-task led
 * by a unit of its parent's lead agency (every cascade, task-commands.service.ts) now counts from the
 * parent's lead agency's own depth on, not from the depth below it, so that the province that
 * assigned it counts it; the scopes above the province still count only the province's task. The
 * tallies are then rebuilt from the periods with the new keys.
 *
 * A parent's own percentage stops carrying its sub-tasks' average (which is now read beside it): the
 * history of each task with sub-tasks is rebuilt from what its lead agency reported, as migration
 * 0010 rebuilds any task's (0 on its first day, the day's last report, 100 on completion), and the
 * task's column takes its latest row again.
 *
 * Functions are separate statements: runStatements splits on semicolons at line ends.
 */
const SHARED_DEPTH = `
  CREATE OR REPLACE FUNCTION task_shared_depth(lead_path text, parent_lead_path text) RETURNS integer
  LANGUAGE plpgsql IMMUTABLE AS $$
  DECLARE
    depth integer := 0;
    lead_depth integer := task_path_depth(lead_path);
  BEGIN
    IF parent_lead_path IS NULL THEN RETURN 0; END IF;
    WHILE depth < lead_depth
      AND starts_with(parent_lead_path, task_path_prefix(lead_path, depth + 1)) LOOP
      depth := depth + 1;
    END LOOP;
    -- The parent's lead agency holds the sub-task's: that agency's own scope counts it too.
    IF depth = task_path_depth(parent_lead_path) THEN RETURN depth - 1; END IF;
    RETURN depth;
  END $$`;

/** Exported for the test that puts old roll-ups into a parent's history (progress-as-of.test.ts). */
export const PARENTS_OWN_PROGRESS = `
  DELETE FROM task_progress h USING task t WHERE t.id = h.task_id AND t.child_count > 0;

  INSERT INTO task_progress (task_id, day, percent)
  SELECT t.id,
    coalesce(
      (SELECT min(p.valid_from) FROM task_period p WHERE p.task_id = t.id),
      t.assigned_on,
      cast(t.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date)
    ),
    0
  FROM task t WHERE t.child_count > 0;

  INSERT INTO task_progress (task_id, day, percent)
  SELECT DISTINCT ON (r.task_id, r.reported_on) r.task_id, r.reported_on, r.percent
  FROM progress_report r JOIN task t ON t.id = r.task_id
  WHERE t.child_count > 0
  ORDER BY r.task_id, r.reported_on, r.created_at DESC, r.id DESC
  ON CONFLICT (task_id, day) DO UPDATE SET percent = excluded.percent;

  INSERT INTO task_progress (task_id, day, percent)
  SELECT id, completed_on, 100 FROM task
  WHERE child_count > 0 AND state = 'completed' AND completed_on IS NOT NULL
  ON CONFLICT (task_id, day) DO UPDATE SET percent = excluded.percent;

  UPDATE task t SET progress_percent = latest.percent
  FROM (SELECT DISTINCT ON (task_id) task_id, percent FROM task_progress ORDER BY task_id, day DESC) latest
  WHERE latest.task_id = t.id AND t.child_count > 0 AND t.progress_percent <> latest.percent
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(SHARED_DEPTH).execute(db);
  await sql`SELECT task_tally_rebuild()`.execute(db);
  await runStatements(db, PARENTS_OWN_PROGRESS);
}
