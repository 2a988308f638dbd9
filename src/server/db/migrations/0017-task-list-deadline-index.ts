import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * The task list's default order, by deadline (decision 0023). Without an index in that order, a page
 * of 20 sorted every period covering `as_of` (200,000 of them at national scale): 60–250 ms. Walking
 * this index, whose included columns test that a period covers `as_of` and give its state, reads the
 * first periods in deadline order until the page is full, and only their tasks (under 1 ms). Unlike
 * task_period_open_deadline_idx, it holds every state, since the list shows completed tasks too.
 */
const STATEMENTS = `
  CREATE INDEX task_period_deadline_idx ON task_period (effective_deadline, task_id)
    INCLUDE (valid_from, valid_to, state, completed_on)
`;

export const up = (db: Kysely<unknown>): Promise<void> => runStatements(db, STATEMENTS);
