/**
 * A national dataset for the task benchmark, generated with set-based SQL: the organization tree
 * (root, government and ministries, 34 provinces with their departments and 3,321 communes), one
 * programme with ten groups, tasks with their period history (2–4 periods each) and progress
 * reports. Benchmark data, not the demo: the rows match what the services write, but no audit
 * trail or events are produced.
 */
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { parse } from 'csv-parse/sync';
import { REFERENCE_DIR } from '../src/server/seed/reference-data.ts';
import { BACKFILL as PROGRESS_HISTORY_SQL } from '../src/server/db/migrations/0010-task-progress-history.ts';
import { insertOrganizations } from './organization-dataset.ts';

export interface DatasetSize {
  tasks: number;
  reportsPerTask: number;
  /** Nothing happens after this day: the dataset's "today". */
  today: string;
}

const CHILD_COUNTS_SQL = `
  UPDATE organization o SET child_count = c.n
  FROM (SELECT parent_id, count(*) AS n FROM organization WHERE parent_id IS NOT NULL GROUP BY parent_id) c
  WHERE o.id = c.parent_id`;

const PROGRAMME_SQL = `
  WITH programme AS (
    INSERT INTO programme (code, name_vi, name_en, owner_organization_id, next_task_number)
    SELECT 'BENCH', 'Chương trình đo hiệu năng', 'Benchmark programme', id, $2::int + 1 FROM organization WHERE code = 'VN'
    RETURNING id
  )
  INSERT INTO task_group (programme_id, number, name_vi, name_en)
  SELECT programme.id, g.number, g.title, g.title FROM programme, jsonb_to_recordset($1::jsonb) AS g(number int, title text)`;

/**
 * Who leads: ministries (assigned by the root), provinces (by the root), provincial departments and
 * communes (by their province; half of those are sub-tasks cascaded from one of the province's tasks).
 */
const LEAD_POOL_SQL = `
  CREATE TEMP TABLE lead_pool AS
  SELECT cat, row_number() OVER (PARTITION BY cat ORDER BY code) AS rn, id, path, province_id, assigner_id
  FROM (
    SELECT CASE WHEN o.kind IN ('ministry', 'ministry_level_agency') THEN 'M'
                WHEN o.kind IN ('province', 'city') THEN 'P'
                WHEN o.kind = 'provincial_department' THEN 'D'
                ELSE 'C' END AS cat,
           o.code, o.id, o.path,
           CASE WHEN o.kind IN ('province', 'city') THEN o.id
                WHEN parent.kind IN ('province', 'city') THEN parent.id END AS province_id,
           CASE WHEN parent.kind IN ('province', 'city') THEN parent.id ELSE root.id END AS assigner_id
    FROM organization o
    JOIN organization parent ON parent.id = o.parent_id
    JOIN organization root ON root.code = 'VN'
    WHERE o.kind IN ('ministry', 'ministry_level_agency', 'province', 'city', 'provincial_department',
                     'commune', 'ward', 'special_zone')
  ) leads`;

/**
 * One row per task with every date of its life drawn at once: assigned, started (always), maybe an
 * extension, then completed, cancelled, submitted or still open. Nothing happens after $2 (today).
 */
const PLAN_SQL = `
  CREATE TEMP TABLE plan AS
  WITH draws AS (
    SELECT g, CASE WHEN g % 10 = 0 THEN 'M' WHEN g % 10 IN (1, 2) THEN 'P' WHEN g % 10 = 3 THEN 'D' ELSE 'C' END AS cat,
      random() AS r_lead, random() AS r_group, random() AS r_assign, random() AS r_dead, random() AS r_start,
      random() AS r_ext, random() AS r_extlen, random() AS r_close, random() AS r_outcome, random() AS r_sub,
      random() AS r_nodl
    FROM generate_series(1, $1::int) AS g
  ), leads AS (
    SELECT d.*, l.id AS lead_id, l.path AS lead_path, l.province_id, l.assigner_id
    FROM draws d
    JOIN (SELECT cat, count(*) AS n FROM lead_pool GROUP BY cat) c USING (cat)
    JOIN lead_pool l ON l.cat = d.cat AND l.rn = 1 + floor(d.r_lead * c.n)::int
  ), dated AS (
    SELECT l.*, date '2025-01-06' + floor(r_assign * 620)::int AS assigned_on
    FROM leads l
  ), started AS (
    SELECT d.*,
      CASE WHEN r_nodl < 0.04 THEN NULL ELSE least(assigned_on + 45 + floor(r_dead * 300)::int, date '2026-12-31') END AS deadline,
      assigned_on + 1 + floor(r_start * 20)::int AS started_on
    FROM dated d
  ), extended AS (
    SELECT s.*,
      CASE WHEN deadline IS NOT NULL AND r_ext < 0.25
                AND started_on + 1 + floor(r_ext * 4 * greatest(deadline - started_on - 1, 0))::int <= $2::date
           THEN started_on + 1 + floor(r_ext * 4 * greatest(deadline - started_on - 1, 0))::int END AS extended_on
    FROM started s
  ), closing AS (
    SELECT e.*,
      CASE WHEN extended_on IS NULL THEN deadline ELSE deadline + 30 + floor(r_extlen * 60)::int END AS effective_deadline,
      coalesce(extended_on, started_on) AS last_change
    FROM extended e
  ), closed AS (
    SELECT c.*,
      CASE WHEN r_outcome < 0.85 THEN greatest(last_change + 1,
             coalesce(effective_deadline - 45 + floor(r_close * 75)::int, started_on + 30 + floor(r_close * 200)::int))
           WHEN r_outcome < 0.88 THEN last_change + 1 + floor(r_close * 60)::int
           ELSE last_change + 1 + floor(r_close * greatest($2::date - last_change - 1, 0))::int END AS close_on,
      CASE WHEN r_outcome < 0.85 THEN 'completed' WHEN r_outcome < 0.88 THEN 'cancelled'
           WHEN r_close < 0.3 THEN 'submitted' END AS close_state
    FROM closing c
  )
  SELECT gen_random_uuid() AS id, g, cat, lead_id, lead_path, province_id, assigner_id,
    1 + floor(r_group * 10)::int AS group_no, cat IN ('C', 'D') AND r_sub < 0.5 AS is_sub, r_sub,
    assigned_on, deadline, started_on, extended_on, effective_deadline,
    CASE WHEN close_state IS NOT NULL AND close_on <= $2::date THEN close_on END AS close_on,
    CASE WHEN close_state IS NOT NULL AND close_on <= $2::date THEN close_state END AS close_state
  FROM closed`;

const PARENTS_SQL = `
  CREATE TEMP TABLE province_task AS
  SELECT id, province_id, lead_path, row_number() OVER (PARTITION BY province_id ORDER BY g) AS rn,
         count(*) OVER (PARTITION BY province_id) AS n
  FROM plan WHERE cat = 'P'`;

const TASKS_SQL = `
  INSERT INTO task (id, code, title, programme_id, task_group_id, assigner_organization_id, lead_organization_id,
    lead_path, lead_province_id, parent_task_id, parent_lead_path, start_on, deadline, expected_output, priority,
    state, effective_deadline, assigned_on, completed_on, progress_percent, search_text)
  SELECT p.id, 'BENCH-' || lpad(p.g::text, 6, '0'), 'Nhiệm vụ số ' || p.g, grp.programme_id, grp.id,
    p.assigner_id, p.lead_id, p.lead_path, p.province_id, parent.id, parent.lead_path, p.assigned_on, p.deadline,
    'Báo cáo kết quả', CASE WHEN p.g % 7 = 0 THEN 'high' ELSE 'normal' END,
    coalesce(p.close_state, 'in_progress'), p.effective_deadline, p.assigned_on,
    CASE WHEN p.close_state = 'completed' THEN p.close_on END,
    CASE WHEN p.close_state = 'completed' THEN 100 ELSE (p.g * 37) % 95 END,
    'bench ' || lpad(p.g::text, 6, '0') || ' nhiem vu so ' || p.g
  FROM plan p
  JOIN task_group grp ON grp.number = p.group_no
  LEFT JOIN (SELECT DISTINCT province_id, n FROM province_task) pc ON p.is_sub AND pc.province_id = p.province_id
  LEFT JOIN province_task parent ON parent.province_id = p.province_id AND parent.rn = 1 + floor(p.r_sub * 2 * pc.n)::int`;

const SUBTASK_COUNTS_SQL = `
  UPDATE task t SET child_count = c.n
  FROM (SELECT parent_task_id, count(*) AS n FROM task WHERE parent_task_id IS NOT NULL GROUP BY parent_task_id) c
  WHERE t.id = c.parent_task_id`;

/** Periods are [valid_from, valid_to): assigned, in progress, maybe extended, maybe closed. */
const PERIODS_SQL = `
  INSERT INTO task_period (task_id, valid_from, valid_to, state, effective_deadline, completed_on)
  SELECT p.id, v.valid_from, v.valid_to, v.state, v.effective_deadline, v.completed_on
  FROM plan p CROSS JOIN LATERAL (VALUES
    (p.assigned_on, p.started_on, 'assigned', p.deadline, NULL::date),
    (p.started_on, coalesce(p.extended_on, p.close_on), 'in_progress', p.deadline, NULL),
    (p.extended_on, p.close_on, 'in_progress', p.effective_deadline, NULL),
    (p.close_on, NULL, p.close_state, p.effective_deadline, CASE WHEN p.close_state = 'completed' THEN p.close_on END)
  ) AS v(valid_from, valid_to, state, effective_deadline, completed_on)
  WHERE v.valid_from IS NOT NULL`;

const REPORTS_SQL = `
  INSERT INTO progress_report (task_id, reported_on, percent, narrative, difficulties)
  SELECT p.id, p.assigned_on + (k * greatest(coalesce(p.close_on, $2::date) - p.assigned_on, 11)) / ($1::int + 1),
    least(100, k * (100 / $1::int)), 'Báo cáo tiến độ kỳ ' || k,
    CASE WHEN k % 5 = 0 THEN 'Thiếu kinh phí' END
  FROM plan p CROSS JOIN generate_series(1, $1::int) AS k`;

function taskGroups(): { number: number; title: string }[] {
  const records: { number: string; title_en: string }[] = parse(
    fs.readFileSync(path.join(REFERENCE_DIR, 'task-groups.csv'), 'utf8'),
    { columns: true, skip_empty_lines: true, trim: true },
  );
  return records.map((record) => ({ number: Number(record.number), title: record.title_en }));
}

/** Fills a freshly migrated database; returns the row counts. */
export async function generateDataset(client: pg.Client, size: DatasetSize): Promise<Record<string, number>> {
  // Bulk load: the rows are consistent by construction, so foreign-key triggers are skipped.
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SELECT setseed(0.57)`);
  await insertOrganizations(client, { communes: true });
  await client.query(CHILD_COUNTS_SQL);
  await client.query(PROGRAMME_SQL, [JSON.stringify(taskGroups()), size.tasks]);
  await client.query(LEAD_POOL_SQL);
  await client.query(PLAN_SQL, [size.tasks, size.today]);
  await client.query(PARENTS_SQL);
  await client.query(TASKS_SQL);
  await client.query(SUBTASK_COUNTS_SQL);
  await client.query(PERIODS_SQL);
  await client.query(REPORTS_SQL, [size.reportsPerTask, size.today]);
  // Progress day by day, as the services keep it (decision 0014), rebuilt from the reports and completions.
  for (const statement of PROGRESS_HISTORY_SQL.split(/;\s*\n/)) await client.query(statement);
  await client.query(`DROP TABLE plan, province_task, lead_pool`);
  await client.query(`SET session_replication_role = DEFAULT`);
  // The tallies' triggers were off while loading (replica role); they are built set-based, as the
  // migration's backfill does (decision 0011).
  await client.query(`SELECT task_tally_rebuild()`);
  await client.query(`VACUUM ANALYZE`);
  const { rows } = await client.query<{ name: string; n: number }>(`
    SELECT 'organization' AS name, count(*)::int AS n FROM organization
    UNION ALL SELECT 'task', count(*)::int FROM task
    UNION ALL SELECT 'sub-task', count(*)::int FROM task WHERE parent_task_id IS NOT NULL
    UNION ALL SELECT 'task_period', count(*)::int FROM task_period
    UNION ALL SELECT 'task_progress', count(*)::int FROM task_progress
    UNION ALL SELECT 'progress_report', count(*)::int FROM progress_report`);
  return Object.fromEntries(rows.map((row) => [row.name, row.n]));
}
