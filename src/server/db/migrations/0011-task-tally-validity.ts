import { type Kysely, sql } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Each tally row says until when it holds (decision 0011, "Reading the whole country"): `until` is
 * the day of the key's next row, null for its last. The whole country's dashboard then reads the
 * lead agencies' rows holding on `as_of` in one scan of a range index, instead of one probe a key
 * (3,440 of them at national scale). `is_lead` copies the key's kind, so that the index holds the
 * lead keys' rows only; its included columns (`day` and `until` too: PostgreSQL reads an expression
 * index alone only when the expression's columns are in it) let the read skip the table.
 *
 * Functions are separate statements: runStatements splits on semicolons at line ends.
 */
const COLUMNS = `
  ALTER TABLE task_tally ADD COLUMN until date, ADD COLUMN is_lead boolean NOT NULL DEFAULT false;
  UPDATE task_tally t SET is_lead = true FROM task_tally_key k WHERE k.id = t.key_id AND k.kind = 'lead';
  UPDATE task_tally t SET until = n.next_day
  FROM (SELECT key_id, day, lead(day) OVER (PARTITION BY key_id ORDER BY day) AS next_day FROM task_tally) n
  WHERE n.key_id = t.key_id AND n.day = t.day AND n.next_day IS NOT NULL;
  ALTER TABLE task_tally ADD CONSTRAINT task_tally_until_after_day CHECK (until > day);
  CREATE INDEX task_tally_lead_validity_idx ON task_tally USING spgist (daterange(day, until))
    INCLUDE (key_id, day, until, on_time, late, ongoing, on_track, due_soon, overdue) WHERE is_lead;
  CREATE INDEX task_tally_key_lead_depth_idx ON task_tally_key (shared_depth, path text_pattern_ops)
    INCLUDE (id, organization_id, province_id) WHERE kind = 'lead'
`;

/**
 * As in 0008, and: new rows take `is_lead` from their key, and once they are in, the rows around
 * them get their `until` again (the row before a new day now ends on it; a new row ends where the
 * next one starts). Only rows whose `until` changes are written.
 */
const APPLY = `
  CREATE OR REPLACE FUNCTION task_tally_apply(t task, p task_period, sign integer) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    shared integer := task_shared_depth(t.lead_path, t.parent_lead_path);
    keys integer[];
    first_new date;
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
    WITH inserted AS (
      INSERT INTO task_tally (key_id, day, on_time, late, ongoing, on_track, due_soon, overdue, is_lead)
      SELECT k.key_id, d.day, coalesce(b.on_time, 0), coalesce(b.late, 0), coalesce(b.ongoing, 0),
             coalesce(b.on_track, 0), coalesce(b.due_soon, 0), coalesce(b.overdue, 0), k.key_id = keys[1]
      FROM unnest(keys) AS k(key_id)
      CROSS JOIN (
        SELECT DISTINCT day
        FROM task_period_deltas(p.valid_from, p.valid_to, p.state, p.effective_deadline, p.completed_on)
      ) AS d
      LEFT JOIN LATERAL (
        SELECT * FROM task_tally AS b WHERE b.key_id = k.key_id AND b.day < d.day ORDER BY b.day DESC LIMIT 1
      ) AS b ON true
      ON CONFLICT (key_id, day) DO NOTHING
      RETURNING day
    )
    SELECT min(day) INTO first_new FROM inserted;
    IF first_new IS NOT NULL THEN
      UPDATE task_tally AS r SET until = n.next_day
      FROM (
        SELECT s.key_id, s.day, lead(s.day) OVER (PARTITION BY s.key_id ORDER BY s.day) AS next_day
        FROM unnest(keys) AS k(key_id)
        CROSS JOIN LATERAL (
          SELECT b.key_id, b.day FROM task_tally AS b
          WHERE b.key_id = k.key_id
            AND b.day >= coalesce((SELECT max(e.day) FROM task_tally AS e WHERE e.key_id = k.key_id
                                   AND e.day < first_new), first_new)
        ) AS s
      ) AS n
      WHERE r.key_id = n.key_id AND r.day = n.day AND r.until IS DISTINCT FROM n.next_day;
    END IF;
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

/** As in 0008, writing `until` and `is_lead` with the rows. */
const REBUILD = `
  CREATE OR REPLACE FUNCTION task_tally_rebuild() RETURNS void LANGUAGE plpgsql AS $$
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
    INSERT INTO task_tally (key_id, day, until, is_lead, on_time, late, ongoing, on_track, due_soon, overdue)
      SELECT k.id, x.day, lead(x.day) OVER w, k.kind = 'lead',
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
      GROUP BY k.id, k.kind, x.day
      WINDOW w AS (PARTITION BY k.id ORDER BY x.day);
  END $$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, COLUMNS);
  for (const statement of [APPLY, REBUILD]) await sql.raw(statement).execute(db);
}
