import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Confidential tasks are few, and a reader without `task.read_confidential` everywhere must not see
 * those outside their reach (decision 0015). A province's overdue list reads its tasks from the scope
 * index alone; testing each one's flag there would read every task row. Probing this small index for
 * the overdue candidates only keeps that read index-only.
 */
const STATEMENTS = `
  CREATE INDEX task_confidential_idx ON task (id) WHERE is_confidential
`;

export const up = (db: Kysely<unknown>): Promise<void> => runStatements(db, STATEMENTS);
