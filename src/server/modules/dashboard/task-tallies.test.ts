import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/calendar-date.ts';
import { OPEN_STATES, type TaskState } from '../../../shared/domain/task-lifecycle.ts';
import type { Db } from '../../db/database.ts';
import { seededRandom } from '../../seed/random.ts';
import { actorFor, buildProgramme, buildTask, onDay } from '../../testing/task-factory.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { recordPeriod } from '../tasks/tasks.repository.ts';
import { countByTimeliness, listSummaries } from '../tasks/task-queries.repository.ts';
import { SYSTEM } from '../../kernel/principal.ts';
import { getDashboard } from './dashboard.service.ts';
import { talliedCounts, type Tallies } from './task-tallies.repository.ts';
import type { TimelinessCounts } from '../../../shared/domain/headline.ts';
import type { Timeliness } from '../../../shared/domain/timeliness.ts';

const FIRST_DAY = '2025-01-01';

type LiveRow = Awaited<ReturnType<typeof countByTimeliness>>[number];

/** Counts as a sorted list of "key timeliness n", zero counts left out, for comparison. */
function sortedTotals(entries: Array<[string, Timeliness | null, number]>): string[] {
  const totals = new Map<string, number>();
  for (const [key, timeliness, n] of entries) {
    if (timeliness !== null) totals.set(`${key} ${timeliness}`, (totals.get(`${key} ${timeliness}`) ?? 0) + n);
  }
  return [...totals]
    .filter(([, n]) => n !== 0)
    .map(([key, n]) => `${key} ${n}`)
    .sort();
}

/** The live count's rows, by lead agency and province or by group. */
function normalized(rows: LiveRow[]): string[] {
  return sortedTotals(
    rows.map((row) => [
      Number(row.is_group_row) === 1
        ? `group ${row.task_group_id}`
        : `lead ${row.lead_organization_id} ${row.lead_province_id}`,
      row.timeliness,
      Number(row.n),
    ]),
  );
}

/** The tallies, in the same terms. */
function normalizedTallies({ leads, groups }: Tallies): string[] {
  const entries = (key: string, counts: TimelinessCounts) =>
    Object.entries(counts).map(([timeliness, n]): [string, Timeliness, number] => [key, timeliness as Timeliness, n]);
  return sortedTotals([
    ...leads.flatMap((lead) => entries(`lead ${lead.organizationId} ${lead.provinceId}`, lead.counts)),
    ...groups.flatMap((group) => entries(`group ${group.taskGroupId}`, group.counts)),
  ]);
}

async function pathOf(db: Db, id: string): Promise<string> {
  const row = await db.selectFrom('organization').select('path').where('id', '=', id).executeTakeFirstOrThrow();
  return row.path;
}

/**
 * Every key's counts as a step function of the day: rows that repeat the one before, and keys that
 * never count anything, say nothing (a write taken back leaves such rows behind; a rebuild does not).
 */
async function tallySteps(db: Db): Promise<string[]> {
  const { rows } = await sql<{ key: string; day: string; counts: string }>`
    SELECT concat_ws(' ', k.kind, k.path, k.shared_depth, k.organization_id, k.province_id, k.task_group_id) AS key,
           t.day::text AS day, concat_ws(' ', t.on_time, t.late, t.ongoing, t.on_track, t.due_soon, t.overdue) AS counts
    FROM task_tally t JOIN task_tally_key k ON k.id = t.key_id
    ORDER BY 1, 2`.execute(db);
  const steps: string[] = [];
  let previous = { key: '', counts: '0 0 0 0 0 0' };
  for (const row of rows) {
    const before = row.key === previous.key ? previous.counts : '0 0 0 0 0 0';
    if (row.counts !== before) steps.push(`${row.key} ${row.day} ${row.counts}`);
    previous = row;
  }
  return steps;
}

/**
 * The tallies kept by triggers must give, for any scope, day and due-soon window, exactly the
 * counts of the live query over every task (decision 0011). Random histories: tasks created through
 * the service, then periods written by the repository on random later days (every state, deadlines
 * moved, completions early and late), some cascaded, some moved to another lead agency or group.
 */
describe.each(TEST_DATABASE_KINDS)('task tallies on %s', (kind) => {
  let t: TestApp;
  let db: Db;
  let scopes: string[];

  beforeAll(async () => {
    t = await createTestApp(kind);
    db = t.database.db;
    const programme = await buildProgramme(db, t.world);
    const { ministry, hanoi, hcm, hoanKiem, dongAnh } = t.world.org;
    const { root, government } = t.world.org;
    scopes = await Promise.all([root, hanoi, hcm, ministry, hoanKiem, government].map((org) => pathOf(db, org.id)));
    const random = seededRandom(57);
    const day = (from: string, span: number) => addDays(from, random.int(span));
    const deadlineAfter = (from: string) => (random.chance(0.9) ? day(from, 150) : null);
    const steering = await actorFor(db, t.world.person.steering);
    const hanoiFocal = await actorFor(db, t.world.person.hanoiFocal);
    const groups = [...programme.groups.map((g) => g.id), 'none'];
    const created = new Map<string, string>();
    const create = async (on: string, overrides: Parameters<typeof buildTask>[2], actor = steering) =>
      created.set(await buildTask(db, onDay(actor, on), overrides), on);
    // Hà Nội's tasks first, cascaded to its ward and commune while they are still open.
    const parents: string[] = [];
    for (let index = 0; index < 6; index++) {
      const on = day(FIRST_DAY, 60);
      const id = await buildTask(db, onDay(steering, on), {
        programmeId: programme.id,
        leadOrganizationId: hanoi.id,
        deadline: null,
      });
      created.set(id, on);
      parents.push(id);
    }
    for (let index = 0; index < 34; index++) {
      const on = day('2025-03-01', 150);
      const group = random.pick(groups);
      if (random.chance(0.3)) {
        await create(
          on,
          {
            programmeId: programme.id,
            leadOrganizationId: random.pick([hoanKiem.id, dongAnh.id]),
            parentTaskId: random.pick(parents),
            deadline: deadlineAfter(on),
          },
          hanoiFocal,
        );
      } else {
        await create(on, {
          programmeId: programme.id,
          leadOrganizationId: random.pick([ministry.id, hanoi.id, hcm.id]),
          ...(group === 'none' ? {} : { taskGroupId: group }),
          deadline: deadlineAfter(on),
        });
      }
    }
    // Later periods in day order, in any state: the tallies must follow whatever is recorded.
    for (const [id, from] of created) {
      let on = from;
      for (let step = random.int(4); step >= 0; step--) {
        on = day(addDays(on, 1), 60);
        const state = random.pick<TaskState>([...OPEN_STATES, 'completed', 'cancelled']);
        await recordPeriod(db, id, on, {
          state,
          effective_deadline: random.chance(0.85) ? day(from, 240) : null,
          completed_on: state === 'completed' ? on : null,
        });
      }
      if (random.chance(0.1)) {
        const other = random.pick(programme.groups).id;
        await db.updateTable('task').set({ task_group_id: other }).where('id', '=', id).execute();
      }
    }
  }, 240_000);

  afterAll(async () => t?.close());

  it('gives the live counts for every scope, day and due-soon window, read by key or by date', async () => {
    let compared = 0;
    for (const scopePath of scopes) {
      for (let asOf = '2024-12-31'; asOf <= '2026-01-31'; asOf = addDays(asOf, 23)) {
        for (const dueSoonDays of [0, 7, 30]) {
          const filter = { scopePath, asOf, dueSoonDays };
          const [byKey, byDate, live] = await Promise.all([
            talliedCounts(db, filter, 'key'),
            talliedCounts(db, filter, 'date'),
            countByTimeliness(db, filter),
          ]);
          const label = `${scopePath} ${asOf} ${dueSoonDays}`;
          expect(normalizedTallies(byKey), `${label} by key`).toEqual(normalized(live));
          expect(normalizedTallies(byDate), `${label} by date`).toEqual(normalized(live));
          if (live.length > 0) compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("ends each tally row where its key's next row starts, as writes and a rebuild leave them", async () => {
    const misplaced = async () =>
      (
        await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM (
            SELECT t.until, t.is_lead, k.kind, lead(t.day) OVER (PARTITION BY t.key_id ORDER BY t.day) AS next_day
            FROM task_tally t JOIN task_tally_key k ON k.id = t.key_id
          ) r
          WHERE r.until IS DISTINCT FROM r.next_day OR r.is_lead <> (r.kind = 'lead')`.execute(db)
      ).rows[0]?.n;
    const ended = await db
      .selectFrom('task_tally')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('until', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(ended.n).toBeGreaterThan(100);
    expect(await misplaced()).toBe(0);
    await db.transaction().execute(async (tx) => {
      await sql`SELECT task_tally_rebuild()`.execute(tx);
    });
    expect(await misplaced()).toBe(0);
  });

  it("lists a scope's most overdue tasks as the task list does, whichever way it reads them", async () => {
    const codes = { VN: scopes[0], '01': scopes[1], '79': scopes[2], BKHCN: scopes[3] } as const;
    let listed = 0;
    for (const [code, scopePath] of Object.entries(codes)) {
      for (const asOf of ['2025-06-30', '2025-09-30', '2026-01-31']) {
        const dashboard = await getDashboard(db, SYSTEM, { scope: code, as_of: asOf });
        const filter = { scopePath: scopePath ?? '', asOf, dueSoonDays: 7, timeliness: ['overdue' as const] };
        const list = await listSummaries(db, filter, { sort: 'deadline', limit: 50 });
        expect(
          dashboard.overdueTasks.map((task) => task.code),
          `${code} ${asOf}`,
        ).toEqual(list.map((row) => row.code));
        listed += list.length;
      }
    }
    expect(listed).toBeGreaterThan(0);
  });

  it('counts the tasks without a group in a by-group row of their own', async () => {
    const dashboard = await getDashboard(db, SYSTEM, { scope: 'VN', as_of: '2025-06-30' });
    const ungrouped = dashboard.byGroup.find((row) => row.id === null);
    expect(ungrouped?.total).toBeGreaterThan(0);
    expect(ungrouped?.nameEn).toBe('No group');
    expect(dashboard.byGroup.reduce((sum, row) => sum + row.total, 0)).toBe(dashboard.total);
  });

  it('keeps, write by write, what a rebuild from the periods gives', async () => {
    const kept = await tallySteps(db);
    expect(kept.length).toBeGreaterThan(0);
    await db.transaction().execute(async (tx) => {
      await sql`SELECT task_tally_rebuild()`.execute(tx);
    });
    expect(await tallySteps(db)).toEqual(kept);
  });

  it('moves a task to its new lead agency, history included', async () => {
    const { hcm, hanoi } = t.world.org;
    const hcmPath = await pathOf(db, hcm.id);
    const filter = { scopePath: hcmPath, asOf: '2025-06-30', dueSoonDays: 7 };
    const task = await db
      .selectFrom('task')
      .select(['id'])
      .where('lead_organization_id', '=', hanoi.id)
      .where('parent_task_id', 'is', null)
      .where('child_count', '=', 0)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('task')
      .set({ lead_organization_id: hcm.id, lead_path: hcmPath, lead_province_id: hcm.id })
      .where('id', '=', task.id)
      .execute();
    const [tallied, live] = await Promise.all([talliedCounts(db, filter), countByTimeliness(db, filter)]);
    expect(normalizedTallies(tallied)).toEqual(normalized(live));
  });
});
