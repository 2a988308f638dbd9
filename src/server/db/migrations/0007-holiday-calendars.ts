import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * A year's working calendar as an administrator set it from the Government's announcement (Tết
 * days, bridge days, make-up Saturdays). A year without a row follows the statutory holidays. The
 * year is edited and read as a whole, so its days are kept as JSON in one row.
 */
const STATEMENTS = `
  CREATE TABLE holiday_calendar (
    year integer PRIMARY KEY CHECK (year BETWEEN 1900 AND 2199),
    holidays jsonb NOT NULL,
    extra_working_days jsonb NOT NULL,
    version integer NOT NULL DEFAULT 1,
    updated_by uuid REFERENCES person(id),
    updated_at timestamptz NOT NULL DEFAULT now()
  )
`;

export const up = (db: Kysely<unknown>): Promise<void> => runStatements(db, STATEMENTS);
