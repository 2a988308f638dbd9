import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * The handlers' queue of one organization at a million items (bench/feedback.bench.ts). Sorted
 * by due date, the planner walks the due-date index and tests each row's scope on the table:
 * tens of thousands of row reads for a page (115 ms). With the assigned path as a last key
 * column, the scope is tested on the index itself and only the page's rows are read (2.6 ms).
 * The new index starts with the old one's columns and serves its queries: the old one goes.
 * Likely duplicates are sought among a field's most recent items (feedback.repository.ts).
 */
const STATEMENTS = `
  CREATE INDEX feedback_item_due_scope_idx
    ON feedback_item (pending_due_on, received_at, id, assigned_path text_pattern_ops);
  DROP INDEX IF EXISTS feedback_item_due_idx;
  CREATE INDEX feedback_item_field_recent_idx ON feedback_item (field, received_at DESC) WHERE state <> 'merged'
`;

export const up = (db: Kysely<unknown>): Promise<void> => runStatements(db, STATEMENTS);
