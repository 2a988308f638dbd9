import { type RawBuilder, sql } from 'kysely';
import type { TaskListCursor } from './task-list-cursor.ts';

/** The expression a sort orders by, as a condition can test it (the deadline, a task column, progress as of a day). */
export type SortExpression = RawBuilder<unknown>;

/**
 * The tasks after `cursor` in the list's order (listSummaries): the sort's value past the cursor's,
 * or equal to it with a later code, standing duties (no deadline) last whichever the direction.
 * It restates that ORDER BY, so that a page starts exactly where the previous one stopped.
 */
export function afterCursor(cursor: TaskListCursor, expression: SortExpression): RawBuilder<boolean> {
  const code = sql`t.code COLLATE "C"`;
  if (cursor.value === null) return sql<boolean>`(${expression} IS NULL AND ${code} > ${cursor.code})`;
  const value = typedValue(cursor);
  const later = cursor.sort.startsWith('-') ? sql`<` : sql`>`;
  const past = sql<boolean>`(${expression} ${later} ${value} OR (${expression} = ${value} AND ${code} > ${cursor.code}))`;
  const hasDeadlinesLast = cursor.sort === 'deadline' || cursor.sort === '-deadline';
  return hasDeadlinesLast ? sql<boolean>`(${past} OR ${expression} IS NULL)` : past;
}

/** The value with its type written out, whatever type each driver sends a parameter as. */
function typedValue(cursor: TaskListCursor) {
  if (cursor.sort === 'deadline' || cursor.sort === '-deadline') return sql`cast(${cursor.value} as date)`;
  if (cursor.sort === 'progress' || cursor.sort === '-progress') return sql`cast(${cursor.value} as integer)`;
  return sql`cast(${cursor.value} as text)`;
}
