import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Evidence files of progress reports, kept in the database: every app process serves them, and
 * they are backed up and restored with the tasks they prove.
 */
const STATEMENTS = `
  CREATE TABLE evidence_file (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id uuid NOT NULL REFERENCES task(id),
    report_id uuid REFERENCES progress_report(id),
    file_name text NOT NULL,
    media_type text NOT NULL,
    size_bytes integer NOT NULL,
    sha256 text NOT NULL,
    content bytea NOT NULL,
    uploaded_by uuid REFERENCES person(id),
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX evidence_file_task_idx ON evidence_file (task_id, created_at);
  CREATE INDEX evidence_file_report_idx ON evidence_file (report_id)
`;

export const up = (db: Kysely<unknown>): Promise<void> => runStatements(db, STATEMENTS);
