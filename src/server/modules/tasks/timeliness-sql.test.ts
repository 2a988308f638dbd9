import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/calendar-date.ts';
import { TASK_STATES, type TaskState } from '../../../shared/domain/task-lifecycle.ts';
import { daysLateOf, timelinessOf } from '../../../shared/domain/timeliness.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { openTestDatabase } from '../../testing/test-database.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { daysLateSql, timelinessSql } from './timeliness-sql.ts';

/**
 * The SQL rule that dashboards count with and the TypeScript rule that screens and the seed use
 * must never disagree: every state × deadline × completion date × window, on both databases.
 */
interface Case {
  state: TaskState;
  deadline: string | null;
  completedOn: string | null;
}

// Around a month end, so that date arithmetic crosses a month (and 2024-02-29 sits in range).
const AS_OF_DAYS = ['2025-06-15', '2024-03-01'];
// Past, yesterday, on, tomorrow, and either side of both windows (0 and 7 days).
const DEADLINE_OFFSETS = [-30, -1, 0, 1, 6, 7, 8, 30];

function casesFor(asOf: string): Case[] {
  const deadlines = [null, ...DEADLINE_OFFSETS.map((offset) => addDays(asOf, offset))];
  const cases: Case[] = [];
  for (const state of TASK_STATES) {
    for (const deadline of deadlines) {
      const reference = deadline ?? asOf;
      // Before, on and after the deadline, and none (an open task, or a completion never dated).
      const completions = [addDays(reference, -1), reference, addDays(reference, 1), null];
      for (const completedOn of completions) cases.push({ state, deadline, completedOn });
    }
  }
  return cases;
}

describe.each(TEST_DATABASE_KINDS)('timeliness in SQL and in TypeScript on %s', (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  /** Evaluates the SQL rule over VALUES rows shaped like a task period `p`. */
  async function evaluate(cases: Case[], asOf: string, window: number) {
    const rows = cases.map(
      (c, index) =>
        sql`(cast(${index} as integer), ${c.state}, cast(${c.deadline} as date), cast(${c.completedOn} as date))`,
    );
    const result = await sql<{ i: number; timeliness: string | null; days_late: number }>`
      SELECT p.i, ${timelinessSql(asOf, window)} AS timeliness, ${daysLateSql(asOf)} AS days_late
      FROM (VALUES ${sql.join(rows)}) AS p(i, state, effective_deadline, completed_on)
      ORDER BY p.i`.execute(database.db);
    return result.rows;
  }

  describe.each(AS_OF_DAYS)('as of %s', (asOf) => {
    const cases = casesFor(asOf);

    it.each([0, 7])('agrees on every case with a due-soon window of %i days', async (window) => {
      const rows = await evaluate(cases, asOf, window);
      expect(rows).toHaveLength(cases.length);
      const disagreements = cases
        .map((c, index) => ({
          ...c,
          sql: rows[index]?.timeliness ?? null,
          ts: timelinessOf(c, asOf, window),
        }))
        .filter((c) => c.sql !== c.ts);
      expect(disagreements).toEqual([]);
    });

    it('agrees on the days late', async () => {
      const rows = await evaluate(cases, asOf, 7);
      expect(rows.map((row) => Number(row.days_late))).toEqual(cases.map((c) => daysLateOf(c, asOf)));
    });

    it('covers every timeliness value, and reads the deadline day as on time and the day after as overdue', async () => {
      const rows = await evaluate(cases, asOf, 7);
      expect(new Set(rows.map((row) => row.timeliness))).toEqual(
        new Set(['on_time', 'late', 'overdue', 'due_soon', 'on_track', 'ongoing', null]),
      );
      const [onDeadline, dayAfter, completedOnDeadline, windowEdge] = await evaluate(
        [
          { state: 'in_progress', deadline: asOf, completedOn: null },
          { state: 'submitted', deadline: addDays(asOf, -1), completedOn: null },
          { state: 'completed', deadline: asOf, completedOn: asOf },
          { state: 'assigned', deadline: addDays(asOf, 7), completedOn: null },
        ],
        asOf,
        7,
      );
      expect(onDeadline?.timeliness).toBe('due_soon');
      expect(dayAfter?.timeliness).toBe('overdue');
      expect(completedOnDeadline?.timeliness).toBe('on_time');
      expect(windowEdge?.timeliness).toBe('due_soon');
      expect(
        (await evaluate([{ state: 'assigned', deadline: addDays(asOf, 1), completedOn: null }], asOf, 0))[0],
      ).toMatchObject({ timeliness: 'on_track' });
    });
  });
});
