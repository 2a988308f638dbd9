import { type Kysely, sql } from 'kysely';

/**
 * Dashboard tallies (decision 0011): running counts of tasks by timeliness bucket, kept by the
 * database itself in the transaction that writes a task period, so that a dashboard reads a few
 * thousand rows instead of every task in its scope, for any `as_of`.
 *
 * A period [valid_from, valid_to) adds +1 to its bucket on valid_from and -1 on valid_to; an open
 * period with a deadline D is on track, due soon from D - 7 (the default window, DEFAULT_DUE_SOON_DAYS)
 * and overdue from D + 1: changes known when the period is written. `task_tally` keeps, per key, the
 * running sum at every day something changed: a reading takes the latest row at or before `as_of`.
 * Another due-soon window is a range read on the open-deadline index, taken out of on track + due soon.
 *
 * Keys: `lead` — a lead agency and how deep its tasks' parents share its path (a scope at depth d
 * counts a task when it holds the lead agency and d > shared depth); `scope` — an organization and a
 * task group, for every scope that counts the task (the by-group table and its totals).
 *
 * Functions are separate statements: runStatements splits on semicolons at line ends.
 */
const TABLES = `
  CREATE TABLE task_tally_key (
    id serial PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('lead', 'scope')),
    path text NOT NULL,
    shared_depth integer NOT NULL,
    organization_id uuid,
    province_id uuid,
    task_group_id uuid,
    UNIQUE NULLS NOT DISTINCT (kind, path, shared_depth, organization_id, province_id, task_group_id)
  );
  CREATE INDEX task_tally_key_lead_idx ON task_tally_key (path text_pattern_ops, shared_depth) WHERE kind = 'lead';
  CREATE TABLE task_tally (
    key_id integer NOT NULL REFERENCES task_tally_key(id),
    day date NOT NULL,
    on_time integer NOT NULL,
    late integer NOT NULL,
    ongoing integer NOT NULL,
    on_track integer NOT NULL,
    due_soon integer NOT NULL,
    overdue integer NOT NULL,
    PRIMARY KEY (key_id, day)
  )
`;

const PATH_DEPTH = `
  CREATE FUNCTION task_path_depth(path text) RETURNS integer LANGUAGE sql IMMUTABLE AS
  $$ SELECT length(path) - length(replace(path, '/', '')) - 1 $$`;

const PATH_PREFIX = `
  CREATE FUNCTION task_path_prefix(path text, depth integer) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT array_to_string((string_to_array(path, '/'))[1:depth + 1], '/') || '/' $$`;

/** Whole path segments shared by a task's lead agency and its parent's (0 without a parent). */
const SHARED_DEPTH = `
  CREATE FUNCTION task_shared_depth(lead_path text, parent_lead_path text) RETURNS integer
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
    RETURN depth;
  END $$`;

/**
 * The timeliness rule of src/shared/domain/timeliness.ts, as changes over a period's days: an open
 * period with a deadline D crosses up to three segments, on track until D - 7, due soon until D + 1,
 * overdue after; each segment it overlaps adds +1 where the overlap starts and -1 where it ends.
 */
const PERIOD_DELTAS = `
  CREATE FUNCTION task_period_deltas(p_from date, p_to date, p_state text, p_deadline date, p_completed date)
  RETURNS TABLE (day date, bucket text, delta integer) LANGUAGE sql IMMUTABLE AS $$
    WITH segment (bucket, starts, ends) AS (
      SELECT 'on_time', NULL::date, NULL::date
      WHERE p_state = 'completed' AND (p_deadline IS NULL OR p_completed IS NULL OR p_completed <= p_deadline)
      UNION ALL
      SELECT 'late', NULL, NULL
      WHERE p_state = 'completed' AND p_deadline IS NOT NULL AND p_completed > p_deadline
      UNION ALL
      SELECT 'ongoing', NULL, NULL
      WHERE p_state IN ('assigned', 'in_progress', 'submitted') AND p_deadline IS NULL
      UNION ALL
      SELECT s.bucket, s.starts, s.ends
      FROM (VALUES ('on_track', NULL::date, p_deadline - 7),
                   ('due_soon', p_deadline - 7, p_deadline + 1),
                   ('overdue', p_deadline + 1, NULL::date)) AS s (bucket, starts, ends)
      WHERE p_state IN ('assigned', 'in_progress', 'submitted') AND p_deadline IS NOT NULL
    ), overlap AS (
      -- greatest and least pass over nulls: an open end is no bound.
      SELECT bucket, greatest(p_from, starts) AS starts, least(p_to, ends) AS ends FROM segment
    )
    SELECT o.starts, o.bucket, 1 FROM overlap AS o WHERE o.ends IS NULL OR o.starts < o.ends
    UNION ALL
    SELECT o.ends, o.bucket, -1 FROM overlap AS o WHERE o.ends IS NOT NULL AND o.starts < o.ends
  $$`;

const KEY_FOR = `
  CREATE FUNCTION task_tally_key_for(p_kind text, p_path text, p_shared integer, p_organization uuid,
    p_province uuid, p_group uuid) RETURNS integer LANGUAGE plpgsql AS $$
  DECLARE found_id integer;
  BEGIN
    SELECT id INTO found_id FROM task_tally_key
    WHERE kind = p_kind AND path = p_path AND shared_depth = p_shared
      AND organization_id IS NOT DISTINCT FROM p_organization AND province_id IS NOT DISTINCT FROM p_province
      AND task_group_id IS NOT DISTINCT FROM p_group;
    IF found_id IS NULL THEN
      INSERT INTO task_tally_key (kind, path, shared_depth, organization_id, province_id, task_group_id)
      VALUES (p_kind, p_path, p_shared, p_organization, p_province, p_group) RETURNING id INTO found_id;
    END IF;
    RETURN found_id;
  END $$`;

/**
 * Adds (sign 1) or takes away (sign -1) one period of a task under the task's attributes, in two
 * statements whatever the number of keys and days: each changed day gets a row per key, starting
 * from the running counts before it; then every row from each changed day on takes the changes up
 * to its day. Takes the audit trail's lock (5700001), which every write takes anyway: tallies change
 * one writer at a time, so no change is lost between the copy and the update, and no new lock order
 * can deadlock.
 */
const APPLY = `
  CREATE FUNCTION task_tally_apply(t task, p task_period, sign integer) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    shared integer := task_shared_depth(t.lead_path, t.parent_lead_path);
    keys integer[];
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM task_period_deltas(p.valid_from, p.valid_to, p.state, p.effective_deadline,
                   p.completed_on)) THEN
      RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(5700001);
    keys := ARRAY[task_tally_key_for('lead', t.lead_path, shared, t.lead_organization_id, t.lead_province_id, NULL)];
    FOR depth IN shared + 1 .. task_path_depth(t.lead_path) LOOP
      keys := keys || task_tally_key_for('scope', task_path_prefix(t.lead_path, depth), 0, NULL, NULL, t.task_group_id);
    END LOOP;
    INSERT INTO task_tally (key_id, day, on_time, late, ongoing, on_track, due_soon, overdue)
    SELECT k.key_id, d.day, coalesce(b.on_time, 0), coalesce(b.late, 0), coalesce(b.ongoing, 0),
           coalesce(b.on_track, 0), coalesce(b.due_soon, 0), coalesce(b.overdue, 0)
    FROM unnest(keys) AS k(key_id)
    CROSS JOIN (
      SELECT DISTINCT day
      FROM task_period_deltas(p.valid_from, p.valid_to, p.state, p.effective_deadline, p.completed_on)
    ) AS d
    LEFT JOIN LATERAL (
      SELECT * FROM task_tally AS b WHERE b.key_id = k.key_id AND b.day < d.day ORDER BY b.day DESC LIMIT 1
    ) AS b ON true
    ON CONFLICT (key_id, day) DO NOTHING;
    UPDATE task_tally AS r
    SET on_time = r.on_time + c.on_time, late = r.late + c.late, ongoing = r.ongoing + c.ongoing,
        on_track = r.on_track + c.on_track, due_soon = r.due_soon + c.due_soon, overdue = r.overdue + c.overdue
    FROM (
      SELECT r.key_id, r.day,
             sign * coalesce(sum(d.delta) FILTER (WHERE d.bucket = 'on_time'), 0) AS on_time,
             sign * coalesce(sum(d.delta) FILTER (WHERE d.bucket = 'late'), 0) AS late,
             sign * coalesce(sum(d.delta) FILTER (WHERE d.bucket = 'ongoing'), 0) AS ongoing,
             sign * coalesce(sum(d.delta) FILTER (WHERE d.bucket = 'on_track'), 0) AS on_track,
             sign * coalesce(sum(d.delta) FILTER (WHERE d.bucket = 'due_soon'), 0) AS due_soon,
             sign * coalesce(sum(d.delta) FILTER (WHERE d.bucket = 'overdue'), 0) AS overdue
      FROM task_tally AS r
      JOIN task_period_deltas(p.valid_from, p.valid_to, p.state, p.effective_deadline, p.completed_on) AS d
        ON r.day >= d.day
      WHERE r.key_id = ANY (keys) AND r.day >= p.valid_from
      GROUP BY r.key_id, r.day
    ) AS c
    WHERE r.key_id = c.key_id AND r.day = c.day;
  END $$`;

const PERIOD_TRIGGER_FUNCTION = `
  CREATE FUNCTION task_period_tally() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE t task;
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      SELECT * INTO t FROM task WHERE id = OLD.task_id;
      PERFORM task_tally_apply(t, OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      SELECT * INTO t FROM task WHERE id = NEW.task_id;
      PERFORM task_tally_apply(t, NEW, 1);
    END IF;
    RETURN NULL;
  END $$`;

/** A task whose lead agency, parent or group changes moves its whole history to its new keys. */
const TASK_TRIGGER_FUNCTION = `
  CREATE FUNCTION task_attributes_tally() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE p task_period;
  BEGIN
    FOR p IN SELECT * FROM task_period WHERE task_id = NEW.id LOOP
      PERFORM task_tally_apply(OLD, p, -1);
      PERFORM task_tally_apply(NEW, p, 1);
    END LOOP;
    RETURN NULL;
  END $$`;

const TRIGGERS = `
  CREATE TRIGGER task_period_tally AFTER INSERT OR UPDATE OR DELETE ON task_period
    FOR EACH ROW EXECUTE FUNCTION task_period_tally();
  CREATE TRIGGER task_attributes_tally AFTER UPDATE ON task FOR EACH ROW
    WHEN (OLD.lead_organization_id IS DISTINCT FROM NEW.lead_organization_id
       OR OLD.lead_province_id IS DISTINCT FROM NEW.lead_province_id
       OR OLD.lead_path IS DISTINCT FROM NEW.lead_path
       OR OLD.parent_lead_path IS DISTINCT FROM NEW.parent_lead_path
       OR OLD.task_group_id IS DISTINCT FROM NEW.task_group_id)
    EXECUTE FUNCTION task_attributes_tally()
`;

/**
 * Rebuilds every tally from the periods, set-based: the migration's backfill, and the way bulk
 * loads (the benchmark's dataset) catch up after writing with the triggers disabled.
 */
const REBUILD = `
  CREATE FUNCTION task_tally_rebuild() RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    -- Stands for "none" in key comparisons, so that they are plain equalities a hash join can use.
    nil constant uuid := '00000000-0000-0000-0000-000000000000';
  BEGIN
    PERFORM pg_advisory_xact_lock(5700001);
    DROP TABLE IF EXISTS tally_delta, tally_keyed;
    TRUNCATE task_tally, task_tally_key RESTART IDENTITY;
    CREATE TEMP TABLE tally_delta ON COMMIT DROP AS
      SELECT t.lead_organization_id, t.lead_province_id, t.lead_path, t.task_group_id,
             task_shared_depth(t.lead_path, t.parent_lead_path) AS shared, d.day, d.bucket, d.delta
      FROM task t
      JOIN task_period p ON p.task_id = t.id
      CROSS JOIN LATERAL task_period_deltas(p.valid_from, p.valid_to, p.state, p.effective_deadline,
                                            p.completed_on) AS d;
    CREATE TEMP TABLE tally_keyed ON COMMIT DROP AS
      SELECT 'lead' AS kind, lead_path AS path, shared AS shared_depth, lead_organization_id AS organization_id,
             lead_province_id AS province_id, NULL::uuid AS task_group_id, day, bucket, delta
      FROM tally_delta
      UNION ALL
      SELECT 'scope', task_path_prefix(lead_path, depth), 0, NULL, NULL, task_group_id, day, bucket, delta
      FROM tally_delta CROSS JOIN LATERAL generate_series(shared + 1, task_path_depth(lead_path)) AS depth;
    INSERT INTO task_tally_key (kind, path, shared_depth, organization_id, province_id, task_group_id)
      SELECT DISTINCT kind, path, shared_depth, organization_id, province_id, task_group_id FROM tally_keyed;
    INSERT INTO task_tally (key_id, day, on_time, late, ongoing, on_track, due_soon, overdue)
      SELECT k.id, x.day,
             sum(coalesce(sum(x.delta) FILTER (WHERE x.bucket = 'on_time'), 0)) OVER w,
             sum(coalesce(sum(x.delta) FILTER (WHERE x.bucket = 'late'), 0)) OVER w,
             sum(coalesce(sum(x.delta) FILTER (WHERE x.bucket = 'ongoing'), 0)) OVER w,
             sum(coalesce(sum(x.delta) FILTER (WHERE x.bucket = 'on_track'), 0)) OVER w,
             sum(coalesce(sum(x.delta) FILTER (WHERE x.bucket = 'due_soon'), 0)) OVER w,
             sum(coalesce(sum(x.delta) FILTER (WHERE x.bucket = 'overdue'), 0)) OVER w
      FROM tally_keyed x
      JOIN task_tally_key k ON k.kind = x.kind AND k.path = x.path AND k.shared_depth = x.shared_depth
        AND coalesce(k.organization_id, nil) = coalesce(x.organization_id, nil)
        AND coalesce(k.province_id, nil) = coalesce(x.province_id, nil)
        AND coalesce(k.task_group_id, nil) = coalesce(x.task_group_id, nil)
      GROUP BY k.id, x.day
      WINDOW w AS (PARTITION BY k.id ORDER BY x.day);
  END $$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of TABLES.split(/;\s*\n/)) await sql.raw(statement).execute(db);
  for (const statement of [
    PATH_DEPTH,
    PATH_PREFIX,
    SHARED_DEPTH,
    PERIOD_DELTAS,
    KEY_FOR,
    APPLY,
    PERIOD_TRIGGER_FUNCTION,
    TASK_TRIGGER_FUNCTION,
    REBUILD,
  ]) {
    await sql.raw(statement).execute(db);
  }
  for (const statement of TRIGGERS.split(/;\s*\n/)) await sql.raw(statement).execute(db);
  await sql`SELECT task_tally_rebuild()`.execute(db);
}
