import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Today's open tasks in deadline order (decision 0030). A reading of today or later takes each task's
 * current period (valid_to IS NULL), and its overdue tasks are the first entries of this index, up to
 * today. task_period_open_deadline_idx holds the open periods of every day since the start: walking it
 * for today's overdue met 30 closed periods for each current one, and the list's count of 1,001
 * overdue tasks took 45 ms; here it reads 1,001 entries (about 9 ms).
 */
const STATEMENTS = `
  CREATE INDEX task_period_current_open_deadline_idx ON task_period (effective_deadline, task_id)
    INCLUDE (valid_from)
    WHERE valid_to IS NULL AND state IN ('assigned', 'in_progress', 'submitted')
`;

export const up = (db: Kysely<unknown>): Promise<void> => runStatements(db, STATEMENTS);
