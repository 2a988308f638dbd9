import { type RawBuilder, sql } from 'kysely';
import { today } from '../../../shared/domain/calendar-date.ts';
import { OPEN_STATES } from '../../../shared/domain/task-lifecycle.ts';
import type { Timeliness } from '../../../shared/domain/timeliness.ts';

/**
 * The timeliness rule of src/shared/domain/timeliness.ts, as SQL over a task period `p`, so that
 * dashboards count in the database. timeliness-sql.test.ts checks that both agree case by case.
 */
export function timelinessSql(asOf: string, dueSoonDays: number, alias = 'p'): RawBuilder<Timeliness | null> {
  const state = sql.ref(`${alias}.state`);
  const deadline = sql.ref(`${alias}.effective_deadline`);
  const completedOn = sql.ref(`${alias}.completed_on`);
  const openStates = sql.join([...OPEN_STATES].map((value) => sql.lit(value)));
  const day = sql`cast(${asOf} as date)`;
  return sql<Timeliness | null>`CASE
    WHEN ${state} = 'completed' THEN
      CASE WHEN ${deadline} IS NULL OR ${completedOn} IS NULL OR ${completedOn} <= ${deadline} THEN 'on_time' ELSE 'late' END
    WHEN ${state} IN (${openStates}) THEN
      CASE
        WHEN ${deadline} IS NULL THEN 'ongoing'
        WHEN ${day} > ${deadline} THEN 'overdue'
        WHEN ${deadline} - ${day} <= ${dueSoonDays} THEN 'due_soon'
        ELSE 'on_track'
      END
  END`;
}

/**
 * Whether a reading of `asOf` reads tasks as they stand now: nothing is recorded on a later day than
 * today (requests act now: decision 0014), so from today on a task's current period and its own
 * progress column are what held on `asOf` (decisions 0014, 0030).
 */
export const readsCurrentState = (asOf: string): boolean => asOf >= today();

/**
 * The task period that covered `asOf`: periods are [valid_from, valid_to). From today on it is the
 * current period (valid_to IS NULL); said so, the condition lets the planner use the indexes of
 * current periods (decision 0030).
 */
export function periodCovers(asOf: string, alias = 'p'): RawBuilder<boolean> {
  const day = sql`cast(${asOf} as date)`;
  const validFrom = sql.ref(`${alias}.valid_from`);
  const validTo = sql.ref(`${alias}.valid_to`);
  if (readsCurrentState(asOf)) return sql<boolean>`${validFrom} <= ${day} AND ${validTo} IS NULL`;
  return sql<boolean>`${validFrom} <= ${day} AND (${validTo} IS NULL OR ${validTo} > ${day})`;
}

/**
 * Days late as of `asOf` (daysLateOf in shared/domain/timeliness.ts): an open task's days past its
 * deadline, a completed task's days from its deadline to its completion, 0 otherwise, so that a
 * cancelled or draft task never reads as so many days late.
 */
export function daysLateSql(asOf: string, alias = 'p'): RawBuilder<number> {
  const deadline = sql.ref(`${alias}.effective_deadline`);
  const state = sql.ref(`${alias}.state`);
  const completedOn = sql.ref(`${alias}.completed_on`);
  const openStates = sql.join([...OPEN_STATES].map((value) => sql.lit(value)));
  return sql<number>`CASE
    WHEN ${deadline} IS NULL THEN 0
    WHEN ${state} = 'completed' THEN coalesce(greatest(0, ${completedOn} - ${deadline}), 0)
    WHEN ${state} IN (${openStates}) THEN greatest(0, cast(${asOf} as date) - ${deadline})
    ELSE 0 END`;
}
