import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Task imports run as jobs: the upload is kept with the job so that any process of the app can
 * run it, and the report stays readable after the run. A partial index keeps the queue scan small;
 * heartbeat_at tells a running job whose process died (see decision 0010).
 */
const STATEMENTS = `
  CREATE TABLE import_job (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    created_by uuid NOT NULL REFERENCES person(id),
    programme_id uuid NOT NULL REFERENCES programme(id),
    mode text NOT NULL CHECK (mode IN ('dry_run', 'apply')),
    state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
    locale text NOT NULL,
    file_name text NOT NULL,
    content bytea NOT NULL,
    rows_total integer,
    rows_processed integer NOT NULL DEFAULT 0,
    report jsonb,
    failure jsonb,
    worker text,
    heartbeat_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz,
    finished_at timestamptz
  );
  CREATE INDEX import_job_queue_idx ON import_job (created_at) WHERE state IN ('queued', 'running');
  CREATE INDEX import_job_created_by_idx ON import_job (created_by, created_at)
`;

export const up = (db: Kysely<unknown>): Promise<void> => runStatements(db, STATEMENTS);
