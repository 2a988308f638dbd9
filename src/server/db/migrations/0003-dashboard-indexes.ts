import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Indexes for the dashboard and task lists at national scale (docs/decisions/0009): the scope
 * filter and the period covering `as_of` read from indexes alone, and the overdue list walks open
 * periods in deadline order instead of computing every task's timeliness.
 */
const STATEMENTS = `
  CREATE INDEX task_scope_idx ON task (lead_path text_pattern_ops)
    INCLUDE (id, parent_lead_path, lead_organization_id, task_group_id, lead_province_id);
  DROP INDEX task_lead_path_idx;
  CREATE INDEX task_period_covering_idx ON task_period (task_id, valid_from)
    INCLUDE (valid_to, state, effective_deadline, completed_on);
  CREATE INDEX task_period_open_deadline_idx ON task_period (effective_deadline, task_id)
    INCLUDE (valid_from, valid_to) WHERE state IN ('assigned', 'in_progress', 'submitted')
`;

export const up = (db: Kysely<unknown>): Promise<void> => runStatements(db, STATEMENTS);
